// `--translation-of <article>`: a wire text becomes that article's edition in the text's language, a translation
// made from the original's current revision. See docs/decisions/0027-importing-russian-and-english.md.
import type { Prisma, PrismaClient } from "@minbar/db/client";
import {
  currentRevisionId,
  ensureOriginalBlockIds,
  makeSlug,
  pairWithOriginal,
  readBody,
  slugCandidates,
  withBlockIds,
} from "@minbar/db/importing";
import type { Locale } from "@minbar/parser";
import { freeSlug } from "./free-slug.ts";
import { applyUpdate, latestArticleForKey } from "./import-file.ts";
import {
  blockingCodes,
  dayToTimestamp,
  isBlocking,
  type ArticleFile,
  type ImportResult,
  type RefusalCode,
} from "./import-result.ts";
import { recordOutcomes } from "./record-outcomes.ts";
import { sqlThroughPrisma } from "./sql-client.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export type TranslationPlan =
  | { kind: "refused"; code: RefusalCode; message: string }
  | { kind: "unchanged"; articleId: number }
  /** The same file (key and language) changed: a new revision of the edition it made. */
  | { kind: "update"; articleId: number }
  /** A new edition, or the empty one a translator started in the admin (`editionId`). */
  | { kind: "attach"; articleId: number; originalLocale: Locale; editionId: number | null };

const LANGUAGE: Record<Locale, string> = { ar: "Arabic", ru: "Russian", en: "English" };

/** What attaching `file` to article `articleId` would do, read in `db` (the transaction that then does it). */
export async function planTranslation(db: Db, file: ArticleFile, articleId: number): Promise<TranslationPlan> {
  const locale = file.article.locale;
  const article = await db.article.findUnique({ where: { id: articleId }, select: { originalLocale: true } });
  if (!article) return refused("no_such_article", `article ${articleId} does not exist`);
  if (article.originalLocale === locale) {
    return refused(
      "original_language",
      `the text is in ${LANGUAGE[locale]}, article ${articleId}'s original language; a translation must be in another`,
    );
  }
  const edition = `article ${articleId}'s ${LANGUAGE[locale]} edition`;
  const seen = await db.wireFile.findUnique({
    where: { contentHash: file.contentHash },
    select: { articleId: true, locale: true },
  });
  if (seen) {
    if (seen.articleId === articleId && seen.locale === locale) return { kind: "unchanged", articleId };
    const where = seen.articleId === null ? "an article since deleted" : `article ${seen.articleId}`;
    return refused("imported_elsewhere", `the same text was already imported into ${where}`);
  }
  const keyed = await latestArticleForKey(db, file.fileKey, locale);
  if (keyed === articleId) return { kind: "update", articleId };
  if (keyed !== null) {
    return refused(
      "imported_elsewhere",
      `a file named "${file.fileKey}" in ${LANGUAGE[locale]} belongs to article ${keyed}; rename this one to attach it`,
    );
  }
  const other = await db.wireFile.findFirst({
    where: { articleId, locale },
    orderBy: { importedAt: "desc" },
    select: { fileName: true },
  });
  if (other) return refused("edition_from_another_file", `${edition} already has the text of ${other.fileName}`);
  const existing = await db.articleLocalization.findUnique({
    where: { articleId_locale: { articleId, locale } },
    select: { id: true, title: true, summary: true, body: true },
  });
  if (existing && hasText(existing)) {
    return refused("edition_has_text", `${edition} already has text written in the admin; it is never overwritten`);
  }
  return { kind: "attach", articleId, originalLocale: article.originalLocale, editionId: existing?.id ?? null };
}

function refused(code: RefusalCode, message: string): TranslationPlan {
  return { kind: "refused", code, message };
}

/** An edition started in the admin holds the original's layout with empty blocks until someone writes in it. */
function hasText(row: { title: string | null; summary: string | null; body: unknown }): boolean {
  return Boolean(row.title?.trim() || row.summary?.trim() || readBody(row.body).some((block) => block.text.trim()));
}

/** The dry run's line for a plan. */
export function describePlan(file: ArticleFile, plan: TranslationPlan): ImportResult {
  const base = { file: file.name, warnings: file.warnings };
  switch (plan.kind) {
    case "refused":
      return {
        ...base,
        outcome: "failed",
        articleId: null,
        detail: `${plan.code}: ${plan.message}`,
        refusal: plan.code,
      };
    case "unchanged":
      return { ...base, outcome: "unchanged", articleId: plan.articleId, detail: null };
    case "update":
      return { ...base, outcome: "updated", articleId: plan.articleId, detail: "would add a revision" };
    case "attach":
      return {
        ...base,
        outcome: "created",
        articleId: plan.articleId,
        detail: `${LANGUAGE[file.article.locale]} edition`,
      };
  }
}

/** Plans and does it inside `tx`: the edition with its first revision, the wire file, the import record, the audit. */
export async function attachTranslationIn(
  tx: Prisma.TransactionClient,
  file: ArticleFile,
  articleId: number,
  mayPublish: boolean,
): Promise<ImportResult> {
  const plan = await planTranslation(tx, file, articleId);
  const sql = sqlThroughPrisma(tx);
  if (plan.kind === "refused" || plan.kind === "unchanged") {
    const result = describePlan(file, plan);
    await recordOutcomes(sql, [
      {
        contentHash: file.contentHash,
        fileName: file.name,
        outcome: result.outcome,
        articleId: result.articleId,
        error: result.detail ?? undefined,
      },
    ]);
    return result;
  }
  if (plan.kind === "update") return applyUpdate(tx, articleId, file, mayPublish);

  const { article, warnings } = file;
  const locale = article.locale;
  const original = await tx.articleLocalization.findUnique({
    where: { articleId_locale: { articleId, locale: plan.originalLocale } },
    select: { id: true, status: true },
  });
  // The original's blocks (given ids if it predates them) and the revision this translation is made from.
  const originalBlocks = original ? await ensureOriginalBlockIds(tx, original.id) : [];
  const sourceRevisionId = original ? await currentRevisionId(tx, original.id) : null;
  const body = withBlockIds(pairWithOriginal(originalBlocks, article.blocks)) as Prisma.InputJsonArray;
  const complete = !warnings.some(isBlocking);
  // A translation goes live with its original, never before it: an unpublished original's waits in review.
  const status = !complete ? "draft" : mayPublish && original?.status === "published" ? "published" : "in_review";
  const text = {
    title: article.title,
    body,
    warnings,
    status,
    ...(article.publishedOn ? { publishedAt: dayToTimestamp(article.publishedOn), publishedDateOnly: true } : {}),
    sourceRevisionId,
    outdatedAt: null,
  } as const;
  let localizationId: number;
  let number = 1;
  let slug: string;
  let fromStatus: "draft" | null = null;
  if (plan.editionId === null) {
    slug = await freeLocalizationSlug(tx, locale, article.title ?? article.provisionalTitle ?? file.fileKey);
    const created = await tx.articleLocalization.create({
      data: { articleId, locale, slug, ...text },
      select: { id: true },
    });
    localizationId = created.id;
  } else {
    // The empty layout a translator started: the wire text fills it (its blocks are theirs to pair again).
    const edition = await tx.articleLocalization.findUniqueOrThrow({
      where: { id: plan.editionId },
      select: { slug: true, slugFollowsTitle: true, status: true, revisions: { select: { number: true } } },
    });
    slug = edition.slugFollowsTitle
      ? await freeLocalizationSlug(tx, locale, article.title ?? article.provisionalTitle ?? file.fileKey)
      : edition.slug;
    number = Math.max(0, ...edition.revisions.map((revision) => revision.number)) + 1;
    fromStatus = edition.status === "draft" ? "draft" : null;
    await tx.articleLocalization.update({
      where: { id: plan.editionId },
      // No one's work is in it: later changes of this file may replace the text, as for any imported edition.
      data: { ...text, slug, slugFollowsTitle: false, updatedById: null, version: { increment: 1 } },
    });
    localizationId = plan.editionId;
  }
  await tx.revision.create({
    data: {
      localizationId,
      number,
      title: article.title,
      slug,
      body,
      origin: "import",
      contentHash: file.contentHash,
    },
  });
  if (fromStatus !== status) {
    await tx.workflowTransition.create({ data: { localizationId, fromStatus, toStatus: status, comment: "import" } });
  }
  await tx.wireFile.create({
    data: { contentHash: file.contentHash, fileKey: file.fileKey, fileName: file.name, articleId, locale },
  });
  const detail = complete
    ? `${LANGUAGE[locale]} edition ${status === "published" ? "published" : "in review"}`
    : `${LANGUAGE[locale]} edition, draft: ${blockingCodes(warnings)}`;
  await recordOutcomes(sql, [
    { contentHash: file.contentHash, fileName: file.name, outcome: "created", articleId, warnings },
  ]);
  await tx.auditLog.create({
    data: {
      action: "import.translation",
      entityType: "article",
      entityId: String(articleId),
      data: { file: file.name, contentHash: file.contentHash, locale, detail },
    },
  });
  return { file: file.name, outcome: "created", articleId, detail, warnings };
}

/** The first of the title's slug candidates free in this language (a random suffix past them). */
async function freeLocalizationSlug(tx: Prisma.TransactionClient, locale: Locale, title: string): Promise<string> {
  const { candidates, fallback } = slugCandidates(makeSlug(title));
  return freeSlug({ slugCandidates: candidates, fallbackSlug: fallback }, async (slugs) =>
    (await tx.articleLocalization.findMany({ where: { locale, slug: { in: slugs } }, select: { slug: true } })).map(
      (row) => row.slug,
    ),
  );
}
