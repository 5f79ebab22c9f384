// The one place the test tooling reads the environment: where the servers under test run, which Chromium, which
// database, and the environment handed on to the processes a run starts.

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
};
