/* eslint-disable @typescript-eslint/no-require-imports */
// Builds dist/: functions.js + functions.json (generated from JSDoc) + functions.nl-NL.json,
// taskpane.html with its bundle, help.html, the icons and the manifest. Modelled on Microsoft's
// add-in templates.
//
// Without ADDIN_URL this is the development build: the manifest's URLs stay https://localhost:3000/.
// With ADDIN_URL=https://host/any/sub/path/ it is a production build for that address: every URL of
// the manifest and every function's help URL move under it (scripts/deploy-config.js). The pages and
// bundles refer to each other by relative URLs, so dist/ works from any folder of a static host.
// ADDIN_ENV=acceptance gives the manifest an Id of its own and "(acceptatie)" after its names.
// Production mode names the bundles by content (functions.<hash>.js, taskpane.<hash>.js): hosts
// may cache them for a year; the manifest (scripts/manifest-plugin.js) and taskpane.html name them,
// and the metadata gets a ?v=<hash> in the manifest. The server configurations are in deploy/.
// `--output-path <dir>` builds elsewhere than dist/ (the hosted-build test does).
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedMetadataPlugin = require("./scripts/localized-metadata-plugin.js");
const ManifestPlugin = require("./scripts/manifest-plugin.js");
const { addinBase, addinEnv, packageVersion, rebase } = require("./scripts/deploy-config.js");

const devServerPort = 3000;

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    // Installing the CA needs sudo (and is not supported everywhere): serve with an uninstalled
    // certificate instead; scripts/start.mjs tells the user how to trust it.
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
    if (!fs.existsSync(cert) || !fs.existsSync(key)) await devCerts.generateCertificates(ca, cert, key);
    console.warn(`Dev certificate not installed (${e.message.split("\n")[0]}); serving with ${cert}.`);
    return { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.some((a) => a === "serve");
  const base = addinBase(); // null: development URLs (https://localhost:3000/)
  const environment = addinEnv(); // production unless ADDIN_ENV=acceptance
  if (base && serving)
    throw new Error("ADDIN_URL is for production builds; the dev server serves https://localhost:3000/");
  const version = packageVersion(__dirname);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // Shared runtime: one page loads both bundles. functions.js stays a complete bundle (the
      // manifest's functions script) and carries the webpack runtime and the shared code (core,
      // decimal.js); taskpane.js depends on it and holds only the UI.
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    // publicPath "auto": chunks and assets resolve relative to the script, so a sub-path works.
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      publicPath: "auto",
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Only the bundled files: node-only modules (src/writers/xlsxReader.ts) are type-checked by
          // `tsc -p tsconfig.json` with node's types, not against the browser's here.
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", onlyCompileBundledFiles: true } },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    // Terser's default passes, without putting single-use functions into their callers: the
    // custom functions' hot paths (src/core/filtered/) stay functions V8 optimises well (about
    // 10 % faster for QUASI_INHOUSE_PCT, `npm run bench -- --bundle`).
    optimization: { minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false } } } },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedMetadataPlugin({
        source: "functions.json",
        translations: "./src/core/locale/nl-NL.functions.json", // the Dutch locale pack's function texts
        output: "functions.nl-NL.json",
        helpLanguage: "nl",
        rebaseUrl: base ? (url) => rebase(url, base) : undefined,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions bundle comes first, so Excel can associate the functions
        // before the task pane's UI code runs.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        publicPath: "", // relative script URLs: works under any sub-path
      }),

      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          { from: "src/help/help.css", to: "help.css" },
          // The server configurations for IIS and Azure Static Web Apps travel with the files (deploy/).
          { from: "deploy/iis/web.config", to: "web.config" },
          { from: "deploy/azure/staticwebapp.config.json", to: "staticwebapp.config.json" },
        ],
      }),
      new ManifestPlugin({
        template: path.resolve(__dirname, "manifest.xml"),
        base,
        version,
        env: environment,
        functionsEntry: "functions",
        metadata: ["functions.json", "functions.nl-NL.json"],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.resolve(__dirname, "dist") },
          host: "localhost", // this machine only: never the whole network
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || devServerPort),
          client: { overlay: false },
        }
      : undefined,
  };
};
