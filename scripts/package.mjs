// npm run package: the production build for ADDIN_URL, checked, zipped as <name>-<host>-<version>.zip
// (one zip per host) with the manifest inside, ready to unpack on any static HTTPS host at that
// address, and its software bill of materials beside it (<name>-<host>-<version>.cdx.json, npm sbom).
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
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { addinBase, manifestVersion } = require("./deploy-config.js");
const { zip } = require("./zip.cjs");

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}

/** --dist DIR, --out DIR, --skip-build (node:util parseArgs; a mistake is one line). */
function options() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: { dist: { type: "string" }, out: { type: "string" }, "skip-build": { type: "boolean" } },
      strict: true,
    }).values;
  } catch (e) {
    const option = /'(-[^' <]+)/.exec(e.message)?.[1] ?? "";
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      fail(`unknown option ${option}; the options are --dist DIR, --out DIR and --skip-build.`);
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      fail(`${option} needs a folder, for example ${option} ./out.`);
    fail(e.message.split("\n")[0]);
  }
}

/** The folder the user ran npm in (npm runs scripts in the project folder): where relative paths start. */
const userFolder = process.env.INIT_CWD || process.cwd();

/** A file-name part for the host: https://addins.example.nl:8443/ibn/ → addins.example.nl-8443-ibn. */
function hostSlug(base) {
  const u = new URL(base);
  return `${u.hostname}${u.port ? `-${u.port}` : ""}${u.pathname}`
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
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
  const opts = options();
  const dist = opts.dist ? path.resolve(userFolder, opts.dist) : path.join(root, "dist");
  const outDir = opts.out ? path.resolve(userFolder, opts.out) : root;

  if (!opts["skip-build"]) {
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
  // One zip per host: the name says which address it was built for, so building for acceptance never
  // overwrites the production zip (a rebuild for the same host replaces its own zip).
  const zipFile = path.join(outDir, `${pkg.name}-${hostSlug(base)}-${pkg.version}.zip`);
  fs.mkdirSync(outDir, { recursive: true });
  const now = new Date();
  const replacing = fs.existsSync(zipFile);
  fs.writeFileSync(
    zipFile,
    zip(names.map((name) => ({ name, data: fs.readFileSync(path.join(dist, name)), date: now }))),
  );
  // The software bill of materials of what runs (production dependencies), beside the zip.
  const sbomFile = zipFile.replace(/\.zip$/, ".cdx.json");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const sbom = spawnSync(npm, ["sbom", "--sbom-format", "cyclonedx", "--omit", "dev"], {
    cwd: root,
    encoding: "utf8",
    shell: process.platform === "win32",
    maxBuffer: 64 * 1024 * 1024,
  });
  const sbomNote =
    sbom.status === 0
      ? (fs.writeFileSync(sbomFile, sbom.stdout),
        `${path.relative(userFolder, sbomFile)}: software bill of materials (CycloneDX, npm sbom)`)
      : `no software bill of materials: npm sbom failed (${(sbom.stderr || "").split("\n")[0] || sbom.error?.message})`;
  const shown = (f) => path.relative(userFolder, f) || f;
  console.log(`
${shown(zipFile)}: ${names.length} files, ${fs.statSync(zipFile).size} bytes, version ${pkg.version}${replacing ? " (replaced the earlier zip for this host)" : ""}
${sbomNote}
  1. Unpack it so that ${base}taskpane.html is served (HTTPS, any static host).
  2. Upload manifest.xml (inside the zip) in the Microsoft 365 admin center › Integrated apps.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
