// Backup and restore on real PostgreSQL: a seeded database (accounts, articles with revisions and translations, a
// photo and its stored file) is backed up, restored elsewhere, and every table compared row by row; bad backups
// and occupied targets are refused before anything is written; the same round trip through an S3 store and into
// the embedded database.
import { spawnSync } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FileSystemMediaStorage, type S3MediaStorage } from "@minbar/media";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "../src/backup/backup.ts";
import { readBackupEnv, s3BackupStore } from "../src/backup/env.ts";
import { restoreBackup } from "../src/backup/restore.ts";
import { createPrismaClient } from "../src/client.ts";
import { createArticleFixture, createCast, type Cast } from "../src/editorial/test-fixtures.ts";
import { startEmbeddedPostgres } from "../src/embedded-server.ts";
import { uploadImage } from "../src/media/upload-image.ts";
import { createTestDatabase, tableRows, type TestDatabase } from "../src/testing.ts";
import { inheritedEnv } from "../src/env.ts";
import { applyMigrations, dropDatabase, readMigrations, withDatabase } from "../src/migrate.ts";
import { createUser } from "../src/users.ts";
import { adminUrl, createScratchDatabase, findFreePort, makeTempDir, query, removeTempDirs } from "./helpers.ts";

let source: TestDatabase;
let cast: Cast;
let mediaDir: string;
let backupDir: string;
const scratch: { drop(): Promise<void> }[] = [];

async function emptyDatabase(): Promise<string> {
  const database = await createScratchDatabase();
  scratch.push(database);
  return database.url;
}

beforeAll(async () => {
  source = await createTestDatabase();
  cast = await createCast(source.prisma);
  for (let i = 0; i < 5; i++) {
    await createArticleFixture(source.prisma, {
      ownerId: cast.ids.writer,
      status: i % 2 ? "published" : "draft",
      publishedAt: i % 2 ? new Date("2026-12-01T10:00:00Z") : null,
      title: `خبر\tمع "علامات" و\\ سطر\nجديد ${i}`,
    });
  }
  mediaDir = await makeTempDir("backup-media");
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#336699" } })
    .jpeg()
    .toBuffer();
  await uploadImage(source.prisma, new FileSystemMediaStorage(mediaDir), cast.actors.writer, {
    fileName: "port.jpg",
    data: photo,
  });
  backupDir = await makeTempDir("backup");
  await createBackup({
    databaseUrl: source.url,
    target: new FileSystemMediaStorage(backupDir),
    media: new FileSystemMediaStorage(mediaDir),
  });
});

afterAll(async () => {
  for (const database of scratch) await database.drop();
  await source?.drop();
  await removeTempDirs();
});

describe("backup and restore", () => {
  it("restores every table's rows, the migrations and the media into a new database", async () => {
    const target = await emptyDatabase();
    const restoredMedia = await makeTempDir("restored-media");
    const lines: string[] = [];
    const summary = await restoreBackup({
      databaseUrl: target,
      source: new FileSystemMediaStorage(backupDir),
      media: new FileSystemMediaStorage(restoredMedia),
      log: (line) => lines.push(line),
    });
    const before = await tableRows(source.url);
    expect(before["users"]!.length).toBeGreaterThan(5);
    expect(before["article_localizations"]!.length).toBe(10);
    expect(before["media_images"]!.length).toBe(1);
    expect(await tableRows(target)).toEqual(before);
    expect(summary.mediaObjects).toBe(1);
    expect(lines).toContain("table articles: 5 row(s) restored");

    const [image] = await query<{ original_key: string }>(target, "SELECT original_key FROM media_images");
    const copied = await new FileSystemMediaStorage(restoredMedia).get(image!.original_key);
    expect(copied?.equals((await new FileSystemMediaStorage(mediaDir).get(image!.original_key))!)).toBe(true);

    // The sequences follow the data: a new row gets a fresh id instead of colliding.
    const prisma = createPrismaClient(target);
    try {
      const maxId = Math.max(...(await source.prisma.user.findMany()).map((user) => user.id));
      const user = await createUser(prisma, { email: "new@example.test", name: "new", roleKeys: ["writer"] });
      expect(user.id).toBe(maxId + 1);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("refuses a truncated or altered file, naming it, and leaves the target untouched", async () => {
    const damaged = await makeTempDir("backup-damaged");
    const copyOf = async (file: string, change: (data: Buffer) => Buffer) => {
      await cp(backupDir, damaged, { recursive: true });
      const data = await readFile(path.join(backupDir, file));
      await writeFile(path.join(damaged, file), change(data));
    };
    const target = await emptyDatabase();
    await copyOf("db/articles.copy", (data) => data.subarray(0, data.length - 10));
    await expect(restoreBackup({ databaseUrl: target, source: new FileSystemMediaStorage(damaged) })).rejects.toThrow(
      /^table articles: db\/articles.copy has \d+ bytes, the manifest says \d+ \(truncated\?\)$/,
    );
    // Same length, one character changed: only the checksum tells.
    await copyOf("db/articles.copy", (data) => Buffer.concat([Buffer.from([data[0]! ^ 1]), data.subarray(1)]));
    await expect(restoreBackup({ databaseUrl: target, source: new FileSystemMediaStorage(damaged) })).rejects.toThrow(
      "table articles: checksum mismatch in db/articles.copy",
    );
    expect(await query(target, "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
  });

  it("refuses a database that has data unless forced, then replaces it", async () => {
    const target = await emptyDatabase();
    const from = new FileSystemMediaStorage(backupDir);
    await restoreBackup({ databaseUrl: target, source: from });
    await query(target, "UPDATE users SET name = 'changed'");
    await expect(restoreBackup({ databaseUrl: target, source: from })).rejects.toThrow(
      "the target database is not empty (table users has rows): restore into a new database, or add --force to " +
        "replace its data",
    );
    expect((await query<{ name: string }>(target, "SELECT DISTINCT name FROM users")).map((r) => r.name)).toEqual([
      "changed",
    ]);
    await restoreBackup({ databaseUrl: target, source: from, force: true });
    expect(await tableRows(target)).toEqual(await tableRows(source.url));
  });

  it("refuses a backup made by newer code, saying so", async () => {
    const newer = await makeTempDir("backup-newer");
    await cp(backupDir, newer, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(newer, "manifest.json"), "utf8"));
    manifest.migrations.push({ name: "29990101000000_from_the_future", checksum: "0".repeat(64) });
    await writeFile(path.join(newer, "manifest.json"), JSON.stringify(manifest));
    const target = await emptyDatabase();
    await expect(restoreBackup({ databaseUrl: target, source: new FileSystemMediaStorage(newer) })).rejects.toThrow(
      "the backup is newer than this code: its migration 29990101000000_from_the_future is not here",
    );
  });

  it("restores a backup made before the latest migration, then applies it", async () => {
    const older = await emptyDatabase();
    const migrations = await readMigrations();
    await applyMigrations({ url: older, through: migrations.at(-2)!.name });
    await query(older, "UPDATE sections SET name_en = 'Old news' WHERE slug_en = 'news'");
    const dir = await makeTempDir("backup-older");
    await createBackup({ databaseUrl: older, target: new FileSystemMediaStorage(dir) });
    const target = await emptyDatabase();
    const summary = await restoreBackup({ databaseUrl: target, source: new FileSystemMediaStorage(dir) });
    expect(summary.migrationsAfter).toBe(1);
    const recorded = await query<{ migration_name: string }>(
      target,
      "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    expect(await query(target, "SELECT name_en FROM sections WHERE slug_en = 'news'")).toEqual([
      { name_en: "Old news" },
    ]);
  });

  it("refuses to write a backup over another one", async () => {
    await expect(
      createBackup({ databaseUrl: source.url, target: new FileSystemMediaStorage(backupDir) }),
    ).rejects.toThrow("the target already holds a backup (manifest.json); choose a new folder or prefix");
  });
});

describe("npm run backup / npm run restore", () => {
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL(`../scripts/${script}`, import.meta.url)), ...args],
      {
        encoding: "utf8",
        env: inheritedEnv({ DATABASE_URL: "", MEDIA_S3_BUCKET: "", INIT_CWD: "", ...env }),
      },
    );

  it("print a line per table and a summary, create the target database, and refuse to overwrite it", async () => {
    const dir = path.join(await makeTempDir("backup-cli"), "nightly");
    const dataDir = await makeTempDir("backup-cli-data");
    const backup = run("backup.ts", ["--to", dir, "--database-url", source.url], {
      MEDIA_DIR: mediaDir,
      MINBAR_DATA_DIR: dataDir,
    });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    const lines = backup.stdout.trim().split("\n");
    expect(lines.find((line) => line.startsWith("table articles:"))).toMatch(/^table articles: 5 row\(s\), \d+ B$/);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^backup done: \\d+ tables, \\d+ rows, 1 media object\\(s\\), .* → ${dir}$`),
    );

    const name = `${source.name}_cli`;
    scratch.push({ drop: () => dropDatabase(adminUrl, name) });
    const restoredMedia = await makeTempDir("backup-cli-media");
    const args = ["--from", dir, "--database-url", withDatabase(adminUrl, name)];
    const env = { MEDIA_DIR: restoredMedia, MINBAR_DATA_DIR: dataDir };
    const restore = run("restore.ts", args, env);
    expect(restore.stderr).toBe("");
    expect(restore.stdout).toContain(`created database ${name}\n`);
    expect(restore.stdout.trim().split("\n").at(-1)).toMatch(
      /^restore done: \d+ tables, \d+ rows, 1 media object\(s\) in /,
    );
    expect(restore.status).toBe(0);
    expect(await tableRows(withDatabase(adminUrl, name))).toEqual(await tableRows(source.url));

    const again = run("restore.ts", args, env);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      "restore failed: the target database is not empty (table users has rows): restore into a new database, " +
        "or add --force to replace its data\n",
    );
    const usage = run("backup.ts", [], {});
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^usage: npm run backup -- --to/);
  });
});

describe("through an S3-compatible store", () => {
  let server: S3rver;
  let bucket: S3MediaStorage;

  beforeAll(async () => {
    server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: await makeTempDir("backup-s3"),
      configureBuckets: [{ name: "minbar-backups", configs: [] }],
    });
    const { port } = await server.run();
    // As `--to s3://…` makes it: the keys from BACKUP_S3_*, the rest from MEDIA_S3_*.
    const env = readBackupEnv({
      MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      MEDIA_S3_REGION: "us-east-1",
      BACKUP_S3_ACCESS_KEY_ID: "S3RVER",
      BACKUP_S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    bucket = s3BackupStore("s3://minbar-backups/nightly/2026-12-05", env);
  });
  afterAll(async () => {
    bucket?.close();
    await server?.close();
  });

  it("backs up to a bucket and restores from it", async () => {
    await createBackup({ databaseUrl: source.url, target: bucket, media: new FileSystemMediaStorage(mediaDir) });
    const target = await emptyDatabase();
    const restoredMedia = await makeTempDir("restored-s3-media");
    const summary = await restoreBackup({
      databaseUrl: target,
      source: bucket,
      media: new FileSystemMediaStorage(restoredMedia),
    });
    expect(summary.mediaObjects).toBe(1);
    expect(await tableRows(target)).toEqual(await tableRows(source.url));
    const listed: string[] = [];
    for await (const key of bucket.list()) listed.push(key);
    expect(listed).toContain("manifest.json");
    expect(listed).toContain("db/articles.copy");
  });

  it("says which keys an s3:// address lacks", () => {
    expect(() => s3BackupStore("s3://minbar-backups", readBackupEnv({}))).toThrow(
      "s3://minbar-backups needs BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY (the store's keys)",
    );
  });
});

describe("into the embedded database", () => {
  it("restores into PGlite (no COPY FROM there) and backs up from it to the same files", async () => {
    const dir = await makeTempDir("backup-embedded");
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite"), port: await findFreePort() });
    try {
      await restoreBackup({ databaseUrl: embedded.url, source: new FileSystemMediaStorage(backupDir) });
      expect(await tableRows(embedded.url)).toEqual(await tableRows(source.url));
      const again = path.join(dir, "again");
      await createBackup({ databaseUrl: embedded.url, target: new FileSystemMediaStorage(again) });
      const tables = (file: string) => readFile(file, "utf8").then((text) => JSON.parse(text).tables);
      expect(await tables(path.join(again, "manifest.json"))).toEqual(
        await tables(path.join(backupDir, "manifest.json")),
      );
    } finally {
      await embedded.stop();
    }
  }, 120_000);
});
