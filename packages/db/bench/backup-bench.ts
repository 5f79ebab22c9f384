// `npm run bench:backup -- [--articles=10000]`: fills a fresh PostgreSQL database with generated published Arabic
// articles (src/bench/search-corpus.ts, their search tables included), then times a backup to a temporary folder and
// a restore into a second fresh database. Prints figures and asserts nothing (docs/decisions/0035-backups.md).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FileSystemMediaStorage } from "@minbar/media";
import { createBackup, formatBytes } from "../src/backup/backup.ts";
import { restoreBackup } from "../src/backup/restore.ts";
import { benchWordList, fillSearchCorpus } from "../src/bench/search-corpus.ts";
import { readDbEnv } from "../src/env.ts";
import { dropDatabase, ensureDatabase, withDatabase } from "../src/migrate.ts";
import { createTestDatabase } from "../src/testing.ts";

const { values: args } = parseArgs({ options: { articles: { type: "string", default: "10000" } } });
const ARTICLES = Number(args.articles);
if (!Number.isInteger(ARTICLES) || ARTICLES < 1) throw new Error("--articles must be a positive integer");

const adminUrl = readDbEnv().testDatabaseUrl;
const source = await createTestDatabase();
const targetName = `${source.name}_restored`;
const dir = await mkdtemp(path.join(tmpdir(), "minbar-backup-bench-"));
try {
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min) before`);
  const seedsDir = fileURLToPath(new URL("../../../seeds/", import.meta.url));
  const seeds = await Promise.all((await readdir(seedsDir)).map((name) => readFile(path.join(seedsDir, name), "utf8")));
  await fillSearchCorpus(source.url, { locale: "ar", count: ARTICLES, words: benchWordList("ar", seeds) });
  const backup = await createBackup({ databaseUrl: source.url, target: new FileSystemMediaStorage(dir) });
  console.log(
    `backup:  ${backup.rows} rows in ${backup.tables} tables, ${formatBytes(backup.bytes)}, ${(backup.ms / 1000).toFixed(2)} s`,
  );
  await ensureDatabase(adminUrl, targetName);
  const restore = await restoreBackup({
    databaseUrl: withDatabase(adminUrl, targetName),
    source: new FileSystemMediaStorage(dir),
  });
  console.log(`restore: ${restore.rows} rows, ${(restore.ms / 1000).toFixed(2)} s (migrations and checks included)`);
  console.log(`load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await dropDatabase(adminUrl, targetName);
  await source.drop();
}
