// The developer's and the IT person's scripts, run as they run them (issue 13 item 8): a second
// `npm start` says in one line that the server runs and leaves it (and its pid file) alone, so
// `npm stop` still stops it; the dev server answers on loopback only; `npm run validate` offline
// skips the online check in one line and exits 0; `npm run package` for two hosts keeps both zips.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

/** A port nothing listens on now (the kernel's choice), so the test never needs 3000. */
function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a TCP connection to host:port is accepted within 3 s. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("error", () => resolve(false));
  });
}

/** Polls https://localhost:port/taskpane.html until it answers (the dev server has compiled). */
async function waitForHttps(port: number, ms: number): Promise<number> {
  const until = Date.now() + ms;
  for (;;) {
    const status = await new Promise<number | undefined>((resolve) =>
      https
        .get(`https://localhost:${port}/taskpane.html`, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on("error", () => resolve(undefined)),
    );
    if (status !== undefined) return status;
    if (Date.now() > until) throw new Error(`the dev server did not answer on port ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim());
const noStack = (text: string) => {
  assert.doesNotMatch(text, /EADDRINUSE/, text);
  assert.doesNotMatch(text, /^\s+at /m, text);
};

(process.platform === "linux" ? describe : describe.skip)(
  "npm start and npm stop (Linux: the dev server)",
  function () {
    this.timeout(90_000);
    // npm sets npm_package_config_dev_server_port from package.json; the scripts and webpack read it,
    // so running them with node and that variable is `npm start` on another port. A private TMPDIR
    // keeps the pid file away from a developer's real one.
    let tmp = "";
    const servers: ChildProcess[] = [];
    const blockers: net.Server[] = [];
    let port = 0;
    let first: ChildProcess;
    let firstOutput = "";
    const env = () => ({ ...process.env, TMPDIR: tmp, npm_package_config_dev_server_port: String(port), CI: "true" });
    const pidFile = () => path.join(tmp, `ibn-lumpsum-dev-server-${port}.pid`);
    const script = (name: string) => path.join(root, "scripts", name);
    /** `npm start` or `npm stop` as its script, to its end, on this suite's port. */
    const runScript = (name: string) =>
      spawnSync(process.execPath, [script(name)], { cwd: root, env: env(), encoding: "utf8", timeout: 30_000 });
    before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-devtools-"))));

    after(() => {
      // Whatever failed: end every server this test started (its own process group: node and webpack).
      for (const s of servers)
        if (s.pid && s.exitCode === null && s.signalCode === null)
          try {
            process.kill(-s.pid, "SIGKILL");
          } catch {
            // already gone
          }
      for (const b of blockers) b.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("npm start and npm stop are these scripts", () => {
      assert.equal(pkg.scripts.start, "node scripts/start.mjs");
      assert.equal(pkg.scripts.stop, "node scripts/stop.mjs");
    });

    it("the first npm start serves the add-in over https", async () => {
      port = await sparePort();
      first = spawn(process.execPath, [script("start.mjs")], { cwd: root, env: env(), detached: true });
      servers.push(first);
      first.stdout!.on("data", (d) => (firstOutput += d));
      first.stderr!.on("data", (d) => (firstOutput += d));
      assert.equal(await waitForHttps(port, 60_000), 200, firstOutput);
      assert.ok(fs.existsSync(pidFile()), "npm start wrote its pid file");
    });

    it("it listens on this machine only: loopback answers, the network addresses do not", async function () {
      if (!first) this.skip();
      assert.ok(await accepts("localhost", port), "localhost");
      const loopback = [];
      for (const a of ["127.0.0.1", "::1"]) if (await accepts(a, port)) loopback.push(a);
      assert.ok(loopback.length > 0, "127.0.0.1 or ::1 answers");
      assert.doesNotMatch(firstOutput, /On Your Network/, "webpack-dev-server names no network address");
      const external = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a && !a.internal && !a.address.startsWith("fe80:"))
        .map((a) => a!.address);
      if (external.length === 0) return; // no network interface: nothing more to prove
      for (const address of external) {
        // The address itself is reachable from here (a listener of our own on it answers) …
        const control = net.createServer((s) => s.destroy());
        blockers.push(control);
        const controlPort = await new Promise<number>((resolve) =>
          control.listen(0, address, () => resolve((control.address() as net.AddressInfo).port)),
        );
        assert.ok(await accepts(address, controlPort), `control listener on ${address}`);
        // … but the dev server does not answer there.
        assert.equal(await accepts(address, port), false, `the dev server answers on ${address}`);
      }
    });

    it("a second npm start says in one line that the server runs, exits 0 and keeps its pid file", function () {
      if (!first) this.skip();
      const pidBefore = fs.readFileSync(pidFile(), "utf8");
      const second = runScript("start.mjs");
      const output = second.stdout + second.stderr;
      assert.equal(second.status, 0, output);
      assert.equal(lines(output).length, 1, output);
      assert.match(output, new RegExp(`already running \\(pid ${pidBefore}\\).*localhost:${port}.*npm stop`));
      noStack(output);
      assert.equal(fs.readFileSync(pidFile(), "utf8"), pidBefore, "the running server's pid file is untouched");
      process.kill(Number(pidBefore), 0); // the server still runs
      assert.equal(first.exitCode, null);
    });

    it("npm stop then stops the first server: its port closes and its pid file goes", async function () {
      if (!first) this.skip();
      const pid = fs.readFileSync(pidFile(), "utf8");
      const exited = new Promise<void>((resolve) =>
        first.exitCode !== null || first.signalCode !== null ? resolve() : first.once("exit", () => resolve()),
      );
      const stop = runScript("stop.mjs");
      assert.equal(stop.status, 0, stop.stdout + stop.stderr);
      assert.match(stop.stdout, new RegExp(`Stopped the dev server \\(pid ${pid}\\)`));
      await Promise.race([
        exited,
        new Promise((_, reject) => setTimeout(() => reject(new Error("npm start did not end")), 20_000)),
      ]);
      assert.equal(await accepts("localhost", port), false, "the port is closed");
      assert.equal(fs.existsSync(pidFile()), false, "the pid file is gone");
    });

    it("npm start on a port another program holds names it in one line and exits 1", async () => {
      port = await sparePort();
      const blocker = net.createServer((s) => s.destroy());
      blockers.push(blocker);
      await new Promise<void>((resolve) => blocker.listen(port, "localhost", () => resolve()));
      const r = runScript("start.mjs");
      const output = r.stdout + r.stderr;
      assert.equal(r.status, 1, output);
      assert.equal(lines(output).length, 1, output);
      assert.match(output, new RegExp(`Port ${port} on localhost is already in use`));
      noStack(output);
      assert.equal(fs.existsSync(pidFile()), false, "no pid file for a server that never ran");
    });
  },
);

describe("npm run validate offline", function () {
  this.timeout(60_000);
  let tmp = "";
  // No DNS for Microsoft's validation service, whatever the network: the reason (EAI_AGAIN, a failed
  // name lookup) is ours, so the test proves the path, not the state of the machine's network.
  const noDns = () => path.join(tmp, "no-dns.cjs");
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-validate-"));
    fs.writeFileSync(
      noDns(),
      `const dns = require("node:dns");
const lookup = dns.lookup;
dns.lookup = function (host, options, callback) {
  if (!/omex\\.office\\.net$/.test(host)) return lookup.apply(this, arguments);
  const cb = typeof options === "function" ? options : callback;
  const e = Object.assign(new Error("getaddrinfo EAI_AGAIN " + host), { code: "EAI_AGAIN", hostname: host });
  process.nextTick(cb, e);
};
`,
    );
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const validate = (args: string[] = []) =>
    spawnSync(npm, ["run", "--silent", "validate", ...(args.length ? ["--", ...args] : [])], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require "${noDns()}"`.trim() },
      encoding: "utf8",
      shell: process.platform === "win32",
      timeout: 50_000,
    });

  it("exits 0 when the offline checks pass, with one line saying the online check was skipped and why", () => {
    assert.equal(pkg.scripts.validate, "tsx scripts/check-manifest.ts --online");
    const r = validate();
    const output = r.stdout + r.stderr;
    assert.equal(r.status, 0, output);
    assert.match(output, /manifest\.xml: offline checks passed/);
    const skipped = lines(output).filter((l) => /online check/i.test(l));
    assert.equal(skipped.length, 1, output);
    assert.match(
      skipped[0],
      /^online check skipped: .*validationgateway\.omex\.office\.net.*cannot be reached \(EAI_AGAIN\)/,
    );
    assert.equal(r.stderr, "", "nothing on stderr");
    noStack(output);
  });

  it("still exits 1 when an offline check fails, and then tries nothing online", () => {
    const broken = path.join(tmp, "manifest.xml");
    fs.writeFileSync(broken, fs.readFileSync(path.join(root, "manifest.xml"), "utf8").replace(/<\/OfficeApp>\s*$/, ""));
    const r = validate([broken]);
    const output = r.stdout + r.stderr;
    assert.equal(r.status, 1, output);
    assert.match(output, /problem/);
    assert.doesNotMatch(output, /online check/i);
  });
});

describe("npm run package for two hosts", function () {
  this.timeout(150_000);
  let tmp = "";
  let out = "";
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-two-hosts-"));
    out = path.join(tmp, "out");
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));
  const hosts = {
    acceptance: "https://acceptatie.example.nl/ibn/",
    production: "https://addins.example.nl/ibn/",
  };
  const zipOf = (host: string) =>
    path.join(
      out,
      `${pkg.name}-${host
        .replace(/^https:\/\//, "")
        .replace(/\/$/, "")
        .replace(/\//g, "-")}-${pkg.version}.zip`,
    );
  const packageFor = (base: string, dist: string, extra: string[] = []) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ADDIN_URL: base };
    delete env.INIT_CWD;
    return spawnSync(
      process.execPath,
      [path.join(root, "scripts", "package.mjs"), "--dist", dist, "--out", out, ...extra],
      {
        cwd: root,
        env,
        encoding: "utf8",
      },
    );
  };
  const taskpaneIn = async (file: string) => {
    const manifest = await (await JSZip.loadAsync(fs.readFileSync(file))).file("manifest.xml")!.async("string");
    return /<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)?.[1];
  };

  it("each host gets its own zip (named after it), and packaging one leaves the other's zip as it was", async () => {
    assert.equal(pkg.scripts.package, "node scripts/package.mjs");
    const a = packageFor(hosts.acceptance, path.join(tmp, "dist-a"));
    assert.equal(a.status, 0, a.stdout + a.stderr);
    const zipA = zipOf(hosts.acceptance);
    assert.ok(fs.existsSync(zipA), `${zipA}\n${a.stdout}`);
    const bytesA = fs.readFileSync(zipA);

    const b = packageFor(hosts.production, path.join(tmp, "dist-b"));
    assert.equal(b.status, 0, b.stdout + b.stderr);
    const zipB = zipOf(hosts.production);
    assert.notEqual(zipB, zipA);
    assert.ok(fs.existsSync(zipB), `${zipB}\n${b.stdout}`);
    assert.doesNotMatch(b.stdout, /replaced/, "a new host replaces nothing");
    const bytesB = fs.readFileSync(zipB);

    // Both zips are there, the first byte for byte, each pointing at its own host.
    assert.deepEqual(fs.readFileSync(zipA), bytesA, "the acceptance zip is untouched");
    assert.equal(await taskpaneIn(zipA), `${hosts.acceptance}taskpane.html`);
    assert.equal(await taskpaneIn(zipB), `${hosts.production}taskpane.html`);
    const zips = fs.readdirSync(out).filter((f) => f.endsWith(".zip"));
    assert.deepEqual(zips.sort(), [path.basename(zipA), path.basename(zipB)].sort());

    // Packaging the same host again replaces only its own zip, and says so.
    const again = packageFor(hosts.acceptance, path.join(tmp, "dist-a"), ["--skip-build"]);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /replaced the earlier zip for this host/);
    assert.deepEqual(fs.readFileSync(zipB), bytesB, "the production zip is untouched");
    assert.equal(fs.readdirSync(out).filter((f) => f.endsWith(".zip")).length, 2);
  });
});
