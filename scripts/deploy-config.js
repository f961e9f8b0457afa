/* eslint-disable @typescript-eslint/no-require-imports */
// Where the add-in is hosted, in one place for the build (webpack.config.js), the package script and
// the manifest checks. manifest.xml in the repository is the development manifest: every URL starts
// with DEV_BASE. A production build (ADDIN_URL set) rewrites those URLs to ADDIN_URL, which may have
// a sub-path, and every build stamps the version of package.json into the manifest.
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
 * The manifest for a build: the version from package.json, and with a base, every development URL
 * moved under it and the AppDomain set to its origin.
 */
function buildManifest(xml, { base = null, version }) {
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
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

module.exports = { DEV_BASE, addinBase, manifestVersion, packageVersion, rebase, buildManifest };
