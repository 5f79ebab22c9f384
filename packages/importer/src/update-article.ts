// Applies a changed wire file to the article it already created: a new import revision, never over an editor's work.
import type { Prisma } from "@minbar/db/client";
import { carryBlockIds, markTranslationsOutdated, originalTextChanged, readBody } from "@minbar/db/importing";
import { findOrCreatePhotoCredit, findOrCreateSource } from "./attribution.ts";
import { blockingCodes, dayToTimestamp, isBlocking, type ArticleFile, type ImportResult } from "./import-result.ts";

type Tx = Prisma.TransactionClient;

/**
 * A changed file for an article we already have. Its text becomes a new revision. It becomes the live text only
 * when no editor has touched the article since the last import; an editor's work is never overwritten.
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
    where: { articleId_locale: { articleId, locale: "ar" } },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const latest = localization.revisions[0];
  const editedByEditor = localization.updatedById !== null || (latest !== undefined && latest.origin !== "import");
  const blocking = warnings.some(isBlocking);
  // Replacing live text is publishing: an importer without that right leaves it as a revision for an editor.
  const liveWithoutRight = localization.status === "published" && !mayPublish;
  const apply = !editedByEditor && !liveWithoutRight && !(blocking && localization.status === "published");
  const number = (latest?.number ?? 0) + 1;
  // The blocks it still has keep their ids, so translations still name them and a diff pairs them.
  const blocks = carryBlockIds(readBody(localization.body), article.blocks);
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

  if (apply) {
    const sourceId = article.source ? await findOrCreateSource(tx, article.source) : null;
    const photoCreditId = article.photoCredit ? await findOrCreatePhotoCredit(tx, article.photoCredit) : null;
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
        ...(promote ? { status: toStatus } : {}),
      },
    });
    if (updated.count !== 1) throw new Error("the article changed while it was being imported; import again");
    const changed = originalTextChanged(localization, {
      title: article.title,
      summary: localization.summary,
      body: blocks,
    });
    if (changed) await markTranslationsOutdated(tx, articleId);
    await tx.article.update({ where: { id: articleId }, data: { sourceId, photoCreditId, version: { increment: 1 } } });
    if (promote) {
      await tx.workflowTransition.create({
        data: { localizationId: localization.id, fromStatus: "draft", toStatus, comment: "import" },
      });
    }
  }
  const detail = apply
    ? `revision ${number} applied`
    : editedByEditor
      ? `revision ${number} saved; the editor's changes were kept`
      : liveWithoutRight
        ? `revision ${number} saved, not applied: the live text needs the right to publish`
        : `revision ${number} saved, not applied: ${blockingCodes(warnings)}`;
  return { file: input.name, outcome: "updated", articleId, detail, warnings };
}
