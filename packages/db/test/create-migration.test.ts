// The offline authoring script, run as a user would, on a schema and migrations folder in a temp dir.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../src/migrate.ts";
import { createScratchDatabase, makeTempDir, query, removeTempDirs } from "./helpers.ts";

const run = promisify(execFile);
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const script = path.join(packageRoot, "scripts/create-migration.ts");

async function author(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: packageRoot,
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

const SCHEMA = `generator client {
  provider = "prisma-client"
  output   = "./generated"
}

datasource db {
  provider = "postgresql"
}

model Tag {
  id     Int    @id @default(autoincrement())
  slug   String @unique
  nameAr String @map("name_ar")

  @@map("tags")
}
`;

describe("db:migration:create", () => {
  let dir: string;
  let schemaPath: string;
  let migrationsDir: string;
  const paths = () => ["--schema", schemaPath, "--migrations", migrationsDir];
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    dir = await makeTempDir("authoring");
    schemaPath = path.join(dir, "schema.prisma");
    migrationsDir = path.join(dir, "migrations");
    await writeFile(schemaPath, SCHEMA);
    db = await createScratchDatabase();
  });
  afterAll(async () => {
    await db.drop();
    await removeTempDirs();
  });

  it("writes the first migration and the lock file for a schema with one model", async () => {
    const { code, out } = await author(["init", ...paths()]);
    expect(code, out).toBe(0);

    const folders = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
    expect(folders.map((folder) => folder.name)).toEqual([expect.stringMatching(/^\d{14}_init$/)]);
    const sql = await readFile(path.join(migrationsDir, folders[0]!.name, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "tags"');
    expect(sql).toContain('CREATE UNIQUE INDEX "tags_slug_key"');
    const lockFile = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
    expect(lockFile).toContain('provider = "postgresql"');
    expect(out).toContain(folders[0]!.name);
  });

  it("reports no drift afterwards, and creates nothing when asked again", async () => {
    const check = await author(["--check", ...paths()]);
    expect(check.code, check.out).toBe(0);
    expect(check.out).toMatch(/No drift/);

    const again = await author(["nothing", ...paths()]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/no changes/);
    expect((await readdir(migrationsDir)).filter((name) => name.endsWith("_nothing"))).toEqual([]);
  });

  it("reports drift with exit code 1 when the schema changes, then authors the change on top", async () => {
    const withNameRu = SCHEMA.replace(
      `  nameAr String @map("name_ar")`,
      `  nameAr String @map("name_ar")\n  nameRu String? @map("name_ru")`,
    );
    await writeFile(schemaPath, withNameRu);
    const check = await author(["--check", ...paths()]);
    expect(check.code, check.out).toBe(1);
    expect(check.out).toContain(`ADD COLUMN     "name_ru" TEXT`);

    const created = await author(["add_tag_name_ru", ...paths()]);
    expect(created.code, created.out).toBe(0);
    const names = (await readdir(migrationsDir)).filter((name) => name !== "migration_lock.toml").sort();
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/_add_tag_name_ru$/);
    const sql = await readFile(path.join(migrationsDir, names[1]!, "migration.sql"), "utf8");
    expect(sql).toContain(`ALTER TABLE "tags" ADD COLUMN     "name_ru" TEXT`);
    expect((await author(["--check", ...paths()])).code).toBe(0);

    // What was authored applies with the runtime applier.
    const applied = await applyMigrations({ url: db.url, migrationsDir });
    expect(applied.applied).toEqual(names);
    await query(db.url, `INSERT INTO tags (slug, name_ar, name_ru) VALUES ('tass', 'تاس', 'ТАСС')`);
    expect(await query(db.url, `SELECT name_ru FROM tags`)).toEqual([{ name_ru: "ТАСС" }]);
    // Two runs of the wasm engine and a shadow database: more than 30 s on a busy 2-core machine.
  }, 120_000);

  it("rejects a name that is not snake_case without touching the folder", async () => {
    const { code, out } = await author(["Add Tags", ...paths()]);
    expect(code).toBe(2);
    expect(out).toMatch(/snake_case/);
    expect(existsSync(path.join(migrationsDir, "Add Tags"))).toBe(false);
  });

  it("leaves no scratch or shadow databases behind", async () => {
    const rows = await query<{ datname: string }>(
      db.url,
      `SELECT datname FROM pg_database WHERE datname LIKE 'minbar_authoring_%' OR datname LIKE 'minbar_shadow_%'`,
    );
    expect(rows).toEqual([]);
  });
});
