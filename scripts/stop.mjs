// npm stop: end the dev server started by npm start (and, on Windows/macOS, unload the add-in).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 0);
}
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const pidFile = path.join(os.tmpdir(), `ibn-lumpsum-dev-server-${port}.pid`);
if (!fs.existsSync(pidFile)) {
  console.log("No dev server started by npm start is running.");
} else {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the dev server (pid ${pid}).`);
  } catch {
    console.log("The dev server had already stopped.");
  }
  fs.rmSync(pidFile, { force: true });
}
