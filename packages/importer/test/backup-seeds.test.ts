// The five seeds, imported as `npm start` imports them, survive a backup and a restore into another database: every
// table's rows are the same (the backup itself is tested in @minbar/db, which cannot import the importer).
import { createBackup, restoreBackup } from "@minbar/db/backup";
import { createTestDatabase, tableRows, type TestDatabase } from "@minbar/db/testing";
import { FileSystemMediaStorage } from "@minbar/media";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { importPaths } from "../src/index.ts";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const opened: TestDatabase[] = [];
let dir: string | undefined;

afterAll(async () => {
  for (const db of opened) await db.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("restores the imported seeds into another database, every table's rows the same", async () => {
  const source = await createTestDatabase();
  const target = await createTestDatabase();
  opened.push(source, target);
  const { counts } = await importPaths({ prisma: source.prisma, databaseUrl: source.url, paths: [SEEDS] });
  expect(counts.created).toBe(5);
  dir = await mkdtemp(join(tmpdir(), "minbar-backup-seeds-"));
  await createBackup({ databaseUrl: source.url, target: new FileSystemMediaStorage(dir) });
  // A freshly migrated database counts as empty: only the rows migrations insert.
  await restoreBackup({ databaseUrl: target.url, source: new FileSystemMediaStorage(dir) });
  const rows = await tableRows(source.url);
  expect(rows["article_localizations"]).toHaveLength(5);
  expect(rows["search_lexicon"]!.length).toBeGreaterThan(100);
  expect(await tableRows(target.url)).toEqual(rows);
});
