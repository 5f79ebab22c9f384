// The admin's production server, started as the suites and `npm start` start it: on the supported Node.js (24), and
// never without its configured origin.
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { serverNodeVersion, serverOutputUntil } from "@minbar/e2e";

const appDir = fileURLToPath(new URL("..", import.meta.url));

test("the admin's server runs on Node.js 24", async () => {
  const version = await serverNodeVersion(appDir, { ADMIN_SITE_URL: "http://localhost:3001" });
  console.log(`admin server: Node ${version}`);
  expect(version).toMatch(/^v24\./);
});

test("without ADMIN_SITE_URL the production server refuses to start, in one line", async () => {
  // Next says "Ready" before it runs the admin's start-up checks: read until the server exits (60 s at most).
  const started = await serverOutputUntil(appDir, { ADMIN_SITE_URL: undefined }, /$^/);
  expect(started.exitCode).toBe(1);
  expect(started.text).toMatch(/^Invalid environment for @minbar\/admin: ADMIN_SITE_URL is required in production/m);
});
