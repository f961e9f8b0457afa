// Mocha's spec reporter plus the plain closing line "N passed, N failed" that CI reads.
/* eslint-disable @typescript-eslint/no-require-imports */
const { reporters } = require("mocha");

class SpecWithSummary extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once("end", () => {
      const s = this.stats;
      console.log(`${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ""}`);
    });
  }
}

module.exports = SpecWithSummary;
