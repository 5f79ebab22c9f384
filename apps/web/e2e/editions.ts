// Articles with several editions, written straight into the run's database for a spec and removed after it: each
// edition with its status, dates and revisions as the admin or the importer would have left them.
import type { APIRequestContext } from "@playwright/test";
import { createPrismaClient } from "@minbar/db/client";
import { e2eEnv } from "@minbar/e2e/env";
import type { Locale } from "@minbar/i18n";
import { revalidate } from "./revalidate-secret.ts";

export type EditionSpec = {
  locale: Locale;
  title: string;
  status?: "published" | "draft" | "in_review" | "unpublished";
  publishedAt?: Date | null;
  /** When its text was saved, oldest first; each becomes a revision. */
  savedAt?: Date[];
  /** A last revision that did not become the live text (an import over an editor's edits). */
  notAppliedAt?: Date;
  outdatedAt?: Date | null;
  /** The row's own updated_at, which moves with marks and assignments too. */
  rowUpdatedAt?: Date;
};

let sequence = 0;

/** A client on the run's database, and the articles made through it, removed (and the site told) by `cleanUp`. */
export function editionsSandbox() {
  const prisma = createPrismaClient(e2eEnv.databaseUrl);
  const created: number[] = [];

  async function createArticle(original: Locale, editions: EditionSpec[], tagSlug?: string) {
    const run = `${Date.now().toString(36)}-${++sequence}`;
    const article = await prisma.article.create({ data: { originalLocale: original } });
    created.push(article.id);
    const slugs: Partial<Record<Locale, string>> = {};
    for (const [index, edition] of editions.entries()) {
      const slug = `e2e-${edition.locale}-${run}-${index}`;
      slugs[edition.locale] = slug;
      const body = [{ type: "paragraph", text: `${edition.title}.` }];
      const saves = edition.savedAt ?? [];
      await prisma.articleLocalization.create({
        data: {
          articleId: article.id,
          locale: edition.locale,
          title: edition.title,
          slug,
          body,
          status: edition.status ?? "published",
          publishedAt: edition.publishedAt === undefined ? new Date() : edition.publishedAt,
          outdatedAt: edition.outdatedAt ?? null,
          ...(edition.rowUpdatedAt ? { updatedAt: edition.rowUpdatedAt } : {}),
          revisions: {
            create: [
              ...saves.map((createdAt, n) => ({
                number: n + 1,
                title: edition.title,
                slug,
                body,
                origin: "editor" as const,
                createdAt,
              })),
              ...(edition.notAppliedAt
                ? [
                    {
                      number: saves.length + 1,
                      title: `${edition.title} (wire)`,
                      slug,
                      body,
                      origin: "import" as const,
                      applied: false,
                      createdAt: edition.notAppliedAt,
                    },
                  ]
                : []),
            ],
          },
        },
      });
    }
    if (tagSlug) {
      const tag = await prisma.tag.findUniqueOrThrow({ where: { slug: tagSlug } });
      await prisma.articleTag.create({ data: { articleId: article.id, tagId: tag.id } });
    }
    return { id: article.id, slugs };
  }

  async function cleanUp(request: APIRequestContext) {
    await prisma.article.deleteMany({ where: { id: { in: created } } });
    // The front pages, feeds and tag pages that listed them drop them too.
    if (created.length > 0) await revalidate(request, { articleIds: created });
    await prisma.$disconnect();
  }

  return { prisma, createArticle, cleanUp };
}
