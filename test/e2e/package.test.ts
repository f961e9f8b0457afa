// `npm run package`: it refuses what would not deploy (no ADDIN_URL, http,
// a ?query or #fragment, a file instead of a folder, this machine), and for an address with a port,
// capitals, a deep sub-path and a doubled slash it builds (into a temporary folder, not dist/) a zip
// that holds every URL the manifest and the functions' help URLs name, all under the normalized base.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = path.join(ROOT, "scripts", "package.mjs");

function runPackage(addinUrl: string | undefined, args: string[] = []) {
  const env = { ...process.env };
  delete env.ADDIN_URL;
  if (addinUrl !== undefined) env.ADDIN_URL = addinUrl;
  return spawnSync(process.execPath, [PACKAGE, ...args], { cwd: ROOT, env, encoding: "utf8" });
}

/** The entries of a zip (deflate or stored), read from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const [nameLen, extraLen, commentLen] = [28, 30, 32].map((o) => buf.readUInt16LE(p + o));
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe("npm run package", function () {
  this.timeout(300000);

  for (const [value, why] of [
    [undefined, /ADDIN_URL is not set/],
    ["http://addins.example.nl/ibn/", /https/],
    ["https://addins.example.nl/ibn/?v=1", /query/],
    ["https://addins.example.nl/ibn?", /query/],
    ["https://addins.example.nl/ibn/#x", /fragment/],
    ["https://addins.example.nl/ibn/taskpane.html", /names a file/],
    ["https://localhost:3000/", /this machine/],
    ["https://127.0.0.1/ibn/", /this machine/],
  ] as const)
    it(`refuses ADDIN_URL=${value}, before building`, () => {
      const r = runPackage(value, ["--dist", path.join(os.tmpdir(), "ibn-never-built"), "--out", os.tmpdir()]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, why);
      assert.doesNotMatch(r.stdout, /Building/);
    });

  it("an address with a port, capitals, a deep sub-path and a doubled slash: a zip with every named file", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-package-"));
    try {
      const dist = path.join(tmp, "dist");
      const r = runPackage("https://Addins.Example.NL:8443/gemeenten//IBN/lump-sum", ["--dist", dist, "--out", tmp]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const base = "https://addins.example.nl:8443/gemeenten/IBN/lump-sum/";
      const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
      const zipFile = fs.readdirSync(tmp).find((f) => f.endsWith(".zip"))!;
      assert.equal(zipFile, `ibn-lumpsum-excel-addin-addins.example.nl-8443-gemeenten-IBN-lump-sum-${version}.zip`);
      const entries = unzip(fs.readFileSync(path.join(tmp, zipFile)));
      const manifest = entries.get("manifest.xml")!.toString("utf8");
      const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
      for (const file of ["functions.json", "functions.nl-NL.json"])
        for (const f of JSON.parse(entries.get(file)!.toString("utf8")).functions as { helpUrl: string }[])
          urls.push(f.helpUrl);
      assert.ok(urls.length > 20);
      for (const u of urls) {
        assert.ok(u.startsWith(base), `${u} is not under ${base}`);
        const name = decodeURIComponent(u.slice(base.length).replace(/[?#].*$/, "")); // ?v=: the metadata's version
        assert.ok(entries.has(name), `${u}: ${name} is not in the zip`);
        const anchor = /#(.+)$/.exec(u)?.[1];
        if (anchor) assert.match(entries.get("help.html")!.toString("utf8"), new RegExp(`\\sid="?${anchor}["\\s>]`));
      }
      assert.deepEqual(
        [...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]),
        ["https://addins.example.nl:8443"],
      );
      assert.match(manifest, new RegExp(`<Version>${version.split("-")[0]}\\.0</Version>`));
      assert.ok(![...entries.keys()].some((n) => n.endsWith(".map")));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
