import { quotientFiltered, shortestDecimalParts } from "../src/core/filtered";
const xs = Array.from({ length: 10000 }, () => [400 + Math.random() * 100, 1700 + Math.random() * 100]);
const run = (name: string, fn: (a: number, b: number) => number) => {
  let best = 1e9, s = 0;
  for (let rep = 0; rep < 30; rep++) { const t = performance.now(); for (let i = 0; i < xs.length; i++) s += fn(xs[i][0], xs[i][1]); best = Math.min(best, performance.now() - t); }
  console.log(name, ((best / 10000) * 1e6).toFixed(1), "ns", s > 0);
};
run("bare", (a, b) => a / b);
run("quotient", quotientFiltered);
run("read", (a) => shortestDecimalParts(a)![1]);
