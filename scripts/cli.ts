// What the three command-line tools share: argument parsing with one-line mistakes, --help and
// --lang (nl by default, like the templates), exit codes, reading a JSON input, and writing an
// output atomically (a temporary file in the same folder, then renamed). A user's mistake never
// prints a stack trace: every failure is one line naming the file or option and the fix.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AddinError, InputError, type ErrorCode } from "../src/core/errors";
import type { Language } from "../src/core/language";
import { codeSentence } from "../src/core/messages";
import { cliHelp, cliMessage, inputDetail, type Params, type Tool } from "./cliText";

/** 0: done, or no findings; 1: findings (check-tables only); 2: cannot run. */
export const EXIT = { ok: 0, findings: 1, cannotRun: 2 } as const;

export type OptionSpec = Record<string, { type: "string" | "boolean"; example?: string }>;
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  lang: Language;
}

/** A mistake the user can fix: a code of the CLI's sentences (src/core/messages/cli.ts) and its parameters. */
const mistake = (code: ErrorCode, params: Params = {}) => new AddinError(code, params);

const isHelp = (a: string) => a === "--help" || a === "-h";

/** The --lang asked for, if it is one we speak (so that even a usage mistake is in that language). */
function sniffLanguage(argv: string[]): Language {
  let lang: Language = "nl";
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const v = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    if (v === "nl" || v === "en") lang = v;
  }
  return lang;
}

/** Parses argv against `spec` (plus --lang, --help/-h): --name value, --name=value, flags, `--`. */
export function parseCli(argv: string[], spec: OptionSpec, maxPositionals: number): Parsed {
  const all: OptionSpec = { ...spec, lang: { type: "string", example: "nl" } };
  const values: Parsed["values"] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.startsWith("--") ? a.slice(2, eq > 0 ? eq : undefined) : "";
    const option = Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
    if (!option) throw mistake("usage.unknownOption", { option: eq > 0 ? a.slice(0, eq) : a });
    if (option.type === "boolean") {
      if (eq > 0) throw mistake("usage.noValue", { option: `--${name}` });
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("-")) value = argv[++i];
    if (!value) throw mistake("usage.missingValue", { option: `--${name}`, example: option.example ?? "…" });
    values[name] = value;
  }
  const lang = values.lang ?? "nl";
  if (lang !== "nl" && lang !== "en") throw mistake("usage.badLang", { value: String(lang) });
  const extra = positionals[maxPositionals];
  if (extra !== undefined)
    throw maxPositionals > 0
      ? mistake("usage.tooManyFiles", { arg: extra })
      : mistake("usage.unexpectedArgument", { arg: extra });
  return { values, positionals, lang };
}

/**
 * The input of `file` refused by the core's validation (an InputError, its field named as in the
 * JSON), or of the wrong shape (a TypeError: a field missing, or not a number or a list).
 */
export function inputInvalid(file: string, e: InputError | TypeError): AddinError {
  const error =
    e instanceof InputError
      ? new AddinError("input.invalid", { file, detail: e.message })
      : new AddinError("input.shape", { file });
  (error as { cause?: unknown }).cause = e;
  return error;
}

/** One line for any failure: a known code in words, a file-system error named, anything else as internal. */
export function describeError(e: unknown, lang: Language): string {
  if (e instanceof AddinError) {
    // The validation's detail in the user's language, from its code (never the English message in Dutch).
    const cause = (e as { cause?: unknown }).cause;
    const detail: Params = cause instanceof InputError ? { detail: inputDetail(lang, cause) } : {};
    const text = codeSentence(lang, e, detail);
    if (text) return text;
  }
  const message = e instanceof Error ? e.message : String(e);
  return cliMessage(lang, "internal", { message: message.split("\n")[0] })!;
}

/**
 * Runs a tool: --help/-h prints the usage and exits 0 (whatever else is on the line), otherwise
 * parses the arguments and runs `main`, whose number is the exit code; any error is one line on
 * stderr (prefixed with the tool's name) and exit 2.
 */
export function runCli(
  tool: Tool,
  spec: OptionSpec,
  maxPositionals: number,
  main: (args: Parsed) => Promise<number>,
): void {
  const argv = process.argv.slice(2);
  const lang = sniffLanguage(argv);
  // A closed pipe (| head) ends the output quietly instead of with a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  // `npm run` starts in the project folder; relative paths mean the folder the user typed them in.
  const home = path.resolve(__dirname, "..");
  if (process.env.INIT_CWD && path.resolve(process.cwd()) === home) process.chdir(process.env.INIT_CWD);
  const run = async () => {
    const end = argv.indexOf("--");
    const options = end < 0 ? argv : argv.slice(0, end);
    if (options.some(isHelp)) {
      process.stdout.write(cliHelp(tool, lang));
      return EXIT.ok;
    }
    if (options.includes("--version")) {
      process.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    return main(parseCli(argv, spec, maxPositionals));
  };
  run().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      if (process.env.IBN_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.stderr.write(`${tool}: ${describeError(e, lang)}\n`);
      process.exitCode = EXIT.cannotRun;
    },
  );
}

/** This package's version (package.json beside the scripts folder). */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string })
    .version;
}

/** Prints a message of the table to stdout (results) or stderr (notes, summaries). */
export function say(lang: Language, code: string, params: Params, stream: "out" | "err" = "out"): void {
  const text = cliMessage(lang, code, params) ?? code;
  (stream === "out" ? process.stdout : process.stderr).write(`${text}\n`);
}

/** A file-system error of reading `file` as a mistake the user can fix. */
export function readError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return mistake("file.notFound", { file });
  if (code === "EISDIR") return mistake("file.isFolder", { file });
  if (code === "EACCES" || code === "EPERM" || code === "EIO" || code === "ELOOP")
    return mistake("file.unreadable", { file, reason: code });
  return e;
}

/** Stats an input file: it must exist and be a file (not a folder). */
export function requireInputFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw readError(e, file);
  }
  if (stat.isDirectory()) throw mistake("file.isFolder", { file });
}

/** Line and column (1-based) of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Reads and parses a JSON file: a missing or unreadable file, or bad JSON, as one line with line and column. */
export function readJsonFile(file: string): unknown {
  requireInputFile(file);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw readError(e, file);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    const at = /\(line (\d+) column (\d+)\)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = at
      ? { line: Number(at[1]), column: Number(at[2]) }
      : lineColumn(text, position ? Number(position[1]) : text.length);
    throw mistake("json.invalid", { file, ...where });
  }
}

/** Checks --out before any work: an .xlsx name, in an existing folder, not an existing file without --force. */
export function checkOutput(out: string, force: boolean): void {
  if (!/\.xlsx$/i.test(out)) throw mistake("usage.notXlsxName", { option: "--out", file: out });
  const folder = path.dirname(path.resolve(out));
  let dir: fs.Stats;
  try {
    dir = fs.statSync(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw mistake("out.folderNotFolder", { folder });
    throw mistake("out.folderMissing", { folder });
  }
  if (!dir.isDirectory()) throw mistake("out.folderNotFolder", { folder });
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw mistake("out.folderReadOnly", { folder });
  }
  const existing = fs.statSync(out, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw mistake("out.isFolder", { file: out });
  if (existing && !force) throw mistake("out.exists", { file: out });
}

/** A file-system error of writing `file` as a mistake the user can fix. */
function writeError(e: unknown, file: string): unknown {
  if (e instanceof AddinError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const folder = path.dirname(path.resolve(file));
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return mistake("out.folderReadOnly", { folder });
  if (code === "ENOENT") return mistake("out.folderMissing", { folder });
  if (code === "ENOTDIR") return mistake("out.folderNotFolder", { folder });
  if (code === "EISDIR") return mistake("out.isFolder", { file });
  if (code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG") return mistake("out.diskFull", { file });
  return mistake("out.writeFailed", { file, reason: code ?? (e instanceof Error ? e.message : String(e)) });
}

/**
 * Writes `out` all or nothing: `write` fills a temporary file in the same folder, which then takes
 * the name in one rename. Without `force` an existing file is never replaced (a hard link refuses
 * it even if it appeared meanwhile). On any failure the temporary file is removed and `out` is as
 * it was.
 */
export async function writeAtomically(
  out: string,
  force: boolean,
  write: (temporary: string) => Promise<void>,
): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await write(tmp);
    const fd = fs.openSync(tmp, "r+");
    try {
      fs.fsyncSync(fd); // on disk before it takes the name
    } finally {
      fs.closeSync(fd);
    }
    if (force) fs.renameSync(tmp, out);
    else {
      try {
        fs.linkSync(tmp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw mistake("out.exists", { file: out });
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
        // A file system without hard links: check, then rename.
        if (fs.existsSync(out)) throw mistake("out.exists", { file: out });
        fs.renameSync(tmp, out);
      }
    }
  } catch (e) {
    throw writeError(e, out);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
