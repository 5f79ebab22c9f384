// `npm test`'s preflight decides on fake paths and closed ports here: which Chromium it takes, when it installs one,
// and the one line it stops with when something is missing.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDbEnv } from "@minbar/db/env";
import { inheritedEnv, readPreflightEnv } from "./env.ts";
import {
  checkPostgres,
  decideChromium,
  decideProgram,
  REDIS_SERVER,
  runPreflight,
  VARNISH,
  type ChromiumSearch,
} from "./preflight.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "minbar-preflight-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A file at `relative` under the scratch folder, executable unless told otherwise. */
function fakeBinary(relative: string, executable = true): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "#!/bin/sh\necho 'Chromium 1.0'\n");
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

/** Nothing installed anywhere, on a Debian machine, as an ordinary user. */
const nothing = (): ChromiumSearch => ({
  chosen: undefined,
  debianChromium: path.join(root, "usr/bin/chromium"),
  playwrightBrowsers: path.join(root, "ms-playwright"),
  debian: true,
  root: false,
});

/** A port on which nothing listens. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const testDatabaseUrl = readDbEnv().testDatabaseUrl;

describe("finding Chromium", () => {
  it("takes PLAYWRIGHT_CHROMIUM_PATH when it names an executable, before anything else", () => {
    const chosen = fakeBinary("opt/chromium/chrome");
    fakeBinary("usr/bin/chromium");
    expect(decideChromium({ ...nothing(), chosen })).toEqual({ action: "use", path: chosen });
  });

  it("stops when PLAYWRIGHT_CHROMIUM_PATH names no executable, rather than silently taking another", () => {
    fakeBinary("usr/bin/chromium");
    const missing = path.join(root, "nowhere/chrome");
    const decision = decideChromium({ ...nothing(), chosen: missing });
    expect(decision).toEqual({
      action: "stop",
      message: expect.stringContaining(`PLAYWRIGHT_CHROMIUM_PATH is ${missing}`),
    });
    const notExecutable = fakeBinary("opt/chrome", false);
    expect(decideChromium({ ...nothing(), chosen: notExecutable }).action).toBe("stop");
  });

  it("takes Debian's /usr/bin/chromium", () => {
    const debian = fakeBinary("usr/bin/chromium");
    expect(decideChromium(nothing())).toEqual({ action: "use", path: debian });
  });

  it("takes the newest Chromium in Playwright's browser folder, in either layout, skipping non-executables", () => {
    fakeBinary("ms-playwright/chromium-1100/chrome-linux/chrome");
    const newest = fakeBinary("ms-playwright/chromium-1200/chrome-linux64/chrome");
    fakeBinary("ms-playwright/chromium-1300/chrome-linux64/chrome", false);
    fakeBinary("ms-playwright/chromium_headless_shell-1400/chrome-linux/headless_shell");
    expect(decideChromium(nothing())).toEqual({ action: "use", path: newest });
    expect(decideChromium({ ...nothing(), playwrightBrowsers: path.join(root, "none") }).action).toBe("stop");
  });

  it("looks where Playwright does: PLAYWRIGHT_BROWSERS_PATH, else the cache folder", () => {
    const home = { HOME: root, XDG_CACHE_HOME: "" };
    expect(readPreflightEnv({ ...home, PLAYWRIGHT_BROWSERS_PATH: "/srv/browsers" }).playwrightBrowsers).toBe(
      "/srv/browsers",
    );
    expect(readPreflightEnv({ ...home, XDG_CACHE_HOME: "/var/cache/me" }).playwrightBrowsers).toBe(
      "/var/cache/me/ms-playwright",
    );
    expect(readPreflightEnv({ PLAYWRIGHT_CHROMIUM_PATH: "" }).chromiumPath).toBeUndefined();
  });

  it("installs Debian's chromium when none is found and it runs as root on Debian, and only then", () => {
    expect(decideChromium({ ...nothing(), root: true })).toEqual({ action: "install" });
    expect(decideChromium({ ...nothing(), root: true, debian: false }).action).toBe("stop");
  });

  it("otherwise stops with one line saying exactly what to install", () => {
    const debian = decideChromium(nothing());
    expect(debian).toEqual({ action: "stop", message: expect.stringContaining("apt-get install -y chromium") });
    const other = decideChromium({ ...nothing(), debian: false });
    expect(other).toEqual({ action: "stop", message: expect.stringContaining("set PLAYWRIGHT_CHROMIUM_PATH") });
    for (const decision of [debian, other]) {
      if (decision.action !== "stop") throw new Error("expected a stop");
      expect(decision.message).not.toContain("\n");
      expect(decision.message).toMatch(/^npm test needs Chromium for the browser tests and found none/);
    }
  });
});

describe("the whole preflight", () => {
  it("installs when it may, then uses what was installed", async () => {
    const search = { ...nothing(), root: true };
    let installs = 0;
    const result = await runPreflight({
      search,
      testDatabaseUrl,
      install: () => {
        installs += 1;
        fakeBinary("usr/bin/chromium");
        return true;
      },
    });
    expect(installs).toBe(1);
    expect(result).toEqual({ chromium: search.debianChromium, problems: [] });
  });

  it("says so in one line when the install fails", async () => {
    const result = await runPreflight({ search: { ...nothing(), root: true }, testDatabaseUrl, install: () => false });
    expect(result.chromium).toBeNull();
    expect(result.problems).toEqual([expect.stringContaining("could not install Debian's chromium")]);
  });

  it("reports a missing PostgreSQL and a missing Chromium, one line each, and installs nothing then", async () => {
    const url = `postgresql://postgres:secret@127.0.0.1:${await closedPort()}/postgres`;
    let installs = 0;
    const result = await runPreflight({
      search: { ...nothing(), root: true },
      testDatabaseUrl: url,
      install: () => (installs += 1) > 0,
    });
    expect(installs).toBe(0);
    expect(result.chromium).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^npm test needs PostgreSQL and no server answers at postgresql:\/\/postgres:\*\*\*@/,
    );

    const both = await runPreflight({ search: nothing(), testDatabaseUrl: url, install: () => true });
    expect(both.problems).toHaveLength(2);
  });
});

describe("PostgreSQL", () => {
  it("answers at TEST_DATABASE_URL here", async () => {
    expect(await checkPostgres(testDatabaseUrl)).toBeNull();
  });

  it("is reported in one line when nothing listens at the address", async () => {
    const port = await closedPort();
    const problem = await checkPostgres(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    expect(problem).toMatch(
      new RegExp(`^npm test needs PostgreSQL and no server answers at postgresql://postgres@127\\.0\\.0\\.1:${port}/`),
    );
    expect(problem).toContain("TEST_DATABASE_URL");
    expect(problem).not.toContain("\n");
  });

  it("is reported when the server refuses the connection", async () => {
    const url = new URL(testDatabaseUrl);
    url.pathname = "/no_such_database_for_minbar_preflight";
    expect(await checkPostgres(url.toString())).toMatch(/refused the connection \(.*does not exist\)/);
  });
});

describe("preflight-cli.ts, as `npm test` runs it", () => {
  const CLI = fileURLToPath(new URL("./preflight-cli.ts", import.meta.url));
  const run = (env: Record<string, string>, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", CLI, ...args],
        { env: inheritedEnv(env), encoding: "utf8" },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  const printChromium = [process.execPath, "-e", "console.log('ran with ' + process.env.PLAYWRIGHT_CHROMIUM_PATH)"];

  it("runs the tests' command with the Chromium it found", async () => {
    const chromium = fakeBinary("bin/chromium");
    const result = await run({ PLAYWRIGHT_CHROMIUM_PATH: chromium, TEST_DATABASE_URL: testDatabaseUrl }, printChromium);
    expect(result).toEqual({ code: 0, stdout: `ran with ${chromium}\n`, stderr: "" });
  });

  it("stops before the command, non-zero with one line, when PostgreSQL does not answer", async () => {
    const chromium = fakeBinary("bin/chromium");
    const url = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    const result = await run({ PLAYWRIGHT_CHROMIUM_PATH: chromium, TEST_DATABASE_URL: url }, printChromium);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^npm test needs PostgreSQL/)]);
  });
});

describe("programs from Debian's packages (redis-server for the tests, Varnish for the cluster)", () => {
  const base = { program: VARNISH, usable: false, debian: true, root: false, command: "npm run cluster" };

  it("uses one that works, and installs a missing one only as root on Debian", () => {
    expect(decideProgram({ ...base, usable: true })).toEqual({ action: "use" });
    expect(decideProgram({ ...base, root: true })).toEqual({ action: "install" });
    expect(decideProgram({ ...base, debian: false, root: true }).action).toBe("stop");
  });

  it("otherwise says in one line what to run", () => {
    expect(decideProgram(base)).toEqual({
      action: "stop",
      message:
        "npm run cluster needs Varnish with its xkey module: run as root apt-get update && apt-get install -y varnish varnish-modules",
    });
    expect(decideProgram({ ...base, program: REDIS_SERVER, command: "npm test", debian: false })).toEqual({
      action: "stop",
      message: "npm test needs redis-server (Debian: redis-server) on the PATH.",
    });
  });
});
