// The deployment kit (issue 17): the IIS and Azure Static Web Apps configurations in deploy/ —
// well-formed, valid against the documented fields, the same headers as nginx's (served for real
// by test/e2e/nginx.test.ts): MIME types, Cache-Control per file, HSTS, a CSP frame-ancestors for
// Excel on the web and no X-Frame-Options; ADDIN_ENV=acceptance with its own Id and "(acceptatie)";
// content-hashed bundles and versioned metadata in the built manifest.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { parseStringPromise } from "xml2js";
import { checkManifest } from "../../scripts/check-manifest";
import { CACHE_EXPECTED, CSP } from "../support/deployHeaders";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/deploy-config.js") as {
  addinEnv(value?: string): string;
  environmentId(id: string, env: string): string;
  buildManifest(
    xml: string,
    o: { base?: string | null; version: string; assets?: Record<string, string>; env?: string },
  ): string;
};

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const read = (p: string) => fs.readFileSync(path.join(root, p), "utf8");
const xml = read("manifest.xml");
const version = JSON.parse(read("package.json")).version as string;
const BASE = "https://addins.example.nl/ibn/";
const PRODUCTION_ID = /<Id>([^<]+)<\/Id>/.exec(xml)![1];

describe("deploy kit: IIS web.config", () => {
  const text = read("deploy/iis/web.config");
  let config: { configuration: Record<string, unknown> };
  before(async () => {
    config = await parseStringPromise(text, { strict: true });
  });
  type El = { $?: Record<string, string>; [k: string]: unknown };
  const all = (node: unknown, tag: string): El[] =>
    Array.isArray(node)
      ? node.flatMap((n) => all(n, tag))
      : node && typeof node === "object"
        ? Object.entries(node).flatMap(([k, v]) =>
            k === tag ? (v as El[]).concat(all(v, tag)) : k === "$" ? [] : all(v, tag),
          )
        : [];

  it("well-formed, only IIS's own sections (no URL Rewrite, which is not always installed)", () => {
    const server = (config.configuration["system.webServer"] as El[])[0];
    assert.deepEqual(Object.keys(server).sort(), ["httpProtocol", "staticContent"]);
    assert.doesNotMatch(text, /<rewrite\b/);
  });

  it("MIME types: .js text/javascript, .json application/json, .xml application/xml, each removed first", () => {
    const maps = Object.fromEntries(all(config, "mimeMap").map((m) => [m.$!.fileExtension, m.$!.mimeType]));
    assert.deepEqual(maps, {
      ".js": "text/javascript; charset=utf-8",
      ".json": "application/json; charset=utf-8",
      ".xml": "application/xml; charset=utf-8",
    });
    const removed = all(config, "remove")
      .map((r) => r.$!.fileExtension)
      .filter(Boolean);
    assert.deepEqual(removed.sort(), [".js", ".json", ".xml"]);
  });

  it("headers: the CSP frame-ancestors for Excel on the web, HSTS, nosniff; X-Frame-Options removed, never added", () => {
    const server = (config.configuration["system.webServer"] as El[])[0];
    const headers = all(server, "add").filter((a) => a.$?.name);
    const h = Object.fromEntries(headers.map((a) => [a.$!.name, a.$!.value]));
    assert.equal(h["Content-Security-Policy"], CSP);
    assert.equal(h["Strict-Transport-Security"], "max-age=31536000");
    assert.equal(h["X-Content-Type-Options"], "nosniff");
    assert.ok(all(server, "remove").some((r) => r.$?.name === "X-Frame-Options"));
    assert.ok(!all(config, "add").some((a) => /x-frame-options/i.test(a.$?.name ?? "")));
  });

  /** What IIS sends as Cache-Control for a path: the <location> that names it or its folder, else the site's. */
  function iisCacheControl(file: string): string {
    const cacheOf = (cache: El) =>
      cache.$!.cacheControlMode === "DisableCache"
        ? "no-cache"
        : [cache.$!.cacheControlCustom, `max-age=${Number(/^(\d+)\./.exec(cache.$!.cacheControlMaxAge)![1]) * 86400}`]
            .filter(Boolean)
            .join(", ");
    const locations = (config.configuration.location as El[]) ?? [];
    const own = locations.find((l) => file === l.$!.path || file.startsWith(`${l.$!.path}/`));
    const cache = all(own ?? config.configuration["system.webServer"], "clientCache")[0];
    return cacheOf(cache);
  }

  it("Cache-Control: no-cache for every file with a fixed name, a year for the hashed bundles, a day for the icons", () => {
    const normal = (v: string) =>
      v
        .split(",")
        .map((s) => s.trim())
        .sort()
        .join(", ");
    for (const [file, want] of CACHE_EXPECTED) assert.equal(normal(iisCacheControl(file)), normal(want), file);
  });

  it("every file of the built dist/ with a fixed name is revalidated (none inherits the year of the hashed bundles)", function () {
    if (!fs.existsSync(path.join(dist, "manifest.xml"))) this.skip();
    const files = fs.readdirSync(dist, { recursive: true, withFileTypes: false }) as string[];
    for (const f of files.map((x) => x.split(path.sep).join("/"))) {
      if (fs.statSync(path.join(dist, f)).isDirectory()) continue;
      if (/\.[0-9a-f]{8}\.js(\.LICENSE\.txt|\.map)?$/.test(f) || ["web.config", "staticwebapp.config.json"].includes(f))
        continue;
      assert.notEqual(iisCacheControl(f), "public, immutable, max-age=31536000", `${f} would be cached for a year`);
    }
  });
});

describe("deploy kit: Azure Static Web Apps staticwebapp.config.json", () => {
  const config = JSON.parse(read("deploy/azure/staticwebapp.config.json"));
  // The documented top-level fields and route properties (Microsoft Learn, "Configure Azure Static Web Apps").
  const schema = {
    type: "object",
    additionalProperties: false,
    properties: {
      routes: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["route"],
          properties: {
            route: { type: "string", pattern: "^/[^*]*(\\*(\\.[A-Za-z0-9]+|\\.\\{[A-Za-z0-9,]+\\})?)?$" },
            methods: {
              type: "array",
              items: { enum: ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"] },
            },
            rewrite: { type: "string" },
            redirect: { type: "string" },
            statusCode: { type: "integer" },
            headers: { type: "object", additionalProperties: { type: "string" } },
            allowedRoles: { type: "array", items: { type: "string" } },
          },
        },
      },
      navigationFallback: { type: "object" },
      responseOverrides: { type: "object" },
      globalHeaders: { type: "object", additionalProperties: { type: "string" } },
      mimeTypes: {
        type: "object",
        propertyNames: { pattern: "^\\.[A-Za-z0-9]+$" },
        additionalProperties: { type: "string" },
      },
      networking: { type: "object" },
      auth: { type: "object" },
      platform: { type: "object" },
      forwardingGateway: { type: "object" },
      trailingSlash: { enum: ["auto", "always", "never"] },
    },
  };

  it("valid against the documented fields (routes, globalHeaders, mimeTypes)", () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(config), JSON.stringify(validate.errors));
  });

  it("MIME types and headers: the CSP frame-ancestors, HSTS, nosniff; X-Frame-Options removed (an empty value)", () => {
    assert.deepEqual(config.mimeTypes, {
      ".js": "text/javascript",
      ".json": "application/json",
      ".xml": "application/xml",
    });
    assert.equal(config.globalHeaders["Content-Security-Policy"], CSP);
    assert.equal(config.globalHeaders["Strict-Transport-Security"], "max-age=31536000");
    assert.equal(config.globalHeaders["X-Content-Type-Options"], "nosniff");
    assert.equal(config.globalHeaders["X-Frame-Options"], "");
  });

  /** The first route that matches (wildcards at the end, filtered by extension), as Static Web Apps does. */
  function swaCacheControl(file: string): string | undefined {
    const matches = (route: string) => {
      const m = /^(.*)\*(?:\.\{([^}]+)\}|\.(\w+))?$/.exec(route);
      if (!m) return `/${file}` === route;
      const exts = m[2]?.split(",") ?? (m[3] ? [m[3]] : undefined);
      return `/${file}`.startsWith(m[1]) && (!exts || exts.some((e) => file.endsWith(`.${e}`)));
    };
    return config.routes.find((r: { route: string }) => matches(r.route))?.headers?.["Cache-Control"];
  }

  it("Cache-Control per file, first matching route", () => {
    for (const [file, want] of CACHE_EXPECTED) assert.equal(swaCacheControl(file), want, file);
  });
});

describe("deploy kit: nginx configuration text", () => {
  const text = read("deploy/nginx/ibn-lumpsum-location.conf");
  it("the same CSP in every location, no X-Frame-Options, its own MIME types", () => {
    const csp = [...text.matchAll(/add_header Content-Security-Policy "([^"]+)" always;/g)].map((m) => m[1]);
    assert.equal(csp.length, 4, "the server-wide headers and each of the three nested locations");
    for (const c of csp) assert.equal(c, CSP);
    assert.doesNotMatch(text.replace(/^\s*#.*$/gm, ""), /X-Frame-Options/i);
    assert.match(text, /text\/javascript\s+js;/);
    assert.match(text, /application\/json\s+json;/);
  });
});

describe("deploy kit: ADDIN_ENV and the built names", () => {
  it("ADDIN_ENV: production by default, acceptance, anything else refused naming the variable", () => {
    assert.equal(deploy.addinEnv(undefined), "production");
    assert.equal(deploy.addinEnv(""), "production");
    assert.equal(deploy.addinEnv(" Acceptance "), "acceptance");
    assert.throws(() => deploy.addinEnv("staging"), /ADDIN_ENV "staging" is not known: use production or acceptance/);
  });

  it("acceptance: an Id of its own (the same on every build), names ending in (acceptatie); the checks pass", async () => {
    const acc = deploy.buildManifest(xml, { base: BASE, version, env: "acceptance" });
    const id = /<Id>([^<]+)<\/Id>/.exec(acc)![1];
    assert.notEqual(id, PRODUCTION_ID);
    assert.equal(id, deploy.environmentId(PRODUCTION_ID, "acceptance"));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(
      acc,
      /<DisplayName DefaultValue="IBN Lump Sum \(acceptatie\)">\s*<Override Locale="nl-NL" Value="IBN Lumpsum \(acceptatie\)"\/>/,
    );
    assert.match(acc, /<bt:String id="Group\.Label" DefaultValue="IBN Lump Sum \(acceptatie\)">/);
    assert.deepEqual(await checkManifest(acc, undefined, { production: true, base: BASE }), []);
    const prod = deploy.buildManifest(xml, { base: BASE, version });
    assert.ok(prod.includes(`<Id>${PRODUCTION_ID}</Id>`) && !prod.includes("acceptatie"));
  });

  it("the checks catch an acceptance name on production's Id, and a foreign Id without it", async () => {
    const prod = deploy.buildManifest(xml, { base: BASE, version });
    const named = prod.replace('DefaultValue="IBN Lump Sum">', 'DefaultValue="IBN Lump Sum (acceptatie)">');
    assert.ok(
      (await checkManifest(named, undefined, { production: true, base: BASE })).some((p) => p.includes("production's")),
    );
    const other = prod.replace(PRODUCTION_ID, "11111111-2222-4333-8444-555555555555");
    assert.ok(
      (await checkManifest(other, undefined, { production: true, base: BASE })).some((p) => p.includes("(acceptatie)")),
    );
  });

  it("the built manifest: a content-hashed functions script and ?v=<hash> on the metadata (Excel caches it 24 h)", async function () {
    const built = path.join(dist, "manifest.xml");
    if (!fs.existsSync(built)) this.skip(); // npm test builds first
    const text = fs.readFileSync(built, "utf8");
    const script = /id="Functions\.Script\.Url" DefaultValue="[^"]*\/(functions\.([0-9a-f]{8})\.js)"/.exec(text);
    assert.ok(script, "the functions script is content-hashed");
    assert.ok(fs.existsSync(path.join(dist, script[1])));
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    assert.ok(
      html.includes(`src=${script[1]}`) || html.includes(`src="${script[1]}"`),
      "taskpane.html loads the same bundle",
    );
    assert.match(html, /src="?taskpane\.[0-9a-f]{8}\.js/);
    for (const file of ["functions.json", "functions.nl-NL.json"]) {
      const v = crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(dist, file)))
        .digest("hex")
        .slice(0, 8);
      assert.ok(text.includes(`/${file}?v=${v}"`), `${file}?v=${v}`);
    }
    // Not hashed: the checks say so for a production build.
    const plain = text.replace(/functions\.[0-9a-f]{8}\.js/, "functions.js").replace(/\?v=[0-9a-f]+/g, "");
    const problems = await checkManifest(plain.split("https://localhost:3000/").join(BASE), dist, {
      production: true,
      base: BASE,
    });
    assert.ok(problems.some((p) => p.includes("not content-hashed")));
    assert.ok(problems.some((p) => p.includes("24 hours")));
  });
});
