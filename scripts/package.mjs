// npm run package: the production build for ADDIN_URL, checked, zipped as <name>-<version>-<host>.zip with the
// manifest inside, ready to unpack on any static HTTPS host at that address.
//
//   ADDIN_URL=https://addins.example.nl/ibn-lumpsum/ npm run package
//   ... npm run package -- --skip-build          zip the dist/ that is already there (checked all the same)
//   ... npm run package -- --dist DIR --out DIR  build into / zip from DIR, write the zip into DIR
//
// It refuses without ADDIN_URL: a package that points to https://localhost:3000 works on no one's
// machine but the developer's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Buffer } from "node:buffer";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { addinBase, manifestVersion } = require("./deploy-config.js");

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// A minimal zip writer (deflate, one central directory): no dependency for one archive.

function dosTime(date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, date } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const { time, day } = dosTime(date);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, deflated);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + deflated.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function filesOf(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? filesOf(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
}

// ---------------------------------------------------------------------------------------------

/** "https://addins.example.nl:8443/ibn/lump-sum/" → "addins.example.nl_8443-ibn-lump-sum": the host in a file name. */
export function hostSlug(base) {
  const u = new URL(base);
  const where = `${u.hostname}${u.port ? `_${u.port}` : ""}${u.pathname}`;
  return where.replace(/[^A-Za-z0-9._]+/g, "-").replace(/-+$/, "");
}

function main() {
  let base;
  try {
    base = addinBase();
  } catch (e) {
    fail(e.message);
  }
  if (!base)
    fail(
      "ADDIN_URL is not set. Give the https address where the files will be hosted, e.g.\n" +
        "  ADDIN_URL=https://addins.example.nl/ibn-lumpsum/ npm run package\n" +
        "A package without it would point to https://localhost:3000 and work on no one's machine.",
    );
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(new URL(base).hostname))
    fail(`ADDIN_URL ${base} is this machine: give the https address of the host the municipality will use.`);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const dist = path.resolve(option("--dist") ?? path.join(root, "dist"));
  const outDir = path.resolve(option("--out") ?? root);

  if (!process.argv.includes("--skip-build")) {
    console.log(`Building for ${base} into ${path.relative(root, dist) || dist} …`);
    const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
    const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", dist], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ADDIN_URL: base },
    });
    if (r.status !== 0) fail("the build failed (see above).");
  }

  const manifestFile = path.join(dist, "manifest.xml");
  if (!fs.existsSync(manifestFile)) fail(`${manifestFile} is missing: build first (without --skip-build).`);
  const manifest = fs.readFileSync(manifestFile, "utf8");
  const taskpane = /<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)?.[1];
  if (!taskpane?.startsWith(base))
    fail(
      `${path.relative(root, manifestFile)} was built for ${taskpane ?? "?"}, not ${base}: build again without --skip-build.`,
    );
  const expected = manifestVersion(pkg.version);
  if (!manifest.includes(`<Version>${expected}</Version>`))
    fail(`the manifest's version is not ${expected} (package.json ${pkg.version}): build again.`);

  const check = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      path.join(root, "scripts", "check-manifest.ts"),
      manifestFile,
      "--production",
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (check.status !== 0) fail("the offline manifest checks failed (see above).");

  const names = filesOf(dist).filter((n) => !n.endsWith(".map"));
  // One zip per host and version: a package for another host is never overwritten.
  const zipFile = path.join(outDir, `${pkg.name}-${pkg.version}-${hostSlug(base)}.zip`);
  fs.mkdirSync(outDir, { recursive: true });
  const now = new Date();
  fs.writeFileSync(
    zipFile,
    zip(names.map((name) => ({ name, data: fs.readFileSync(path.join(dist, name)), date: now }))),
  );
  console.log(`
${path.relative(process.cwd(), zipFile) || zipFile}: ${names.length} files, ${fs.statSync(zipFile).size} bytes, version ${pkg.version}
  1. Unpack it so that ${base}taskpane.html is served (HTTPS, any static host).
  2. Upload manifest.xml (inside the zip) in the Microsoft 365 admin center › Integrated apps.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
