// The nginx configuration of the deployment kit (deploy/nginx/), served for real: nginx on a
// loopback port with the shipped location block over a copy of the built dist/, and every kind of
// file asked for: its MIME type, Cache-Control (no-cache for the pages, metadata and manifest, a
// year for the content-hashed bundles, a day for the icons), HSTS, nosniff, the CSP frame-ancestors
// for Excel on the web and no X-Frame-Options; gzip for the metadata. The example site file passes
// `nginx -t` with a generated certificate. nginx comes from .ci/run (Debian's package); without it
// the suite is skipped locally and fails in CI. IIS and Azure: test/unit/deployKit.test.ts.
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { CACHE_EXPECTED, CSP } from "../support/deployHeaders";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const LOCATION = path.join(ROOT, "deploy", "nginx", "ibn-lumpsum-location.conf");

/** nginx's path: on PATH, or Debian's /usr/sbin (not on a normal user's PATH). */
function nginxBinary(): string | undefined {
  for (const candidate of ["nginx", "/usr/sbin/nginx"])
    try {
      execFileSync(candidate, ["-v"], { stdio: "ignore" });
      return candidate;
    } catch {
      // next
    }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

/** Copies a folder, every file world-readable (nginx's workers run as nobody). */
function copyReadable(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const [a, b] = [path.join(from, e.name), path.join(to, e.name)];
    if (e.isDirectory()) copyReadable(a, b);
    else {
      fs.copyFileSync(a, b);
      fs.chmodSync(b, 0o644);
    }
  }
}

describe("deploy kit: nginx serves dist/ with the shipped configuration", function () {
  this.timeout(60_000);
  let nginx: string | undefined;
  let tmp = "";
  let port = 0;
  let server: ChildProcess | undefined;
  let log = "";

  before(async function () {
    if (process.env.IBN_UNIT_ONLY) return this.skip();
    nginx = nginxBinary();
    if (!nginx) {
      if (process.env.CI) throw new Error("nginx is required in CI: .ci/run installs it");
      return this.skip();
    }
    assert.ok(fs.existsSync(path.join(DIST, "manifest.xml")), "dist/ is missing: run npm run build (npm test does)");
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-nginx-"));
    fs.chmodSync(tmp, 0o755);
    copyReadable(DIST, path.join(tmp, "site", "ibn-lumpsum"));
    port = await freePort();
    const temp = (name: string) => `${name}_temp_path ${path.join(tmp, name)};`;
    const conf = path.join(tmp, "nginx.conf");
    fs.writeFileSync(
      conf,
      `worker_processes 1;
pid ${path.join(tmp, "nginx.pid")};
error_log ${path.join(tmp, "error.log")};
events { worker_connections 64; }
http {
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  server {
    listen 127.0.0.1:${port};
    root ${path.join(tmp, "site")};
    location /ibn-lumpsum/ { include ${LOCATION}; }
  }
}
`,
    );
    execFileSync(nginx, ["-t", "-p", tmp, "-c", conf], { stdio: "pipe" });
    server = spawn(nginx, ["-p", tmp, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    for (let i = 0; i < 100; i++) {
      const up = await get(port, "/ibn-lumpsum/taskpane.html").then(
        () => true,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not start: ${log}`);
  });

  after(() => {
    if (server && server.exitCode === null) server.kill("SIGTERM");
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The built name of a file of CACHE_EXPECTED (a hashed bundle by its entry's name). */
  const builtName = (file: string) => {
    const m = /^(\w+)\.[0-9a-f]{8}\.js$/.exec(file);
    return m ? fs.readdirSync(DIST).find((f) => new RegExp(`^${m[1]}\\.[0-9a-f]{8}\\.js$`).test(f))! : file;
  };

  const TYPES: Record<string, RegExp> = {
    html: /^text\/html; charset=utf-8$/,
    js: /^text\/javascript; charset=utf-8$/,
    json: /^application\/json; charset=utf-8$/,
    xml: /^application\/xml; charset=utf-8$/,
    css: /^text\/css; charset=utf-8$/,
    png: /^image\/png$/,
  };

  it("every kind of file: its MIME type and Cache-Control, with HSTS, nosniff and the CSP; no X-Frame-Options", async () => {
    for (const [file, cache] of CACHE_EXPECTED) {
      const name = builtName(file);
      const r = await get(port, `/ibn-lumpsum/${name}`);
      assert.equal(r.status, 200, name);
      assert.match(String(r.headers["content-type"]), TYPES[path.extname(name).slice(1)], `${name} content-type`);
      assert.equal(r.headers["cache-control"], cache, `${name} cache-control`);
      assert.equal(r.headers["content-security-policy"], CSP, name);
      assert.equal(r.headers["strict-transport-security"], "max-age=31536000", name);
      assert.equal(r.headers["x-content-type-options"], "nosniff", name);
      assert.equal(r.headers["x-frame-options"], undefined, `${name} must not forbid framing`);
    }
  });

  it("the functions metadata: readable by Office from any origin, gzipped when asked", async () => {
    const r = await get(port, "/ibn-lumpsum/functions.json", { "Accept-Encoding": "gzip" });
    assert.equal(r.headers["access-control-allow-origin"], "*");
    assert.equal(r.headers["content-encoding"], "gzip");
    assert.match(String(r.headers.vary), /Accept-Encoding/);
  });

  it("the URLs the built manifest names are all served (the ?v= of the metadata included)", async () => {
    const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.some((u) => /^functions\.json\?v=[0-9a-f]{8}$/.test(u)));
    for (const u of urls) assert.equal((await get(port, `/ibn-lumpsum/${u}`)).status, 200, u);
    assert.equal((await get(port, "/ibn-lumpsum/nothing.js")).status, 404);
  });

  it("the example site (HTTPS, HTTP redirect) passes nginx -t with a generated certificate", function () {
    let openssl = true;
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
    } catch {
      openssl = false;
    }
    if (!openssl) return this.skip();
    const [cert, key] = [path.join(tmp, "cert.pem"), path.join(tmp, "key.pem")];
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=addins.example.nl",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const site = fs
      .readFileSync(path.join(ROOT, "deploy", "nginx", "ibn-lumpsum.conf"), "utf8")
      .replace("/etc/ssl/certs/addins.example.nl.pem", cert)
      .replace("/etc/ssl/private/addins.example.nl.key", key)
      .replace("snippets/ibn-lumpsum-location.conf", LOCATION)
      .replace(
        /listen (\[::\]:)?(443|80)/g,
        (_, v6, p) => `listen ${v6 ? "[::1]" : "127.0.0.1"}:${p === "443" ? port + 1 : port + 2}`,
      );
    const conf = path.join(tmp, "site.conf");
    fs.writeFileSync(
      conf,
      `pid ${path.join(tmp, "site.pid")};\nerror_log ${path.join(tmp, "site-error.log")};\nevents {}\nhttp {\n${site}\n}\n`,
    );
    // nginx -t exits non-zero, with the reason, when the configuration fails.
    const r = spawnSync(nginx!, ["-t", "-p", tmp, "-c", conf], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /test is successful/);
  });
});
