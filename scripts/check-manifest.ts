// Offline manifest checks (office-addin-manifest validate needs an online service), for the
// development manifest (manifest.xml, https://localhost:3000/) and a production one (the build's
// dist/manifest.xml, ADDIN_URL): well-formed XML, every resid defined and every resource used, https
// only, every URL under one base (no localhost in production), AppDomains matching, the support and
// learn-more pages on help.html, the version following package.json, the requirement sets matching
// what the code in src/ needs, the custom-functions namespace present, the shared runtime wired the
// same everywhere and, given the built folder, every URL (and every function's help URL) a file in it.
//
//   npx tsx scripts/check-manifest.ts                      manifest.xml (+ dist/ when built)
//   npx tsx scripts/check-manifest.ts dist/manifest.xml    a built manifest, against its folder
import fs from "node:fs";
import path from "node:path";
import { parseStringPromise } from "xml2js";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestVersion } = require("./deploy-config.js") as { manifestVersion(v: string): string };

type Node = { $?: Record<string, string>; [child: string]: unknown };

const ROOT = path.resolve(__dirname, "..");
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** Every element of the parsed tree with its tag name, depth first. */
function* walk(node: unknown, tag = "root"): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, tag);
    return;
  }
  if (!node || typeof node !== "object") return;
  yield [tag, node as Node];
  for (const [k, v] of Object.entries(node)) if (k !== "$" && k !== "_") yield* walk(v, k);
}

// ---------------------------------------------------------------------------------------------
// What the code needs: API uses found in src/, each with the requirement set that brings it.

interface ApiUse {
  set: "ExcelApi" | "CustomFunctionsRuntime";
  version: string;
  api: string;
  pattern: RegExp;
}

/**
 * The Office.js members the add-in uses, with the requirement set that introduced them (Microsoft's
 * API reference, "[API set: …]"). ExcelApi is looked for in src/excel (the only place that calls
 * Excel), CustomFunctionsRuntime everywhere. Add a line when the code starts using a newer member.
 */
export const API_USES: ApiUse[] = [
  { set: "ExcelApi", version: "1.2", api: "RangeFormat.columnWidth", pattern: /\.columnWidth\s*=/ },
  { set: "ExcelApi", version: "1.4", api: "settings", pattern: /\.settings\.(add|getItem|getItemOrNullObject)\(/ },
  { set: "ExcelApi", version: "1.4", api: "*OrNullObject methods", pattern: /\.get\w*OrNullObject\(/ },
  { set: "ExcelApi", version: "1.4", api: "names.add", pattern: /\.names\.add\(/ },
  { set: "ExcelApi", version: "1.7", api: "freezePanes", pattern: /\.freezePanes\./ },
  { set: "ExcelApi", version: "1.7", api: "Worksheet.tabColor", pattern: /\.tabColor\b/ },
  { set: "ExcelApi", version: "1.9", api: "Worksheet.getRanges (RangeAreas)", pattern: /\.getRanges\(/ },
  { set: "ExcelApi", version: "1.9", api: "Workbook.getSelectedRanges", pattern: /\.getSelectedRanges\(/ },
  { set: "ExcelApi", version: "1.9", api: "Worksheet.pageLayout", pattern: /\.pageLayout\b/ },
  { set: "ExcelApi", version: "1.10", api: "Workbook.comments", pattern: /\.comments\.add\(/ },
  { set: "ExcelApi", version: "1.12", api: "Range.getSpillingToRangeOrNullObject", pattern: /\.getSpilling\w*\(/ },
  { set: "ExcelApi", version: "1.18", api: "notes", pattern: /\.notes\.(add|getItem\w*|getCount|load)\(/ },
  {
    set: "CustomFunctionsRuntime",
    version: "1.1",
    api: "CustomFunctions.associate",
    pattern: /CustomFunctions\.associate\(/,
  },
  {
    set: "CustomFunctionsRuntime",
    version: "1.2",
    api: "CustomFunctions.Error",
    pattern: /new CustomFunctions\.Error\(/,
  },
  // @types/custom-functions-runtime marks every ErrorCode value [Api set: CustomFunctionsRuntime 1.3].
  {
    set: "CustomFunctionsRuntime",
    version: "1.3",
    api: "CustomFunctions.ErrorCode",
    pattern: /CustomFunctions\.ErrorCode\b/,
  },
];

export interface Requirement {
  version: string;
  /** Where the need comes from: "api (file:line)". */
  because: string;
}

export interface CodeRequirements {
  /** The highest version of each set that some code uses without a runtime check. */
  required: Map<string, Requirement>;
  /** Uses of newer sets behind a runtime check (isSetSupported / supports("x.y")) in the same file. */
  optional: { set: string; version: string; because: string }[];
}

const cmp = (a: string, b: string) => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Scans src/ for the API uses above. */
export function codeRequirements(srcDir = path.join(ROOT, "src")): CodeRequirements {
  const required = new Map<string, Requirement>();
  const optional: CodeRequirements["optional"] = [];
  for (const file of tsFiles(srcDir)) {
    const text = fs.readFileSync(file, "utf8");
    const inExcel = path.relative(srcDir, file).split(path.sep)[0] === "excel";
    const guarded = (version: string) =>
      text.includes(`supports("${version}")`) ||
      new RegExp(`isSetSupported\\("ExcelApi",\\s*"${version}"\\)`).test(text);
    text.split("\n").forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments
      for (const use of API_USES) {
        if (use.set === "ExcelApi" && !inExcel) continue;
        if (!use.pattern.test(line)) continue;
        const because = `${use.api} (${path.relative(ROOT, file)}:${i + 1})`;
        if (use.set === "ExcelApi" && guarded(use.version)) {
          optional.push({ set: use.set, version: use.version, because });
          continue;
        }
        const had = required.get(use.set);
        if (!had || cmp(use.version, had.version) > 0) required.set(use.set, { version: use.version, because });
      }
    });
  }
  return { required, optional };
}

// ---------------------------------------------------------------------------------------------

export interface CheckOptions {
  /** A production manifest: no localhost or loopback URL. */
  production?: boolean;
  /** The base every URL must sit under (ADDIN_URL); by default the task pane's folder. */
  base?: string;
  /** The version the manifest must follow; by default package.json's. */
  packageVersion?: string;
  /** What the code needs; by default scanned from src/. */
  needs?: CodeRequirements;
  /** Production's manifest Id; by default manifest.xml's. */
  productionId?: string;
}

let scanned: CodeRequirements | undefined;

export async function checkManifest(xml: string, distDir?: string, options: CheckOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  let tree: unknown;
  try {
    tree = await parseStringPromise(xml, { strict: true });
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message.split("\n")[0]}`];
  }
  const elements = [...walk(tree)];
  const defined = new Map<string, Node>();
  const used = new Set<string>();
  const urls: string[] = [];
  for (const [tag, node] of elements) {
    const a = node.$ ?? {};
    if (a.resid) used.add(a.resid);
    if (a.id && /^bt:(Image|Url|String)$/.test(tag)) {
      if (defined.has(a.id)) problems.push(`resource ${a.id} defined twice`);
      defined.set(a.id, node);
    }
    for (const key of ["DefaultValue", "Value"]) if (a[key] && /^[a-z]+:\/\//i.test(a[key])) urls.push(a[key]);
  }
  for (const id of used) if (!defined.has(id)) problems.push(`resid "${id}" is used but not defined in Resources`);
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
  const first = <T>(tag: string, get: (n: Node) => T | undefined) =>
    elements.filter(([t]) => t === tag).map(([, n]) => get(n))[0];

  // URLs: https, one base, no loopback in production, AppDomains matching.
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`URL is not https: ${u}`);
  const taskpane = first("DefaultSettings", (n) => (n.SourceLocation as Node[] | undefined)?.[0]?.$?.DefaultValue);
  const base = options.base ?? (taskpane ? taskpane.replace(/[^/]*$/, "") : undefined);
  if (!base) problems.push("no DefaultSettings/SourceLocation (the task pane URL)");
  else {
    if (taskpane && !taskpane.startsWith(base)) problems.push(`the task pane URL ${taskpane} is not under ${base}`);
    for (const u of urls) if (!u.startsWith(base)) problems.push(`URL ${u} is not under the add-in's base ${base}`);
  }
  const origins = new Set(urls.map((u) => new URL(u).origin));
  if (origins.size !== 1) problems.push(`URLs should share one origin, found: ${[...origins].join(", ")}`);
  if (options.production)
    for (const u of urls)
      if (LOOPBACK.test(new URL(u).hostname))
        problems.push(`production manifest points to ${new URL(u).host}: build with ADDIN_URL=https://your-host/path/`);
  const appDomains = elements.filter(([t]) => t === "AppDomains").flatMap(([, n]) => (n.AppDomain as string[]) ?? []);
  for (const d of appDomains) if (!origins.has(d)) problems.push(`AppDomain ${d} does not match the URLs' origin`);
  for (const d of appDomains) if (!d.startsWith("https://")) problems.push(`AppDomain is not https: ${d}`);

  // Help pages.
  const supportUrl = first("SupportUrl", (n) => n.$?.DefaultValue);
  if (!supportUrl || !/\/help\.html(#.*)?$/.test(supportUrl))
    problems.push(`SupportUrl should be help.html, is ${supportUrl}`);
  const learnMoreResid = first("LearnMoreUrl", (n) => n.$?.resid);
  const learnMore = learnMoreResid ? defined.get(learnMoreResid)?.$?.DefaultValue : undefined;
  if (!learnMore || !/\/help\.html(#.*)?$/.test(learnMore))
    problems.push(`LearnMoreUrl should be help.html, is ${learnMore}`);

  // Version.
  const packageVersion =
    options.packageVersion ?? JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const version = ((tree as { OfficeApp?: Node }).OfficeApp?.Version as string[] | undefined)?.[0];
  const expected = manifestVersion(packageVersion);
  if (version !== expected)
    problems.push(`<Version> is ${version}, package.json says ${packageVersion}: set it to ${expected}`);

  // Requirement sets: declared = what the code needs unconditionally.
  const declared = new Map<string, string>();
  const sets = elements.find(([t]) => t === "Requirements")?.[1].Sets as Node[] | undefined;
  const defaultMin = sets?.[0]?.$?.DefaultMinVersion ?? "1.1";
  for (const s of (sets?.[0]?.Set as Node[] | undefined) ?? []) declared.set(s.$!.Name, s.$!.MinVersion ?? defaultMin);
  const needs = options.needs ?? (scanned ??= codeRequirements());
  for (const [set, need] of needs.required) {
    const d = declared.get(set);
    if (!d) problems.push(`requirement set ${set} ${need.version} is needed (${need.because}) but not declared`);
    else if (cmp(d, need.version) < 0)
      problems.push(`requirement set ${set} is declared ${d}, the code needs ${need.version} (${need.because})`);
    else if (cmp(d, need.version) > 0)
      problems.push(
        `requirement set ${set} is declared ${d}, the code needs only ${need.version} (${need.because}): declare the minimum`,
      );
  }
  const runtime = elements.find(([t]) => t === "Runtime")?.[1].$;
  if (runtime?.lifetime === "long" && !declared.has("SharedRuntime"))
    problems.push('the shared runtime (Runtime lifetime=long) needs <Set Name="SharedRuntime" MinVersion="1.1"/>');

  // Files of the built folder.
  if (distDir && base) {
    const fileOf = (u: string) => path.join(distDir, decodeURIComponent(u.slice(base.length).replace(/[?#].*$/, "")));
    for (const u of urls.filter((x) => x.startsWith(base))) {
      const file = fileOf(u);
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory())
        problems.push(
          `URL ${u} has no file in ${path.relative(process.cwd(), distDir) || "."} (${path.basename(file)})`,
        );
    }
    problems.push(...checkHelpUrls(distDir, base));
  }

  // Custom functions and the shared runtime.
  const ns = defined.get("Functions.Namespace")?.$?.DefaultValue;
  if (!ns) problems.push("the custom-functions namespace (Functions.Namespace) is missing");
  else if (!/^[A-Z][A-Z0-9]{1,9}$/.test(ns))
    problems.push(`namespace "${ns}" should be 2–10 capital letters or digits`);
  const cf = elements.find(([t, n]) => t === "ExtensionPoint" && n.$?.["xsi:type"] === "CustomFunctions");
  if (!cf) problems.push("no CustomFunctions extension point");
  else {
    const resid = (child: string) =>
      [...walk((cf[1] as Node)[child], child)].find(([t, n]) => t === "SourceLocation" || n.$?.resid)?.[1].$?.resid;
    for (const child of ["Script", "Page", "Metadata"])
      if (!resid(child)) problems.push(`CustomFunctions extension point has no ${child}`);
    const runtimeResid = runtime?.resid;
    const functionFile = elements.find(([t]) => t === "FunctionFile")?.[1].$?.resid;
    if (!runtimeResid) problems.push("no shared Runtime element");
    else {
      if (resid("Page") !== runtimeResid)
        problems.push(`shared runtime: the functions page (${resid("Page")}) should be the runtime ${runtimeResid}`);
      if (functionFile && functionFile !== runtimeResid)
        problems.push(`shared runtime: FunctionFile (${functionFile}) should be the runtime ${runtimeResid}`);
    }
    const metadata = defined.get(resid("Metadata") ?? "");
    const overrides = ((metadata?.["bt:Override"] as Node[]) ?? []).map((o) => o.$ ?? {});
    if (!overrides.some((o) => o.Locale === "nl-NL" && /functions\.nl-NL\.json(\?v=[0-9a-f]+)?$/.test(o.Value))) {
      problems.push("the functions metadata has no nl-NL override pointing to functions.nl-NL.json");
    }
  }
  problems.push(...checkDeployment(tree, defined, options, distDir));
  return problems;
}

// issue 17: the deployment kit ------------------------------------------------------------------

/** The Id of the repository's manifest: production's. */
const productionId = () => /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))![1];

/**
 * An acceptance manifest (ADDIN_ENV=acceptance) has an Id of its own and "(acceptatie)" after its
 * display name, a production one neither; a production build (checked with its folder) names a content-hashed functions
 * script and versions the functions metadata (?v=…), so no host or Excel keeps an old copy.
 */
function checkDeployment(tree: unknown, defined: Map<string, Node>, options: CheckOptions, distDir?: string): string[] {
  const problems: string[] = [];
  const app = (tree as { OfficeApp?: Node }).OfficeApp;
  const id = (app?.Id as string[] | undefined)?.[0]?.trim() ?? "";
  const display = app?.DisplayName as Node[] | undefined;
  const names = [
    display?.[0]?.$?.DefaultValue ?? "",
    ...((display?.[0]?.Override as Node[] | undefined) ?? []).map((o) => o.$?.Value ?? ""),
  ];
  const suffixed = names.filter((n) => n.endsWith("(acceptatie)")).length;
  const production = options.productionId ?? productionId();
  if (id.toLowerCase() === production.toLowerCase()) {
    if (suffixed) problems.push(`the display name says "(acceptatie)" but the Id ${id} is production's`);
  } else if (suffixed !== names.length)
    problems.push(
      `the Id ${id} is not production's: every display name should end with "(acceptatie)" (ADDIN_ENV=acceptance)`,
    );
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`the Id ${id} is not a GUID`);
  if (options.production && distDir) {
    const script = defined.get("Functions.Script.Url")?.$?.DefaultValue ?? "";
    if (!/\/functions\.[0-9a-f]{8,}\.js$/.test(script))
      problems.push(`the functions script ${script} is not content-hashed: build with npm run build (production mode)`);
    const metadata = defined.get("Functions.Metadata.Url");
    const urls = [
      metadata?.$?.DefaultValue ?? "",
      ...((metadata?.["bt:Override"] as Node[]) ?? []).map((o) => o.$?.Value ?? ""),
    ];
    for (const u of urls)
      if (!/\?v=[0-9a-f]{8,}$/.test(u))
        problems.push(`the functions metadata ${u} has no ?v= version: Excel would keep its copy for 24 hours`);
  }
  return problems;
}

/** Every function's help URL in the built metadata sits under `base` and names an anchor of help.html. */
export function checkHelpUrls(distDir: string, base: string): string[] {
  const problems: string[] = [];
  const helpFile = path.join(distDir, "help.html");
  const help = fs.existsSync(helpFile) ? fs.readFileSync(helpFile, "utf8") : "";
  if (!help) problems.push("help.html is missing from the build");
  for (const [file, lang] of [
    ["functions.json", "en"],
    ["functions.nl-NL.json", "nl"],
  ]) {
    const p = path.join(distDir, file);
    if (!fs.existsSync(p)) {
      problems.push(`${file} is missing from the build`);
      continue;
    }
    const { functions } = JSON.parse(fs.readFileSync(p, "utf8")) as { functions: { id: string; helpUrl?: string }[] };
    for (const f of functions) {
      const expected = `${base}help.html#${lang}-${f.id}`;
      if (f.helpUrl !== expected) problems.push(`${file}: ${f.id} has helpUrl ${f.helpUrl}, expected ${expected}`);
      else if (help && !new RegExp(`\\sid=["']?${lang}-${f.id}["'\\s>]`).test(help))
        problems.push(`help.html has no section id="${lang}-${f.id}"`);
    }
  }
  return problems;
}

/** Microsoft's validation service, which office-addin-manifest validate calls. */
const VALIDATION_HOST = "validationgateway.omex.office.net";

/**
 * Offline (no network, a proxy that refuses, no DNS): one line saying the online check was skipped
 * and why, and the reason; undefined when the service answers and the online check can run.
 */
async function onlineSkipped(): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https = require("node:https") as typeof import("node:https");
  const reason = await new Promise<string | undefined>((resolve) => {
    const req = https.request({ host: VALIDATION_HOST, method: "HEAD", path: "/", timeout: 8000 }, (res) => {
      res.resume();
      resolve(undefined);
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end();
  });
  if (reason)
    console.log(
      `online check skipped: Microsoft's validation service (${VALIDATION_HOST}) cannot be reached (${reason}); the offline checks above passed.`,
    );
  return reason;
}

if (require.main === module) {
  // Without a file: manifest.xml (development), then dist/manifest.xml against dist/ when built.
  // --online: then Microsoft's validation service (office-addin-manifest validate) for each of them.
  // --sync-version: write package.json's version into manifest.xml (npm version runs this).
  // --production: check the manifest as a production one (no localhost), whatever it contains.
  const args = process.argv.slice(2);
  const online = args.includes("--online");
  if (args.includes("--sync-version")) {
    const file = path.join(ROOT, "manifest.xml");
    const v = manifestVersion(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace(/<Version>[^<]*<\/Version>/, `<Version>${v}</Version>`),
    );
    console.log(`manifest.xml: <Version>${v}</Version>`);
  }
  const file = args.find((a) => !a.startsWith("--"));
  const targets = file
    ? [path.resolve(file)]
    : args.includes("--sync-version")
      ? [path.join(ROOT, "manifest.xml")] // npm version: a dist/ of the previous version is simply stale
      : [path.join(ROOT, "manifest.xml"), path.join(ROOT, "dist", "manifest.xml")].filter((f) => fs.existsSync(f));
  (async () => {
    let total = 0;
    for (const manifest of targets) {
      const xml = fs.readFileSync(manifest, "utf8");
      const built = path.dirname(manifest) !== ROOT;
      // --production: the manifest must be a production one (npm run package says so), whatever it contains.
      const production = args.includes("--production") || !/https:\/\/localhost[:/]/.test(xml);
      const label = path.relative(process.cwd(), manifest);
      const problems = await checkManifest(xml, built ? path.dirname(manifest) : undefined, { production });
      for (const p of problems) console.error(`${label}: ${p}`);
      if (!problems.length)
        console.log(`${label}: offline checks passed (${production ? "production" : "development"} manifest)`);
      total += problems.length;
    }
    if (total) console.log(`${total} problem(s)`);
    else if (online && (await onlineSkipped()) === undefined)
      for (const manifest of targets) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
        const bin = path.join(ROOT, "node_modules", ".bin", "office-addin-manifest");
        const r = spawnSync(bin, ["validate", manifest], { stdio: "inherit", shell: process.platform === "win32" });
        if (r.status !== 0) total++;
      }
    process.exitCode = total ? 1 : 0;
  })();
}
