// Undo of the actions that add sheets and defined names (the proposal's generation, the evaluation
// tables as a new sheet), apart from writing them (officeWriter.ts). Undo goes by identity: it
// deletes an added sheet only when its id (or, after a reopen that changed ids, its name) and the
// fingerprint of its content still match; what the user has edited is listed and kept unless the
// caller confirms it; an added sheet that a staying sheet uses (a formula, a defined name, a
// chart's series) stays too. Protection is read with the record, before anything is deleted.
// Undo of a Replace also brings back what it replaced, when the whole generation goes: the sheets
// it set aside (hidden) take their names back, and the user's formulas and names it re-pointed
// name them again (queueRestore); otherwise those set-aside sheets go with the rest.
import { AddinError } from "../core/errors";
import { mentionsName, mentionsSheet, usesSheet } from "../core/plan/formulaRefs";
import { anyChart, chartSources, queueCharts } from "./chartSources";
import { runExclusive } from "./exclusive";
import { queueUsedFormulas } from "./areaChunks";
import { formulasInChunks } from "./formulaCells";
import {
  parseSheetsRecord,
  PROPOSAL_KIND,
  recordSetting,
  recordStamp,
  sameFormula,
  sheetFingerprint,
  type ReplacedMark,
} from "./generationRecord";
import { lookMark, readLook } from "./sheetLook";
import { currentMarker, newAttemptId, queueSettingKeys, TEMP_PREFIX } from "./undoRecords";
import { queueNameRepoint, queueRepoint } from "./repoint";
import { undoDeleting } from "./undoableAction";
import { sheetProtected, undoFailed } from "./writeErrors";

const lower = (s: string) => s.toLowerCase();

export interface UndoSheet {
  id: string;
  name: string;
}

export interface UndoPreview {
  kind: string;
  /** When the action was done (ISO 8601). */
  at: string;
  /** Which record this preview is of: pass it as UndoOptions.expect so undo refuses when a newer action replaced it. */
  stamp: string;
  /** Added sheets exactly as written: undo deletes them. */
  unchanged: UndoSheet[];
  /** Added sheets edited since ("edited"), or sheets that carry an added sheet's name but cannot be recognised ("unrecognised"): kept unless confirmed. */
  changed: (UndoSheet & { reason: "edited" | "unrecognised" })[];
  /** Defined names undo removes: only when no added sheet stays, and only names that still point where they were written. */
  names: string[];
  /** Defined names kept: a sheet that uses them stays, or the user changed them. */
  keptNames: string[];
  /** Added sheets no longer in the workbook, by the name they were written under. */
  missing: string[];
  /**
   * Added sheets exactly as written that a sheet which stays refers to (directly, through another
   * such sheet, or through a defined name): kept too, so the staying sheet's formulas never turn
   * into #REF!. Empty when no added sheet stays.
   */
  needed: UndoSheet[];
  /** Replace only: the sheets it replaced, brought back under their names (the user's formulas name them again); empty when they cannot come back. */
  restores: string[];
}

export interface UndoOptions {
  /** The workflow to undo; default the proposal. */
  kind?: string;
  /** Ids of sheets listed under `changed` that the user confirmed to delete as well. */
  confirm?: string[];
  /** The stamp of the preview the user confirmed: undo refuses ("undo.recordChanged") when the record is another one now. */
  expect?: string;
}

export interface UndoResult {
  removedSheets: string[];
  removedNames: string[];
  /** Sheets kept: changed and not confirmed, or needed by what stays. */
  keptSheets: string[];
  keptNames: string[];
  /** The kept sheets with why each stayed, for the pane to say (same order as keptSheets). */
  kept: KeptSheet[];
  /** Replace only: the sheets it replaced, back under their names. */
  restoredSheets: string[];
}

/** Why undo kept a sheet on purpose: the user edited it, it cannot be recognised, or a staying sheet, name or chart uses it. */
export type KeptReason = "edited" | "unrecognised" | "needed";

export interface KeptSheet {
  name: string;
  reason: KeptReason;
}

interface UndoPlan {
  preview: UndoPreview;
  sheetIds: string[];
  /** Of sheetIds, those the action protected itself: unprotected just before they are deleted. */
  ownProtected: string[];
  /** The record's current marker setting, when it has one: deleted first in the undo's batch. */
  marker: string | null;
  /** The record's attempt id (none in an older version's record). */
  recordId: string | null;
  /** Replace only, when the whole generation goes: what to put back. */
  restore: Restore | null;
  /** Replace only, when nothing comes back: the sheets it set aside (hidden), deleted with the rest. */
  dropAside: string[];
  /** The sheets and names as read (ids and names): what the restore renames and adds is decided on them. */
  sheetsNow: UndoSheet[];
  namesNow: string[];
}

/** What undo of a Replace puts back (src/excel/generationRecord.ts ReplacedMark). */
interface Restore {
  replaced: ReplacedMark;
  /** The user's formulas re-pointed by the Replace and unchanged since: written back as read, they name the sheets put back. */
  cells: ReplacedMark["cells"];
  /** The user's names re-pointed by the Replace that still exist. */
  userNames: ReplacedMark["userNames"];
  /** The record the Replace replaced, put back when one of its sheets is still there; else none. */
  previous: string | null;
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
async function planUndo(
  context: Excel.RequestContext,
  kind: string,
  confirm: string[],
  expect?: string,
): Promise<UndoPlan | null> {
  const setting = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const names = context.workbook.names.load("items/name,items/formula");
  // Protection is read with the record: a protected structure refuses sheet deletes, so an undo
  // that went ahead would delete the names first and then stop at the first sheet (#NAME? left).
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  const record = setting.isNullObject ? null : parseSheetsRecord(setting.value, kind);
  if (!record) return null;
  if (expect !== undefined && recordStamp(record) !== expect) throw new AddinError("undo.recordChanged");
  if (protection.protected) throw new AddinError("undo.workbookProtected");
  const recordedIds = new Set(record.sheets.map((s) => s.id));
  const found = record.sheets.map((mark) => {
    const byId = sheets.items.find((ws) => ws.id === mark.id);
    const byName = byId
      ? undefined
      : sheets.items.find((ws) => lower(ws.name) === lower(mark.name) && !recordedIds.has(ws.id));
    const ws = byId ?? byName;
    return {
      mark,
      ws,
      byId: !!byId,
      used: ws ? queueUsedFormulas(ws, mark.area) : undefined,
      look: ws && mark.area ? readLook(ws, mark.area) : undefined,
      charts: ws ? queueCharts(ws) : undefined,
    };
  });
  // Every other sheet too: a user's sheet that refers to an added one must not lose it (#REF!).
  const foundIds = new Set(found.map((f) => f.ws?.id));
  const otherSheets = sheets.items.filter((ws) => !foundIds.has(ws.id));
  const others = otherSheets.map((ws) => ws.getUsedRangeOrNullObject().load("formulas"));
  // Their charts too: a chart of the user's that plots a generated sheet needs it as a formula does.
  let otherCharts = otherSheets.map(queueCharts);
  // Read the record again with the contents: an action that committed meanwhile (another pane, a
  // co-author) made it a newer record, whose names and sheets this plan must not delete.
  const again = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
  // And its marker (src/excel/undoRecords.ts), which the delete batch consumes first.
  let settingKeys = record.id ? queueSettingKeys(context) : null;
  const changedMeanwhile = () => {
    const now = again.isNullObject ? null : parseSheetsRecord(again.value, kind);
    return !now || recordStamp(now) !== recordStamp(record);
  };
  let otherFormulas: string[] | null;
  try {
    await context.sync();
    otherFormulas = others.flatMap((r) => (r.isNullObject ? [] : r.formulas.flat().filter(isFormula)));
  } catch (e) {
    // Too much to read at once (a very large sheet of the user's): read the added sheets alone,
    // then the other sheets in chunks. When even that fails, nothing is deleted (never on a guess).
    if (!others.length) throw e;
    for (const f of found) {
      f.used = f.ws ? queueUsedFormulas(f.ws, f.mark.area) : undefined;
      f.look = f.ws && f.mark.area ? readLook(f.ws, f.mark.area) : undefined;
      f.charts = f.ws ? queueCharts(f.ws) : undefined;
    }
    otherCharts = otherSheets.map(queueCharts);
    again.load("value");
    settingKeys = record.id ? queueSettingKeys(context) : null;
    await context.sync();
    otherFormulas = await formulasInChunks(context, otherSheets)
      .then((cells) => cells.map((c) => c.formula))
      .catch(() => null);
  }
  if (changedMeanwhile()) throw new AddinError("undo.recordChanged");
  if (!otherFormulas) throw new AddinError("undo.checkIncomplete");
  const current = sheets.items.map((ws) => ws.name);
  // References to an added sheet the user renamed count as written under its recorded name.
  const renamed = new Map(found.filter((f) => f.ws && f.byId).map((f) => [lower(f.ws!.name), f.mark.name]));
  const preview: UndoPreview = {
    kind,
    at: record.at,
    stamp: recordStamp(record),
    unchanged: [],
    changed: [],
    names: [],
    keptNames: [],
    missing: [],
    needed: [],
    restores: [],
  };
  // A large sheet read in chunks of its written area that grew beyond it: its other cells are unread (refuse, never guess).
  if (found.some((f) => f.used && !f.used().complete)) throw new AddinError("undo.checkIncomplete");
  for (const { mark, ws, byId, used: read, look } of found) {
    const used = read?.();
    if (!ws || !used) {
      preview.missing.push(mark.name);
      continue;
    }
    const now = sheetFingerprint(used.address, used.formulas, current, renamed);
    const sheet = { id: ws.id, name: ws.name };
    // A note added, a number format or fill changed: an edit too (records that carry the look).
    const sameLook = !mark.look || !look || lookMark(look).look === mark.look;
    if (now === mark.fingerprint && sameLook) preview.unchanged.push(sheet);
    else preview.changed.push({ ...sheet, reason: byId ? "edited" : "unrecognised" });
  }
  const chosen = [...preview.unchanged, ...preview.changed.filter((s) => confirm.includes(s.id))].map((s) => s.id);
  const anyStays = preview.changed.some((s) => !chosen.includes(s.id));
  // Replace: what it replaced can come back when the whole generation goes and every sheet it set
  // aside is still there. The user's formulas it re-pointed, unchanged since, will name those sheets
  // again: they do not keep the new ones (one more read, for Replace records only).
  const replaced = record.replaced ?? null;
  const asideIds = new Set(replaced?.sheets.map((m) => m.id) ?? []);
  const aside = sheets.items.filter((ws) => asideIds.has(ws.id));
  const sheetIdsNow = new Set(sheets.items.map((ws) => ws.id));
  const mayRestore = !!replaced && !anyStays && aside.length === replaced.sheets.length;
  let pointBack: ReplacedMark["cells"] = [];
  if (mayRestore) {
    const cells = replaced.cells.filter((c) => sheetIdsNow.has(c.sheetId));
    const reads = cells.map((c) => context.workbook.worksheets.getItem(c.sheetId).getRange(c.address).load("formulas"));
    again.load("value");
    await context.sync();
    if (changedMeanwhile()) throw new AddinError("undo.recordChanged");
    pointBack = cells.filter((c, i) => reads[i].formulas[0]?.[0] === c.formula);
  }
  const withoutPointBack = (formulas: string[]) => {
    const left = [...formulas];
    for (const c of pointBack) {
      const at = left.indexOf(c.formula);
      if (at >= 0) left.splice(at, 1);
    }
    return left;
  };
  const allOtherFormulas = otherFormulas;
  otherFormulas = withoutPointBack(otherFormulas);
  // The user's names the Replace re-pointed, unchanged since: set back as read too.
  let pointBackNames = new Set(
    mayRestore
      ? replaced.userNames
          .filter((u) => names.items.some((n) => lower(n.name) === lower(u.name) && String(n.formula) === u.formula))
          .map((u) => lower(u.name))
      : [],
  );
  // Deleting a sheet turns every reference to it into #REF!, for good: an added sheet that a staying
  // sheet (the user's own, or an added one kept) uses, directly, through a name or in a chart's
  // series, stays too.
  const formulasOf = (id: string) =>
    (found.find((f) => f.ws?.id === id)?.used?.().formulas ?? []).flat().filter(isFormula);
  const recordedNames = new Set(record.names.map((n) => lower(n.name)));
  /** Which added sheets stay because a staying sheet uses them; `charts`: what each sheet's charts plot, or "unknown". */
  const settle = (charts: { of: (id: string) => string[]; others: string[] } | "unknown" | null) => {
    let ids = [...chosen];
    const needed: UndoSheet[] = [];
    const textsOf = (id: string) => [...formulasOf(id), ...(charts && charts !== "unknown" ? charts.of(id) : [])];
    const texts = [
      ...preview.changed.filter((s) => !ids.includes(s.id)).flatMap((s) => textsOf(s.id)),
      ...otherFormulas!,
      ...(charts && charts !== "unknown" ? charts.others : []),
      ...names.items
        .filter((n) => !recordedNames.has(lower(n.name)) && !pointBackNames.has(lower(n.name)))
        .map((n) => String(n.formula)),
    ];
    // A staying chart whose sources cannot be read may plot any added sheet: all of them stay.
    const all = charts === "unknown";
    const usedNames = new Set<string>();
    for (let grew = true; grew;) {
      grew = false;
      for (const n of names.items)
        if (!usedNames.has(lower(n.name)) && (all || texts.some((t) => mentionsName(t, n.name)))) {
          usedNames.add(lower(n.name));
          texts.push(String(n.formula));
          grew = true;
        }
      for (const sheet of preview.unchanged)
        if (ids.includes(sheet.id) && (all || texts.some((t) => usesSheet(t, sheet.name, current)))) {
          ids = ids.filter((id) => id !== sheet.id);
          needed.push(sheet);
          texts.push(...textsOf(sheet.id));
          grew = true;
        }
    }
    return { ids, needed, usedNames };
  };
  /** Settled, with the charts' sources read when a chart is on a sheet that stays (one more sync). */
  const settleWithCharts = async () => {
    const settled = settle(null);
    const stays = (id?: string) => !!id && !settled.ids.includes(id);
    if (!anyChart([...otherCharts, ...found.filter((f) => stays(f.ws?.id)).map((f) => f.charts)])) return settled;
    again.load("value");
    const sources = await chartSources(context, [...otherCharts, ...found.map((f) => f.charts)]).catch(() => {
      throw new AddinError("undo.checkIncomplete");
    });
    if (changedMeanwhile()) throw new AddinError("undo.recordChanged");
    const at = otherCharts.length;
    return settle(
      sources === null
        ? "unknown"
        : {
            others: sources.slice(0, at).flat(),
            of: (id) => sources[at + found.findIndex((f) => f.ws?.id === id)] ?? [],
          },
    );
  };
  let settled = await settleWithCharts();
  // What Replace replaced comes back only when every added sheet goes, and no name of the user's
  // stands where a replaced name goes back.
  const replacedNames = new Set(replaced?.names.map((n) => lower(n.name)) ?? []);
  const changedName = record.names.some((mark) => {
    const n = names.items.find((x) => lower(x.name) === lower(mark.name));
    return !!n && replacedNames.has(lower(n.name)) && !sameFormula(String(n.formula), mark.formula, current);
  });
  const whole = () =>
    !changedName &&
    !settled.needed.length &&
    !settled.usedNames.size &&
    !names.items.some((n) => replacedNames.has(lower(n.name)) && !recordedNames.has(lower(n.name)));
  const restorable = mayRestore && whole();
  if (!restorable && (pointBack.length || pointBackNames.size)) {
    // The re-pointed formulas keep naming the added sheets after all: settled again with them.
    pointBack = [];
    pointBackNames = new Set();
    otherFormulas = allOtherFormulas;
    settled = await settleWithCharts();
  }
  const { usedNames } = settled;
  const sheetIds = settled.ids;
  preview.needed.push(...settled.needed);
  preview.unchanged = preview.unchanged.filter((s) => sheetIds.includes(s.id));
  for (const mark of record.names) {
    const n = names.items.find((x) => lower(x.name) === lower(mark.name));
    if (!n) continue;
    if (!anyStays && !usedNames.has(lower(n.name)) && sameFormula(String(n.formula), mark.formula, current))
      preview.names.push(n.name);
    else preview.keptNames.push(n.name);
  }
  // A sheet this action protected itself (no password) is lifted by undo; one the user protected is refused.
  const ownProtected = found.filter((f) => f.byId && f.mark.ownProtection && f.ws).map((f) => f.ws!.id);
  const locked = sheets.items.find(
    (ws) => sheetIds.includes(ws.id) && ws.protection.protected && !ownProtected.includes(ws.id),
  );
  if (locked) throw sheetProtected(locked.name);
  const visibleLeft = sheets.items.filter(
    (ws) => (ws.visibility === "Visible" || (restorable && asideIds.has(ws.id))) && !sheetIds.includes(ws.id),
  );
  if (sheetIds.length && !visibleLeft.length) throw new AddinError("undo.wouldEmpty");
  const marker = record.id
    ? currentMarker(
        settingKeys!.items.map((s) => s.key),
        kind,
        record.id,
      )
    : null;
  const restore: Restore | null = restorable
    ? {
        replaced: replaced!,
        cells: pointBack,
        userNames: replaced!.userNames.filter((n) => pointBackNames.has(lower(n.name))),
        previous: livingRecord(replaced!.previous, kind, sheetIdsNow),
      }
    : null;
  if (restore) preview.restores = restore.replaced.sheets.map((m) => m.name);
  // Nothing comes back: what Replace set aside (hidden, under its "~ibn … old" names) goes with the generation.
  const dropAside = restore
    ? []
    : aside.filter((ws) => ws.visibility !== "Visible" && ws.name.startsWith(TEMP_PREFIX)).map((ws) => ws.id);
  return {
    preview,
    sheetIds,
    ownProtected,
    marker,
    recordId: record.id ?? null,
    restore,
    dropAside,
    sheetsNow: sheets.items.map((ws) => ({ id: ws.id, name: ws.name })),
    namesNow: names.items.map((n) => n.name),
  };
}

/**
 * What undo of the last action of `kind` would do, without doing it: two syncs. Null when there
 * is nothing to undo.
 */
export async function previewUndo(context: Excel.RequestContext, kind = PROPOSAL_KIND): Promise<UndoPreview | null> {
  return (await planUndo(context, kind, []))?.preview ?? null;
}

/**
 * Undoes the last action of `kind` (default the proposal generation): deletes the sheets it added
 * that are exactly as written, plus the changed ones listed in `confirm`, and its defined names
 * when no added sheet stays; then forgets the record. Three syncs; if Excel fails halfway, the
 * rest is done in one more try. Null when there is nothing to undo.
 */
export async function undoLastGeneration(
  context: Excel.RequestContext,
  options: UndoOptions = {},
): Promise<UndoResult | null> {
  return runExclusive("undo", () => undoLastGenerationBody(context, options), context);
}

async function undoLastGenerationBody(
  context: Excel.RequestContext,
  options: UndoOptions = {},
): Promise<UndoResult | null> {
  try {
    return await undoSteps(context, options);
  } catch (e) {
    // Excel refused the reads, or the deletes twice: typed, and the record stays for another Undo.
    throw e instanceof AddinError ? e : undoFailed(e);
  }
}

/** A stored record when one of its sheets is still in the workbook (`ids`): an undone generation's record is none to come back to. */
function livingRecord(stored: string | null, kind: string, ids: ReadonlySet<string>): string | null {
  const record = stored ? parseSheetsRecord(stored, kind) : null;
  return record && record.sheets.some((m) => ids.has(m.id)) ? stored : null;
}

/**
 * Queues putting back what a Replace replaced, before the deletes: the added sheets that hold a name
 * to give back step aside (the user's formulas follow them), the replaced sheets take their names
 * and visibility back, and the user's formulas and names it re-pointed are set as read before the
 * Replace: they name the replaced sheets again. Decided on the sheets as read (`sheetsNow`), so
 * that a finishing batch does only what is left.
 */
function queueRestore(context: Excel.RequestContext, restore: Restore, ids: readonly string[], sheetsNow: UndoSheet[]) {
  const back = new Set(restore.replaced.sheets.map((m) => lower(m.name)));
  const nameOf = (id: string) => sheetsNow.find((s) => s.id === id)?.name;
  const out = `${TEMP_PREFIX}${newAttemptId()} gone `;
  ids.forEach((id, i) => {
    const name = nameOf(id);
    if (name && back.has(lower(name))) context.workbook.worksheets.getItem(id).name = `${out}${i + 1}`;
  });
  for (const m of restore.replaced.sheets) {
    const name = nameOf(m.id);
    if (name === undefined) continue;
    const ws = context.workbook.worksheets.getItem(m.id);
    if (name !== m.name) ws.name = m.name;
    ws.visibility = m.visibility as Excel.SheetVisibility;
  }
  queueRepoint(context, restore.cells);
  queueNameRepoint(context, restore.userNames);
}

/** Queues, after the deletes, the replaced defined names that are not there, and the record the Replace replaced (or none). */
function queueRestoreLast(context: Excel.RequestContext, kind: string, restore: Restore, namesLeft: readonly string[]) {
  const left = new Set(namesLeft.map(lower));
  for (const n of restore.replaced.names)
    if (!left.has(lower(n.name))) context.workbook.names.add(n.name, n.formula, n.comment || undefined);
  const { previous } = restore;
  if (previous) context.workbook.settings.add(recordSetting(kind), previous);
  else context.workbook.settings.getItem(recordSetting(kind)).delete();
}

/** Queues undo's deletes: the names, the sheets by id (lifting the protection the action set itself), and the record when `record`. */
function queueUndoDeletes(
  context: Excel.RequestContext,
  kind: string,
  ownProtected: readonly string[],
  names: readonly string[],
  ids: readonly string[],
  record: boolean,
): void {
  for (const n of names) context.workbook.names.getItem(n).delete();
  for (const id of ids) {
    const ws = context.workbook.worksheets.getItem(id);
    if (ownProtected.includes(id)) ws.protection.unprotect();
    ws.delete();
  }
  if (record) context.workbook.settings.getItem(recordSetting(kind)).delete();
}

/**
 * When undo stops without finishing: its retry marker goes when the record is another action's now (a
 * write that committed in the round trip consumed the record's marker); otherwise it stays, to
 * guard the next Undo. Best effort: the failure itself is what the user is told.
 */
async function forgetRetryMarker(context: Excel.RequestContext, kind: string, retry: string, stamp: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const setting = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
      const marker = context.workbook.settings.getItemOrNullObject(retry).load("value");
      await context.sync();
      const record = setting.isNullObject ? null : parseSheetsRecord(setting.value, kind);
      if (marker.isNullObject || (record && recordStamp(record) === stamp)) return;
      marker.delete();
      await context.sync();
      return;
    } catch {
      // Once more; then nothing more to do: a marker of no record is read by no action.
    }
  }
}

/**
 * Finishes an undo whose delete batch Excel refused halfway. Only what is still this action's: its
 * sheets (by id), the names that still point at them, and the record while it is this one (another
 * pane or a co-author may have committed a newer one meanwhile). While the record is this one, the
 * batch consumes its markers first: when a write commits in the round trip since this read, the
 * batch fails before it deletes anything, and the next try sees the newer record and leaves it be.
 */
async function finishUndo(
  context: Excel.RequestContext,
  kind: string,
  u: {
    preview: UndoPreview;
    sheetIds: string[];
    ownProtected: string[];
    marker: string | null;
    retry: string | null;
    restore?: Restore | null;
    dropAside?: string[];
  },
): Promise<void> {
  const { preview, sheetIds, ownProtected, marker, retry, restore = null, dropAside = [] } = u;
  const present = (x: Excel.Setting | null): x is Excel.Setting => !!x && !x.isNullObject;
  for (let attempt = 1; ; attempt++) {
    const setting = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
    const sheets = context.workbook.worksheets.load("items/id,items/name");
    const names = context.workbook.names.load("items/name,items/formula");
    const retryNow = retry ? context.workbook.settings.getItemOrNullObject(retry).load("value") : null;
    const markerNow = marker ? context.workbook.settings.getItemOrNullObject(marker).load("value") : null;
    await context.sync();
    const ours = sheets.items.filter((ws) => sheetIds.includes(ws.id));
    const record = setting.isNullObject ? null : parseSheetsRecord(setting.value, kind);
    const same = !!record && recordStamp(record) === preview.stamp;
    const untouched =
      ours.length === sheetIds.length &&
      preview.names.every((n) => names.items.some((x) => lower(x.name) === lower(n)));
    // A newer record, and nothing of this undo done: refused, nothing changed (the retry marker, if
    // it was added, goes: it belongs to no record now).
    if (!same && untouched) {
      if (retry) await forgetRetryMarker(context, kind, retry, preview.stamp);
      throw new AddinError("undo.recordChanged");
    }
    // The record's markers first, each still there (its own, when the batch failed before consuming
    // it, and the retry marker): a write that committed since this read consumed one of them.
    if (same) for (const m of [markerNow, retryNow]) if (present(m)) m.delete();
    // A name that points at another sheet now is another action's (a Replace reuses the names).
    const elsewhere = (f: string) => sheets.items.some((ws) => !sheetIds.includes(ws.id) && mentionsSheet(f, ws.name));
    const stillOurs = (n: { name: string; formula: unknown }) =>
      preview.names.some((x) => lower(x) === lower(n.name)) &&
      (ours.some((ws) => mentionsSheet(String(n.formula), ws.name)) || (same && !elsewhere(String(n.formula))));
    // A Replace's undo puts back what is left of it, on the state as read, while the record is this one.
    const restoring = same && restore;
    const now = sheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
    if (restoring) queueRestore(context, restore, sheetIds, now);
    const gone = names.items.filter(stillOurs).map((n) => n.name);
    const asideLeft = sheets.items.filter((ws) => dropAside.includes(ws.id)).map((ws) => ws.id);
    queueUndoDeletes(context, kind, ownProtected, gone, [...ours.map((ws) => ws.id), ...asideLeft], same && !restore);
    if (restoring)
      queueRestoreLast(
        context,
        kind,
        restore,
        names.items.map((n) => n.name).filter((n) => !gone.includes(n)),
      );
    if (!same && present(retryNow)) retryNow.delete(); // another record now: ours belongs to none
    try {
      await context.sync();
      return;
    } catch (e) {
      // Once more when the record may have changed under this try; then the failure is the user's to see.
      if (attempt >= 2 || !same) {
        if (retry) await forgetRetryMarker(context, kind, retry, preview.stamp);
        throw e;
      }
    }
  }
}

async function undoSteps(context: Excel.RequestContext, options: UndoOptions): Promise<UndoResult | null> {
  const kind = options.kind ?? PROPOSAL_KIND;
  const planned = await planUndo(context, kind, options.confirm ?? [], options.expect);
  if (!planned) return null;
  const { preview, sheetIds, ownProtected, marker, recordId, restore, dropAside } = planned;
  await undoDeleting(context, {
    kind,
    marker,
    recordId,
    deletes: () => {
      if (restore) queueRestore(context, restore, sheetIds, planned.sheetsNow);
      queueUndoDeletes(context, kind, ownProtected, preview.names, [...sheetIds, ...dropAside], !restore);
      if (restore)
        queueRestoreLast(
          context,
          kind,
          restore,
          planned.namesNow.filter((n) => !preview.names.includes(n)),
        );
    },
    finish: (retry) =>
      finishUndo(context, kind, { preview, sheetIds, ownProtected, marker, retry, restore, dropAside }),
  });
  const removed = new Set(sheetIds);
  const all = [...preview.unchanged, ...preview.changed, ...preview.needed];
  const why = (id: string): KeptReason =>
    preview.changed.find((c) => c.id === id)?.reason ?? (preview.needed.some((n) => n.id === id) ? "needed" : "edited");
  const kept = all.filter((s) => !removed.has(s.id)).map((s) => ({ name: s.name, reason: why(s.id) }));
  return {
    removedSheets: all.filter((s) => removed.has(s.id)).map((s) => s.name),
    removedNames: preview.names,
    keptSheets: kept.map((s) => s.name),
    keptNames: preview.keptNames,
    kept,
    restoredSheets: preview.restores,
  };
}
