// What every `npm run bench:*` that drives a production server needs: cleanup that runs once whatever happens
// (success, failure, deadline, Ctrl+C), a free port, the app's production server in its own process group, and a check that the
// build being measured is the current code.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { productionServerArgs } from "@minbar/production-server";
import { inheritedEnv } from "./env.ts";

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;

/** Registers a cleanup step; steps run last-in first-out (a server goes before the database it uses). */
export function onCleanup(step: () => Promise<void>): void {
  cleanups.push(step);
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error("cleanup:", error));
  })();
  return cleaning;
}

export async function exitAfterCleanup(code: number, reason?: string): Promise<never> {
  if (reason) console.error(reason);
  await cleanUp();
  process.exit(code);
}

/** Signals and a deadline, so a hung server, database or browser never outlives the run (or holds a port). */
export function installBenchGuards(name: string, deadlineMs: number): void {
  process.once("SIGINT", () => void exitAfterCleanup(130, "\ninterrupted; cleaning up"));
  process.once("SIGTERM", () => void exitAfterCleanup(143, "terminated; cleaning up"));
  setTimeout(() => void exitAfterCleanup(1, `${name}: gave up after ${deadlineMs / 1000} s`), deadlineMs).unref();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "localhost", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Exits with a hint when the app has no production build; notes when its sources changed since. */
export async function requireProductionBuild(appDir: string, workspace: string, name: string): Promise<void> {
  const buildIdFile = join(appDir, ".next", "BUILD_ID");
  if (!existsSync(buildIdFile)) {
    console.error(`${name} needs a production build of ${workspace} and found none (.next/BUILD_ID is missing).`);
    console.error(`Build it first: npm run build -w ${workspace}`);
    process.exit(1);
  }
  const builtAt = statSync(buildIdFile).mtimeMs;
  console.log(`build ${statSync(buildIdFile).mtime.toISOString()} (${workspace})`);
  if ((await newestMtime(join(appDir, "src"))) > builtAt)
    console.log(`note: ${workspace} sources changed after this build; these figures are for the older code`);
}

/** The server's recent output, shown if something goes wrong; a failing page under load logs thousands of lines. */
export const serverLog: string[] = [];
function keepLog(chunk: Buffer) {
  serverLog.push(...chunk.toString().split("\n").filter(Boolean));
  serverLog.splice(0, Math.max(0, serverLog.length - 40));
}

/** The production server of the app in appDir on localhost:port, resolved once `readyPath` answers below 500. */
export async function startServer(
  appDir: string,
  port: number,
  env: Record<string, string>,
  readyPath = "/",
): Promise<ChildProcess> {
  // localhost, not 127.0.0.1: next-intl's proxy loops on a 127.0.0.1 host (vercel/next.js#94342).
  // Its own process group, so the whole tree can be stopped and Ctrl+C in the terminal reaches only the script.
  const child = spawn(process.execPath, productionServerArgs(appDir, port), {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: inheritedEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env }),
  });
  child.stdout?.on("data", keepLog);
  child.stderr?.on("data", keepLog);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    };
    signalGroup("SIGTERM");
    const killer = setTimeout(() => signalGroup("SIGKILL"), 5000);
    await exited;
    clearTimeout(killer);
  });

  const readyBy = Date.now() + 60_000;
  while (Date.now() < readyBy) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${serverLog.join("\n")}`);
    try {
      const response = await fetch(`http://localhost:${port}${readyPath}`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer within 60 s:\n${serverLog.join("\n")}`);
}

/** p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
