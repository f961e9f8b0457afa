// Undo records, stored in the workbook's settings (Excel settings API, ExcelApi 1.4) so that undo
// works after the task pane was closed or the workbook reopened. Pure: no Office.js calls here.
//
// Each workflow keeps its own record under its own key (`recordSetting(kind)`, src/excel/undoRecords.ts) and undoes only its
// own last action. A record of added sheets holds, per sheet, the id Excel gave it (ids survive
// renames), its name as written and a fingerprint of its content as written; undo deletes a sheet
// only when the id (or, when ids changed on reopening, the name) and the fingerprint still match.
import { fingerprint } from "../core/plan/fingerprint";
import { rewriteReferences } from "../core/plan/rename";

import { recordSetting } from "./undoRecords";
/** The settings key of a workflow's record: one scheme for all, owned by undoRecords.ts. */
export { recordSetting };

/** The proposal generation's record. */
export const PROPOSAL_KIND = "proposal";
export const PROPOSAL_SETTING = recordSetting(PROPOSAL_KIND);

/** A sheet the action added. */
export interface SheetMark {
  /** Excel's worksheet id at the time of writing. */
  id: string;
  /** The name it was written under. */
  name: string;
  /** sheetFingerprint of its used range as written. */
  fingerprint: string;
  /** The area the action wrote (A1), and lookFingerprint of it: number formats, fills and the sheet's note count (absent in older records). */
  area?: string;
  look?: string;
  /** The action protected this sheet itself, without a password (a template's locked formulas): undo may lift it. */
  ownProtection?: boolean;
}

/** A fingerprint of what the user may change without touching a formula: number formats, fills, notes. */
export function lookFingerprint(
  formats: readonly (readonly unknown[])[],
  fills: readonly (readonly unknown[])[],
  noteCount: number,
): string {
  return fingerprint([[noteCount], ...formats, ...fills]);
}

/** A workbook-scoped defined name the action added, with the formula it was given. */
export interface NameMark {
  name: string;
  formula: string;
}

/**
 * What a Replace replaced, kept so that its undo puts it back: the user's sheets it set aside
 * (hidden, under the attempt's "~ibn … old n" names), the defined names it replaced, the user's
 * formulas and names it re-pointed at the new sheets (written back as read, they name the set-aside
 * sheets again once those have their names back), and the record it replaced.
 */
export interface ReplacedMark {
  /** Each set-aside sheet: its id, the name and visibility it had, and the name it waits under. */
  sheets: { id: string; name: string; visibility: string; asideName?: string }[];
  names: { name: string; formula: string; comment: string }[];
  cells: { sheetId: string; address: string; formula: string }[];
  userNames: { name: string; formula: string }[];
  /** The record this write replaced, as stored (its own `replaced` dropped: those sheets are gone), or null. */
  previous: string | null;
}

/** What one action added as new sheets and defined names. */
export interface SheetsRecord {
  kind: string;
  version: 2;
  sheets: SheetMark[];
  names: NameMark[];
  /** When it was written (ISO 8601). */
  at: string;
  /** The attempt that wrote it, unique per write: undo compares it to notice a newer record. */
  id?: string;
  /** Replace only: what it replaced, for undo to put back (absent in older records and under Keep both). */
  replaced?: ReplacedMark;
}

export function newSheetsRecord(
  kind: string,
  sheets: SheetMark[],
  names: NameMark[],
  at = new Date(),
  id?: string,
  replaced?: ReplacedMark,
): SheetsRecord {
  return {
    kind,
    version: 2,
    sheets,
    names,
    at: at.toISOString(),
    ...(id ? { id } : {}),
    ...(replaced ? { replaced } : {}),
  };
}

/** A stored record without what it replaced (its set-aside sheets are deleted once a newer record takes its place). */
export function withoutReplaced(stored: unknown): string | null {
  const data = storedValue(stored);
  if (!isObject(data)) return null;
  const rest = { ...data };
  delete rest.replaced;
  return JSON.stringify(rest);
}

function parseReplaced(x: unknown): ReplacedMark | undefined {
  if (!isObject(x)) return undefined;
  const list = (v: unknown, ok: (e: Record<string, unknown>) => boolean) =>
    Array.isArray(v) && v.every((e) => isObject(e) && ok(e));
  const ok =
    list(x.sheets, (e) => isString(e.id) && isString(e.name) && isString(e.visibility)) &&
    list(x.names, (e) => isString(e.name) && isString(e.formula) && isString(e.comment)) &&
    list(x.cells, (e) => isString(e.sheetId) && isString(e.address) && isString(e.formula)) &&
    list(x.userNames, (e) => isString(e.name) && isString(e.formula)) &&
    (x.previous === null || isString(x.previous));
  return ok ? (x as unknown as ReplacedMark) : undefined;
}

/** What tells one record from another of the same kind: its attempt id, or (older records) its time and content. */
export const recordStamp = (r: SheetsRecord): string =>
  r.id ?? `${r.at}|${r.sheets.map((s) => s.id).join(",")}|${r.names.length}`;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const isString = (x: unknown): x is string => typeof x === "string";

/** A setting's value as stored: parsed when it is JSON text, undefined when it is text but not JSON. */
export function storedValue(stored: unknown): unknown {
  try {
    return typeof stored === "string" ? JSON.parse(stored) : stored;
  } catch {
    return undefined;
  }
}

/** The stored record of `kind`, or null when the setting is not such a record (never undo on a guess). */
export function parseSheetsRecord(stored: unknown, kind: string): SheetsRecord | null {
  const data = storedValue(stored);
  if (!isObject(data) || data.kind !== kind || data.version !== 2) return null;
  const { sheets, names } = data;
  const sheetOk = (s: unknown) => isObject(s) && isString(s.id) && isString(s.name) && isString(s.fingerprint);
  const nameOk = (n: unknown) => isObject(n) && isString(n.name) && isString(n.formula);
  if (!Array.isArray(sheets) || !sheets.every(sheetOk) || !Array.isArray(names) || !names.every(nameOk)) return null;
  return {
    kind,
    version: 2,
    sheets: (sheets as SheetMark[]).map(({ id, name, fingerprint: f, area, look, ownProtection }) => ({
      id,
      name,
      fingerprint: f,
      ...(isString(area) && isString(look) ? { area, look } : {}),
      ...(ownProtection === true ? { ownProtection } : {}),
    })),
    names: (names as NameMark[]).map(({ name, formula }) => ({ name, formula })),
    at: String(data.at ?? ""),
    ...(isString(data.id) ? { id: data.id } : {}),
    ...(parseReplaced(data.replaced) ? { replaced: parseReplaced(data.replaced) } : {}),
  };
}

/**
 * A sheet's fingerprint: its used range's address and formulas, with every reference to a sheet in
 * `sheets` written one way (Excel quotes a sheet name only where needed and rewrites references when
 * a sheet is renamed). `renamed` maps names as read to names as they will be, lower case → name.
 */
export function sheetFingerprint(
  usedAddress: string,
  formulas: readonly (readonly unknown[])[],
  sheets: readonly string[],
  renamed: ReadonlyMap<string, string> = new Map(),
): string {
  const map = new Map(sheets.map((s) => [s.toLowerCase(), s]));
  for (const [from, to] of renamed) map.set(from, to);
  const canonical = (v: unknown) =>
    typeof v === "string" && v.startsWith("=") ? rewriteReferences(v, map, new Map()) : v;
  const local = usedAddress.slice(usedAddress.lastIndexOf("!") + 1);
  return fingerprint([[local], ...formulas.map((row) => row.map(canonical))]);
}

/** Equal defined-name formulas, ignoring how sheet names are quoted. */
export function sameFormula(a: string, b: string, sheets: readonly string[]): boolean {
  const map = new Map(sheets.map((s) => [s.toLowerCase(), s]));
  const canonical = (f: string) => rewriteReferences(f.startsWith("=") ? f : `=${f}`, map, new Map());
  return canonical(a) === canonical(b);
}
