// Starts a translation of an article: a draft in that language laying out the original's blocks (same types, same
// order, empty), each naming the original block it translates, made from the original's current revision.
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { can, requirePermission, type Actor } from "../permissions.ts";
import { EditorialNotFoundError, InvalidInputError, parseInput } from "./errors.ts";
import { newBlockId, type ArticleBlock } from "../blocks.ts";
import { currentRevisionId, ensureOriginalBlockIds } from "./translation-sync.ts";
import { warningsAfterEdit } from "./warning-rules.ts";

export const startTranslationInput = z.object({
  articleId: z.number().int().positive(),
  locale: z.enum(["ar", "ru", "en"]),
});

/** The original's blocks as empty blocks to fill: same type (and list form), a new id, the original's id as source. */
export function emptyLayoutOf(original: readonly ArticleBlock[]): ArticleBlock[] {
  return original.map((block): ArticleBlock => {
    const base = { text: "", id: newBlockId(), ...(block.id ? { sourceId: block.id } : {}) };
    switch (block.type) {
      case "list_item":
        return { type: "list_item", ...base, ...(block.ordered ? { ordered: true } : {}) };
      case "heading":
        return { type: "heading", ...base };
      case "quote":
        return { type: "quote", ...base };
      case "paragraph":
        return { type: "paragraph", ...base };
      case "figure":
        // The same photo; its caption is written in the new language (alt and credit fall back to the image's own).
        return { type: "figure", ...base, imageId: block.imageId };
    }
  });
}
export type StartTranslationInput = z.input<typeof startTranslationInput>;

export type StartTranslationResult = { localizationId: number; created: boolean };

export async function startTranslation(
  prisma: PrismaClient,
  actor: Actor | null,
  input: StartTranslationInput,
): Promise<StartTranslationResult> {
  const user = requirePermission(actor, can(actor, "article.edit_any") ? "article.edit_any" : "article.translate");
  const { articleId, locale } = parseInput(startTranslationInput, input);
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: { originalLocale: true, localizations: { select: { id: true, locale: true } } },
  });
  if (!article) throw new EditorialNotFoundError("article", articleId);
  if (article.originalLocale === locale)
    throw new InvalidInputError([{ path: ["locale"], message: "this is the article's original language" }]);
  const existing = article.localizations.find((row) => row.locale === locale);
  const original = article.localizations.find((row) => row.locale === article.originalLocale);
  if (existing) return { localizationId: existing.id, created: false };
  // A placeholder slug the translator replaces with one made from the translated title.
  const slug = `article-${articleId}`;
  try {
    const created = await prisma.$transaction(async (tx) => {
      const originalBody = original ? await ensureOriginalBlockIds(tx, original.id) : [];
      const sourceRevisionId = original ? await currentRevisionId(tx, original.id) : null;
      const body = emptyLayoutOf(originalBody) as Prisma.InputJsonArray;
      const localization = await tx.articleLocalization.create({
        data: {
          articleId,
          locale,
          slug,
          // The placeholder gives way to the translated title's slug (see saveLocalization).
          slugFollowsTitle: true,
          warnings: warningsAfterEdit([], { title: null, publishedAt: null }),
          status: "draft",
          body,
          sourceRevisionId,
          updatedById: user.userId,
          revisions: { create: { number: 1, slug, body, origin: "editor", authorId: user.userId } },
          transitions: { create: { fromStatus: null, toStatus: "draft", actorId: user.userId } },
        },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          actorId: user.userId,
          action: "article.translation_start",
          entityType: "article_localization",
          entityId: String(localization.id),
          data: { articleId, locale },
        },
      });
      return localization;
    });
    return { localizationId: created.id, created: true };
  } catch (error) {
    // Two people started it at once (the (article, locale) or the placeholder slug is taken): theirs is the translation.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await prisma.articleLocalization.findUnique({
        where: { articleId_locale: { articleId, locale } },
        select: { id: true },
      });
      if (row) return { localizationId: row.id, created: false };
    }
    throw error;
  }
}
