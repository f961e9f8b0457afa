// Bare JavaScript arithmetic for each custom function's formula: no argument parsing, no checks,
// no decimals — the floor that `npm run bench` compares our functions against.
type Grid = number[][];

function total(g: Grid): number {
  let s = 0;
  for (let r = 0; r < g.length; r++) {
    const row = g[r];
    for (let c = 0; c < row.length; c++) s += row[c];
  }
  return s;
}

export const bare = {
  lumpsum: (c: Grid, s: number, b: number, y: number, p: number, e = 0) => ((total(c) - s) * p + s * y) / b - e,
  extraCosts: (c: Grid, b: number, y: number) => (total(c) * y) / b,
  pwShareOfFte: (p: number, y: number) => p / y,
  addedValue: (a: number, b: number, c: number, d: number) => a * b * c * d,
  lumpsumPerFte: (l: number, p: number) => l / p,
  occupancyProjection(w: number, p: number, years: number, rate: number, i: number, o: number, fpp: number) {
    const rows: (number | string)[][] = [[w, p, w + p, "", ""]];
    for (let y = 0; y < years; y++) {
      const prev = w + p;
      w *= 1 - rate;
      p = Math.max(0, p + (i - o) * fpp);
      rows.push([w, p, w + p, w + p - prev, (w + p - prev) / prev]);
    }
    return rows;
  },
  /** Largest remainder in whole units, ties to the larger budget, then the first. */
  pbudgetShare(budgets: Grid, amount: number): number[][] {
    const b = budgets.map((r) => r[0]);
    const t = total(budgets);
    const floors = b.map((x) => Math.floor((amount * x) / t));
    const rems = b.map((x, i) => (amount * x) / t - floors[i]);
    let left = amount - floors.reduce((x, y) => x + y, 0);
    const order = b.map((_, i) => i).sort((i, j) => rems[j] - rems[i] || b[j] - b[i] || i - j);
    for (const i of order) if (left-- > 0) floors[i]++;
    return floors.map((x) => [x]);
  },
  lumpsumPctPbudget: (a: number, b: Grid) => a / total(b),
  quasiInhousePct: (a: Grid, t: Grid) => total(a) / total(t),
  quasiInhouseTest: (a: Grid, t: Grid) => total(a) / total(t) > 0.8,
  placementRateOf(p: Grid, i: Grid): number[][] {
    const out: number[][] = new Array(p.length);
    for (let r = 0; r < p.length; r++) {
      const row = p[r];
      const o: number[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) o[c] = row[c] / i[r][c];
      out[r] = o;
    }
    return out;
  },
};
