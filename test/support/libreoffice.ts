// Recalculates .xlsx files in LibreOffice (headless, recalculation forced) and reads the values back.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const hasLibreOffice: boolean = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

// A fresh profile per conversion: LibreOffice must never share one between two runs at once, and
// OOXMLRecalcMode 0 makes it recalculate every formula instead of trusting cached values.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A new temporary folder with a fresh LibreOffice profile (RECALC_ALWAYS) and the path for its output. */
function freshProfile(): { profile: string; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-lo-"));
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return { profile, out: path.join(dir, "out") };
}

/** Opens the file in LibreOffice, recalculates everything and saves it as a new .xlsx; returns its path. */
export async function recalculate(xlsxIn: string): Promise<string> {
  const { profile, out } = freshProfile();
  await run(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      xlsxIn,
    ],
    { timeout: 300_000 },
  );
  const result = path.join(out, path.basename(xlsxIn));
  if (!fs.existsSync(result)) throw new Error(`LibreOffice wrote no ${result}`);
  return result;
}

export { readSheetValues, type Value } from "../../src/writers/xlsxReader";

/**
 * For a suite's before(): LibreOffice is required in CI (.ci/run installs it); locally its absence
 * skips, and `npm run test:unit` (the fast loop) skips every LibreOffice suite.
 */
export function requireLibreOffice(suite: Mocha.Context): void {
  if (process.env.IBN_UNIT_ONLY) return suite.skip();
  if (hasLibreOffice) return;
  if (process.env.CI)
    throw new Error("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui");
  suite.skip();
}

/** Opens the file in LibreOffice, recalculates everything and prints it to PDF (its page setup applies); returns the PDF's path. */
export async function printToPdf(xlsxIn: string): Promise<string> {
  const { profile, out } = freshProfile();
  const args = ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf"];
  await run("soffice", [...args, "--outdir", out, xlsxIn], { timeout: 300_000 });
  const result = path.join(out, `${path.basename(xlsxIn).replace(/\.[^.]+$/, "")}.pdf`);
  if (!fs.existsSync(result)) throw new Error(`LibreOffice wrote no ${result}`);
  return result;
}
