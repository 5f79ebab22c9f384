// Keeps translations in step with their original: which original revision a translation was made from, and the
// outdated mark when the original's text changes after it (an editor's save, a restore or a re-import).
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { readBody, sameText, withBlockIds, type ArticleBlock } from "../blocks.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/** The revision whose text the localization shows: its latest applied one. */
export async function currentRevisionId(db: Db, localizationId: number): Promise<number | null> {
  const row = await db.revision.findFirst({
    where: { localizationId, applied: true },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The original's localization of an article (null if that language has no text yet). */
export async function originalOf(db: Db, articleId: number) {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { originalLocale: true } });
  if (!article) return null;
  return db.articleLocalization.findUnique({
    where: { articleId_locale: { articleId, locale: article.originalLocale } },
    select: { id: true, locale: true, title: true, summary: true, body: true },
  });
}

/** Whether the original's reader-visible text differs between two states. */
export function originalTextChanged(
  before: { title: string | null; summary: string | null; body: unknown },
  after: { title: string | null; summary: string | null; body: readonly ArticleBlock[] },
): boolean {
  return (
    before.title !== after.title || before.summary !== after.summary || !sameText(readBody(before.body), after.body)
  );
}

/**
 * The original changed: every translation still marked in step becomes outdated (it stays published as it is).
 * Call inside the transaction that wrote the original's new text.
 */
export async function markTranslationsOutdated(db: Db, articleId: number, at: Date = new Date()): Promise<number> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { originalLocale: true } });
  if (!article) return 0;
  const { count } = await db.articleLocalization.updateMany({
    where: { articleId, locale: { not: article.originalLocale }, outdatedAt: null },
    data: { outdatedAt: at },
  });
  return count;
}

/**
 * Gives the original's blocks ids where they have none (text from before ids existed), in its live body and in the
 * revision it shows, so translations can name them. Ids are not content: no new revision, no version change.
 */
export async function ensureOriginalBlockIds(db: Db, localizationId: number): Promise<ArticleBlock[]> {
  const row = await db.articleLocalization.findUniqueOrThrow({ where: { id: localizationId }, select: { body: true } });
  const body = readBody(row.body);
  if (body.every((block) => block.id)) return body;
  const withIds = withBlockIds(body);
  await db.articleLocalization.update({
    where: { id: localizationId },
    data: { body: withIds },
  });
  const revisionId = await currentRevisionId(db, localizationId);
  if (revisionId !== null) {
    const revision = await db.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { body: true } });
    if (sameText(readBody(revision.body), withIds)) {
      await db.revision.update({ where: { id: revisionId }, data: { body: withIds } });
    }
  }
  return withIds;
}

/**
 * A translation's blocks made elsewhere (a wire text) each name the original block they translate when the two line
 * up: the same number of blocks of the same types, paired in order. Otherwise none is paired: a guess would send the
 * translator to the wrong paragraph, where no pairing only loses the side-by-side alignment.
 */
export function pairWithOriginal<T extends { type: string }>(
  original: readonly ArticleBlock[],
  translation: readonly T[],
): (T & { sourceId?: string })[] {
  const lineUp =
    original.length === translation.length &&
    original.every((block, index) => block.id && block.type === translation[index]?.type);
  if (!lineUp) return translation.map((block) => ({ ...block }));
  return translation.map((block, index) => ({ ...block, sourceId: original[index]!.id! }));
}
