// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, one line per migration and a summary.
import { readDbEnv } from "../src/env.ts";
import { applyMigrations } from "../src/migrate.ts";

async function main(): Promise<number> {
  const url = readDbEnv().databaseUrl;
  if (!url) {
    console.error("DATABASE_URL is not set (e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/minbar).");
    return 1;
  }
  const started = Date.now();
  try {
    const { applied, alreadyApplied } = await applyMigrations({ url, log: (line) => console.log(line) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      applied.length === 0
        ? `Database is up to date (${alreadyApplied} migration(s) already applied).`
        : `Applied ${applied.length} migration(s) in ${seconds} s; ${alreadyApplied} were already applied.`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

process.exit(await main());
