// The one place the test tooling reads the environment: where the servers under test run, which Chromium, which
// database, the environment handed on to the processes a run starts, and what `npm test`'s preflight looks for.
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseEnv, readDbEnv } from "@minbar/db/env";

export type PreflightEnv = {
  /** PLAYWRIGHT_CHROMIUM_PATH: the Chromium to use, when the user names one. */
  chromiumPath: string | undefined;
  /** Where Playwright keeps its own browsers: PLAYWRIGHT_BROWSERS_PATH, else its default cache folder. */
  playwrightBrowsers: string;
  /** The server on which the tests create their databases (TEST_DATABASE_URL or its default). */
  testDatabaseUrl: string;
};

const schema = z.object({
  PLAYWRIGHT_CHROMIUM_PATH: z.string().optional(),
  PLAYWRIGHT_BROWSERS_PATH: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
});

export function readPreflightEnv(source: NodeJS.ProcessEnv = process.env): PreflightEnv {
  const env = parseEnv(schema, source, "Invalid environment for npm test");
  return {
    chromiumPath: env.PLAYWRIGHT_CHROMIUM_PATH,
    // As Playwright resolves it on Linux ("0", its package's own folder, is not used by this project).
    playwrightBrowsers:
      env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== "0"
        ? path.resolve(env.PLAYWRIGHT_BROWSERS_PATH)
        : path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "ms-playwright"),
    testDatabaseUrl: readDbEnv(source).testDatabaseUrl,
  };
}

/** A copy of this process's environment, for a child process (plus what the caller adds). */
export function inheritedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

export const e2eEnv = {
  ci: Boolean(process.env.CI),
  /** The server under test moves here so two checkouts can run their suites side by side. */
  port: (fallback: number) => (process.env.E2E_PORT ? Number(process.env.E2E_PORT) : fallback),
  webPort: Number(process.env.E2E_WEB_PORT ?? 3100),
  chromiumPath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  databaseUrl: process.env.DATABASE_URL ?? "",
  authSecret: process.env.AUTH_SECRET,
  previewSecret: process.env.PREVIEW_SECRET,
  revalidateSecret: process.env.REVALIDATE_SECRET,
  /** The servers' LOG_LEVEL: warnings and errors only unless set, so a run's output is not one line per request. */
  logLevel: process.env.LOG_LEVEL ?? "warn",
  /** Where a spec that needs a Redis of its own starts one (redis-server), so two checkouts' runs keep apart. */
  redisPort: Number(process.env.E2E_REDIS_PORT ?? 6400),
  /** The run's media folder, shared by the apps under test and the tests that put photos in it (read when asked). */
  mediaDir: (): string | undefined => process.env.MEDIA_DIR,
};

/** Makes `dir` the media folder of this process and of the ones it starts (runEndToEnd, benchmarks). */
export function useMediaDir(dir: string): void {
  process.env.MEDIA_DIR = dir;
}
