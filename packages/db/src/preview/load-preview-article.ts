// What a preview link shows: the localization it names, in whatever state, shaped like the public article.
import type { ArticleStatus, PrismaClient } from "../generated/prisma/client.ts";
import {
  articleContentInclude,
  articleContentOf,
  editionDatesOf,
  correctionsInclude,
  latestRevisionInclude,
  publishedWhere,
  type PublicArticle,
} from "../queries/public-articles.ts";
import { editingText } from "../pending-text.ts";
import { verifyPreviewToken } from "./preview-token.ts";

/** A public article as it would read once published: the title and date may still be missing in a draft. */
export type PreviewArticle = Omit<PublicArticle, "title" | "publishedAt"> & {
  localizationId: number;
  title: string | null;
  publishedAt: Date | null;
  status: ArticleStatus;
  expiresAt: Date;
};

/**
 * The article behind a preview token, or null when the token is not genuine, has expired, was revoked, or names a
 * localization that no longer exists. Never cached by the caller: a preview must show the text as it is now.
 */
export async function loadPreviewArticle(
  prisma: PrismaClient,
  { token, secret, now = new Date() }: { token: string; secret: string; now?: Date },
): Promise<PreviewArticle | null> {
  const claims = verifyPreviewToken(token, secret, now);
  if (!claims) return null;
  const row = await prisma.articleLocalization.findUnique({
    where: { id: claims.localizationId },
    include: {
      ...latestRevisionInclude,
      ...correctionsInclude,
      article: {
        include: {
          ...articleContentInclude,
          localizations: { select: { locale: true, slug: true, status: true, publishedAt: true, title: true } },
        },
      },
    },
  });
  // The article's links were revoked after this one was made.
  if (!row || row.article.previewGeneration !== claims.generation) return null;
  const { locale } = row;
  // A published text's preview shows its pending changes: what readers will see once they are published.
  const text = { ...row, ...editingText(row) };
  const { localizations } = row.article;
  // "Also in" links only to editions readers can open, as on the public page.
  const published = localizations.filter((other) => {
    const rule = publishedWhere(other.locale);
    return other.status === rule.status && other.publishedAt !== null && other.title !== null;
  });
  return {
    localizationId: row.id,
    id: row.articleId,
    locale,
    slug: row.slug,
    title: text.title,
    publishedAt: row.publishedAt,
    publishedDateOnly: row.publishedDateOnly,
    status: row.status,
    expiresAt: claims.expiresAt,
    ...(await articleContentOf(prisma, text, locale)),
    availableLocales: published.map((other) => other.locale),
    editions: published.map((other) => ({ locale: other.locale, slug: other.slug })),
    revisedAt: row.revisedAt,
    corrections: row.corrections,
    ...editionDatesOf(row),
  };
}
