// `npm run import -- [--dry-run] [--translation-of <article id>] [--section <slug>] <dir|file>...`: imports wire files and prints one line
// per file and a summary, then tells the public site about the articles it created or changed and whether it was told.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient, type PrismaClient } from "@minbar/db/client";
import { runningEmbeddedUrl } from "@minbar/db/embedded";
import { invocationDir, readDbEnv } from "@minbar/db/env";
import { embeddedDataDir, loadRootEnvFile, resolveDataDir } from "@minbar/db/local-data";
import { findSiteTarget } from "@minbar/site-signal/local";
import { signalAndTrack } from "@minbar/site-signal/tracked";
import { enqueueSiteSignal, withJobQueue } from "@minbar/jobs";
import { importPaths } from "./import-paths.ts";
import { findImportSection, UnknownSectionError } from "./import-section.ts";
import type { ImportResult } from "./import-file.ts";
import { changedArticleIds } from "./import-result.ts";

const USAGE = [
  "usage: npm run import -- [--dry-run] [--translation-of <article id>] [--section <slug>] <folder|file>...",
  "  Arabic, Russian and English wire texts; each becomes a new article whose original is in the text's language,",
  "  or updates the article an earlier version of the same file made.",
  "  --translation-of <id>  attach each Russian, English or Arabic text to article <id> as its edition in that",
  "                         language (never the article's original language, never over another file's text)",
  "  --section <slug>       file the new articles under this section (its slug in any language, e.g. culture);",
  "                         without it, under the default section. Updated articles stay where they are",
  "  --dry-run              say what would happen; write nothing",
].join("\n");
/** For each request to the public site: a cron job can wait for a site that is slow to drop a thousand articles. */
const SIGNAL_TIMEOUT_MS = 30_000;

function describe(result: ImportResult, dryRun: boolean): string {
  const verb =
    dryRun && result.outcome !== "unchanged" && result.outcome !== "failed"
      ? `would be ${result.outcome}`
      : result.outcome;
  const what =
    result.outcome === "failed" ? `: ${result.detail}` : result.articleId ? ` → article ${result.articleId}` : "";
  const detail = result.outcome !== "failed" && result.detail ? ` (${result.detail})` : "";
  const warnings = result.warnings.length ? ` [warnings: ${result.warnings.map((w) => w.code).join(", ")}]` : "";
  return `${verb.padEnd(9)} ${result.file}${what}${detail}${warnings}`;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "translation-of": { type: "string" },
        section: { type: "string" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const dryRun = parsed.values["dry-run"] ?? false;
  const translationOfArg = parsed.values["translation-of"];
  const translationOf = translationOfArg === undefined ? undefined : articleIdOf(translationOfArg);
  if (translationOf === null) {
    console.error(`--translation-of takes an article's number (as in the admin's address), not "${translationOfArg}"`);
    console.error(USAGE);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const base = invocationDir();
  const paths = parsed.positionals.map((path) => resolve(base, path));
  // The root .env, as `npm start` reads it, so both agree on the database and the public site.
  loadRootEnvFile();
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
    const sectionArg = parsed.values.section;
    let sectionId: number | undefined;
    try {
      sectionId = sectionArg === undefined ? undefined : await findImportSection(prisma, sectionArg);
    } catch (error) {
      // Before any file is read: a wrong section imports nothing.
      if (!(error instanceof UnknownSectionError)) throw error;
      console.error(`--section: ${error.message}`);
      return 2;
    }
    const { results, counts } = await importPaths({
      prisma,
      // The same database as `prisma`; bulk writes then go through the importer's own, faster connections.
      databaseUrl,
      paths,
      dryRun,
      translationOf,
      sectionId,
      onResult: (result) => console.log(describe({ ...result, file: relativeTo(base, result.file) }, dryRun)),
    });
    const prefix = dryRun ? "dry run, nothing written: " : "";
    console.log(
      `${prefix}${results.length} file(s): ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`,
    );
    const changed = dryRun ? [] : changedArticleIds(results);
    // The exit code stays about the files: a public site that is down or not configured is reported, not failed.
    if (changed.length > 0) console.log(await tellPublicSite(prisma, databaseUrl, changed, resolveDataDir(env)));
    return counts.failed > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Sends the articles' ids to the public site (see findSiteTarget for where it is); the line saying how that went.
 * What the site does not confirm is recorded in the database and queued on the admin's job queue, whose worker (which
 * knows the site even when this command does not) sends it again until the site confirms.
 */
async function tellPublicSite(
  prisma: PrismaClient,
  databaseUrl: string,
  articleIds: number[],
  dataDir: string,
): Promise<string> {
  const found = findSiteTarget({ dataDir });
  const result = await signalAndTrack({ prisma, target: found.target, articleIds, timeoutMs: SIGNAL_TIMEOUT_MS });
  if (result.confirmed) return `public site: refreshed (${articlesCount(result.articles)})`;
  const reason = found.target ? result.reason : found.reason;
  const rest = [...new Set(articleIds)].slice(result.articles);
  const queued = await withJobQueue(databaseUrl, (boss) =>
    enqueueSiteSignal(boss, { kind: "articles", articleIds: rest }),
  ).then(
    () => true,
    (error: unknown) => {
      console.error(`job queue: the retry was not queued: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  );
  const kept = result.kept || queued ? "; the admin sends it again once the site answers" : "";
  if (result.articles === 0) return `public site: not told (${reason})${kept}`;
  return `public site: refreshed ${result.articles} of ${articlesCount(articleIds.length)}, then not told (${reason})${kept}`;
}

function articleIdOf(text: string): number | null {
  if (!/^\d{1,9}$/.test(text.trim())) return null;
  const id = Number(text.trim());
  return id > 0 ? id : null;
}

const articlesCount = (n: number) => `${n} article${n === 1 ? "" : "s"}`;

function relativeTo(base: string, path: string): string {
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
}

process.exitCode = await main();
