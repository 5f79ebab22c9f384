// Builds the e2e database: a fresh migrated PostgreSQL database holding the five seed articles.
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { importPaths } from "@minbar/importer";

const SEEDS_DIR = fileURLToPath(new URL("../../../seeds", import.meta.url));

export async function prepareDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  try {
    const { results, counts } = await importPaths({ prisma: db.prisma, paths: [SEEDS_DIR] });
    if (counts.failed > 0 || results.length !== 5) {
      const failures = results.filter((result) => result.outcome === "failed").map((r) => `${r.file}: ${r.detail}`);
      throw new Error(`Seed import did not create 5 articles: ${JSON.stringify(counts)} ${failures.join("; ")}`);
    }
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}
