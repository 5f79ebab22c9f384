// One admin's job worker as its own process, for the tests' two-instance runs (one can be killed with SIGKILL).
// Configured by one JSON argument; prints "ready" once it takes jobs, and stops cleanly on SIGTERM.
import { createPrismaClient } from "@minbar/db/client";
import { FileSystemMediaStorage } from "@minbar/media";
import { startWorker } from "../src/index.ts";

type Config = { databaseUrl: string; siteUrl?: string; secret?: string; retryDelay?: number; mediaDir?: string };

const config = JSON.parse(process.argv[2] ?? "{}") as Config;
const prisma = createPrismaClient(config.databaseUrl);
const jobs = await startWorker({
  databaseUrl: config.databaseUrl,
  prisma,
  site: config.siteUrl && config.secret ? { siteUrl: config.siteUrl, secret: config.secret } : null,
  app: `worker-${process.pid}`,
  // Human lines on stderr: stdout carries only the JSON job lines the tests read.
  log: { info: (line: string) => console.error(line), warn: console.error, error: console.error },
  retry: config.retryDelay ? { retryDelay: config.retryDelay, retryDelayMax: config.retryDelay * 8 } : {},
  signalTimeoutMs: 2_000,
  media: config.mediaDir ? new FileSystemMediaStorage(config.mediaDir) : null,
});
// The handler is in place before "ready": a test may send SIGTERM the moment it reads that line.
process.once("SIGTERM", () => {
  void jobs
    .stop()
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
});
console.log("ready");
