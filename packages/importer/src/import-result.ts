// What importing one file produced, and the small rules every import path shares.
import type { PrismaClient } from "@minbar/db/client";
import { refreshSearchLexicon } from "@minbar/db/importing";
import { BLOCKING_WARNINGS, type ParsedArticle, type ParseWarning } from "@minbar/parser";

export type ImportOutcome = "created" | "unchanged" | "updated" | "failed";

export type ImportResult = {
  file: string;
  outcome: ImportOutcome;
  articleId: number | null;
  /** Why it failed, or what an update did; one line. */
  detail: string | null;
  warnings: ParseWarning[];
  /** Set when a text could not be attached as a translation: which rule refused it (also the start of `detail`). */
  refusal?: RefusalCode;
};

/** Why a text cannot be attached to an article as its translation (see attach-translation.ts). */
export const REFUSAL_CODES = [
  "no_such_article",
  "original_language",
  "imported_elsewhere",
  "edition_from_another_file",
  "edition_has_text",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The articles a (written, not dry) import created or changed, each once: what the public site must be told about. */
export function changedArticleIds(results: readonly ImportResult[]): number[] {
  const ids = results.flatMap((result) =>
    (result.outcome === "created" || result.outcome === "updated") && result.articleId !== null
      ? [result.articleId]
      : [],
  );
  return [...new Set(ids)];
}

export type WireFileInput = { name: string; bytes: Uint8Array };

/** A wire file that parsed, ready to be written. */
export type ArticleFile = {
  name: string;
  contentHash: string;
  fileKey: string;
  article: ParsedArticle;
  warnings: ParseWarning[];
  /** The section a new article is filed under (the run's choice); left out, the default section. */
  sectionId?: number | null;
};

/**
 * A wire file's date is a day and no time: stored as that day's midnight UTC with the localization's
 * publishedDateOnly set, so readers see the date alone (docs/decisions/0021-date-only-publication.md).
 */
export function dayToTimestamp(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export const isBlocking = (warning: ParseWarning) => BLOCKING_WARNINGS.includes(warning.code);

export function blockingCodes(warnings: ParseWarning[]): string {
  return warnings
    .filter(isBlocking)
    .map((w) => w.code)
    .join(", ");
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(-1)[0] ?? "unknown error"
  );
}

/** Tallies a run's outcomes and, when it wrote anything, counts the newly published words for near spellings. */
export async function summarize(
  prisma: PrismaClient,
  results: readonly ImportResult[],
  dryRun: boolean,
): Promise<Record<ImportOutcome, number>> {
  const counts: Record<ImportOutcome, number> = { created: 0, unchanged: 0, updated: 0, failed: 0 };
  for (const result of results) counts[result.outcome]++;
  // The admin's due-work jobs count them too (docs/decisions/0031), so an import run need not wait on its failure.
  if (!dryRun && counts.created + counts.updated > 0) await refreshSearchLexicon(prisma).catch(() => 0);
  return counts;
}
