// The admin's article list: every localization in every state, with its open warnings. Permission-checked.
import type { ArticleStatus, Locale, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { readWarnings, type StoredWarning } from "../blocks.ts";
import { BLOCKING_WARNING_CODES } from "../warnings.ts";

export type AdminArticleRow = {
  articleId: number;
  localizationId: number;
  locale: Locale;
  title: string | null;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  source: string | null;
  warnings: StoredWarning[];
  blocked: boolean;
};

export async function listArticlesForAdmin(
  prisma: PrismaClient,
  actor: Actor | null,
  { status, locale, withWarnings, take = 200 }: { status?: ArticleStatus; locale?: Locale; withWarnings?: boolean; take?: number } = {},
): Promise<AdminArticleRow[]> {
  requirePermission(actor, "article.read");
  const rows = await prisma.articleLocalization.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(locale ? { locale } : {}),
      ...(withWarnings ? { NOT: { warnings: { equals: [] } } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    include: { article: { include: { source: true } } },
  });
  return rows.map((row) => {
    const warnings = readWarnings(row.warnings);
    return {
      articleId: row.articleId,
      localizationId: row.id,
      locale: row.locale,
      title: row.title,
      slug: row.slug,
      status: row.status,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      source: row.article.source?.nameAr ?? null,
      warnings,
      blocked: warnings.some((w) => BLOCKING_WARNING_CODES.has(w.code)),
    };
  });
}
