// Reader search on the embedded database (PGlite, the default for `npm start`): its build must carry PostgreSQL's
// `russian` and `english` text-search configurations, or Russian and English search would find only exact words.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../client.ts";
import { openEmbeddedTestBackend, type TestBackend } from "../testing-backends.ts";
import { searchPublishedArticles } from "./search-articles.ts";

let backend: TestBackend;
let prisma: PrismaClient;

beforeAll(async () => {
  backend = await openEmbeddedTestBackend();
  prisma = backend.prisma;
  for (const [locale, title, text] of [
    ["en", "Kazakhstan votes", "The election was held on Sunday."],
    ["ru", "Итоги голосования", "Итоги выборов подведены в понедельник."],
  ] as const) {
    await prisma.article.create({
      data: {
        originalLocale: locale,
        localizations: {
          create: {
            locale,
            title,
            slug: `embedded-${locale}`,
            body: [{ type: "paragraph", text }],
            status: "published",
            publishedAt: new Date(Date.UTC(2024, 0, 1)),
          },
        },
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await backend?.close();
});

const highlighted = async (locale: "ru" | "en", query: string) => {
  const result = await searchPublishedArticles(prisma, { locale, query });
  if (result.kind !== "results") throw new Error(`expected results for ${query}`);
  return result.items.map((item) => item.snippet.filter((s) => s.highlighted).map((s) => s.text));
};

it("stems Russian and English on the embedded database as on PostgreSQL", async () => {
  expect(await highlighted("en", "elections")).toEqual([["election"]]);
  expect(await highlighted("ru", "выборы")).toEqual([["выборов"]]);
  expect(await highlighted("ru", "elections")).toEqual([]);
});
