/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack plugin: writes dist/manifest.xml once every asset is final, so the manifest names the
// files as built: the content-hashed functions script (functions.<hash>.js: a new version is a new
// URL, no browser or Excel keeps an old copy) and the functions metadata with a version query
// (functions.json?v=<hash>: Excel caches the metadata for 24 hours, office-js#4722, and a changed
// file gets a new URL; the file keeps its name, the task pane reads it relative to the page).
// Also the version of package.json, the ADDIN_URL base and the ADDIN_ENV environment
// (scripts/deploy-config.js).
const crypto = require("crypto");
const fs = require("fs");
const { Compilation, sources } = require("webpack");
const { buildManifest } = require("./deploy-config.js");

const hash = (text) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 8);

class ManifestPlugin {
  /** @param {{ template: string, base: string | null, version: string, env: string, functionsEntry: string, metadata: string[] }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const { template, base, version, env, functionsEntry, metadata } = this.options;
          compilation.fileDependencies.add(template);
          const script = compilation.entrypoints
            .get(functionsEntry)
            .getFiles()
            .find((f) => f.endsWith(".js"));
          const assets = { "functions.js": script };
          for (const file of metadata) {
            const asset = compilation.getAsset(file);
            if (asset) assets[file] = `${file}?v=${hash(asset.source.source().toString())}`;
          }
          const xml = buildManifest(fs.readFileSync(template, "utf8"), { base, version, assets, env });
          compilation.emitAsset("manifest.xml", new sources.RawSource(xml));
        },
      );
    });
  }
}

module.exports = ManifestPlugin;
