// Which Node.js an app's production server runs on when started the way the suites, `npm start` and the benches
// start it (productionServerCommand): the version the server itself prints in its start line.
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
