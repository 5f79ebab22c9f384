// Reader search as a reader judges it, on the real PostgreSQL and on the embedded database alike: clitics in the
// query, near spellings of names (with the note saying which), phrases, and the order of the results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../client.ts";
import type { Locale } from "../generated/prisma/client.ts";
import { refreshSearchLexicon } from "../search/near-spellings.ts";
import { TEST_BACKENDS, type TestBackend } from "../testing-backends.ts";
import { searchPublishedArticles } from "./search-articles.ts";
import { createSearchFixtures, type SearchFixture } from "./search-fixtures.ts";

const FIXTURES: SearchFixture[] = [
  { key: "kazan", locale: "ar", title: "مهرجان ثقافي", body: "افتتح في قازان مهرجان للفنون الشعبية.", day: 1 },
  { key: "academy", locale: "ar", title: "منحة دراسية", body: "أعلنت أكاديمية العلوم عن منح جديدة.", day: 2 },
  {
    key: "minister",
    locale: "ar",
    title: "مباحثات في أستانا",
    body: "التقى الوزير تيلوبيردي نظيره الروسي لبحث التعاون.",
    day: 3,
  },
  { key: "sea", locale: "ar", title: "رحلة", body: "قد عبرت السفينة البحر الأبيض المتوسط.", day: 4 },
  { key: "ruName", locale: "ru", title: "Переговоры", body: "Министр Тилеуберди встретился с коллегой.", day: 5 },
  { key: "enName", locale: "en", title: "Talks", body: "Minister Tileuberdi met his counterpart.", day: 6 },
  { key: "harbourTitle", locale: "en", title: "Harbour strike", body: "Dockers walked out.", day: 20 },
  {
    key: "bothInBody",
    locale: "en",
    title: "Dockers",
    body: "The harbour strike spread to the ferry terminal.",
    day: 21,
  },
  { key: "bothOneInTitle", locale: "en", title: "Ferries", body: "A harbour closed for the day.", day: 22 },
  { key: "harbourNewest", locale: "en", title: "Notes", body: "Rain at the harbour.", day: 23 },
  { key: "harbourOldest", locale: "en", title: "Weather", body: "Wind at the harbour.", day: 19 },
];

describe.each(TEST_BACKENDS)("reader search on %s", (_name, open) => {
  let backend: TestBackend;
  let prisma: PrismaClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    backend = await open();
    prisma = backend.prisma;
    Object.assign(ids, await createSearchFixtures(prisma, FIXTURES, "ranking"));
    await refreshSearchLexicon(prisma);
  }, 120_000);

  afterAll(async () => {
    await backend?.close();
  });

  async function search(query: string, locale: Locale = "ar") {
    const result = await searchPublishedArticles(prisma, { locale, query });
    if (result.kind !== "results") throw new Error(`expected results for ${JSON.stringify(query)}`);
    return result;
  }
  const found = async (query: string, locale: Locale = "ar") => (await search(query, locale)).items.map((i) => i.id);

  it("finds the bare word of the text from a query word that carries clitics", async () => {
    expect(await found("وقازان")).toEqual([ids.kazan]);
    expect(await found("وبقازان")).toEqual([ids.kazan]);
    expect(await found("وأكاديمية")).toEqual([ids.academy]);
    expect(await found("والأكاديمية")).toEqual([ids.academy]);
    // The article's word is highlighted, not the query's.
    const [hit] = (await search("وقازان")).items;
    expect(hit?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["قازان"]);
    // Nothing was respelt: the note stays away.
    expect((await search("وقازان")).nearSpellings).toEqual([]);
  });

  it("does not read a short word's first letter as a clitic", async () => {
    // بحر (sea) is not ب + حر, so it does not find texts with حر; it finds البحر.
    expect(await found("بحر")).toEqual([ids.sea]);
    expect(await found("كتب")).toEqual([]);
    // Nor a reading the stemmer cuts down to a common little word: قدية (from القدية) stems to قد.
    expect(await found("القدية")).toEqual([]);
  });

  it("finds a name spelt another way, says which spelling it used, in each edition", async () => {
    const arabic = await search("تليوبيردى");
    expect(arabic.items.map((i) => i.id)).toEqual([ids.minister]);
    // As the reader typed it (with ى), and as the text writes the other spelling.
    expect(arabic.nearSpellings).toEqual([{ word: "تليوبيردى", nearSpellings: ["تيلوبيردي"] }]);
    expect(arabic.items[0]?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toEqual(["تيلوبيردي"]);
    // With a clitic and the misspelling at once.
    expect(await found("وتليوبيردي")).toEqual([ids.minister]);

    const russian = await search("Тлеуберди", "ru");
    expect(russian.items.map((i) => i.id)).toEqual([ids.ruName]);
    expect(russian.nearSpellings).toEqual([{ word: "Тлеуберди", nearSpellings: ["Тилеуберди"] }]);
    const english = await search("Tleuberdi", "en");
    expect(english.items.map((i) => i.id)).toEqual([ids.enName]);
    expect(english.nearSpellings).toEqual([{ word: "Tleuberdi", nearSpellings: ["Tileuberdi"] }]);
    // Each edition's spellings stay in it.
    expect((await search("Tleuberdi", "ru")).items).toEqual([]);
  });

  it("does not respell words the texts contain often enough", async () => {
    const result = await search("harbour", "en");
    expect(result.nearSpellings).toEqual([]);
  });

  it("ranks more words matched above fewer, then title above body, then newer above older", async () => {
    expect(await found("harbour ferry", "en")).toEqual([
      // Both words, one of them in the title.
      ids.bothOneInTitle,
      // Both words in the body.
      ids.bothInBody,
      // One word, in the title.
      ids.harbourTitle,
      // One word in the body, newest first.
      ids.harbourNewest,
      ids.harbourOldest,
    ]);
    expect(await found("harbour", "en")).toEqual([
      ids.harbourTitle,
      ids.harbourNewest,
      ids.bothOneInTitle,
      ids.bothInBody,
      ids.harbourOldest,
    ]);
  });

  it("ranks exact matches above near spellings", async () => {
    // "harbor" is one letter off "harbour", and the texts have no "harbor": the near spelling finds them all...
    const near = await search("harbor", "en");
    expect(near.nearSpellings).toEqual([{ word: "harbor", nearSpellings: ["harbour"] }]);
    // ...while a text with "harbor" itself comes first.
    const exact = await prisma.article.create({
      data: {
        originalLocale: "en",
        localizations: {
          create: {
            locale: "en",
            title: "Old spelling",
            slug: "ranking-harbor",
            body: [{ type: "paragraph", text: "The harbor of old." }],
            status: "published",
            publishedAt: new Date(Date.UTC(2023, 0, 1)),
          },
        },
      },
    });
    try {
      const ranked = await found("harbor", "en");
      expect(ranked[0]).toBe(exact.id);
      expect(ranked).toHaveLength(6);
    } finally {
      await prisma.article.delete({ where: { id: exact.id } });
    }
  });

  it("matches words in quotes as a phrase", async () => {
    expect(await found('"strike spread"', "en")).toEqual([ids.bothInBody]);
    expect(await found('"spread strike"', "en")).toEqual([]);
    expect(await found("strike spread", "en")).toEqual([ids.bothInBody, ids.harbourTitle]);
  });

  it("gives a page for hostile and odd queries", async () => {
    for (const query of [
      "ق".repeat(10_000),
      "؟!،.:؛«»()[]{}<>\"'`~@#$%^&*-_=+|\\/",
      "' OR 1=1; DROP TABLE search_lexicon; --",
      "<img src=x onerror=alert(1)>",
      "قازان Kazan Казань 😀",
      "\u200F\u200Eقازان\u202B\u202C",
      "🇸🇦🇷🇺 👍🏽",
    ]) {
      for (const locale of ["ar", "ru", "en"] as const) {
        const result = await searchPublishedArticles(prisma, { locale, query });
        expect(["blank", "results"]).toContain(result.kind);
      }
    }
    expect(await found("\u200Fقازان\u200E")).toEqual([ids.kazan]);
  });
});
