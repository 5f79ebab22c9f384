// createTestDatabase: a fresh migrated database per call, dropped afterwards, leftovers of dead runs swept.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "../src/migrate.ts";
import { createTestDatabase } from "../src/testing.ts";
import { adminUrl, makeTempDir, query, removeTempDirs, writeMigrations } from "./helpers.ts";

const databaseExists = async (name: string) =>
  (await query(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length === 1;

describe("createTestDatabase", () => {
  afterAll(removeTempDirs);

  it("creates a uniquely named, migrated database with a working Prisma client, and drops it", async () => {
    const dir = await makeTempDir("testing-migrations");
    await writeMigrations(dir, { "20240101000000_init": `CREATE TABLE tags (id SERIAL PRIMARY KEY, slug TEXT);` });

    const [first, second] = await Promise.all([
      createTestDatabase({ migrationsDir: dir }),
      createTestDatabase({ migrationsDir: dir }),
    ]);
    try {
      expect(first.name).not.toBe(second.name);
      expect(first.url).toContain(`/${first.name}`);
      await first.prisma.$executeRaw`INSERT INTO tags (slug) VALUES ('tass')`;
      expect(await first.prisma.$queryRaw`SELECT slug FROM tags`).toEqual([{ slug: "tass" }]);
      expect(await second.prisma.$queryRaw`SELECT slug FROM tags`).toEqual([]);
    } finally {
      await first.drop();
      await second.drop();
    }
    expect(await databaseExists(first.name)).toBe(false);
    expect(await databaseExists(second.name)).toBe(false);
  });

  it("drops databases left behind by test processes that no longer exist", async () => {
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const leftover = `minbar_test_${deadPid}_deadbeef0000`;
    await ensureDatabase(adminUrl, leftover);

    const db = await createTestDatabase({ migrationsDir: await makeTempDir("empty") });
    await db.drop();
    expect(await databaseExists(leftover)).toBe(false);
  });
});
