// The `npm run import` command as a user runs it: one line per file, a summary, and the exit code.
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtemp, cp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

function runImport(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db.url, INIT_CWD: "" },
  });
}

it("prints an outcome per file and a summary, exits 1 when a file failed, and is idempotent", async () => {
  const dir = await mkdtemp(join(tmpdir(), "minbar-cli-"));
  await cp(SEEDS, dir, { recursive: true });
  await writeFile(join(dir, "broken.txt"), "");

  const dry = runImport(["--dry-run", dir]);
  expect(dry.stdout).toMatch(/dry run, nothing written: 6 file\(s\): 5 created/);
  expect(await db.prisma.article.count()).toBe(0);

  const first = runImport([dir]);
  expect(first.status).toBe(1);
  const lines = first.stdout.trim().split("\n");
  expect(lines).toHaveLength(7);
  expect(lines.filter((line) => line.startsWith("created "))).toHaveLength(5);
  expect(lines.find((line) => line.includes("broken.txt"))).toMatch(/^failed\s+.*broken\.txt: empty:/);
  expect(lines.at(-1)).toBe("6 file(s): 5 created, 0 updated, 0 unchanged, 1 failed");

  const second = runImport([SEEDS]);
  expect(second.status).toBe(0);
  expect(second.stdout.trim().split("\n").at(-1)).toBe("5 file(s): 0 created, 0 updated, 5 unchanged, 0 failed");
});

it("explains its usage when given nothing to import", () => {
  const result = runImport([]);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/usage: npm run import/);
});
