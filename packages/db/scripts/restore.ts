// `npm run restore -- --from DIR|s3://bucket/prefix [--database-url URL] [--force]`: brings a backup back into a
// new (or, with --force, an existing) database and the media store; one line per table, then a summary.
import { runCommand } from "../src/backup/cli.ts";
import { restoreBackup } from "../src/backup/restore.ts";
import { ensureDatabase } from "../src/migrate.ts";

runCommand({
  name: "restore",
  usage:
    "usage: npm run restore -- --from <folder|s3://bucket/prefix> [--database-url postgresql://…] [--force]\n" +
    "  --database-url  the database to restore into (created if missing); default DATABASE_URL, else the embedded one\n" +
    "  --force         replace the data of a database that has some",
  place: "from",
  force: true,
  createEmbedded: true,
  async prepare({ databaseUrl }) {
    if (!databaseUrl) return;
    // "Elsewhere" is often a database that does not exist yet.
    const parsed = new URL(databaseUrl);
    const name = decodeURIComponent(parsed.pathname.slice(1));
    parsed.pathname = "/postgres";
    if (name && (await ensureDatabase(parsed.toString(), name))) console.log(`created database ${name}`);
  },
  async work(context, { location, force }) {
    console.log(`restoring ${location} into ${context.describeDatabase}`);
    const summary = await restoreBackup({
      databaseUrl: context.databaseUrl,
      source: context.store,
      media: context.media,
      force,
      log: (line) => console.log(line),
    });
    return (
      `restore done: ${summary.tables} tables, ${summary.rows} rows, ${summary.mediaObjects} media object(s) in ` +
      `${(summary.ms / 1000).toFixed(1)} s`
    );
  },
});
