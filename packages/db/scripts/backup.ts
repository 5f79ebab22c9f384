// `npm run backup -- --to DIR|s3://bucket/prefix [--database-url URL]`: a consistent copy of the database and the
// media store; one line per table, then a summary.
import { createBackup, formatBytes } from "../src/backup/backup.ts";
import { runCommand } from "../src/backup/cli.ts";

runCommand({
  name: "backup",
  usage: "usage: npm run backup -- --to <folder|s3://bucket/prefix> [--database-url postgresql://…]",
  place: "to",
  force: false,
  createEmbedded: false,
  async work(context, { location }) {
    console.log(`backing up ${context.describeDatabase} to ${location}`);
    const summary = await createBackup({
      databaseUrl: context.databaseUrl,
      target: context.store,
      media: context.media,
      log: (line) => console.log(line),
    });
    return (
      `backup done: ${summary.tables} tables, ${summary.rows} rows, ${summary.mediaObjects} media object(s), ` +
      `${formatBytes(summary.bytes)} in ${(summary.ms / 1000).toFixed(1)} s → ${location}`
    );
  },
});
