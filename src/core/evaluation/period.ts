// The reporting period of an evaluation workbook: a year ("2024") or a quarter year-to-date
// ("2024Q3"), and what follows from it: the three cohorts up to it, the stock dates, the title
// ("t/m 3e kwartaal 2024") and the norms that apply. Evaluators report every quarter and evaluate
// every year.
import { AddinError } from "../errors";
import type { Language } from "../language";

export interface Period {
  year: number;
  /** 1–4 for a quarter year-to-date; absent for a whole year. */
  quarter?: number;
}

/** "2024" → { year: 2024 }; "2024Q3", "2024-Q3", "Q3 2024" → { year: 2024, quarter: 3 }. */
export function parsePeriod(text: string): Period {
  const t = String(text).trim().toUpperCase();
  let m = /^(\d{4})(?:\s*-?\s*Q([1-4]))?$/.exec(t);
  if (m) return m[2] ? { year: Number(m[1]), quarter: Number(m[2]) } : { year: Number(m[1]) };
  m = /^Q([1-4])\s*-?\s*(\d{4})$/.exec(t);
  if (m) return { year: Number(m[2]), quarter: Number(m[1]) };
  throw new AddinError("evaluation.period", { value: text });
}

const check = (p: Period) => {
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100)
    throw new AddinError("evaluation.period", { value: String(p.year) });
};

export const periodText = (p: Period) => (p.quarter ? `${p.year}Q${p.quarter}` : String(p.year));

/** The title suffix: "t/m 3e kwartaal 2024" / "to Q3 2024"; a whole year: "2024". */
export function periodTitle(p: Period, lang: Language): string {
  if (!p.quarter) return String(p.year);
  return lang === "nl" ? `t/m ${p.quarter}e kwartaal ${p.year}` : `to Q${p.quarter} ${p.year}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** The last day of the period, as the report writes dates: "30-09-2024". */
export function periodEnd(p: Period): string {
  const month = (p.quarter ?? 4) * 3;
  const day = new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return `${pad(day)}-${pad(month)}-${p.year}`;
}

/** The three cohorts up to the period, newest first: 2024, 2023, 2022. */
export function cohortColumns(p: Period): string[] {
  check(p);
  return [0, 1, 2].map((i) => String(p.year - i));
}

/** The stock dates: the end of the period, then the three year ends before it. */
export function stockColumns(p: Period): string[] {
  check(p);
  return [periodEnd(p), ...[1, 2, 3].map((i) => `31-12-${p.year - i}`)];
}

/** The agreed norms for started employment in a year: 140 + 60 up to 2022, 180 + 20 from 2023 (200 a year). */
export function normsFor(year: number): { offer: number; demand: number; total: number } {
  return year <= 2022 ? { offer: 140, demand: 60, total: 200 } : { offer: 180, demand: 20, total: 200 };
}

/** The year of a column header ("2024", "31-12-2023", "2024 t/m Q3"), or null. */
export function yearOfColumn(header: string): number | null {
  const m = /(\d{4})(?!.*\d{4})/.exec(header);
  return m ? Number(m[1]) : null;
}

/**
 * The share of the year a column covers, for comparing a year-to-date count with an annual norm:
 * "t/m 3e kwartaal 2024" or "to Q3 2024" → 0.75; a whole year → 1.
 */
export function yearFraction(header: string): number {
  const m = /(?:t\/m\s*(\d)e\s*kwartaal|\bQ([1-4])\b)/i.exec(header);
  const q = m ? Number(m[1] ?? m[2]) : 4;
  return q / 4;
}

/** A column header for the current year of a year-to-date period: "2024 t/m 3e kwartaal". */
export function currentYearColumn(p: Period, lang: Language): string {
  if (!p.quarter) return String(p.year);
  return lang === "nl" ? `${p.year} t/m ${p.quarter}e kwartaal` : `${p.year} to Q${p.quarter}`;
}
