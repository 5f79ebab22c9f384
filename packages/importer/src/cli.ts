// `npm run import -- <dir|file>... [--dry-run]`: imports wire files and prints one line per file and a summary.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@minbar/db";
import { runningEmbeddedUrl } from "@minbar/db/embedded";
import { readDbEnv } from "@minbar/db/env";
import { embeddedDataDir } from "@minbar/db/local-data";
import { importPaths } from "./import-paths.ts";
import type { ImportResult } from "./import-file.ts";

const USAGE = "usage: npm run import -- [--dry-run] <folder|file>...";

function describe(result: ImportResult, dryRun: boolean): string {
  const verb = dryRun && result.outcome !== "unchanged" && result.outcome !== "failed" ? `would be ${result.outcome}` : result.outcome;
  const what = result.outcome === "failed" ? `: ${result.detail}` : result.articleId ? ` → article ${result.articleId}` : "";
  const detail = result.outcome !== "failed" && result.detail ? ` (${result.detail})` : "";
  const warnings = result.warnings.length ? ` [warnings: ${result.warnings.map((w) => w.code).join(", ")}]` : "";
  return `${verb.padEnd(9)} ${result.file}${what}${detail}${warnings}`;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean", default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const dryRun = parsed.values["dry-run"] ?? false;
  if (parsed.positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  // npm runs workspace scripts inside the package folder; paths are meant relative to where the user typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const paths = parsed.positionals.map((path) => resolve(base, path));
  // DATABASE_URL, or else the embedded database `npm start` is running.
  const env = readDbEnv();
  const databaseUrl = env.databaseUrl ?? runningEmbeddedUrl(embeddedDataDir(env));
  if (!databaseUrl) {
    console.error(
      "No database to import into: DATABASE_URL is not set and the embedded database is not running. Run `npm start` " +
        "(in another terminal), or set DATABASE_URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/minbar",
    );
    return 2;
  }
  const prisma = createPrismaClient(databaseUrl);
  try {
    const { results, counts } = await importPaths({
      prisma,
      // The same database as `prisma`; bulk writes then go through the importer's own, faster connections.
      databaseUrl,
      paths,
      dryRun,
      onResult: (result) => console.log(describe({ ...result, file: relativeTo(base, result.file) }, dryRun)),
    });
    const prefix = dryRun ? "dry run, nothing written: " : "";
    console.log(
      `${prefix}${results.length} file(s): ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`,
    );
    return counts.failed > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

function relativeTo(base: string, path: string): string {
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
}

process.exitCode = await main();
