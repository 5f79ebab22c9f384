// Playwright configuration shared by the apps: Debian's Chromium (never a downloaded browser) against each app's
// production server (see production-server.ts).
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import { productionServerCommand } from "./production-server.ts";
import { e2eEnv } from "./env.ts";

export type AppUnderTest = {
  /** Port of the production server under test; distinct from the `npm start` ports so they never collide. */
  port: number;
  /** A page that answers once the server is ready. */
  readyPath: string;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Other apps of the monorepo to start beside it (their production build), e.g. the public site for the admin. */
  alsoServe?: { appDir: string; port: number; readyPath: string; env?: Record<string, string> }[];
};

export function definePlaywrightConfig({
  port: defaultPort,
  readyPath,
  env = {},
  alsoServe = [],
}: AppUnderTest): PlaywrightTestConfig {
  const ci = e2eEnv.ci;
  // E2E_PORT moves the server under test, so two checkouts on one machine can run their suites side by side.
  const port = e2eEnv.port(defaultPort);
  return defineConfig({
    testDir: "./e2e",
    forbidOnly: ci,
    retries: ci ? 1 : 0,
    reporter: ci ? [["list"], ["html", { open: "never" }]] : "list",
    use: {
      baseURL: `http://localhost:${port}`,
      trace: "retain-on-failure",
      screenshot: "only-on-failure",
      launchOptions: {
        executablePath: e2eEnv.chromiumPath,
        // The last flag keeps Chromium from looking up Google's hosts on a machine with no internet.
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
        ],
      },
    },
    projects: [{ name: "chromium" }],
    webServer: [
      {
        // localhost, not 127.0.0.1: next-intl's proxy loops on a 127.0.0.1 host (vercel/next.js#94342).
        command: productionServerCommand(process.cwd(), port),
        url: `http://localhost:${port}${readyPath}`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: "pipe",
        env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: e2eEnv.logLevel, ...env },
      },
      ...alsoServe.map((other) => ({
        command: productionServerCommand(other.appDir, other.port),
        cwd: other.appDir,
        url: `http://localhost:${other.port}${other.readyPath}`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: "pipe" as const,
        env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: e2eEnv.logLevel, ...other.env },
      })),
    ],
  });
}
