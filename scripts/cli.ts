// What the three command-line tools share: argument parsing with one-line mistakes, --help and
// --lang (nl by default, like the templates), exit codes, reading a JSON input, and writing an
// output atomically (a temporary file in the same folder, then renamed). A user's mistake never
// prints a stack trace: every failure is one line naming the file or option and the fix.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { AddinError, InputError, type ErrorCode } from "../src/core/errors";
import { readBounded } from "../src/writers/xlsxReader";
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

/** The package's version (package.json one folder up, from scripts/ as from the built dist-cli/). */
export function toolVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}

/**
 * Under `npm run`, npm starts the tool in the project folder; the user's relative --out and
 * --input mean the folder they typed the command in (INIT_CWD). Run directly, the tool is already there.
 */
function enterUserFolder(): void {
  const { INIT_CWD, npm_package_json } = process.env;
  if (INIT_CWD && npm_package_json && path.dirname(npm_package_json) === process.cwd() && INIT_CWD !== process.cwd())
    process.chdir(INIT_CWD);
}

/** The --lang asked for, if it is one we speak (so that even a usage mistake is in that language). */
function sniffLanguage(argv: string[]): Language {
  let lang: Language = "nl";
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const v = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    if (v === "nl" || v === "en") lang = v;
  }
  return lang;
}

/** The option a parseArgs error names ('--out', '-x'), for our own one-line message. */
const namedOption = (e: Error) => /'(-[^' <]+)/.exec(e.message)?.[1] ?? "?";

/**
 * Parses argv against `spec` (plus --lang) with node:util parseArgs (--name value, --name=value,
 * flags, `--`); its error codes become today's one-line mistakes.
 */
export function parseCli(argv: string[], spec: OptionSpec, maxPositionals: number): Parsed {
  const all: OptionSpec = { ...spec, lang: { type: "string", example: "nl" } };
  const options = Object.fromEntries(Object.entries(all).map(([name, o]) => [name, { type: o.type }]));
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const option = namedOption(e as Error);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw mistake("usage.unknownOption", { option });
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      if (/does not take an argument/.test((e as Error).message)) throw mistake("usage.noValue", { option });
      throw mistake("usage.missingValue", { option, example: all[option.slice(2)]?.example ?? "…" });
    }
    throw e;
  }
  const { values, positionals } = parsed;
  for (const [name, o] of Object.entries(all))
    if (o.type === "string" && values[name] === "")
      throw mistake("usage.missingValue", { option: `--${name}`, example: o.example ?? "…" });
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
    const params = cause instanceof InputError ? { ...e.params, detail: inputDetail(lang, cause) } : e.params;
    // A code of the core or the writers that only the pane's table knows, in the same words.
    const text = codeSentence(lang, e, params);
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
  enterUserFolder();
  // A closed pipe (| head) ends the output quietly instead of with a stack trace; any other failed
  // write of the results (> /dev/full) is one line and exit 2: the results did not arrive.
  let stdoutFailed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (!stdoutFailed)
      process.stderr.write(`${tool}: ${cliMessage(lang, "stdout.failed", { reason: e.code ?? e.message })}\n`);
    stdoutFailed = true;
    process.exitCode = EXIT.cannotRun;
  });
  process.on("exit", () => {
    if (stdoutFailed) process.exitCode = EXIT.cannotRun;
  });
  const run = async () => {
    const end = argv.indexOf("--");
    const options = end < 0 ? argv : argv.slice(0, end);
    if (options.some(isHelp)) {
      process.stdout.write(cliHelp(tool, lang));
      return EXIT.ok;
    }
    if (options.includes("--version")) {
      process.stdout.write(`${tool} ${toolVersion()}\n`);
      return EXIT.ok;
    }
    return main(parseCli(argv, spec, maxPositionals));
  };
  run().then(
    (code) => (process.exitCode = stdoutFailed ? EXIT.cannotRun : code),
    (e: unknown) => {
      if (process.env.IBN_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.stderr.write(`${tool}: ${describeError(e, lang)}\n`);
      process.exitCode = EXIT.cannotRun;
    },
  );
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

/** At most this many bytes of JSON input (a pipe or a device is read up to it, never further). */
export const JSON_LIMIT = 10 * 1024 * 1024;

/** Reads and parses a JSON file: a missing or unreadable file, or bad JSON, as one line with line and column. */
export function readJsonFile(file: string): unknown {
  requireInputFile(file);
  let text: string;
  try {
    const bytes = readBounded(file, JSON_LIMIT);
    if (!bytes) throw mistake("json.tooLarge", { file, limit: JSON_LIMIT });
    text = bytes.toString("utf8").replace(/^\uFEFF/, "");
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
  // A short name (an output name of 255 bytes still leaves room), created 0600: nobody else reads
  // the workbook while it is written.
  const tmp = path.join(path.dirname(out), `.ibn-${randomBytes(8).toString("hex")}.tmp`);
  try {
    fs.closeSync(fs.openSync(tmp, "wx", 0o600));
    await write(tmp);
    // The replaced file's permissions stay (a chmod 600 output stays 600); a new file gets the usual ones.
    const replaced = force ? fs.statSync(out, { throwIfNoEntry: false }) : undefined;
    fs.chmodSync(tmp, replaced ? replaced.mode & 0o7777 : 0o666 & ~process.umask());
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

/** A text as one tab-separated field: backslash, tab and line breaks written as \\, \t, \n, \r. */
export function tsvField(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
}

/** A record's text fields made safe for one line of tab-separated output (a sheet name with a tab). */
export function tsvSafe<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === "string" ? tsvField(v) : v])) as T;
}
