// `npm run test:e2e`: prepares a fresh seeded database with an admin account, runs Playwright (whose webServer is
// `next start` on that database), then drops the database whatever the outcome. Extra arguments go to Playwright.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { prepareDatabase } from "./prepare-db.ts";

const playwrightCli = createRequire(import.meta.url).resolve("@playwright/test/cli");

const db = await prepareDatabase();
let exitCode = 1;
try {
  exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], {
      stdio: "inherit",
      // A throwaway secret unless one is given: sessions only need to outlive this run.
      env: { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64") },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} finally {
  await db.drop();
}
process.exit(exitCode);
