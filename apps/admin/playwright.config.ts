// Playwright for the admin: Debian's Chromium against the production build on port 3101 (not 3001, so a running
// `npm start` is never disturbed). Run through `npm run test:e2e`, which gives it a seeded database with users.
// The public site runs beside it (port 3100, or E2E_WEB_PORT) so publishing and previews can be followed through to
// readers; both get the run's PREVIEW_SECRET from runEndToEnd.
import { fileURLToPath } from "node:url";
import { definePlaywrightConfig } from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { E2E_REVALIDATE_SECRET, E2E_WEB_PORT } from "./e2e/public-site.ts";

const publicSite = { PUBLIC_SITE_URL: `http://localhost:${E2E_WEB_PORT}`, REVALIDATE_SECRET: E2E_REVALIDATE_SECRET };

const ADMIN_PORT = 3101;

const config = definePlaywrightConfig({
  port: ADMIN_PORT,
  readyPath: "/login",
  env: { ...publicSite, ADMIN_SITE_URL: `http://localhost:${e2eEnv.port(ADMIN_PORT)}` },
  alsoServe: [
    { appDir: fileURLToPath(new URL("../web", import.meta.url)), port: E2E_WEB_PORT, readyPath: "/", env: publicSite },
  ],
});

// One spec file at a time: they share one database, and import.spec adds (then removes) articles that others count.
export default { ...config, workers: 1 };
