// Playwright for the public site: Debian's Chromium against the production build on port 3100 (not 3000, so a
// running `npm start` is never disturbed). Run through `npm run test:e2e`, which gives it a seeded database.
import { definePlaywrightConfig } from "@minbar/e2e";
import { REVALIDATE_SECRET } from "./e2e/revalidate-secret.ts";
import { SITE_ORIGIN, SITE_PORT } from "./e2e/site-origin.ts";

export default definePlaywrightConfig({
  port: SITE_PORT,
  readyPath: "/",
  env: { PUBLIC_SITE_URL: SITE_ORIGIN, REVALIDATE_SECRET },
});
