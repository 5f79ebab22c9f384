// Which Node.js an app's production server runs on when started the way the suites, `npm start` and the benches
// start it (productionServerCommand): the version the server itself prints in its start line. And a second server of
// an app, for a spec that needs it configured otherwise than the one under test.
import { spawn } from "node:child_process";
import { freePort } from "./bench-harness.ts";
import { inheritedEnv } from "./env.ts";
import { productionServerCommand } from "./production-server.ts";

/** Starts the app's server, waits for "Node vX.Y.Z" in its output, stops it and returns the version. */
export async function serverNodeVersion(appDir: string, env: Record<string, string> = {}): Promise<string> {
  const output = await serverOutputUntil(appDir, env, /\bNode (v\d+\.\d+\.\d+)/);
  if (output.exitCode !== null)
    throw new Error(`the server exited (${output.exitCode}) before printing its Node version:\n${output.text}`);
  return /\bNode (v\d+\.\d+\.\d+)/.exec(output.text)?.[1] ?? "";
}

/**
 * Starts the app's server with `env` on top of this environment and reads its output until `ready` appears in it
 * or the server exits (then exitCode says how); the server is stopped either way.
 */
export async function serverOutputUntil(
  appDir: string,
  env: Record<string, string | undefined>,
  ready: RegExp,
): Promise<{ text: string; exitCode: number | null }> {
  const port = await freePort();
  const child = spawn("sh", ["-c", `exec ${productionServerCommand(appDir, port)}`], {
    cwd: appDir,
    env: inheritedEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing like ${ready} within 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (ready.test(output)) {
          clearTimeout(timer);
          resolve({ text: output, exitCode: null });
        }
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.once("exit", (code) => {
        clearTimeout(timer);
        resolve({ text: output, exitCode: code ?? 1 });
      });
    });
  } finally {
    child.kill("SIGTERM");
  }
}

export type ExtraServer = {
  origin: string;
  stop(): Promise<void>;
  /** Ends it at once (SIGKILL, as a crash would) and resolves once it has exited. */
  kill(): Promise<void>;
  /** Everything the server wrote so far, stdout and stderr (its log lines). */
  output(): string;
};

/**
 * Starts the app's production server with extra environment (e.g. another configured origin) on `port` (a free one
 * by default) and resolves once `readyPath` answers; `stop` ends it and resolves once the process has exited.
 */
export async function startProductionServer(
  appDir: string,
  env: Record<string, string>,
  readyPath = "/",
  port?: number,
): Promise<ExtraServer> {
  port ??= await freePort();
  const child = spawn("sh", ["-c", `exec ${productionServerCommand(appDir, port)}`], {
    cwd: appDir,
    env: inheritedEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const read = (chunk: Buffer) => (output += chunk.toString("utf8"));
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const origin = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const answered = await fetch(new URL(readyPath, origin), { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return { origin, stop, kill, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server at ${origin} did not answer ${readyPath} within 60 s:\n${output}`);
}
