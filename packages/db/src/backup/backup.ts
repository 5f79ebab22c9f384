// `npm run backup`: the database as it was at one instant (one REPEATABLE READ READ ONLY transaction, COPY per
// table), then the media objects, into any MediaStorage (a folder or an S3 bucket). Needs no pg_dump.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MediaStorage } from "@minbar/media";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { columnList, listTables, orderByKey, quoteIdentifier, recordedMigrations } from "./catalog.ts";
import {
  BackupError,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_KEY,
  mediaKey,
  sha256,
  tableKey,
  type Manifest,
  type MediaEntry,
  type TableEntry,
} from "./format.ts";

export type BackupOptions = {
  databaseUrl: string;
  /** Where the backup goes; it must not hold one already. */
  target: MediaStorage;
  /** The site's media store, copied whole; left out, the backup has the database only. */
  media?: MediaStorage;
  log?: (line: string) => void;
};

export type BackupSummary = { tables: number; rows: number; mediaObjects: number; bytes: number; ms: number };

export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (await options.target.get(MANIFEST_KEY)) {
    throw new BackupError(`the target already holds a backup (${MANIFEST_KEY}); choose a new folder or prefix`);
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let migrations: Manifest["migrations"];
  const tables: TableEntry[] = [];
  try {
    // One snapshot for every table: rows written while the backup runs are in no file, or consistently in all.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    migrations = await recordedMigrations(client);
    if (migrations.length === 0) throw new BackupError("the database has no migrations applied: nothing to back up");
    for (const table of await listTables(client)) {
      const data = await copyOut(
        client,
        `COPY (SELECT ${columnList(table.columns)} FROM ${quoteIdentifier(table.name)}${orderByKey(table)}) TO STDOUT`,
      );
      const rows = countLines(data);
      const key = tableKey(table.name);
      await options.target.put(key, data, "text/plain; charset=utf-8");
      tables.push({ name: table.name, columns: table.columns, rows, key, bytes: data.length, sha256: sha256(data) });
      log(`table ${table.name}: ${rows} row(s), ${formatBytes(data.length)}`);
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }

  // After the snapshot: an object added since is an unused extra; objects are never changed in place.
  const media: MediaEntry[] = [];
  if (options.media) {
    for await (const key of options.media.list()) {
      const data = await options.media.get(key);
      if (!data) continue; // deleted since it was listed
      const entry = { key: mediaKey(key), bytes: data.length, sha256: sha256(data) };
      await options.target.put(entry.key, data, "application/octet-stream");
      media.push(entry);
    }
    log(`media: ${media.length} object(s), ${formatBytes(sum(media.map((entry) => entry.bytes)))}`);
  }

  const manifest: Manifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: new Date(started).toISOString(),
    migrations,
    tables,
    media,
  };
  // Last: a backup without its manifest is recognisably unfinished.
  await options.target.put(MANIFEST_KEY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), "application/json");
  return {
    tables: tables.length,
    rows: sum(tables.map((table) => table.rows)),
    mediaObjects: media.length,
    bytes: sum([...tables, ...media].map((entry) => entry.bytes)),
    ms: Date.now() - started,
  };
}

async function copyOut(client: pg.Client, sql: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    client.query(copyTo(sql)),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** Rows end in a newline, and newlines inside values are escaped. */
function countLines(data: Buffer): number {
  let count = 0;
  for (const byte of data) if (byte === 0x0a) count += 1;
  return count;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
