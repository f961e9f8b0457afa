/* eslint-disable @typescript-eslint/no-require-imports */
// Where the add-in is hosted, in one place for the build (webpack.config.js), the package script and
// the manifest checks. manifest.xml in the repository is the development manifest: every URL starts
// with DEV_BASE. A production build (ADDIN_URL set) rewrites those URLs to ADDIN_URL, which may have
// a sub-path, and every build stamps the version of package.json into the manifest.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const DEV_BASE = "https://localhost:3000/";

/**
 * The hosting base URL from ADDIN_URL, normalized to end with "/"; null when unset (development).
 * Throws a message that names the variable and the fix when it is not an https URL.
 */
function addinBase(value = process.env.ADDIN_URL) {
  if (value === undefined || value.trim() === "") return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `ADDIN_URL "${value}" is not a URL: give the https address where dist/ will be hosted, e.g. https://addins.example.nl/ibn-lumpsum/`,
    );
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_URL "${value}" must start with https:// (Office loads add-ins only over HTTPS)`);
  // A bare "?" or "#" leaves search/hash empty but stays in href: look at the text as well.
  if (url.search || url.hash || /[?#]/.test(value) || url.username || url.password)
    throw new Error(`ADDIN_URL "${value}" must be a plain folder address, without ?query, #fragment or credentials`);
  if (/\.(html?|xml|json|js)$/i.test(url.pathname))
    throw new Error(
      `ADDIN_URL "${value}" names a file: give the folder that will hold taskpane.html, e.g. ${url.origin}${url.pathname.replace(/[^/]*$/, "")}`,
    );
  // "https://host/ibn//" would give ".../ibn//taskpane.html", which many static hosts do not serve.
  url.pathname = url.pathname.replace(/\/{2,}/g, "/");
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** package.json's version as the manifest's four-part version: 0.1.0 → 0.1.0.0 (a pre-release tag is dropped). */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!m) throw new Error(`package.json version "${packageVersion}" is not major.minor.patch`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function packageVersion(root = path.resolve(__dirname, "..")) {
  return JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
}

/** Rewrites a URL of the development build to the same file under `base`. */
function rebase(url, base) {
  return base && url.startsWith(DEV_BASE) ? base + url.slice(DEV_BASE.length) : url;
}

/**
 * The deployment environments (ADDIN_ENV): production keeps the manifest's Id and names; acceptance
 * gets an Id of its own and "(acceptatie)" after its names, so an acceptance copy can be installed
 * beside production (Office tells add-ins apart by Id) and users see which one they open.
 */
const ENVIRONMENTS = { production: "", acceptance: " (acceptatie)" };

/** The environment from ADDIN_ENV (default production); throws a message naming the variable and the choices. */
function addinEnv(value = process.env.ADDIN_ENV) {
  const env = (value ?? "").trim().toLowerCase() || "production";
  if (!Object.prototype.hasOwnProperty.call(ENVIRONMENTS, env))
    throw new Error(
      `ADDIN_ENV "${value}" is not known: use ${Object.keys(ENVIRONMENTS).join(" or ")} (or leave it unset)`,
    );
  return env;
}

/**
 * The manifest Id of an environment: production's own, else a GUID derived from it and the
 * environment's name (name-based, SHA-256; the same on every build, different from production's).
 */
function environmentId(id, env) {
  if (env === "production") return id;
  const h = crypto.createHash("sha256").update(`${id.toLowerCase()}:${env}`).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The names a user sees (the display name and the ribbon group) with the environment's suffix. */
function withEnvironment(xml, env) {
  const suffix = ENVIRONMENTS[env];
  if (!suffix) return xml;
  const id = /<Id>([^<]+)<\/Id>/.exec(xml)[1];
  const named = (block) =>
    block.replace(/((?:DefaultValue|Value)=")([^"]*)(")/g, (_, a, v, b) => `${a}${v}${suffix}${b}`);
  return xml
    .replace(/<Id>[^<]+<\/Id>/, `<Id>${environmentId(id, env)}</Id>`)
    .replace(/<DisplayName\b[\s\S]*?<\/DisplayName>/, named)
    .replace(/<bt:String id="Group\.Label"[\s\S]*?<\/bt:String>/, named);
}

/**
 * The manifest for a build: the version from package.json; with a base, every development URL
 * moved under it and the AppDomain set to its origin; `assets` renames built files (the
 * content-hashed functions script, the metadata with its ?v= version); `env` the environment.
 */
function buildManifest(xml, { base = null, version, assets = {}, env = "production" }) {
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  for (const [from, to] of Object.entries(assets)) out = out.split(`${DEV_BASE}${from}"`).join(`${DEV_BASE}${to}"`);
  out = withEnvironment(out, env);
  if (base) {
    const devOrigin = new URL(DEV_BASE).origin;
    out = out
      .split(DEV_BASE)
      .join(base)
      .replace(
        new RegExp(`<AppDomain>${devOrigin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/?</AppDomain>`, "g"),
        `<AppDomain>${new URL(base).origin}</AppDomain>`,
      );
  }
  return out;
}

module.exports = {
  DEV_BASE,
  ENVIRONMENTS,
  addinBase,
  addinEnv,
  environmentId,
  manifestVersion,
  packageVersion,
  rebase,
  buildManifest,
};
