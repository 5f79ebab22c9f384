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
