// Playwright for the public site: Debian's Chromium against the production build (`next start`) on port 3100,
// so a running `npm start` (port 3000) is never disturbed. Run through `npm run test:e2e`, which seeds a database.
import { defineConfig } from "@playwright/test";

const PORT = 3100;
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // localhost, not 127.0.0.1: next-intl's proxy loops on a 127.0.0.1 host (vercel/next.js#94342).
    command: `npx --no-install next start -H localhost -p ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", PUBLIC_SITE_URL: `http://localhost:${PORT}` },
  },
});
