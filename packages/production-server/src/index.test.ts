// How each app's production build is started, and that `npm start` gets it from here, not from the test tooling.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { productionServerArgs } from "./index.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

it("starts each app with its own server", () => {
  const web = join(repo, "apps", "web");
  expect(productionServerArgs(web, 3100)).toEqual([
    "--import",
    "tsx",
    join(web, "server", "serve.ts"),
    "-H",
    "localhost",
    "-p",
    "3100",
  ]);
  // The admin's server resolves the client's address from the socket (apps/admin/server/client-address.ts).
  const admin = join(repo, "apps", "admin");
  expect(productionServerArgs(admin, 3101, null)).toEqual([
    "--import",
    "tsx",
    join(admin, "server", "serve.ts"),
    "-p",
    "3101",
  ]);
});

it("is what `npm start` uses: production start-up imports no test tooling", () => {
  const start = readFileSync(join(repo, "scripts", "start.ts"), "utf8");
  expect(start).toMatch(/from "@minbar\/production-server"/);
  expect(start).not.toMatch(/from "@minbar\/e2e|tooling\//);
});
