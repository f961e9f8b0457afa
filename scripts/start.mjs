// npm start: serve the add-in over https on localhost and sideload it where Excel desktop exists
// (Windows, macOS: office-addin-debugging). On Linux there is no Excel desktop: serve and print how
// to sideload into Excel on the web instead of failing.
import { spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const port = Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000);
const pidFile = path.join(os.tmpdir(), `ibn-lumpsum-dev-server-${port}.pid`);
if (process.env.ADDIN_URL) {
  // The dev server always serves the development build on https://localhost; ADDIN_URL is for
  // `npm run build` / `npm run package`.
  console.warn(`npm start ignores ADDIN_URL (${process.env.ADDIN_URL}): it serves https://localhost:${port}/.`);
  delete process.env.ADDIN_URL;
}
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    // Only our own pid file: a second npm start must never remove the running server's.
    if (ownsPidFile(child.pid)) fs.rmSync(pidFile, { force: true });
    process.exit(code ?? 0);
  });
  return child;
}

function ownsPidFile(pid) {
  try {
    return Number(fs.readFileSync(pidFile, "utf8")) === pid;
  } catch {
    return false;
  }
}

/** The dev server npm start left running, if its pid file names a live process. */
function runningServer() {
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8"));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Whether something already listens on localhost:port (another program, or a server without pid file). */
function portInUse() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

function waitForServer(url, tries = 240) {
  return new Promise((resolve, reject) => {
    const attempt = (left) =>
      https
        .get(url, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on("error", () =>
          left > 0 ? setTimeout(() => attempt(left - 1), 500) : reject(new Error(`no answer from ${url}`)),
        );
    attempt(tries);
  });
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop"]);
} else {
  // A second npm start: say so and leave the running server (and its pid file) alone.
  const running = runningServer();
  if (running) {
    console.log(
      `The dev server is already running (pid ${running}) at https://localhost:${port}/; stop it with npm stop.`,
    );
    process.exit(0);
  }
  if (await portInUse()) {
    console.log(
      `Port ${port} on localhost is already in use (a dev server started another way, or another program); stop that first.`,
    );
    process.exit(1);
  }
  // localhost only: the development build is not for the network.
  const server = run(bin("webpack"), ["serve", "--mode", "development", "--host", "localhost"]);
  fs.writeFileSync(pidFile, String(server.pid));
  const url = `https://localhost:${port}/taskpane.html`;
  waitForServer(url).then(
    () =>
      console.log(`
────────────────────────────────────────────────────────────────────────
 IBN Lump Sum add-in is served at ${url}
 Excel desktop is not available on ${process.platform}; sideload it into Excel on the web:
   1. Open ${url} once in your browser and accept the development
      certificate (or trust ~/.office-addin-dev-certs/ca.crt).
   2. Open a workbook in Excel on the web (office.com).
   3. Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in,
      and choose the manifest:
        ${path.join(root, "manifest.xml")}
   4. Type =IBN. in a cell to see the functions; the Home tab has the
      "Lump sum" button for the task pane.
 Stop with Ctrl+C or \`npm stop\`.
────────────────────────────────────────────────────────────────────────
`),
    (e) => console.error(e.message),
  );
}
