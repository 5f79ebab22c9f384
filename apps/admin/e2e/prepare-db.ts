// Builds the admin e2e database: fresh, migrated, the five seed articles imported, and one known admin account.
import { fileURLToPath } from "node:url";
import { createUser, ensureBuiltInRoles } from "@minbar/db";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { importPaths } from "@minbar/importer";
import { ADMIN_USER, EDITOR_USER } from "./test-users.ts";

const SEEDS_DIR = fileURLToPath(new URL("../../../seeds", import.meta.url));

export async function prepareDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  try {
    const { results, counts } = await importPaths({ prisma: db.prisma, paths: [SEEDS_DIR] });
    if (counts.failed > 0 || results.length !== 5) {
      const failures = results.filter((result) => result.outcome === "failed").map((r) => `${r.file}: ${r.detail}`);
      throw new Error(`Seed import did not create 5 articles: ${JSON.stringify(counts)} ${failures.join("; ")}`);
    }
    await ensureBuiltInRoles(db.prisma);
    await createUser(db.prisma, { ...ADMIN_USER, roleKeys: ["admin"] });
    await createUser(db.prisma, { ...EDITOR_USER, roleKeys: ["editor"] });
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}
