// `npm run restore`: checks the whole backup first (manifest, migrations, every file's checksum), so a bad backup
// writes nothing; then migrates the target to the backup's schema, loads every table in one transaction, resets the
// sequences, applies this code's newer migrations and copies the media back.
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MediaStorage } from "@minbar/media";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations, readMigrations } from "../migrate.ts";
import {
  columnList,
  foreignKeys,
  listTables,
  ownedSequences,
  quoteIdentifier,
  recordedMigrations,
  type TableInfo,
} from "./catalog.ts";
import {
  BackupError,
  MANIFEST_KEY,
  parseCopyText,
  parseManifest,
  verifyFile,
  type Manifest,
  type TableEntry,
} from "./format.ts";

export type RestoreOptions = {
  databaseUrl: string;
  source: MediaStorage;
  /** Where the media objects go back to; left out, they are not restored. */
  media?: MediaStorage;
  /** Replace the data of a database that has some. */
  force?: boolean;
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type RestoreSummary = {
  tables: number;
  rows: number;
  mediaObjects: number;
  migrationsAfter: number;
  ms: number;
};

export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const manifest = parseManifest(await options.source.get(MANIFEST_KEY));
  await checkMigrations(manifest, options.migrationsDir);
  // Every file is checked before anything is written, one at a time (a backup may not fit in memory), and read
  // again, and checked again, when loaded.
  const read = async (table: TableEntry) =>
    verifyFile(`table ${table.name}`, table, await options.source.get(table.key));
  for (const table of manifest.tables) await read(table);
  for (const entry of options.media ? manifest.media : []) {
    verifyFile("media", entry, await options.source.get(entry.key));
  }
  log(
    `backup of ${manifest.createdAt} checked: ${manifest.tables.length} table(s), ${manifest.media.length} media object(s)`,
  );

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const { rows, migrationsAfter } = await restoreDatabase(client, manifest, read, options, log).finally(() =>
    client.end(),
  );

  if (options.media) {
    for (const entry of manifest.media) {
      const data = verifyFile("media", entry, await options.source.get(entry.key));
      const key = entry.key.slice("media/".length);
      await options.media.put(key, data, contentTypeOf(key));
    }
    log(`media: ${manifest.media.length} object(s) restored`);
  }
  return {
    tables: manifest.tables.length,
    rows,
    mediaObjects: options.media ? manifest.media.length : 0,
    migrationsAfter,
    ms: Date.now() - started,
  };
}

/** The backup's schema, its data, then this code's newer migrations, which carry the data forward. */
async function restoreDatabase(
  client: pg.Client,
  manifest: Manifest,
  read: (table: TableEntry) => Promise<Buffer>,
  options: RestoreOptions,
  log: (line: string) => void,
): Promise<{ rows: number; migrationsAfter: number }> {
  await checkTarget(client, manifest, options.force ?? false);
  const lastMigration = manifest.migrations.at(-1)!.name;
  await applyMigrations({ client, migrationsDir: options.migrationsDir, through: lastMigration });
  const rows = await loadTables(client, manifest, read, log);
  const rest = await applyMigrations({ client, migrationsDir: options.migrationsDir });
  if (rest.applied.length > 0) log(`applied ${rest.applied.length} newer migration(s): ${rest.applied.join(", ")}`);
  return { rows, migrationsAfter: rest.applied.length };
}

/** The backup's migrations must be this code's first ones: data of a newer schema has nowhere to go. */
async function checkMigrations(manifest: Manifest, migrationsDir: string | undefined): Promise<void> {
  const code = await readMigrations(migrationsDir);
  if (manifest.migrations.length === 0) throw new BackupError("the backup records no migrations");
  manifest.migrations.forEach((migration, index) => {
    const ours = code[index];
    if (!code.some((candidate) => candidate.name === migration.name)) {
      throw new BackupError(
        `the backup is newer than this code: its migration ${migration.name} is not here. Update Minbar ` +
          `(the version that made the backup or later), then restore.`,
      );
    }
    if (ours?.name !== migration.name) {
      throw new BackupError(`the backup's migrations differ from this code's at ${migration.name}`);
    }
  });
}

/**
 * What makes a database not empty: someone's accounts, articles or photos. Migrations themselves insert rows (the
 * default sections), so a freshly migrated database still counts as empty.
 */
const CONTENT_TABLES = ["users", "articles", "media_images"];

async function checkTarget(client: pg.Client, manifest: Manifest, force: boolean): Promise<void> {
  const backupNames = new Set(manifest.migrations.map((migration) => migration.name));
  const beyond = (await recordedMigrations(client)).filter((migration) => !backupNames.has(migration.name));
  if (beyond.length > 0) {
    throw new BackupError(
      `the target database has migration ${beyond[0]!.name}, newer than the backup: restore into a new, empty database`,
    );
  }
  if (force) return;
  const present = new Set((await listTables(client)).map((table) => table.name));
  for (const table of CONTENT_TABLES.filter((name) => present.has(name))) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdentifier(table)} LIMIT 1`);
    if (rowCount) {
      throw new BackupError(
        `the target database is not empty (table ${table} has rows): restore into a new database, or add ` +
          `--force to replace its data`,
      );
    }
  }
}

/** One transaction: on any error the target keeps what it had. */
async function loadTables(
  client: pg.Client,
  manifest: Manifest,
  read: (table: TableEntry) => Promise<Buffer>,
  log: (line: string) => void,
): Promise<number> {
  const tables = new Map((await listTables(client)).map((table) => [table.name, table]));
  for (const entry of manifest.tables) {
    const table = tables.get(entry.name);
    if (!table) throw new BackupError(`table ${entry.name}: not in the database after migrating`);
    if (table.columns.join() !== entry.columns.join()) {
      throw new BackupError(`table ${entry.name}: its columns differ from the backup's (${entry.columns.join(", ")})`);
    }
  }
  const order = [...tables.keys()];
  const copyIn = await copyInFor(client);
  let rows = 0;
  await client.query("BEGIN");
  try {
    // The foreign keys point both ways between some tables (a localization and its current revision), so no load
    // order satisfies them: they are dropped and added back at the end, which checks every row once. The triggers
    // that keep derived tables (search) up to date stay off: those tables are in the backup too.
    const keys = await foreignKeys(client);
    for (const key of keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
    for (const name of order) await client.query(`ALTER TABLE ${quoteIdentifier(name)} DISABLE TRIGGER USER`);
    // Emptied first: rows a migration inserts, or the data --force replaces.
    if (order.length > 0) await client.query(`TRUNCATE ${order.map(quoteIdentifier).join(", ")}`);
    for (const entry of manifest.tables) {
      await copyIn(tables.get(entry.name)!, await read(entry));
      rows += entry.rows;
      log(`table ${entry.name}: ${entry.rows} row(s) restored`);
    }
    for (const name of order) await client.query(`ALTER TABLE ${quoteIdentifier(name)} ENABLE TRIGGER USER`);
    for (const key of keys) {
      await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
    }
    for (const { sequence, table, column } of await ownedSequences(client)) {
      await client.query(
        `SELECT setval($1::regclass, COALESCE(MAX(${quoteIdentifier(column)}), 0) + 1, false) FROM ${quoteIdentifier(table)}`,
        [sequence],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  return rows;
}

type CopyIn = (table: TableInfo, data: Buffer) => Promise<void>;

/**
 * COPY FROM STDIN where the server takes it; the embedded PGlite does not over the wire (its socket server loses
 * the protocol's thread), so there the rows go in as INSERTs of the same text, cast by each column's type.
 */
async function copyInFor(client: pg.Client): Promise<CopyIn> {
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  const embedded = /emscripten|wasm/i.test(rows[0]?.version ?? "");
  if (!embedded) {
    return async (table, data) => {
      await pipeline(
        Readable.from([data]),
        client.query(copyFrom(`COPY ${quoteIdentifier(table.name)} (${columnList(table.columns)}) FROM STDIN`)),
      );
    };
  }
  return async (table, data) => {
    const { rows: types } = await client.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
       WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
      [quoteIdentifier(table.name)],
    );
    const typeOf = new Map(types.map((row) => [row.name, row.type]));
    const casts = table.columns.map((column, i) => `($1::json->>${i})::${typeOf.get(column)}`).join(", ");
    const insert = `INSERT INTO ${quoteIdentifier(table.name)} (${columnList(table.columns)})
      SELECT ${casts.replace(/\$1::json/g, "r")} FROM json_array_elements($1::json) AS r`;
    const all = parseCopyText(data.toString("utf8"));
    for (let start = 0; start < all.length; start += INSERT_BATCH) {
      await client.query(insert, [JSON.stringify(all.slice(start, start + INSERT_BATCH))]);
    }
  };
}

const INSERT_BATCH = 500;

const CONTENT_TYPES: Record<string, string> = {
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

function contentTypeOf(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? "application/octet-stream";
}
