// How much of a computed input's cost is reading its shortest decimal: quotientFiltered on short
// decimals (read is trivial or cached) against full-precision doubles (read runs in full), and bare x / y.
// Run: npx tsx bench/readCost.ts
import { quotientFiltered } from "../src/core/filtered";

const N = 100_000;
const typed = Array.from({ length: N }, (_, i) => [2_900_000 + (i % 1000), 1700 + (i % 7) * 0.25]);
const computed = Array.from({ length: N }, () => [
  2_900_000 * (1 + Math.random() * 1e-9),
  1700 * (1 + Math.random() * 1e-9),
]);

function time(run: () => number): number {
  let best = Infinity;
  for (let k = 0; k < 15; k++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const sumOf = (pairs: number[][], f: (x: number, y: number) => number) => () => {
  let s = 0;
  for (const [x, y] of pairs) s += f(x, y);
  return s;
};
const bare = time(sumOf(computed, (x, y) => x / y));
const t = time(sumOf(typed, quotientFiltered));
const c = time(sumOf(computed, quotientFiltered));
console.log(
  `per call, ns: bare ${((bare / N) * 1e6).toFixed(1)}, filtered typed ${((t / N) * 1e6).toFixed(1)}, filtered computed ${((c / N) * 1e6).toFixed(1)}`,
);
