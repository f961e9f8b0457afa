// Offline manifest checks (office-addin-manifest validate needs an online service): well-formed XML,
// every resid defined and every resource used, one https origin for every URL, files present in
// dist/, the custom-functions namespace present, and the shared runtime wired the same everywhere.
import fs from "node:fs";
import path from "node:path";
import { parseStringPromise } from "xml2js";

type Node = { $?: Record<string, string>; [child: string]: unknown };

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

export async function checkManifest(xml: string, distDir?: string): Promise<string[]> {
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
    if (tag === "AppDomain" && typeof (node as unknown) === "string") urls.push(node as unknown as string);
  }
  for (const id of used) if (!defined.has(id)) problems.push(`resid "${id}" is used but not defined in Resources`);
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);

  const origins = new Set(urls.map((u) => new URL(u).origin));
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`URL is not https: ${u}`);
  if (origins.size !== 1) problems.push(`URLs should share one origin, found: ${[...origins].join(", ")}`);
  const appDomains = elements.filter(([t]) => t === "AppDomains").flatMap(([, n]) => (n.AppDomain as string[]) ?? []);
  for (const d of appDomains) if (!origins.has(d)) problems.push(`AppDomain ${d} does not match the URLs' origin`);
  if (distDir) {
    for (const u of urls) {
      const file = path.join(distDir, decodeURIComponent(new URL(u).pathname));
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory())
        problems.push(`URL ${u} has no file in dist/ (${path.relative(process.cwd(), file)})`);
    }
  }

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
    const runtime = elements.find(([t]) => t === "Runtime")?.[1].$?.resid;
    const functionFile = elements.find(([t]) => t === "FunctionFile")?.[1].$?.resid;
    if (!runtime) problems.push("no shared Runtime element");
    else {
      if (resid("Page") !== runtime)
        problems.push(`shared runtime: the functions page (${resid("Page")}) should be the runtime ${runtime}`);
      if (functionFile && functionFile !== runtime)
        problems.push(`shared runtime: FunctionFile (${functionFile}) should be the runtime ${runtime}`);
    }
    const metadata = defined.get(resid("Metadata") ?? "");
    const overrides = ((metadata?.["bt:Override"] as Node[]) ?? []).map((o) => o.$ ?? {});
    if (!overrides.some((o) => o.Locale === "nl-NL" && /functions\.nl-NL\.json$/.test(o.Value))) {
      problems.push("the functions metadata has no nl-NL override pointing to functions.nl-NL.json");
    }
  }
  return problems;
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const dist = path.join(root, "dist");
  checkManifest(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"), fs.existsSync(dist) ? dist : undefined).then(
    (problems) => {
      for (const p of problems) console.error(`manifest.xml: ${p}`);
      console.log(problems.length ? `${problems.length} problem(s)` : "manifest.xml: offline checks passed");
      process.exitCode = problems.length ? 1 : 0;
    },
  );
}
