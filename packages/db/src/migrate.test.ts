// The migration applier against a real PostgreSQL: bookkeeping, idempotence, refusals and concurrency.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScratchDatabase, makeTempDir, query, removeTempDirs, writeMigrations } from "../test/helpers.ts";
import { applyMigrations, checksumOf, MigrationError } from "./migrate.ts";

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
  rolled_back_at: Date | null;
};

const CREATE_SOURCES = `CREATE TABLE "sources" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);\n`;
// A hand-written migration: `;` inside a function body must not split the script.
const ADD_FUNCTION = `CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN upper(t) || '!';
END;
$$;
INSERT INTO "sources" ("name") VALUES (shout('tass'));
`;

describe("applyMigrations", () => {
  let db: { url: string; drop(): Promise<void> };
  let dir: string;

  beforeEach(async () => {
    db = await createScratchDatabase();
    dir = await makeTempDir("migrations");
    // Written out of order on purpose: folder names, not creation order, decide.
    await writeMigrations(dir, { "20240102000000_add_function": ADD_FUNCTION, "20240101000000_init": CREATE_SOURCES });
  });
  afterEach(async () => {
    await db.drop();
  });
  afterAll(removeTempDirs);

  const rowsOf = (url: string) =>
    query<Row>(url, `SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);

  it("applies every migration in folder-name order and records them as Prisma does", async () => {
    const lines: string[] = [];
    const result = await applyMigrations({ url: db.url, migrationsDir: dir, log: (line) => lines.push(line) });

    expect(result).toEqual({ applied: ["20240101000000_init", "20240102000000_add_function"], alreadyApplied: 0 });
    expect(lines).toEqual(["Applied 20240101000000_init", "Applied 20240102000000_add_function"]);
    expect(await query(db.url, `SELECT name FROM sources`)).toEqual([{ name: "TASS!" }]);

    const rows = await rowsOf(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(["20240101000000_init", "20240102000000_add_function"]);
    const initBytes = await readFile(path.join(dir, "20240101000000_init", "migration.sql"));
    expect(rows[0]?.checksum).toBe(checksumOf(initBytes));
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("does nothing the second time", async () => {
    await applyMigrations({ url: db.url, migrationsDir: dir });
    const again = await applyMigrations({ url: db.url, migrationsDir: dir });

    expect(again).toEqual({ applied: [], alreadyApplied: 2 });
    expect(await query(db.url, `SELECT name FROM sources`)).toHaveLength(1);
    expect(await rowsOf(db.url)).toHaveLength(2);
  });

  it("refuses to run when an applied migration's file was edited, naming it, and applies nothing new", async () => {
    await applyMigrations({ url: db.url, migrationsDir: dir });
    await writeFile(path.join(dir, "20240101000000_init", "migration.sql"), CREATE_SOURCES + "-- edited\n");
    await writeMigrations(dir, { "20240103000000_more": `CREATE TABLE "tags" ("id" SERIAL PRIMARY KEY);` });

    const run = applyMigrations({ url: db.url, migrationsDir: dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/20240101000000_init was changed after it was applied/);
    expect(await query(db.url, `SELECT to_regclass('tags') AS t`)).toEqual([{ t: null }]);
  });

  it("records a failed migration, rolls its statements back and refuses to go past it", async () => {
    await writeMigrations(dir, {
      "20240103000000_broken": `CREATE TABLE "tags" ("id" SERIAL PRIMARY KEY);\nSELECT no_such_column FROM sources;\n`,
      "20240104000000_after": `CREATE TABLE "after" ("id" SERIAL PRIMARY KEY);`,
    });

    await expect(applyMigrations({ url: db.url, migrationsDir: dir })).rejects.toThrow(
      /Migration 20240103000000_broken failed[\s\S]*no_such_column/,
    );

    const rows = await rowsOf(db.url);
    const broken = rows.find((row) => row.migration_name === "20240103000000_broken");
    expect(broken?.finished_at).toBeNull();
    expect(broken?.applied_steps_count).toBe(0);
    expect(broken?.logs).toMatch(/42703[\s\S]*no_such_column/);
    expect(rows.filter((row) => row.finished_at !== null)).toHaveLength(2);
    expect(await query(db.url, `SELECT to_regclass('tags') AS a, to_regclass('after') AS b`)).toEqual([
      { a: null, b: null },
    ]);

    // Fixing the file is not enough: the failure must be resolved first, as with `prisma migrate deploy`.
    await writeMigrations(dir, { "20240103000000_broken": `CREATE TABLE "tags" ("id" SERIAL PRIMARY KEY);\n` });
    await expect(applyMigrations({ url: db.url, migrationsDir: dir })).rejects.toThrow(
      /20240103000000_broken failed earlier/,
    );

    await query(db.url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL`);
    const resumed = await applyMigrations({ url: db.url, migrationsDir: dir });
    expect(resumed).toEqual({ applied: ["20240103000000_broken", "20240104000000_after"], alreadyApplied: 2 });
  });

  it("lets concurrent appliers apply each migration exactly once", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => applyMigrations({ url: db.url, migrationsDir: dir })),
    );

    expect(results.flatMap((result) => result.applied).sort()).toEqual([
      "20240101000000_init",
      "20240102000000_add_function",
    ]);
    expect(results.map((result) => result.applied.length + result.alreadyApplied)).toEqual([2, 2, 2, 2]);
    expect(await rowsOf(db.url)).toHaveLength(2);
    expect(await query(db.url, `SELECT name FROM sources`)).toHaveLength(1);
  });

  it("treats a missing migrations folder as no migrations", async () => {
    const result = await applyMigrations({ url: db.url, migrationsDir: path.join(dir, "nope") });
    expect(result).toEqual({ applied: [], alreadyApplied: 0 });
  });
});
