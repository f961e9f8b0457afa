// Recognises a proposal input table in cell values, by its labels (Dutch or English), such as the
// input sheet this add-in writes or a table laid out like the published one. Reads only.
import { nameKey } from "../checks";
import { AddinError, InputError, valueError, type ErrorCode } from "../errors";
import { QUASI_INHOUSE_THRESHOLD } from "../quasiInhouse";
import { validateProposalInput, type ProposalInput } from "./input";
import { LABELS, type Labels } from "./labels";

type Cell = string | number | boolean | null | undefined;

export interface ReadResult {
  input?: ProposalInput;
  /** What was recognised, for the preview ("Cost lines: 7", …). */
  found: string[];
  /**
   * What is missing or wrong, each naming the label to add or fix (and the rows): typed, for the
   * pane to put into words (AddinError "read.*" codes, or the validation's InputError).
   */
  problems: ReadProblem[];
  /** The municipalities read, in order, so the pane can show them before generating. */
  municipalities: string[];
}

/** A problem of the table: its code and parameters (its message: the English sentence, for logs and tests). */
export type ReadProblem = AddinError | InputError;

export interface ReadOptions {
  /**
   * The sheet's row number (1-based) of the first row of `values`, when the caller knows it: rows
   * are then named as the sheet numbers them. Without it they are named "row N of the selection".
   */
  firstRow?: number;
}

const norm = (v: Cell) => (typeof v === "string" ? v.trim().toLowerCase() : "");
const isNum = (v: Cell): v is number => typeof v === "number" && Number.isFinite(v);

/** Numbers to the right of column 0 in a row, stopping at the first non-number. */
function rowNumbers(row: Cell[] | undefined): number[] {
  const out: number[] = [];
  for (const v of (row ?? []).slice(1)) {
    if (!isNum(v)) break;
    out.push(v);
  }
  return out;
}

class Table {
  constructor(private readonly rows: Cell[][]) {}

  /** Row index of the first label in column 0 matching one of the texts (either language), from `from`. */
  find(texts: string[], from = 0): number {
    const wanted = texts.map((t) => t.toLowerCase());
    for (let r = from; r < this.rows.length; r++) if (wanted.includes(norm(this.rows[r]?.[0]))) return r;
    return -1;
  }
  row(r: number): Cell[] {
    return this.rows[r] ?? [];
  }
  numbers(r: number): number[] {
    return rowNumbers(this.rows[r]);
  }
  get length(): number {
    return this.rows.length;
  }
}

const both = (pick: (l: Labels) => string) => [pick(LABELS.nl), pick(LABELS.en)];

export function readProposalInputs(values: Cell[][], options: ReadOptions = {}): ReadResult {
  const t = new Table(values);
  const found: string[] = [];
  const problems: ReadProblem[] = [];
  // Rows as the user finds them: the sheet's numbers, or counted from the selection's top.
  const known = options.firstRow !== undefined && Number.isInteger(options.firstRow) && options.firstRow >= 1;
  const rowOf = (r: number) => (known ? options.firstRow! + r : r + 1);
  const of: Record<string, string> = known ? {} : { of: "selection" };
  const problem = (code: ErrorCode, params: Record<string, string | number>) =>
    problems.push(new AddinError(code, { ...params }));
  const need = (r: number, what: string[]) => {
    if (r < 0) problem("read.noRow", { label: what[0], labelEn: what[1] });
    return r;
  };
  const scalar = (labels: string[], from = 0): number | undefined => {
    const r = need(t.find(labels, from), labels);
    if (r < 0) return undefined;
    const n = t.numbers(r)[0];
    // The label as the table has it, so the user finds it whatever the pane's language.
    const label = String(t.row(r)[0]).trim();
    if (n === undefined) problem("read.noNumber", { label, row: rowOf(r), ...of });
    return n;
  };
  /** The row of this section's header (a problem when there is none). */
  const header = (pick: (l: Labels) => string) => need(t.find(both(pick)), both(pick));
  /** The numbers of the first row so labelled at or below row `from`; none when `from` is not a row. */
  const numbersAfter = (pick: (l: Labels) => string, from: number) =>
    from >= 0 ? t.numbers(t.find(both(pick), from)) : [];

  // Not an input table at all: one sentence rather than every label missing.
  const sections = [
    both((l) => l.baseYear),
    both((l) => l.proposalYears),
    both((l) => l.costLine),
    both((l) => l.municipality),
  ];
  if (sections.every((labels) => t.find(labels) < 0)) {
    problem("read.notRecognised", {});
    return { found, problems, municipalities: [] };
  }

  const baseYear = scalar(both((l) => l.baseYear));
  const yRow = header((l) => l.proposalYears);
  const years = yRow >= 0 ? t.numbers(yRow) : [];

  // Cost lines: the rows between the cost-line header and the total.
  const costHeader = header((l) => l.costLine);
  const costTotal = t.find(
    both((l) => l.totalCosts),
    Math.max(0, costHeader),
  );
  const costLines: ProposalInput["costLines"] = [];
  if (costHeader >= 0) {
    const end = costTotal >= 0 ? costTotal : t.length;
    for (let r = costHeader + 1; r < end; r++) {
      const [label, amount] = t.row(r);
      if (typeof label === "string" && label.trim() && isNum(amount)) costLines.push({ label: label.trim(), amount });
      else if (norm(label) || amount != null) problem("read.costLine", { row: rowOf(r), ...of });
    }
    found.push(`cost lines: ${costLines.length}`);
  }
  const specificPwCostsBase = scalar(both((l) => l.specificPw));

  const occHeader = header((l) => l.occupancyInput);
  const wsw = numbersAfter((l) => l.wsw, occHeader);
  const pw = numbersAfter((l) => l.pw, occHeader);

  const twHeader = header((l) => l.addedValue);
  const tw = (labels: string[]) => (twHeader >= 0 ? scalar(labels, twHeader) : undefined);
  const placements = tw(both((l) => l.placements));
  const demandDrivenShare = tw(both((l) => l.demandShare));
  const uplift = tw(both((l) => l.uplift));
  const averageAddedValue = tw(both((l) => l.averageValue));
  const appliesRow =
    twHeader >= 0
      ? t.find(
          both((l) => l.applies),
          twHeader,
        )
      : -1;
  const applies = appliesRow >= 0 ? t.numbers(appliesRow) : years.map(() => 1);

  // Previous period (optional).
  const prevRow = t.find(both((l) => l.previous));
  let previous: ProposalInput["previous"];
  if (prevRow >= 0) {
    const prevYears = t.numbers(prevRow);
    previous = {
      years: prevYears,
      lumpSums: numbersAfter((l) => l.lumpSumFee, prevRow),
      wsw: numbersAfter((l) => l.wsw, prevRow),
      pw: numbersAfter((l) => l.pw, prevRow),
    };
    found.push(`previous period: ${prevYears.join("–")}`);
  }

  // Municipalities: names in column 0 under the header, P-budgets to the right, down to the next
  // section (the quasi-in-house inputs) or the end. Every row in between is read: a blank row, a
  // number where a name belongs or a name given twice is a problem that lists the rows, never a
  // silent stop that would allocate the whole lump sum over fewer municipalities.
  const munHeader = header((l) => l.municipality);
  const qiHeader = header((l) => l.quasiInput);
  const municipalities: ProposalInput["municipalities"] = [];
  if (munHeader >= 0) {
    const end = qiHeader > munHeader ? qiHeader : t.length;
    const isEmpty = (v: Cell) => v === null || v === undefined || (typeof v === "string" && !v.trim());
    const blankRow = (r: number) => t.row(r).every(isEmpty);
    let last = end - 1;
    while (last > munHeader && blankRow(last)) last--; // blank rows after the table end it
    const blank: number[] = [];
    const notNames: number[] = [];
    const seen = new Map<string, number[]>();
    for (let r = munHeader + 1; r <= last; r++) {
      const name = t.row(r)[0];
      if (blankRow(r)) blank.push(rowOf(r));
      // A name typed as text that reads as a number ("2023") is a number where the name belongs, too.
      else if (typeof name !== "string" || !name.trim() || Number.isFinite(Number(name.trim().replace(",", "."))))
        notNames.push(rowOf(r));
      else {
        const key = nameKey(name);
        seen.set(key, [...(seen.get(key) ?? []), rowOf(r)]);
        municipalities.push({ name: name.trim(), pBudgets: t.numbers(r) });
      }
    }
    const rowParams = (rows: number[]) => ({ rows: rows.join(", "), count: rows.length, ...of });
    if (blank.length) problem("read.municipalityBlank", rowParams(blank));
    if (notNames.length) {
      problem("read.municipalityNoName", rowParams(notNames));
    }
    for (const rows of seen.values()) {
      if (rows.length > 1) {
        const name = String(t.row(rows[0] - rowOf(0))[0]).trim();
        problem("read.municipalityTwice", { name, ...rowParams(rows) });
      }
    }
    found.push(`municipalities: ${municipalities.length}`);
  }

  const quasiInhouse: ProposalInput["quasiInhouse"] = {
    years: qiHeader >= 0 ? t.numbers(qiHeader) : [],
    wsw: numbersAfter((l) => l.wsw, qiHeader),
    pw: numbersAfter((l) => l.pw, qiHeader),
    attributableStaff: numbersAfter((l) => l.attributableStaff, qiHeader),
    nonAttributableStaff: numbersAfter((l) => l.nonAttributableStaff, qiHeader),
    regularProductionStaff: numbersAfter((l) => l.regularStaff, qiHeader),
    threshold:
      (qiHeader >= 0
        ? scalar(
            both((l) => l.threshold),
            qiHeader,
          )
        : undefined) ?? QUASI_INHOUSE_THRESHOLD,
  };

  const names = municipalities.map((m) => m.name);
  if (problems.length) return { found, problems, municipalities: names };
  const input: ProposalInput = {
    baseYear: baseYear!,
    years,
    costLines,
    specificPwCostsBase: specificPwCostsBase!,
    occupancy: { mode: "given", wsw, pw },
    addedValue: {
      placements: placements!,
      demandDrivenShare: demandDrivenShare!,
      uplift: uplift!,
      averageAddedValue: averageAddedValue!,
      applies,
    },
    ...(previous ? { previous } : {}),
    municipalities,
    quasiInhouse,
  };
  found.unshift(`years: ${baseYear} → ${years.join(", ")}`);
  // Plausibility is part of reading: the same validation as generating (15 where 15 % belongs, a
  // year without fte, a lump sum that would go negative), said before anything is built.
  try {
    validateProposalInput(input);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { found, problems: [e], municipalities: names };
  }
  return { input, found, problems, municipalities: names };
}

export function requireInput(r: ReadResult): ProposalInput {
  if (!r.input)
    throw r.problems.length === 1
      ? valueError("inputs", r.problems[0].code, r.problems[0].params)
      : valueError("inputs", "read.problems", { count: r.problems.length });
  return r.input;
}
