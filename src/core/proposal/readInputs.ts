// Recognises a proposal input table in cell values, by its labels (Dutch or English), such as the
// input sheet this add-in writes or a table laid out like the published one. Reads only.
import { InputError, valueError } from "../errors";
import { QUASI_INHOUSE_THRESHOLD } from "../quasiInhouse";
import { validateProposalInput, type ProposalInput } from "./input";
import { LABELS, type Labels } from "./labels";

type Cell = string | number | boolean | null | undefined;

export interface ReadResult {
  input?: ProposalInput;
  /** What was recognised, for the preview ("Cost lines: 7", …). */
  found: string[];
  /** What is missing or wrong, each naming the label to add or fix (and the rows, for the municipalities). */
  problems: string[];
  /** The municipalities read, in order, so the pane can show them before generating. */
  municipalities: string[];
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

export function readProposalInputs(values: Cell[][]): ReadResult {
  const t = new Table(values);
  const found: string[] = [];
  const problems: string[] = [];
  const need = (r: number, what: string[]) => {
    if (r < 0) problems.push(`no row labelled "${what[0]}" (or "${what[1]}")`);
    return r;
  };
  const scalar = (labels: string[], from = 0): number | undefined => {
    const r = need(t.find(labels, from), labels);
    if (r < 0) return undefined;
    const n = t.numbers(r)[0];
    if (n === undefined) problems.push(`"${labels[0]}" has no number next to it`);
    return n;
  };

  const baseYear = scalar(both((l) => l.baseYear));
  const yRow = need(
    t.find(both((l) => l.proposalYears)),
    both((l) => l.proposalYears),
  );
  const years = yRow >= 0 ? t.numbers(yRow) : [];

  // Cost lines: the rows between the cost-line header and the total.
  const costHeader = need(
    t.find(both((l) => l.costLine)),
    both((l) => l.costLine),
  );
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
      else if (norm(label) || amount != null) problems.push(`cost line in row ${r + 1} needs a label and an amount`);
    }
    found.push(`cost lines: ${costLines.length}`);
  }
  const specificPwCostsBase = scalar(both((l) => l.specificPw));

  const occHeader = need(
    t.find(both((l) => l.occupancyInput)),
    both((l) => l.occupancyInput),
  );
  const wsw =
    occHeader >= 0
      ? t.numbers(
          t.find(
            both((l) => l.wsw),
            occHeader,
          ),
        )
      : [];
  const pw =
    occHeader >= 0
      ? t.numbers(
          t.find(
            both((l) => l.pw),
            occHeader,
          ),
        )
      : [];

  const twHeader = need(
    t.find(both((l) => l.addedValue)),
    both((l) => l.addedValue),
  );
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
      lumpSums: t.numbers(
        t.find(
          both((l) => l.lumpSumFee),
          prevRow,
        ),
      ),
      wsw: t.numbers(
        t.find(
          both((l) => l.wsw),
          prevRow,
        ),
      ),
      pw: t.numbers(
        t.find(
          both((l) => l.pw),
          prevRow,
        ),
      ),
    };
    found.push(`previous period: ${prevYears.join("–")}`);
  }

  // Municipalities: names in column 0 under the header, P-budgets to the right, down to the next
  // section (the quasi-in-house inputs) or the end. Every row in between is read: a blank row, a
  // number where a name belongs or a name given twice is a problem that lists the rows, never a
  // silent stop that would allocate the whole lump sum over fewer municipalities.
  const munHeader = need(
    t.find(both((l) => l.municipality)),
    both((l) => l.municipality),
  );
  const qiHeader = need(
    t.find(both((l) => l.quasiInput)),
    both((l) => l.quasiInput),
  );
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
      if (blankRow(r)) blank.push(r + 1);
      else if (typeof name !== "string" || !name.trim()) notNames.push(r + 1);
      else {
        const key = name.trim().toLowerCase();
        seen.set(key, [...(seen.get(key) ?? []), r + 1]);
        municipalities.push({ name: name.trim(), pBudgets: t.numbers(r) });
      }
    }
    const rowList = (rows: number[]) => `${rows.length > 1 ? "rows" : "row"} ${rows.join(", ")}`;
    if (blank.length) problems.push(`the municipality table has blank ${rowList(blank)}: remove them or fill them in`);
    if (notNames.length) {
      problems.push(
        `the municipality table has no name in ${rowList(notNames)} (a number or an empty cell where the municipality's name belongs)`,
      );
    }
    for (const rows of seen.values()) {
      if (rows.length > 1)
        problems.push(
          `municipality "${String(t.row(rows[0] - 1)[0]).trim()}" appears more than once: ${rowList(rows)}`,
        );
    }
    found.push(`municipalities: ${municipalities.length}`);
  }

  const qiRow = (labels: string[]) => (qiHeader >= 0 ? t.numbers(t.find(labels, qiHeader)) : []);
  const quasiInhouse: ProposalInput["quasiInhouse"] = {
    years: qiHeader >= 0 ? t.numbers(qiHeader) : [],
    wsw: qiRow(both((l) => l.wsw)),
    pw: qiRow(both((l) => l.pw)),
    attributableStaff: qiRow(both((l) => l.attributableStaff)),
    nonAttributableStaff: qiRow(both((l) => l.nonAttributableStaff)),
    regularProductionStaff: qiRow(both((l) => l.regularStaff)),
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
    return { found, problems: [e.message], municipalities: names };
  }
  return { input, found, problems, municipalities: names };
}

export function requireInput(r: ReadResult): ProposalInput {
  if (!r.input) throw valueError("inputs", r.problems.join("; "));
  return r.input;
}
