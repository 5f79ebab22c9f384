// `npm run backup -- --to DIR|s3://bucket/prefix [--database-url URL]`: a consistent copy of the database and the
// media store; one line per table, then a summary.
import { parseArgs } from "node:util";
import { createBackup, formatBytes } from "../src/backup/backup.ts";
import { openContext } from "../src/backup/cli.ts";

const USAGE = "usage: npm run backup -- --to <folder|s3://bucket/prefix> [--database-url postgresql://…]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { to: { type: "string" }, "database-url": { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.to) {
    console.error(USAGE);
    return 2;
  }
  const context = await openContext(values.to, values["database-url"], { createEmbedded: false });
  try {
    console.log(`backing up ${context.describeDatabase} to ${values.to}`);
    const summary = await createBackup({
      databaseUrl: context.databaseUrl,
      target: context.store,
      media: context.media,
      log: (line) => console.log(line),
    });
    console.log(
      `backup done: ${summary.tables} tables, ${summary.rows} rows, ${summary.mediaObjects} media object(s), ` +
        `${formatBytes(summary.bytes)} in ${(summary.ms / 1000).toFixed(1)} s → ${values.to}`,
    );
    return 0;
  } finally {
    await context.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
