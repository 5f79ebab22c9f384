// Reader search against a real PostgreSQL: Arabic spelling variants and clitics, published-only, ranking,
// highlighting and paging, and queries that must not break anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { MAX_QUERY_LENGTH, prepareSearchQuery, searchPublishedArticles, splitHighlights } from "./search-articles.ts";
import { createSearchFixtures, type SearchFixture } from "./search-fixtures.ts";

let db: TestDatabase;
const ids: Record<string, number> = {};

const FIXTURES: SearchFixture[] = [
  { key: "waw", locale: "ar", title: "لقاء في موسكو", body: "بحث العلاقات بين روسيا وكازاخستان اليوم.", day: 1 },
  { key: "ba", locale: "ar", title: "زيارة رسمية", body: "وصل الوفد أمس بكازاخستان للمشاركة في المنتدى.", day: 2 },
  { key: "lam", locale: "ar", title: "تصريح الوزير", body: "قال إن لكازاخستان دوراً مهماً في المنطقة.", day: 3 },
  {
    key: "hamza",
    locale: "ar",
    title: "بيان مشترك",
    body: "أكد الجانبان أهمية الشراكة الإستراتيجية بين البلدين.",
    day: 4,
  },
  { key: "marks", locale: "ar", title: "حوار", body: "تناول الحوار مستقبلَ التَّعـــاوُنِ الاقتصادي.", day: 5 },
  { key: "titled", locale: "ar", title: "كازاخستان تستضيف القمة", body: "تنطلق القمة غداً.", day: 6 },
  {
    key: "draft",
    locale: "ar",
    title: "مسودة عن كازاخستان",
    body: "نص لم ينشر عن كازاخستان.",
    status: "draft",
    day: 7,
  },
  {
    key: "ru",
    locale: "ru",
    title: "Стратегическое партнёрство",
    body: "Москва и Астана обсудили стратегическое партнёрство.",
    day: 8,
  },
  {
    key: "en",
    locale: "en",
    title: "Trade \uE000forged\uE001 & <b>markup</b>",
    body: "Moscow and Astana discussed trade.",
    day: 9,
  },
  { key: "enVote", locale: "en", title: "Kazakhstan votes", body: "The election was held on Sunday.", day: 10 },
  { key: "ruVote", locale: "ru", title: "Итоги голосования", body: "Итоги выборов подведены в понедельник.", day: 11 },
  { key: "oilTitle", locale: "en", title: "Oil", body: "Markets moved.", day: 12 },
  { key: "oilSold", locale: "en", title: "Exporters", body: "Exporters sold oil.", day: 13 },
  { key: "oilRose", locale: "en", title: "Markets", body: "The price of oil rose.", day: 14 },
];

beforeAll(async () => {
  db = await createTestDatabase();
  Object.assign(ids, await createSearchFixtures(db.prisma, FIXTURES, "fixture"));
});

afterAll(async () => {
  await db?.drop();
});

async function search(query: string, locale: Locale = "ar", page = 1, pageSize = 10, rankWindow?: number) {
  const result = await searchPublishedArticles(db.prisma, { locale, query, page, pageSize, rankWindow });
  if (result.kind !== "results") throw new Error(`expected results for ${JSON.stringify(query)}, got ${result.kind}`);
  return result;
}

const foundIds = async (query: string, locale: Locale = "ar") =>
  (await search(query, locale)).items.map((i) => i.id).sort();

describe("searchPublishedArticles", () => {
  it("finds a word after the clitics و, ب and ل, but not in drafts", async () => {
    expect(await foundIds("كازاخستان")).toEqual([ids.waw, ids.ba, ids.lam, ids.titled].sort());
  });

  it("folds hamza forms in both directions", async () => {
    expect(await foundIds("الاستراتيجية")).toEqual([ids.hamza]);
    expect(await foundIds("الإستراتيجية")).toEqual([ids.hamza]);
  });

  it("ignores diacritics and tatweel in the query and in the text", async () => {
    expect(await foundIds("التعاون")).toEqual([ids.marks]);
    expect(await foundIds("التَّعـــاوُن")).toEqual([ids.marks]);
    expect(await foundIds("كـــازاخِسْتان")).toHaveLength(4);
  });

  it("ranks texts with every word of the query above texts with fewer", async () => {
    const { items } = await search("كازاخستان المنتدى");
    expect(items.map((i) => i.id)).toEqual([ids.ba, ids.titled, ids.lam, ids.waw]);
    expect((await search("نيويورك شيكاغو")).items).toEqual([]);
  });

  it("ranks a title match above body matches", async () => {
    const result = await search("كازاخستان");
    expect(result.items[0]?.id).toBe(ids.titled);
  });

  it("highlights the matched spelling in the title and the snippet", async () => {
    const [hit] = (await search("كازاخستان المنتدى")).items;
    expect(hit?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["بكازاخستان", "المنتدى"]);
    const [marked] = (await search("التعاون")).items;
    expect(marked?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["التَّعـــاوُنِ"]);
    const [titled] = (await search("تستضيف")).items;
    expect(titled?.titleHighlighted).toEqual([
      { text: "كازاخستان ", highlighted: false },
      { text: "تستضيف", highlighted: true },
      { text: " القمة", highlighted: false },
    ]);
  });

  it("searches Russian and English in their own stemming, only in that language", async () => {
    expect(await foundIds("стратегического партнёрства", "ru")).toEqual([ids.ru]);
    expect(await foundIds("trading", "en")).toEqual([ids.en]);
    expect(await foundIds("trading", "ru")).toEqual([]);
    expect(await foundIds("كازاخستان", "en")).toEqual([]);
  });

  it("finds Russian and English word forms the text does not contain, and highlights the form it does", async () => {
    const [english] = (await search("elections", "en")).items;
    expect(english?.id).toBe(ids.enVote);
    expect(english?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["election"]);
    expect(await foundIds("voting", "en")).toEqual([ids.enVote]);
    const [russian] = (await search("выборы", "ru")).items;
    expect(russian?.id).toBe(ids.ruVote);
    expect(russian?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["выборов"]);
    expect(russian?.titleHighlighted).toEqual([{ text: "Итоги голосования", highlighted: false }]);
    expect(await foundIds("голосование", "ru")).toEqual([ids.ruVote]);
  });

  it("follows a text as it is published, edited, unpublished and deleted", async () => {
    const word = "зубробизон";
    const localization = await db.prisma.articleLocalization.create({
      data: {
        locale: "ru",
        title: `Черновик про ${word}`,
        slug: "search-follows-text",
        body: [],
        article: { create: { originalLocale: "ru" } },
      },
    });
    const update = (data: Parameters<typeof db.prisma.articleLocalization.update>[0]["data"]) =>
      db.prisma.articleLocalization.update({ where: { id: localization.id }, data });
    expect(await foundIds(word, "ru")).toEqual([]);
    await update({ status: "published", publishedAt: new Date() });
    expect(await foundIds(word, "ru")).toEqual([localization.articleId]);
    await update({ title: "Новость про бизона" });
    expect(await foundIds(word, "ru")).toEqual([]);
    expect(await foundIds("бизона", "ru")).toEqual([localization.articleId]);
    await update({ status: "unpublished" });
    expect(await foundIds("бизона", "ru")).toEqual([]);
    await update({ status: "published" });
    expect(await foundIds("бизона", "ru")).toEqual([localization.articleId]);
    await db.prisma.article.delete({ where: { id: localization.articleId } });
    expect(await foundIds("бизона", "ru")).toEqual([]);
  });

  it("takes ё and е for one letter in Russian, both ways (the russian stemmer folds them)", async () => {
    const localization = await db.prisma.articleLocalization.create({
      data: {
        locale: "ru",
        title: "Зелёная ёлка на площади",
        slug: "search-yo",
        body: [],
        status: "published",
        publishedAt: new Date(),
        article: { create: { originalLocale: "ru" } },
      },
    });
    expect(await foundIds("зеленая елка", "ru")).toEqual([localization.articleId]);
    expect(await foundIds("ЁЛКА", "ru")).toEqual([localization.articleId]);
    await db.prisma.article.delete({ where: { id: localization.articleId } });
  });

  it("does not let stored text forge highlight markers", async () => {
    const [hit] = (await search("trade", "en")).items;
    expect(hit?.titleHighlighted.map((s) => s.text).join("")).toBe("Trade forged & <b>markup</b>");
    expect(hit?.titleHighlighted.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["Trade"]);
  });

  it("pages through the results", async () => {
    const first = await search("كازاخستان", "ar", 1, 3);
    const second = await search("كازاخستان", "ar", 2, 3);
    const beyond = await search("كازاخستان", "ar", 3, 3);
    expect([first.total, first.pageCount, first.items.length, second.items.length, beyond.items.length]).toEqual([
      4, 2, 3, 1, 0,
    ]);
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(4);
  });

  it("ranks only the most recent matches, then goes on by date, and still pages through every match", async () => {
    const pageOf = async (page: number, rankWindow?: number) =>
      (await search("oil", "en", page, 1, rankWindow)).items.map((item) => item.id);
    // Ranked over all three, the older title match comes first.
    expect(await pageOf(1)).toEqual([ids.oilTitle]);
    // Ranked over the two most recent only, the title match (the oldest) follows them by date.
    const pages = [await pageOf(1, 2), await pageOf(2, 2), await pageOf(3, 2)];
    expect(pages.flat()).toEqual([ids.oilRose, ids.oilSold, ids.oilTitle]);
  });

  it("counts matches up to a limit and says when there are more", async () => {
    const counted = async (maxCounted: number) => {
      const result = await searchPublishedArticles(db.prisma, { locale: "ar", query: "كازاخستان", maxCounted });
      return result.kind === "results" ? [result.total, result.totalIsLowerBound, result.pageCount] : null;
    };
    expect(await counted(4)).toEqual([4, false, 1]);
    expect(await counted(3)).toEqual([3, true, 1]);
  });

  it("answers hostile or empty queries without throwing", async () => {
    for (const query of ["", "   ", "!!! ؟؟ ،، ... --- «»", "\u0000\u0001"]) {
      expect((await searchPublishedArticles(db.prisma, { locale: "ar", query })).kind).toBe("blank");
    }
    for (const query of [
      "'; DROP TABLE article_localizations;--",
      "<script>alert(1)</script>",
      "a & b | !c <-> d:*",
      "ا".repeat(10_000),
      "x".repeat(10_000),
    ]) {
      for (const locale of ["ar", "ru", "en"] as const) {
        const result = await search(query, locale);
        expect(result.items).toEqual([]);
      }
    }
    expect(await foundIds("كازاخستان")).toHaveLength(4);
  });
});

describe("prepareSearchQuery", () => {
  it("cuts the query to MAX_QUERY_LENGTH characters without splitting a character", () => {
    expect(prepareSearchQuery("ب".repeat(10_000), "ar").query).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = prepareSearchQuery("😀".repeat(300), "en").query;
    expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
    // No lone surrogate left by the cut.
    expect(emoji).toBe("😀".repeat(MAX_QUERY_LENGTH));
  });

  const forms = (query: string, locale: Locale = "ar") =>
    prepareSearchQuery(query, locale).terms.map((term) => term.forms);

  it("adds clitic forms for Arabic words only", () => {
    expect(forms("أستراخان")).toEqual([["استراخان", "واستراخان", "فاستراخان", "باستراخان", "لاستراخان"]]);
    expect(forms("الشراكة")).toEqual([["الشراكة", "شراكة", "بالشراكة", "للشراكة"]]);
    expect(forms("في Astana")).toEqual([["في"], ["Astana"]]);
    expect(forms("Astana", "ru")).toEqual([["Astana"]]);
  });

  it("tries a clitic-prefixed word without its clitics too, first as typed", () => {
    // و before بال is dropped by the normalization itself (the stemmer never sees it).
    expect(forms("وبالمدينة")[0]?.slice(0, 3)).toEqual(["بالمدينة", "المدينة", "مدينة"]);
    expect(forms("وقازان")[0]?.slice(0, 2)).toEqual(["وقازان", "قازان"]);
    expect(forms("للاستراتيجية")[0]?.slice(0, 3)).toEqual(["للاستراتيجية", "الاستراتيجية", "استراتيجية"]);
    // Words that only look prefixed keep their one reading (and the stemmer's prefixed forms).
    for (const word of ["بحر", "كتب", "فلم"]) expect(forms(word)[0]?.[0]).toBe(word);
    expect(forms("بحر")[0]).not.toContain("حر");
    expect(forms("كتب")[0]).not.toContain("تب");
  });

  it("takes words in quotes as one phrase, and a lone quote as no quote", () => {
    const terms = prepareSearchQuery('وزير "الخارجية الروسي" قازان', "ar").terms;
    expect(terms.map((term) => [term.text, term.phrase])).toEqual([
      ["وزير", false],
      ["الخارجية الروسي", true],
      ["قازان", false],
    ]);
    expect(prepareSearchQuery("«Sergei Lavrov»", "en").terms).toEqual([
      { text: "Sergei Lavrov", phrase: true, forms: ["Sergei Lavrov"] },
    ]);
    expect(prepareSearchQuery('"Lavrov', "en").terms.map((term) => term.phrase)).toEqual([false]);
    expect(prepareSearchQuery('"Lavrov"', "en").terms).toEqual([{ text: "Lavrov", phrase: false, forms: ["Lavrov"] }]);
  });
});

describe("splitHighlights", () => {
  it("turns markers into segments and drops stray ones", () => {
    expect(splitHighlights("a \uE000b\uE001 c")).toEqual([
      { text: "a ", highlighted: false },
      { text: "b", highlighted: true },
      { text: " c", highlighted: false },
    ]);
    expect(splitHighlights("\uE001x")).toEqual([{ text: "x", highlighted: false }]);
  });
});
