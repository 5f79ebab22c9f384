// Public listings against a real PostgreSQL: related articles, agency and tag pages, editions, footprint; nothing
// unpublished ever shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { getPublishedArticle, publicNameIn } from "./public-articles.ts";
import {
  findArticleFootprints,
  findPublishedEditions,
  listPublishedArticlesBySource,
  listPublishedArticlesByTag,
  listRelatedArticles,
} from "./article-listings.ts";

let db: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const tass = await db.prisma.source.create({
    data: { slug: "tass", nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS", matchKey: "تاس" },
  });
  const other = await db.prisma.source.create({
    data: { slug: "other", nameAr: "وكالة أخرى", matchKey: "وكاله اخرى" },
  });
  const kz = await db.prisma.tag.create({
    data: { slug: "kazakhstan", nameAr: "كازاخستان", nameRu: "Казахстан", nameEn: "Kazakhstan" },
  });
  const energy = await db.prisma.tag.create({ data: { slug: "energy", nameAr: "الطاقة", nameEn: "Energy" } });

  const make = async (
    key: string,
    {
      sourceId,
      tagIds = [],
      day,
      ar = "published",
      ru,
    }: { sourceId?: number; tagIds?: number[]; day: number; ar?: "published" | "draft"; ru?: "published" | "draft" },
  ) => {
    const article = await db.prisma.article.create({
      data: {
        sourceId: sourceId ?? null,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
        localizations: {
          create: [
            {
              locale: "ar",
              title: `عنوان ${key}`,
              slug: `ar-${key}`,
              body: [{ type: "paragraph", text: "نص" }],
              status: ar,
              publishedAt: ar === "published" ? new Date(Date.UTC(2024, 0, day)) : null,
            },
            ...(ru
              ? [
                  {
                    locale: "ru" as const,
                    title: `Заголовок ${key}`,
                    slug: `ru-${key}`,
                    status: ru,
                    publishedAt: ru === "published" ? new Date(Date.UTC(2024, 0, day)) : null,
                  },
                ]
              : []),
          ],
        },
      },
    });
    ids[key] = article.id;
  };
  await make("main", { sourceId: tass.id, tagIds: [kz.id, energy.id], day: 1, ru: "draft" });
  await make("bothTags", { sourceId: other.id, tagIds: [kz.id, energy.id], day: 2 });
  await make("sameSource", { sourceId: tass.id, day: 5, ru: "published" });
  await make("oneTag", { tagIds: [kz.id], day: 4 });
  await make("unrelated", { sourceId: other.id, day: 6 });
  await make("draftRelated", { sourceId: tass.id, tagIds: [kz.id], day: 7, ar: "draft" });
});

afterAll(async () => {
  await db?.drop();
});

describe("getPublishedArticle", () => {
  it("names the agency and the tags in the page's language, falling back to Arabic", async () => {
    const ru = await db.prisma.articleLocalization.update({
      where: { articleId_locale: { articleId: ids.main!, locale: "ru" } },
      data: { status: "published", publishedAt: new Date() },
    });
    const article = await getPublishedArticle(db.prisma, { id: ids.main!, locale: "ru" });
    expect(article?.source).toEqual({ slug: "tass", name: "ТАСС", lang: "ru" });
    // The tag with no Russian name shows its Arabic one, said to be Arabic so the page can mark it.
    expect(article?.tags.map((t) => [t.name, t.lang]).sort()).toEqual(
      [
        ["Казахстан", "ru"],
        ["الطاقة", "ar"],
      ].sort(),
    );
    expect(article?.originalLocale).toBe("ar");
    await db.prisma.articleLocalization.update({ where: { id: ru.id }, data: { status: "draft", publishedAt: null } });
  });
});

describe("listRelatedArticles", () => {
  it("ranks shared tags first, then newest, and leaves out drafts, itself and stories sharing only the agency", async () => {
    const related = await listRelatedArticles(db.prisma, { id: ids.main!, locale: "ar" });
    expect(related.map((r) => r.id)).toEqual([ids.bothTags, ids.oneTag]);
  });

  it("only lists articles published in the requested language, and none rather than agency-only ones", async () => {
    expect(await listRelatedArticles(db.prisma, { id: ids.main!, locale: "ru" })).toEqual([]);
  });

  it("is empty for an unknown article", async () => {
    expect(await listRelatedArticles(db.prisma, { id: 999_999, locale: "ar" })).toEqual([]);
  });
});

describe("agency and tag listings", () => {
  it("lists an agency's published articles newest first, paginated, with its localized name", async () => {
    const first = await listPublishedArticlesBySource(db.prisma, { slug: "tass", locale: "ar", pageSize: 1 });
    expect(first?.source).toEqual({ slug: "tass", name: "تاس", lang: "ar" });
    expect(first?.total).toBe(2);
    expect(first?.pageCount).toBe(2);
    expect(first?.items.map((i) => i.id)).toEqual([ids.sameSource]);
    const second = await listPublishedArticlesBySource(db.prisma, { slug: "tass", locale: "ar", page: 2, pageSize: 1 });
    expect(second?.items.map((i) => i.id)).toEqual([ids.main]);
    const en = await listPublishedArticlesBySource(db.prisma, { slug: "tass", locale: "en" });
    expect(en).toMatchObject({ source: { name: "TASS" }, total: 0, items: [] });
  });

  it("lists a tag's published articles and returns null for unknown slugs", async () => {
    const kz = await listPublishedArticlesByTag(db.prisma, { slug: "kazakhstan", locale: "ar" });
    expect(kz?.tag.name).toBe("كازاخستان");
    expect(kz?.items.map((i) => i.id)).toEqual([ids.oneTag, ids.bothTags, ids.main]);
    expect(await listPublishedArticlesByTag(db.prisma, { slug: "nope", locale: "ar" })).toBeNull();
    expect(await listPublishedArticlesBySource(db.prisma, { slug: "nope", locale: "ar" })).toBeNull();
  });
});

describe("findPublishedEditions", () => {
  it("returns published editions only, the original first", async () => {
    const editions = await findPublishedEditions(db.prisma, { id: ids.sameSource! });
    expect(editions?.editions.map((e) => e.locale)).toEqual(["ar", "ru"]);
    const main = await findPublishedEditions(db.prisma, { id: ids.main! });
    expect(main?.editions.map((e) => e.locale)).toEqual(["ar"]);
    expect(await findPublishedEditions(db.prisma, { id: ids.draftRelated! })).toBeNull();
  });
});

describe("findArticleFootprints", () => {
  it("names every localization's slug, the agency and the tags, published or not, of each article in one answer", async () => {
    const footprints = await findArticleFootprints(db.prisma, { ids: [ids.oneTag!, 999_999, ids.main!] });
    expect(footprints.map((f) => f.id)).toEqual([ids.main, ids.oneTag]);
    const [main, oneTag] = footprints;
    expect(main?.slugs.map((s) => s.slug).sort()).toEqual(["ar-main", "ru-main"]);
    expect(main?.sourceSlug).toBe("tass");
    expect(main?.tagSlugs.sort()).toEqual(["energy", "kazakhstan"]);
    expect(oneTag).toEqual({
      id: ids.oneTag,
      slugs: [{ locale: "ar", slug: "ar-oneTag" }],
      sourceSlug: null,
      tagSlugs: ["kazakhstan"],
      sectionId: null,
    });
    expect(await findArticleFootprints(db.prisma, { ids: [999_999] })).toEqual([]);
  });
});

describe("publicNameIn", () => {
  it("falls back to the Arabic name, marked Arabic, when the language's name is missing, empty or blank", () => {
    for (const nameRu of [null, "", "   "])
      expect(publicNameIn("ru", { nameAr: "تاس", nameRu, nameEn: "TASS" })).toEqual({ name: "تاس", lang: "ar" });
    expect(publicNameIn("en", { nameAr: "تاس", nameRu: null, nameEn: " TASS " })).toEqual({ name: "TASS", lang: "en" });
    expect(publicNameIn("ar", { nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS" })).toEqual({ name: "تاس", lang: "ar" });
  });
});
