// Applies a changed wire file to the article it already created: a new import revision, never over an editor's work.
import type { Prisma } from "@minbar/db/client";
import {
  carryBlockIds,
  currentRevisionId,
  markTranslationsOutdated,
  originalOf,
  originalTextChanged,
  pairWithOriginal,
  readBody,
} from "@minbar/db/importing";
import { findOrCreatePhotoCredit, findOrCreateSource } from "./attribution.ts";
import { blockingCodes, dayToTimestamp, isBlocking, type ArticleFile, type ImportResult } from "./import-result.ts";

type Tx = Prisma.TransactionClient;

/**
 * A changed file for an article we already have: for the edition in the text's language (the original, or a
 * translation the file was attached as). Its text becomes a new revision. It becomes the live text only
 * when no editor has touched the edition since the last import; an editor's work is never overwritten.
 * Rare next to creations, so it stays on Prisma, inside the caller's transaction.
 */
export async function updateArticle(
  tx: Tx,
  articleId: number,
  input: ArticleFile,
  mayPublish = true,
): Promise<ImportResult> {
  const { article, warnings } = input;
  const localization = await tx.articleLocalization.findUniqueOrThrow({
    where: { articleId_locale: { articleId, locale: article.locale } },
    include: {
      revisions: { orderBy: { number: "desc" }, take: 1 },
      article: { select: { originalLocale: true } },
    },
  });
  const isOriginal = localization.article.originalLocale === localization.locale;
  const latest = localization.revisions[0];
  const editedByEditor = localization.updatedById !== null || (latest !== undefined && latest.origin !== "import");
  const blocking = warnings.some(isBlocking);
  // Replacing live text is publishing: an importer without that right leaves it as a revision for an editor.
  const liveWithoutRight = localization.status === "published" && !mayPublish;
  const apply = !editedByEditor && !liveWithoutRight && !(blocking && localization.status === "published");
  // A published text an editor has touched gets the wire's new text as pending changes for the desk to publish, unless
  // an editor's own pending changes are there already (theirs are never replaced).
  const asPending =
    !apply && editedByEditor && localization.status === "published" && localization.pendingSince === null && !blocking;
  const number = (latest?.number ?? 0) + 1;
  // The blocks it still has keep their ids, so translations still name them and a diff pairs them.
  const carried = carryBlockIds(readBody(localization.body), article.blocks);
  // A translation's new text is made from the original as it is now, and pairs with its blocks where they line up.
  const original = isOriginal ? null : await originalOf(tx, articleId);
  const blocks = original ? pairWithOriginal(readBody(original.body), carried) : carried;
  const body = blocks as Prisma.InputJsonValue;

  await tx.revision.create({
    data: {
      localizationId: localization.id,
      number,
      title: article.title,
      slug: localization.slug,
      body,
      origin: "import",
      contentHash: input.contentHash,
      applied: apply,
    },
  });

  if (asPending) {
    const updated = await tx.articleLocalization.updateMany({
      where: { id: localization.id, version: localization.version, pendingSince: null },
      data: {
        pendingSince: new Date(),
        pendingTitle: article.title,
        pendingSlug: localization.slug,
        pendingSummary: localization.summary,
        pendingBody: body,
        pendingPhotoAlt: localization.photoAlt,
        pendingPhotoCaption: localization.photoCaption,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Error("the article changed while it was being imported; import again");
  }

  if (apply) {
    const promote = !blocking && localization.status === "draft";
    const toStatus = mayPublish ? ("published" as const) : ("in_review" as const);
    const updated = await tx.articleLocalization.updateMany({
      where: { id: localization.id, version: localization.version },
      data: {
        title: article.title,
        body,
        warnings: warnings,
        ...(article.publishedOn
          ? { publishedAt: dayToTimestamp(article.publishedOn), publishedDateOnly: true }
          : { publishedAt: localization.publishedAt }),
        version: { increment: 1 },
        // The wire's update of a live story: readers' dateModified, feeds and sitemap.
        ...(localization.status === "published" ? { revisedAt: new Date() } : {}),
        ...(promote ? { status: toStatus } : {}),
        ...(original ? { sourceRevisionId: await currentRevisionId(tx, original.id), outdatedAt: null } : {}),
      },
    });
    if (updated.count !== 1) throw new Error("the article changed while it was being imported; import again");
    const changed = originalTextChanged(localization, {
      title: article.title,
      summary: localization.summary,
      body: blocks,
    });
    if (isOriginal && changed) await markTranslationsOutdated(tx, articleId);
    // Attribution belongs to the article, which the original's file names; a translation's file leaves it alone.
    if (isOriginal) {
      const sourceId = article.source ? await findOrCreateSource(tx, article.source) : null;
      const photoCreditId = article.photoCredit ? await findOrCreatePhotoCredit(tx, article.photoCredit) : null;
      await tx.article.update({
        where: { id: articleId },
        data: { sourceId, photoCreditId, version: { increment: 1 } },
      });
    }
    if (promote) {
      await tx.workflowTransition.create({
        data: { localizationId: localization.id, fromStatus: "draft", toStatus, comment: "import" },
      });
    }
  }
  const detail = apply
    ? `revision ${number} applied`
    : asPending
      ? `revision ${number} saved as pending changes to the live text; the editor's changes were kept`
      : editedByEditor
        ? `revision ${number} saved; the editor's changes were kept`
        : liveWithoutRight
          ? `revision ${number} saved, not applied: the live text needs the right to publish`
          : `revision ${number} saved, not applied: ${blockingCodes(warnings)}`;
  return { file: input.name, outcome: "updated", articleId, detail, warnings };
}
