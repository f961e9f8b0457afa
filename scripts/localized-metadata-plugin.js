/* eslint-disable @typescript-eslint/no-require-imports */
// Webpack plugin: builds a localized functions.json (e.g. nl-NL) from the generated one and a
// translation table. The build fails when a function or parameter has no translation, or the
// table names one that does not exist, so the Dutch metadata can never drift from the code.
// It also moves each function's helpUrl (written for the development build, https://localhost:3000/)
// under the build's base URL, in both files, and points the localized one at the help page's
// section in that language (help.html#en-lumpsum → help.html#nl-lumpsum).
const fs = require("fs");
const path = require("path");
const { sources, WebpackError, Compilation } = require("webpack");

/** The help URL of the localized metadata: the same page, the anchor of the language's section. */
function localizeHelpUrl(url, language) {
  return language ? url.replace(/#en-/, `#${language}-`) : url;
}

function localize(metadata, table, helpLanguage) {
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
    const help = f.helpUrl ? { helpUrl: localizeHelpUrl(f.helpUrl, helpLanguage) } : {};
    return {
      ...f,
      name: t.name,
      description: t.description,
      parameters: params,
      ...(result ? { result } : {}),
      ...help,
    };
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
          const metadata = JSON.parse(source.source().toString());
          const rebase = this.options.rebaseUrl;
          if (rebase) {
            for (const f of metadata.functions) if (f.helpUrl) f.helpUrl = rebase(f.helpUrl);
            compilation.updateAsset(this.options.source, new sources.RawSource(JSON.stringify(metadata, null, 2)));
          }
          const { json, problems } = localize(
            metadata,
            JSON.parse(fs.readFileSync(file, "utf8")),
            this.options.helpLanguage,
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
