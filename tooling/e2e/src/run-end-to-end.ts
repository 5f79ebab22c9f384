// Runs `playwright test` on a fresh database holding the seed articles (plus whatever `prepare` adds), and drops
// the database whatever the outcome. Extra command-line arguments go to Playwright.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { importPaths } from "@minbar/importer";
import { E2E_PREVIEW_SECRET } from "./preview-secret.ts";
import { seedsDir } from "./seeds.ts";
import { e2eEnv, inheritedEnv, useMediaDir } from "./env.ts";

const EXPECTED_SEEDS = 5;

/** A fresh database holding the seed articles (plus whatever `prepare` adds); dropped again if preparing fails. */
export async function prepareDatabase(
  prepare: (db: TestDatabase) => Promise<void> = async () => {},
): Promise<TestDatabase> {
  const db = await createTestDatabase();
  try {
    const { results, counts } = await importPaths({ prisma: db.prisma, paths: [seedsDir] });
    if (counts.failed > 0 || counts.created !== EXPECTED_SEEDS) {
      const failures = results.filter((r) => r.outcome === "failed").map((r) => `${r.file}: ${r.detail}`);
      throw new Error(
        `Seed import did not create ${EXPECTED_SEEDS} articles: ${JSON.stringify(counts)} ${failures.join("; ")}`,
      );
    }
    await prepare(db);
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}

export async function runEndToEnd({
  prepare = async () => {},
}: { prepare?: (db: TestDatabase) => Promise<void> } = {}) {
  const playwrightCli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  // Photos of this run: the apps under test, `prepare` and the tests all read and write this one folder.
  const mediaDir = mkdtempSync(join(tmpdir(), "minbar-e2e-media-"));
  useMediaDir(mediaDir);
  let db: TestDatabase;
  try {
    db = await prepareDatabase(prepare);
  } catch (error) {
    rmSync(mediaDir, { recursive: true, force: true });
    throw error;
  }
  let exitCode: number;
  try {
    exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], {
        stdio: "inherit",
        env: inheritedEnv({
          DATABASE_URL: db.url,
          // A throwaway secret unless one is given: sessions only need to outlive this run.
          AUTH_SECRET: e2eEnv.authSecret ?? randomBytes(32).toString("base64"),
          PREVIEW_SECRET: E2E_PREVIEW_SECRET,
          MEDIA_DIR: mediaDir,
        }),
      });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.once("SIGINT", forward);
      process.once("SIGTERM", forward);
      child.once("error", reject);
      child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await db.drop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}
