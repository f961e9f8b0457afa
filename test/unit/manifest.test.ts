// The manifest's offline checks, and that they catch what they claim to catch.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkManifest } from "../../scripts/check-manifest";

const root = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const dist = path.join(root, "dist");

describe("manifest.xml offline checks", () => {
  it("passes: well-formed, every resid defined, one https origin, namespace present, shared runtime", async () => {
    assert.deepEqual(await checkManifest(xml), []);
  });
  it("every URL names a file that the build writes to dist/", async function () {
    if (!fs.existsSync(path.join(dist, "functions.json"))) this.skip(); // npm test builds first
    assert.deepEqual(await checkManifest(xml, dist), []);
  });
  it("the namespace is IBN", () => {
    assert.match(xml, /<bt:String id="Functions.Namespace" DefaultValue="IBN"\/>/);
  });
  it("catches broken XML, an undefined resid, a foreign URL and a missing namespace", async () => {
    assert.match((await checkManifest(xml.replace("</OfficeApp>", "")))[0], /not well-formed/);
    assert.ok(
      (await checkManifest(xml.replace('resid="Group.Label"', 'resid="Nope"'))).some((p) =>
        p.includes('"Nope" is used but not defined'),
      ),
    );
    assert.ok(
      (await checkManifest(xml.replace("https://localhost:3000/functions.js", "http://example.org/functions.js"))).some(
        (p) => p.includes("not https"),
      ),
    );
    const noNs = xml
      .replace('<bt:String id="Functions.Namespace" DefaultValue="IBN"/>', "")
      .replace('<Namespace resid="Functions.Namespace"/>', "");
    assert.ok((await checkManifest(noNs)).some((p) => p.includes("namespace")));
  });
});
