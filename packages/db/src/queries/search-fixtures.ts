// Test fixtures for the search tests: one-paragraph articles in one edition, dated by day of January 2024.
import type { PrismaClient } from "../client.ts";
import type { Locale } from "../generated/prisma/client.ts";

export type SearchFixture = {
  key: string;
  locale: Locale;
  title: string;
  body: string;
  status?: "published" | "draft";
  day: number;
};

/** Writes each fixture as an article of its own; returns the article ids by fixture key. */
export async function createSearchFixtures(
  prisma: PrismaClient,
  fixtures: readonly SearchFixture[],
  slugPrefix: string,
): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [index, fixture] of fixtures.entries()) {
    const article = await prisma.article.create({
      data: {
        originalLocale: fixture.locale,
        localizations: {
          create: {
            locale: fixture.locale,
            title: fixture.title,
            slug: `${slugPrefix}-${index}`,
            body: [{ type: "paragraph", text: fixture.body }],
            status: fixture.status ?? "published",
            publishedAt: new Date(Date.UTC(2024, 0, fixture.day)),
          },
        },
      },
    });
    ids[fixture.key] = article.id;
  }
  return ids;
}
