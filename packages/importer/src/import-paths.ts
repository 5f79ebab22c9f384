// Imports every wire file under the given files and folders, each on its own, and sums up what happened.
import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { PrismaClient } from "@minbar/db/client";
import { attributionNames } from "./attribution.ts";
import { articleSlugBase, createArticle, KnownAttribution } from "./create-article.ts";
import { fileIdentity, findKnownFiles } from "./find-known-files.ts";
import {
  describeParseFailure,
  fileKeyOf,
  hashBytes,
  importPreparedFile,
  parseWireFile,
  prepareFile,
  recordWriteFailure,
  type ImportOptions,
  type PreparedFile,
} from "./import-file.ts";
import { describeError, summarize, type ArticleFile, type ImportOutcome, type ImportResult } from "./import-result.ts";
import { recordOutcomes, type OutcomeRecord } from "./record-outcomes.ts";
import { isConcurrencyConflict, openImportPool, sqlThroughPrisma, type SqlClient } from "./sql-client.ts";
import { Limiter } from "./limiter.ts";
import { WriteGate } from "./write-gate.ts";

export type ImportSummary = { results: ImportResult[]; counts: Record<ImportOutcome, number> };

export type ImportPathsInput = {
  prisma: PrismaClient;
  paths: string[];
  dryRun?: boolean;
  /**
   * The URL of the database `prisma` is connected to. When given, the importer writes through pipelined connections
   * of its own (see openImportPool): the fast path for bulk imports. Without it the same statements go through
   * `prisma`.
   */
  databaseUrl?: string;
  /** Attach each text to this article as its edition in the text's language (`--translation-of`). */
  translationOf?: number;
  /** The section new articles are filed under (`--section`, see findImportSection); left out, the default one. */
  sectionId?: number;
  /** Files being written at once (sent and not yet answered); each has its own transaction. */
  concurrency?: number;
  onResult?: (result: ImportResult) => void;
};

/** Files hashed and looked up together: one lookup query and one insert of unchanged records per batch. */
const BATCH_SIZE = 250;

export const DEFAULT_CONCURRENCY = 16;
/** Connections of the fast path: the writes in flight are shared among them (see openImportPool). */
export const IMPORT_CONNECTIONS = 2;

/** Expands folders into their `.txt` files (sorted by name); files named directly are taken whatever their extension. */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith(".txt")).sort();
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  return { files, missing };
}

export async function importPaths({
  prisma,
  paths,
  dryRun = false,
  databaseUrl,
  translationOf,
  sectionId,
  concurrency = DEFAULT_CONCURRENCY,
  onResult,
}: ImportPathsInput): Promise<ImportSummary> {
  const { files, missing } = await collectFiles(paths);
  const results: ImportResult[] = [];
  const report = (result: ImportResult) => {
    results.push(result);
    onResult?.(result);
  };
  for (const path of missing) {
    report({
      file: path,
      outcome: "failed",
      articleId: null,
      detail: "unreadable: no such file or folder",
      warnings: [],
    });
  }
  const width = Math.max(1, Math.min(concurrency, files.length));
  // Attaching edits existing articles: a few files, each on the general path, one after another (the second of two
  // texts in one language is then refused, never raced).
  if (dryRun || translationOf !== undefined) {
    await eachOnItsOwn(
      prisma,
      files,
      translationOf === undefined ? width : 1,
      { dryRun, translationOf, sectionId },
      report,
    );
  } else {
    const pool =
      databaseUrl && files.length > 0 ? openImportPool(databaseUrl, Math.min(IMPORT_CONNECTIONS, width)) : null;
    try {
      await writeFiles({ prisma, sql: pool ?? sqlThroughPrisma(prisma), files, concurrency: width, report, sectionId });
    } finally {
      await pool?.end();
    }
  }
  return { results, counts: await summarize(prisma, results, dryRun) };
}

type Report = (result: ImportResult) => void;

/** Each file on the general path: a dry run (it writes nothing, and nobody waits for it) or attaching translations. */
async function eachOnItsOwn(
  prisma: PrismaClient,
  files: string[],
  concurrency: number,
  options: ImportOptions,
  report: Report,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++] as string;
      const bytes = readBytes(path);
      if (typeof bytes === "string") report(unreadable(path, bytes));
      else report(await importPreparedFile(prisma, prepareFile({ name: path, bytes }), options));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

type WriteFilesInput = {
  prisma: PrismaClient;
  sql: SqlClient;
  files: string[];
  concurrency: number;
  report: Report;
  sectionId: number | undefined;
};

/**
 * Batch by batch: read and hash the files, look them all up in one query, record the unchanged and unparseable
 * ones in one insert, and write each new article with one statement, `concurrency` at a time. The next file is parsed
 * and the next batch looked up while the statements already sent run, so the database never waits for the importer.
 */
async function writeFiles({ prisma, sql, files, concurrency, report, sectionId }: WriteFilesInput): Promise<void> {
  const writes = new Limiter(concurrency, Math.max(1, Math.floor(concurrency / 4)));
  const gate = new WriteGate();
  const attribution = new KnownAttribution();
  // Files sharing a key within one run are written one after the other: the second is an update of the first.
  const lastWriteOfKey = new Map<string, Promise<unknown>>();

  const readBatch = (start: number) => {
    const batch: { path: string; bytes: Uint8Array; contentHash: string; fileKey: string }[] = [];
    for (const path of files.slice(start, start + BATCH_SIZE)) {
      const bytes = readBytes(path);
      if (typeof bytes === "string") report(unreadable(path, bytes));
      else batch.push({ path, bytes, contentHash: hashBytes(bytes), fileKey: fileKeyOf(path) });
    }
    const known = findKnownFiles(sql, batch);
    // Awaited in its turn; until then a failure must not count as unhandled.
    known.catch(() => {});
    return { batch, known };
  };
  const recorded: Promise<void>[] = [];

  for (let start = 0, next = readBatch(0); start < files.length; start += BATCH_SIZE) {
    const { batch } = next;
    const known = await next.known;
    if (start + BATCH_SIZE < files.length) next = readBatch(start + BATCH_SIZE);

    const quiet: { record: OutcomeRecord; result: ImportResult }[] = [];
    for (const entry of batch) {
      const file: PreparedFile = {
        ...entry,
        name: entry.path,
        parsed: parseWireFile(entry.bytes, entry.path),
      };
      if (!file.parsed.ok) {
        const result = describeParseFailure(file.name, file.parsed);
        quiet.push({
          record: {
            contentHash: file.contentHash,
            fileName: file.name,
            outcome: "failed",
            error: result.detail ?? undefined,
          },
          result,
        });
        continue;
      }
      const seen = known.articleByHash.get(file.contentHash);
      if (seen !== undefined) {
        const record: OutcomeRecord = {
          contentHash: file.contentHash,
          fileName: file.name,
          outcome: "unchanged",
          articleId: seen,
        };
        quiet.push({
          record,
          result: {
            file: file.name,
            outcome: "unchanged",
            articleId: seen,
            detail: null,
            warnings: file.parsed.warnings,
          },
        });
        continue;
      }
      const article: ArticleFile = {
        name: file.name,
        contentHash: file.contentHash,
        fileKey: file.fileKey,
        article: file.parsed.article,
        warnings: file.parsed.warnings,
        sectionId: sectionId ?? null,
      };
      const identity = fileIdentity(file.fileKey, file.parsed.article.locale);
      const earlier = lastWriteOfKey.get(identity);
      const write = earlier
        ? () => earlier.then(() => importPreparedFile(prisma, file, { sectionId }))
        : known.keysWithArticle.has(identity)
          ? () => importPreparedFile(prisma, file, { sectionId })
          : () => createOrFallBack(prisma, sql, gate, attribution, file, article);
      const { done } = await writes.run(async () => {
        report(await write().catch((error: unknown) => recordWriteFailure(sql, article, error)));
      });
      lastWriteOfKey.set(identity, done);
    }
    recorded.push(recordQuietOutcomes(sql, quiet, report));
  }
  await Promise.all([writes.idle(), ...recorded]);
}

/** The fast path for a file the batch lookup did not know; anything unexpected goes to the general path. */
async function createOrFallBack(
  prisma: PrismaClient,
  sql: SqlClient,
  gate: WriteGate,
  attribution: KnownAttribution,
  file: PreparedFile,
  article: ArticleFile,
): Promise<ImportResult> {
  const release = await gate.claim(attributionNames(article.article), [`slug:${articleSlugBase(article)}`]);
  let created: ImportResult | null = null;
  try {
    created = await createArticle(sql, article, attribution);
    if (created) return created;
  } catch (error) {
    if (!isConcurrencyConflict(error)) return await recordWriteFailure(sql, article, error);
  } finally {
    release(created !== null);
  }
  // Imported by a concurrent run since the lookup, or a race on a slug or a new agency: the general path looks
  // again inside a transaction and retries.
  return importPreparedFile(prisma, file, { sectionId: article.sectionId ?? undefined });
}

/** Unchanged and unparseable files write only their import record; a batch of them costs one statement. */
async function recordQuietOutcomes(
  sql: SqlClient,
  quiet: { record: OutcomeRecord; result: ImportResult }[],
  report: Report,
): Promise<void> {
  try {
    await recordOutcomes(
      sql,
      quiet.map((entry) => entry.record),
    );
    for (const { result } of quiet) report(result);
  } catch (error) {
    const detail = `database: ${describeError(error)}`;
    for (const { result } of quiet) report({ ...result, outcome: "failed", detail });
  }
}

/**
 * Wire files are read synchronously: a few kilobytes each, cheaper than fs/promises' four thread-pool round trips per
 * file, while the statements in flight keep the database busy (docs/decisions/0005-import-in-one-statement-pipelined.md).
 */
function readBytes(path: string): Uint8Array | string {
  try {
    return readFileSync(path);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return code ?? message;
  }
}

function unreadable(path: string, reason: string): ImportResult {
  return { file: path, outcome: "failed", articleId: null, detail: `unreadable: ${reason}`, warnings: [] };
}
