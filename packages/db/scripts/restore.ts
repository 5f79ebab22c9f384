// `npm run restore -- --from DIR|s3://bucket/prefix [--database-url URL] [--force]`: brings a backup back into a
// new (or, with --force, an existing) database and the media store; one line per table, then a summary.
import { parseArgs } from "node:util";
import { openContext } from "../src/backup/cli.ts";
import { restoreBackup } from "../src/backup/restore.ts";
import { ensureDatabase } from "../src/migrate.ts";

const USAGE =
  "usage: npm run restore -- --from <folder|s3://bucket/prefix> [--database-url postgresql://…] [--force]\n" +
  "  --database-url  the database to restore into (created if missing); default DATABASE_URL, else the embedded one\n" +
  "  --force         replace the data of a database that has some";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { from: { type: "string" }, "database-url": { type: "string" }, force: { type: "boolean" } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.from) {
    console.error(USAGE);
    return 2;
  }
  const databaseUrlArg = values["database-url"];
  if (databaseUrlArg) {
    // "Elsewhere" is often a database that does not exist yet.
    const parsed = new URL(databaseUrlArg);
    const name = decodeURIComponent(parsed.pathname.slice(1));
    parsed.pathname = "/postgres";
    if (name && (await ensureDatabase(parsed.toString(), name))) console.log(`created database ${name}`);
  }
  const context = await openContext(values.from, databaseUrlArg, { createEmbedded: true });
  try {
    console.log(`restoring ${values.from} into ${context.describeDatabase}`);
    const summary = await restoreBackup({
      databaseUrl: context.databaseUrl,
      source: context.store,
      media: context.media,
      force: values.force ?? false,
      log: (line) => console.log(line),
    });
    console.log(
      `restore done: ${summary.tables} tables, ${summary.rows} rows, ${summary.mediaObjects} media object(s) in ` +
        `${(summary.ms / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await context.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
