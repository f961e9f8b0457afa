// The project's own TypeScript sources, for tests that read the code (e.g. for the error codes it raises).
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");

/** The text of every .ts file under these folders (relative to the repository root), recursively. */
export function tsSources(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (p.endsWith(".ts")) out.push(fs.readFileSync(p, "utf8"));
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out;
}
