// The public site's production server runs on the supported Node.js (24), started as the suites and `npm start` do.
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { serverNodeVersion } from "@minbar/e2e";

test("the public site's server runs on Node.js 24", async () => {
  const version = await serverNodeVersion(fileURLToPath(new URL("..", import.meta.url)));
  console.log(`public site server: Node ${version}`);
  expect(version).toMatch(/^v24\./);
});
