// The upgrade that gives custom roles `names.manage`: a database migrated up to the release before it, holding the
// roles a newsroom may have defined, then migrated to the end.
import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from "../src/migrate.ts";
import { createScratchDatabase, makeTempDir, query, removeTempDirs } from "./helpers.ts";

const MIGRATION = "20261205011500_names_manage_for_custom_roles";

const ROLES: [key: string, builtIn: boolean, permissions: string[]][] = [
  ["desk-chief", false, ["article.read", "article.edit_any", "article.review", "attribution.manage"]],
  ["freelance-translator", false, ["article.read", "article.translate", "article.submit"]],
  ["columnist", false, ["article.read", "article.create", "article.edit_own", "article.submit"]],
  ["already-naming", false, ["article.translate", "names.manage"]],
  // Built-in roles are ensureBuiltInRoles' business, never this migration's.
  ["writer", true, ["article.read", "article.create", "article.edit_own", "article.submit"]],
  ["translator", true, ["article.read", "article.translate", "article.submit"]],
];

describe(MIGRATION, () => {
  let db: { url: string; drop(): Promise<void> };
  let dir: string;

  beforeEach(async () => {
    db = await createScratchDatabase();
    dir = await makeTempDir("names-manage");
    const names = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && entry.name < MIGRATION)
      .map((entry) => entry.name);
    for (const name of names)
      await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await applyMigrations({ url: db.url, migrationsDir: dir });
    for (const [key, builtIn, permissions] of ROLES) {
      await query(
        db.url,
        `INSERT INTO roles (key, name_ar, name_ru, name_en, built_in, permissions, updated_at)
         VALUES ($1, $1, $1, $1, $2, $3, now())`,
        [key, builtIn, permissions],
      );
    }
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
  });
  afterEach(async () => {
    await db.drop();
  });
  afterAll(removeTempDirs);

  const rolesOf = async () =>
    Object.fromEntries(
      (await query<{ key: string; permissions: string[]; version: number }>(db.url, `SELECT * FROM roles`)).map(
        (role) => [role.key, { permissions: role.permissions, version: role.version }],
      ),
    );

  it("grants it to custom roles that translate or manage attribution, and audits each grant", async () => {
    await applyMigrations({ url: db.url, migrationsDir: dir });
    const roles = await rolesOf();
    expect(roles["desk-chief"]).toEqual({
      permissions: ["article.read", "article.edit_any", "article.review", "attribution.manage", "names.manage"],
      version: 2,
    });
    expect(roles["freelance-translator"]).toEqual({
      permissions: ["article.read", "article.translate", "article.submit", "names.manage"],
      version: 2,
    });
    expect(roles["columnist"]?.version).toBe(1);
    expect(roles["columnist"]?.permissions).not.toContain("names.manage");
    expect(roles["already-naming"]).toEqual({ permissions: ["article.translate", "names.manage"], version: 1 });
    expect(roles["writer"]?.version).toBe(1);
    expect(roles["translator"]).toEqual({
      permissions: ["article.read", "article.translate", "article.submit"],
      version: 1,
    });

    const audits = await query<{
      action: string;
      actor_id: number | null;
      data: { key: string; from: string[]; to: string[] };
    }>(db.url, `SELECT action, actor_id, data FROM audit_log ORDER BY data->>'key'`);
    expect(audits).toEqual([
      {
        action: "role.update",
        actor_id: null,
        data: {
          key: "desk-chief",
          from: ["article.read", "article.edit_any", "article.review", "attribution.manage"],
          to: ["article.read", "article.edit_any", "article.review", "attribution.manage", "names.manage"],
        },
      },
      {
        action: "role.update",
        actor_id: null,
        data: {
          key: "freelance-translator",
          from: ["article.read", "article.translate", "article.submit"],
          to: ["article.read", "article.translate", "article.submit", "names.manage"],
        },
      },
    ]);
  });
});
