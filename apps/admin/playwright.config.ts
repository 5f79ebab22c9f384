// Playwright for the admin: Debian's Chromium against the production build on port 3101 (not 3001, so a running
// `npm start` is never disturbed). Run through `npm run test:e2e`, which gives it a seeded database with users.
import { definePlaywrightConfig } from "@minbar/e2e";

// "View on site" links point at the public site's test port; the public site itself is not started here.
const config = definePlaywrightConfig({ port: 3101, readyPath: "/login", env: { PUBLIC_SITE_URL: "http://localhost:3100" } });

// One spec file at a time: they share one database, and import.spec adds (then removes) articles that others count.
export default { ...config, workers: 1 };
