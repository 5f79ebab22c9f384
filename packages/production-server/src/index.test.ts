// How each app's production build is started, and that `npm start` gets it from here, not from the test tooling.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { productionServerArgs } from "./index.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

it("starts the public site with its own server and the admin with Next's binary", () => {
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
  const admin = productionServerArgs(join(repo, "apps", "admin"), 3101, null);
  expect(admin[0]).toMatch(/next\/dist\/bin\/next$/);
  expect(admin.slice(1)).toEqual(["start", "-p", "3101"]);
});

it("is what `npm start` uses: production start-up imports no test tooling", () => {
  const start = readFileSync(join(repo, "scripts", "start.ts"), "utf8");
  expect(start).toMatch(/from "@minbar\/production-server"/);
  expect(start).not.toMatch(/from "@minbar\/e2e|tooling\//);
});
