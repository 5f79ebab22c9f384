// Which Node.js an app's production server runs on when started the way the suites, `npm start` and the benches
// start it (productionServerCommand): the version the server itself prints in its start line. And a second server of
// an app, for a spec that needs it configured otherwise than the one under test.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { inheritedEnv } from "./env.ts";
import { productionServerCommand } from "./production-server.ts";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** Starts the app's server, waits for "Node vX.Y.Z" in its output, stops it and returns the version. */
export async function serverNodeVersion(appDir: string, env: Record<string, string> = {}): Promise<string> {
  const port = await freePort();
  const child = spawn("sh", ["-c", `exec ${productionServerCommand(appDir, port)}`], {
    cwd: appDir,
    env: inheritedEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Node version printed within 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const version = /\bNode (v\d+\.\d+\.\d+)/.exec(output)?.[1];
        if (version) {
          clearTimeout(timer);
          resolve(version);
        }
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before printing its Node version:\n${output}`));
      });
    });
  } finally {
    child.kill("SIGTERM");
  }
}

export type ExtraServer = { origin: string; stop(): void };

/**
 * Starts the app's production server on a free port with extra environment (e.g. another configured origin) and
 * resolves once `readyPath` answers; `stop` ends it.
 */
export async function startProductionServer(
  appDir: string,
  env: Record<string, string>,
  readyPath = "/",
): Promise<ExtraServer> {
  const port = await freePort();
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
  const stop = () => void child.kill("SIGTERM");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const answered = await fetch(new URL(readyPath, origin), { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return { origin, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`the server at ${origin} did not answer ${readyPath} within 60 s:\n${output}`);
}
