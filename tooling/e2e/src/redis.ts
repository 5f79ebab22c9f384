// A Redis of a test's own (Debian's redis-server, nothing kept on disk) on a port the test chooses, so runs of
// different checkouts, and tests that stop their Redis on purpose, never touch the machine's shared one.
import { spawn } from "node:child_process";
import { createConnection } from "node:net";

export type RunningRedis = {
  url: string;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop(): Promise<void>;
  /** Kills it (SIGKILL), as a crash would, and waits for the exit. */
  kill(): Promise<void>;
};

/** Starts redis-server on 127.0.0.1:port, resolved once it accepts connections (within 10 s). */
export async function startRedis(port: number): Promise<RunningRedis> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  let failure: Error | undefined;
  child.once("error", (error) => (failure = error));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const running = { url: `redis://127.0.0.1:${port}`, stop: end("SIGTERM"), kill: end("SIGKILL") };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !failure && child.exitCode === null) {
    if (await accepts(port)) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await running.kill();
  throw new Error(
    failure
      ? `redis-server could not be started (${failure.message}): install Redis (apt-get install -y redis-server)`
      : `redis-server did not start on port ${port} (is the port taken?)`,
  );
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
