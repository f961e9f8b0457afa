// Preloaded into a measured command (node --require): at exit, writes the whole process's peak
// resident memory (node's own process.resourceUsage) to the file named by IBN_BENCH_RSS_FILE.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- preloaded CommonJS */
const fs = require("node:fs");
process.on("exit", () => {
  if (process.env.IBN_BENCH_RSS_FILE)
    fs.writeFileSync(process.env.IBN_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
