/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack plugin: builds a localized functions.json (e.g. nl-NL) from the generated one and a
// translation table. The build fails when a function or parameter has no translation, or the
// table names one that does not exist, so the Dutch metadata can never drift from the code.
const fs = require("fs");
const path = require("path");
const { sources, WebpackError, Compilation } = require("webpack");

function localize(metadata, table) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`translation for unknown function ${id}`);
  const functions = metadata.functions.map((f) => {
    const t = table[f.id];
    if (!t) {
      problems.push(`no translation for function ${f.id}`);
      return f;
    }
    const params = (f.parameters || []).map((p) => {
      const tp = t.parameters && t.parameters[p.name];
      if (!tp) problems.push(`no translation for parameter ${p.name} of ${f.id}`);
      return tp ? { ...p, name: tp.name, description: tp.description } : p;
    });
    for (const name of Object.keys(t.parameters || {})) {
      if (!(f.parameters || []).some((p) => p.name === name))
        problems.push(`translation for unknown parameter ${name} of ${f.id}`);
    }
    const result = f.result && t.result ? { ...f.result, description: t.result } : f.result;
    return { ...f, name: t.name, description: t.description, parameters: params, ...(result ? { result } : {}) };
  });
  return { json: { ...metadata, functions }, problems };
}

class LocalizedMetadataPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      const file = path.resolve(compiler.context, this.options.translations);
      compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          const source = assets[this.options.source];
          if (!source) return; // the metadata plugin reported its own error
          const { json, problems } = localize(
            JSON.parse(source.source().toString()),
            JSON.parse(fs.readFileSync(file, "utf8")),
          );
          problems.forEach((p) => compilation.errors.push(new WebpackError(`${this.options.translations}: ${p}`)));
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(json, null, 2)));
        },
      );
    });
  }
}

LocalizedMetadataPlugin.localize = localize;
module.exports = LocalizedMetadataPlugin;
