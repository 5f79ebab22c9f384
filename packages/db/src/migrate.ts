// Applies the committed Prisma migrations (prisma/migrations/*/migration.sql) with no schema engine, keeping
// Prisma's `_prisma_migrations` bookkeeping so the stock `prisma migrate deploy|status` agree wherever they run.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** Prisma's own advisory-lock key, so this applier and `prisma migrate` also exclude each other. */
const MIGRATION_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

export type MigrationFile = { name: string; sql: string; checksum: string };

export type ApplyMigrationsOptions = {
  /** Connects, migrates and disconnects. Give either `url` or `client`. */
  url?: string;
  /** An already connected client; it is left connected (and outside any transaction). */
  client?: pg.ClientBase;
  migrationsDir?: string;
  log?: (line: string) => void;
  /** How long to wait for another process that is migrating the same database. */
  lockTimeoutMs?: number;
  /** Stops after this migration (a restore brings a backup's schema first, its data, then the rest). */
  through?: string;
};

export type ApplyMigrationsResult = { applied: string[]; alreadyApplied: number };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName: string | undefined,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/** sha256 hex of the file's bytes, as Prisma computes it. */
export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

// Prisma accepts a file whose only change is CRLF <-> LF (a Windows checkout), so do we.
function matchesChecksum(sql: string, checksum: string): boolean {
  return checksumOf(sql) === checksum || checksumOf(sql.replace(/\r\n/g, "\n")) === checksum;
}

/** The migration folders in the order Prisma applies them: by folder name, byte-wise. */
export async function readMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(migrationsDir, name, "migration.sql"));
    } catch {
      throw new MigrationError(`Migration folder ${name} has no migration.sql`, name);
    }
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) });
  }
  return migrations;
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies every migration not yet recorded, one transaction each, under an advisory lock. Refuses to start when
 * a recorded migration failed or an applied migration's file was edited afterwards.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  if (!options.client && !options.url) throw new Error("applyMigrations needs a url or a connected client");
  const log = options.log ?? (() => {});
  const all = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const through = options.through === undefined ? all.length - 1 : all.findIndex((m) => m.name === options.through);
  if (through < 0 && options.through !== undefined) {
    throw new MigrationError(`No migration named ${options.through} in this code`, options.through);
  }
  const migrations = all.slice(0, through + 1);

  const ownClient = options.client ? undefined : new pg.Client({ connectionString: options.url });
  const client = options.client ?? ownClient!;
  if (ownClient) await ownClient.connect();
  try {
    await acquireLock(client, options.lockTimeoutMs ?? 60_000);
    try {
      return await applyLocked(client, migrations, log);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    if (ownClient) await ownClient.end();
  }
}

async function acquireLock(client: pg.ClientBase, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new MigrationError(
        `Timed out after ${timeoutMs} ms waiting for another process to finish migrating this database`,
        undefined,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function applyLocked(
  client: pg.ClientBase,
  migrations: MigrationFile[],
  log: (line: string) => void,
): Promise<ApplyMigrationsResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const recorded = await readRecorded(client);

  const failed = recorded.find((row) => row.finished_at === null);
  if (failed) throw failedMigrationError(failed.migration_name);

  const appliedByName = new Map(recorded.map((row) => [row.migration_name, row]));
  for (const migration of migrations) {
    const row = appliedByName.get(migration.name);
    if (row && !matchesChecksum(migration.sql, row.checksum)) throw editedMigrationError(migration.name);
  }

  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    if (appliedByName.has(migration.name)) {
      alreadyApplied += 1;
      continue;
    }
    const outcome = await applyOne(client, migration);
    if (outcome === "already-applied") {
      alreadyApplied += 1;
      continue;
    }
    applied.push(migration.name);
    log(`Applied ${migration.name}`);
  }
  return { applied, alreadyApplied };
}

async function readRecorded(client: pg.ClientBase): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return rows;
}

async function applyOne(client: pg.ClientBase, migration: MigrationFile): Promise<"applied" | "already-applied"> {
  const id = randomUUID();
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // Checked again inside the transaction: on the embedded server every connection shares one PostgreSQL
    // session, so the advisory lock does not keep two appliers apart there, but a transaction does.
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
       WHERE migration_name = $1 AND rolled_back_at IS NULL`,
      [migration.name],
    );
    const existing = rows[0];
    if (existing) {
      await client.query("ROLLBACK");
      if (existing.finished_at === null) throw failedMigrationError(migration.name);
      if (!matchesChecksum(migration.sql, existing.checksum)) throw editedMigrationError(migration.name);
      return "already-applied";
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, 0)`,
      [id, migration.checksum, migration.name, startedAt],
    );
    // No parameters: pg sends the file through the simple-query protocol, which runs multi-statement scripts.
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
      id,
    ]);
    await client.query("COMMIT");
    return "applied";
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    await client.query("ROLLBACK").catch(() => undefined);
    const logs = formatDatabaseError(error);
    // Recorded the way Prisma records a failed migration (finished_at null, the error in logs), so both this
    // applier and `prisma migrate status` refuse to go on until someone resolves it.
    const recordingFailed = await client
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, $5, 0)`,
        [id, migration.checksum, migration.name, logs, startedAt],
      )
      .then(
        () => "",
        (recordError: unknown) => `\n(The failure could not be recorded either: ${String(recordError)})`,
      );
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back:\n${logs}${recordingFailed}`,
      migration.name,
    );
  }
}

function formatDatabaseError(error: unknown): string {
  if (error instanceof pg.DatabaseError) {
    const lines = [`Database error code: ${error.code ?? "unknown"}`, "", "Database error:", error.message];
    if (error.position) lines.push("", `Position: ${error.position}`);
    if (error.detail) lines.push("", `DETAIL: ${error.detail}`);
    return lines.join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

function failedMigrationError(name: string): MigrationError {
  return new MigrationError(
    `Migration ${name} failed earlier and is recorded as failed in _prisma_migrations; no further migration ` +
      `will be applied. Fix the cause, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = ` +
      `now() WHERE migration_name = '${name}' AND finished_at IS NULL) and migrate again.`,
    name,
  );
}

function editedMigrationError(name: string): MigrationError {
  return new MigrationError(
    `Migration ${name} was changed after it was applied (its checksum differs from the one recorded). ` +
      `Applied migrations must not be edited: restore the file and put the change in a new migration.`,
    name,
  );
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates the database `name` on the server at `adminUrl` unless it exists. Returns whether it was created. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database: another process created it between the check and the CREATE.
      if (error instanceof pg.DatabaseError && error.code === "42P04") return false;
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** Drops the database `name` on the server at `adminUrl`, disconnecting whoever is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
