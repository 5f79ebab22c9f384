// What `npm test` checks before any test runs: a Chromium for the browser tests (found, or installed from Debian's
// packages when it may), and a PostgreSQL answering where the tests create their databases. Each missing one is one
// line saying exactly what to install or set, instead of every browser test failing in milliseconds.
import { spawnSync } from "node:child_process";
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inheritedEnv } from "./env.ts";

/** Debian's `chromium` package installs its browser here. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export type ChromiumSearch = {
  /** PLAYWRIGHT_CHROMIUM_PATH, when set: then only that one is used. */
  chosen: string | undefined;
  /** Where Debian's package puts it (DEBIAN_CHROMIUM; another path in tests). */
  debianChromium: string;
  /** Playwright's own browser folder (PLAYWRIGHT_BROWSERS_PATH, or ~/.cache/ms-playwright). */
  playwrightBrowsers: string;
  /** A Debian system (apt-get, /etc/debian_version). */
  debian: boolean;
  /** Running as root, so apt-get can install. */
  root: boolean;
};

export type ChromiumDecision =
  | { action: "use"; path: string }
  /** Root on Debian with no Chromium anywhere: install Debian's `chromium`, then look again. */
  | { action: "install" }
  | { action: "stop"; message: string };

export function decideChromium(search: ChromiumSearch): ChromiumDecision {
  if (search.chosen !== undefined) {
    return isExecutableFile(search.chosen)
      ? { action: "use", path: search.chosen }
      : {
          action: "stop",
          message:
            `npm test: PLAYWRIGHT_CHROMIUM_PATH is ${search.chosen}, which is not an executable file; set it to a ` +
            `Chromium binary, or unset it to use ${search.debianChromium}.`,
        };
  }
  if (isExecutableFile(search.debianChromium)) return { action: "use", path: search.debianChromium };
  const playwrights = playwrightChromium(search.playwrightBrowsers);
  if (playwrights) return { action: "use", path: playwrights };
  if (search.debian && search.root) return { action: "install" };
  const where = `no PLAYWRIGHT_CHROMIUM_PATH, no ${search.debianChromium}, none in ${search.playwrightBrowsers}`;
  const what = search.debian
    ? `install Debian's package as root (apt-get update && apt-get install -y chromium)`
    : `install Chromium and set PLAYWRIGHT_CHROMIUM_PATH to its binary`;
  return {
    action: "stop",
    message: `npm test needs Chromium for the browser tests and found none (${where}): ${what}.`,
  };
}

/**
 * The newest Chromium Playwright downloaded into `folder` (`chromium-<revision>/chrome-linux64/chrome`, or
 * `chrome-linux/chrome` from Playwright before 1.57), or undefined.
 */
export function playwrightChromium(folder: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return undefined;
  }
  const revisions = entries
    .map((name) => ({ name, revision: /^chromium-(\d+)$/.exec(name)?.[1] }))
    .filter((entry) => entry.revision !== undefined)
    .sort((a, b) => Number(b.revision) - Number(a.revision));
  for (const { name } of revisions) {
    for (const binary of [
      ["chrome-linux64", "chrome"],
      ["chrome-linux", "chrome"],
    ]) {
      const candidate = path.join(folder, name, ...binary);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Null when a PostgreSQL server at `url` accepts a connection and a query within `timeoutMs`, else one line saying
 * what is wrong and what to do.
 */
export async function checkPostgres(url: string, timeoutMs = 5000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // An error after connect (the server going away) must not crash the check.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const unreachable =
      ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "ECONNRESET"].includes(code ?? "") ||
      /timeout|terminated/i.test(reason ?? "");
    return unreachable
      ? `npm test needs PostgreSQL and no server answers at ${redacted(url)} (${reason}): start PostgreSQL there ` +
          `(user postgres, trust auth), or set TEST_DATABASE_URL to a server where the tests may create databases.`
      : `npm test needs PostgreSQL at ${redacted(url)}, which refused the connection (${reason}): set ` +
          `TEST_DATABASE_URL to a server and user that may create databases.`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

export type PreflightResult = { chromium: string; problems: [] } | { chromium: null; problems: string[] };

/**
 * Both checks. `install` runs Debian's install commands (for CHROMIUM) and says whether they succeeded; it is
 * called only when the search allows it (root on Debian) and no Chromium was found, and never when PostgreSQL is
 * missing anyway.
 */
export async function runPreflight({
  search,
  testDatabaseUrl,
  install,
}: {
  search: ChromiumSearch;
  testDatabaseUrl: string;
  install: () => boolean;
}): Promise<PreflightResult> {
  const problems: string[] = [];
  const postgres = await checkPostgres(testDatabaseUrl);
  if (postgres) problems.push(postgres);
  let chromium = decideChromium(search);
  if (chromium.action === "install" && !postgres) {
    chromium = install()
      ? decideChromium({ ...search, root: false })
      : {
          action: "stop",
          message: `npm test could not install Debian's chromium (see apt-get's output above); install it (apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_PATH.`,
        };
  }
  if (chromium.action === "stop") problems.push(chromium.message);
  if (chromium.action === "use" && problems.length === 0) return { chromium: chromium.path, problems: [] };
  return { chromium: null, problems };
}

/** A program the tests or the cluster need, and the Debian packages that bring it. */
export type DebianProgram = { what: string; packages: readonly string[] };

/** Varnish and its xkey module, for the cluster (tooling/cluster). */
export const VARNISH: DebianProgram = {
  what: "Varnish with its xkey module",
  packages: ["varnish", "varnish-modules"],
};
/** A Redis server the tests start for themselves (they never use the machine's own). */
export const REDIS_SERVER: DebianProgram = { what: "redis-server", packages: ["redis-server"] };

/** Debian's browser, which the browser tests drive when no other Chromium is found. */
export const CHROMIUM: DebianProgram = { what: "Chromium", packages: ["chromium"] };

/** What installs `program` on Debian, run as root. */
export function debianInstallCommands(program: DebianProgram): string[][] {
  return [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", ...program.packages],
  ];
}

/** Whether this is a Debian system with apt-get. */
export function isDebian(): boolean {
  return spawnSync("sh", ["-c", "test -f /etc/debian_version && command -v apt-get"], { stdio: "ignore" }).status === 0;
}

/** Installs `program`'s Debian packages (as root); apt-get's output goes to stderr, leaving stdout to the tests. */
export function installDebianPackages(program: DebianProgram): boolean {
  for (const [name = "apt-get", ...args] of debianInstallCommands(program)) {
    const run = spawnSync(name, args, {
      stdio: ["ignore", 2, 2],
      env: inheritedEnv({ DEBIAN_FRONTEND: "noninteractive" }),
    });
    if (run.status !== 0) return false;
  }
  return true;
}

export type ProgramDecision = { action: "use" } | { action: "install" } | { action: "stop"; message: string };

/**
 * Whether a program can be used (`usable`: the caller checked it works), installed from Debian's packages (root on
 * Debian), or is one line to the user naming the command to run.
 */
export function decideProgram({
  program,
  usable,
  debian,
  root,
  command,
}: {
  program: DebianProgram;
  usable: boolean;
  debian: boolean;
  root: boolean;
  /** What needs it, for the message (`npm run cluster`). */
  command: string;
}): ProgramDecision {
  if (usable) return { action: "use" };
  if (debian && root) return { action: "install" };
  return {
    action: "stop",
    message: debian
      ? `${command} needs ${program.what}: run as root apt-get update && apt-get install -y ${program.packages.join(" ")}`
      : `${command} needs ${program.what} (Debian: ${program.packages.join(", ")}) on the PATH.`,
  };
}

/**
 * Makes sure `program` works (`usable()`): as root on Debian installs its packages (apt-get's output on stderr);
 * otherwise throws one line naming the command to run.
 */
export function ensureProgram(program: DebianProgram, usable: () => boolean, command: string): void {
  const decision = decideProgram({
    program,
    usable: usable(),
    debian: isDebian(),
    root: process.getuid?.() === 0,
    command,
  });
  if (decision.action === "use") return;
  if (decision.action === "stop") throw new Error(decision.message);
  console.error(`${command}: installing Debian's ${program.packages.join(" and ")} (apt-get)`);
  if (!installDebianPackages(program)) throw new Error(`${command}: apt-get failed (see above)`);
  if (!usable())
    throw new Error(`${command}: ${program.packages.join(", ")} installed, but ${program.what} still fails`);
}

/** Whether `name` is a program on the PATH. */
export function onPath(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}
