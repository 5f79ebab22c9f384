// Shared test helpers: scratch databases on the test server, temporary migration folders, free ports.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { readDbEnv } from "../src/env.ts";
import { dropDatabase, ensureDatabase, withDatabase } from "../src/migrate.ts";

export const adminUrl = readDbEnv().testDatabaseUrl;

export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `minbar_test_${process.pid}_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

const tempDirs: string[] = [];

export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `minbar-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder makeTempDir created in this test file (call from afterAll). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes `<dir>/<name>/migration.sql` for each entry. */
export async function writeMigrations(dir: string, migrations: Record<string, string>): Promise<void> {
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
