// Integration-test helper: a fresh, migrated database on the real PostgreSQL at TEST_DATABASE_URL, per test file.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "./client.ts";
import { orderByKey, quoteIdentifier, type TableInfo } from "./backup/catalog.ts";
import { readDbEnv } from "./env.ts";
import { applyMigrations, dropDatabase, ensureDatabase, withDatabase } from "./migrate.ts";

export type TestDatabase = {
  /** Connection URL of the new database. */
  url: string;
  /** Name of the new database. */
  name: string;
  prisma: PrismaClient;
  /** Disconnects `prisma` and drops the database. */
  drop(): Promise<void>;
};

export type CreateTestDatabaseOptions = {
  /** Defaults to the package's committed migrations. */
  migrationsDir?: string;
  /** Admin URL of the server; defaults to TEST_DATABASE_URL. */
  adminUrl?: string;
};

const PREFIX = "minbar_test_";

/** Creates `minbar_test_<pid>_<random>`, applies every migration with the same applier production uses. */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? readDbEnv().testDatabaseUrl;
  await dropDatabasesOfDeadProcesses(adminUrl);
  const name = `${PREFIX}${process.pid}_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  try {
    await applyMigrations({ url, migrationsDir: options.migrationsDir });
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  const prisma = createPrismaClient(url);
  let dropped = false;
  return {
    url,
    name,
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** A test run that crashed never called drop(); its databases carry its pid, so they can be recognized. */
async function dropDatabasesOfDeadProcesses(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${PREFIX}%`,
    ]);
    names = rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
  for (const name of names) {
    const pid = Number(/^minbar_test_(\d+)_/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) {
      await dropDatabase(adminUrl, name).catch(() => undefined);
    }
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Every table of the public schema, generated columns included, each row as PostgreSQL prints it, by key. */
export async function tableRows(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string; columns: string[]; key: string[] }>(
      `SELECT t.table_name AS name,
              array(SELECT column_name::text FROM information_schema.columns c
                    WHERE c.table_schema = 'public' AND c.table_name = t.table_name ORDER BY ordinal_position) AS columns,
              array(SELECT a.attname::text FROM pg_index i JOIN pg_attribute a
                      ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                    WHERE i.indrelid = quote_ident(t.table_name)::regclass AND i.indisprimary) AS key
       FROM information_schema.tables t
       WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const table of tables) {
      const info: TableInfo = { name: table.name, columns: table.columns, primaryKey: table.key };
      // The migrations' bookkeeping is each database's own (ids, times): compared by name and checksum.
      const select =
        table.name === "_prisma_migrations"
          ? `SELECT migration_name || ' ' || checksum AS row FROM "_prisma_migrations" ORDER BY migration_name`
          : `SELECT t::text AS row FROM ${quoteIdentifier(table.name)} t${orderByKey(info)}`;
      result[table.name] = (await client.query<{ row: string }>(select)).rows.map((row) => row.row);
    }
    return result;
  } finally {
    await client.end();
  }
}
