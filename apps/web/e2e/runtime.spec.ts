// The public site's production server, started as the suites and `npm start` start it: on the supported Node.js
// (24), and never without its configured origin.
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { serverNodeVersion, serverOutputUntil } from "@minbar/e2e";

const appDir = fileURLToPath(new URL("..", import.meta.url));

test("the public site's server runs on Node.js 24", async () => {
  const version = await serverNodeVersion(appDir, { PUBLIC_SITE_URL: "http://localhost:3000" });
  console.log(`public site server: Node ${version}`);
  expect(version).toMatch(/^v24\./);
});

test("without PUBLIC_SITE_URL the production server refuses to start, in one line", async () => {
  const started = await serverOutputUntil(appDir, { PUBLIC_SITE_URL: undefined }, /Minbar public site .* on http/);
  expect(started.exitCode).toBe(1);
  expect(started.text.trim()).toMatch(
    /^Invalid environment for @minbar\/web: PUBLIC_SITE_URL is required in production/,
  );
});
