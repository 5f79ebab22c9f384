// The near-spelling lexicon on the real PostgreSQL server and on the embedded one (PGlite, which must load pg_trgm
// and fuzzystrmatch): names spelt two ways find each other in their edition, only published words are offered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../client.ts";
import type { ArticleStatus, Locale } from "../generated/prisma/client.ts";
import { TEST_BACKENDS, type TestBackend } from "../testing-backends.ts";
import { findNearSpellings, normalizeLexiconWord, refreshSearchLexicon } from "./near-spellings.ts";

describe.each(TEST_BACKENDS)("near spellings on %s", (_name, open) => {
  let backend: TestBackend;
  let prisma: PrismaClient;
  let slugs = 0;

  beforeAll(async () => {
    backend = await open();
    prisma = backend.prisma;
  }, 120_000);

  afterAll(async () => {
    await backend?.close();
  });

  async function article(
    locale: Locale,
    text: string,
    { status = "published", title = "News" }: { status?: ArticleStatus; title?: string } = {},
  ): Promise<number> {
    const created = await prisma.article.create({
      data: {
        originalLocale: locale,
        localizations: {
          create: {
            locale,
            title,
            slug: `lexicon-${++slugs}`,
            body: [{ type: "paragraph", text }],
            status,
            publishedAt: status === "published" ? new Date(Date.UTC(2024, 0, 1)) : null,
          },
        },
      },
      include: { localizations: true },
    });
    return created.localizations[0]!.id;
  }

  const near = async (locale: Locale, word: string) => {
    const [result] = await findNearSpellings(prisma, { locale, words: [word] });
    return result;
  };
  const nearWords = async (locale: Locale, word: string) =>
    (await near(locale, word))?.nearSpellings.map((n) => n.word);
  const documents = async (locale: Locale, word: string) => (await near(locale, word))?.documents ?? 0;

  it("finds the other spelling of a transliterated name, in its edition only", async () => {
    await article("ar", "التقى الوزير تيلوبيردي نظيره في أستانا");
    await article("ar", "وقال تليوبيردي إن المحادثات كانت مثمرة");
    await article("ru", "Министр Тлеуберди встретился с коллегой.");
    await article("ru", "Тилеуберди заявил, что переговоры прошли успешно.");
    await article("en", "Minister Tileuberdi met his counterpart.");
    await article("en", "Tleuberdi said the talks went well.");
    await refreshSearchLexicon(prisma);

    expect(await nearWords("ar", "تيلوبيردي")).toEqual(["تليوبيردي"]);
    expect(await nearWords("ar", "تليوبيردي")).toEqual(["تيلوبيردي"]);
    expect(await nearWords("ru", "Тлеуберди")).toEqual(["тилеуберди"]);
    expect(await nearWords("ru", "тилеуберди")).toEqual(["тлеуберди"]);
    expect(await nearWords("en", "Tileuberdi")).toEqual(["tleuberdi"]);
    expect(await nearWords("en", "tleuberdi")).toEqual(["tileuberdi"]);
    // A spelling no text has finds the nearest first; another edition's texts are not searched.
    expect((await nearWords("en", "Tileuberdy"))?.[0]).toBe("tileuberdi");
    expect(await nearWords("ru", "Tileuberdi")).toEqual([]);
    expect(await nearWords("en", "Тлеуберди")).toEqual([]);
    expect(await nearWords("ar", "Tileuberdi")).toEqual([]);

    const [found] = await findNearSpellings(prisma, { locale: "ar", words: ["تِيلوبيردي"] });
    expect(found).toEqual({
      word: "تيلوبيردي",
      documents: 1,
      nearSpellings: [{ word: "تليوبيردي", similarity: expect.closeTo(0.43, 2), documents: 1 }],
    });
  });

  it("never offers the words of a text that is not published, and drops them when it stops being", async () => {
    const draft = await article("en", "The envoy Zhanaozenov arrived.", { status: "draft" });
    await article("en", "Zhanaozenova was elected.", { status: "in_review" });
    await refreshSearchLexicon(prisma);
    expect(await documents("en", "zhanaozenov")).toBe(0);
    expect(await nearWords("en", "zhanaozenova")).toEqual([]);

    await prisma.articleLocalization.update({
      where: { id: draft },
      data: { status: "published", publishedAt: new Date(Date.UTC(2024, 0, 2)) },
    });
    await refreshSearchLexicon(prisma);
    expect(await documents("en", "zhanaozenov")).toBe(1);
    expect(await nearWords("en", "zhanaozenova")).toEqual(["zhanaozenov"]);

    // An edit removes the old words at once; the new ones come with the next refresh.
    await prisma.articleLocalization.update({
      where: { id: draft },
      data: { body: [{ type: "paragraph", text: "The envoy Zhanaozenko arrived." }] },
    });
    expect(await documents("en", "zhanaozenov")).toBe(0);
    expect(await documents("en", "zhanaozenko")).toBe(0);
    await refreshSearchLexicon(prisma);
    expect(await documents("en", "zhanaozenko")).toBe(1);

    // Unpublishing removes them without waiting for a refresh, and a refresh does not bring them back.
    await prisma.articleLocalization.update({ where: { id: draft }, data: { status: "unpublished" } });
    expect(await documents("en", "zhanaozenko")).toBe(0);
    await refreshSearchLexicon(prisma);
    expect(await documents("en", "zhanaozenko")).toBe(0);
    expect(await documents("en", "envoy")).toBe(0);

    // Published and unpublished again before any refresh: never counted.
    await prisma.articleLocalization.update({
      where: { id: draft },
      data: { status: "published", body: [{ type: "paragraph", text: "Kuanyshbekov spoke." }] },
    });
    await prisma.articleLocalization.update({ where: { id: draft }, data: { status: "draft" } });
    await refreshSearchLexicon(prisma);
    expect(await documents("en", "kuanyshbekov")).toBe(0);
  });

  it("counts the published texts containing each word, and uncounts a deleted one", async () => {
    await article("ru", "Ёлкин прибыл в Казань. Ёлкин уехал.", { title: "Визит" });
    const second = await article("ru", "Елкин остался в Казани.", { title: "Визит" });
    await article("ru", "Ёлкин ещё не приехал.", { status: "draft", title: "Визит" });
    await refreshSearchLexicon(prisma);
    expect(await documents("ru", "Ёлкин")).toBe(2);
    expect(await documents("ru", "визит")).toBe(2);
    expect(await documents("ru", "казань")).toBe(1);

    await prisma.article.delete({
      where: { id: (await prisma.articleLocalization.findUniqueOrThrow({ where: { id: second } })).articleId },
    });
    expect(await documents("ru", "елкин")).toBe(1);
    expect(await documents("ru", "казани")).toBe(0);
  });

  it("does not turn short or common words into unrelated ones", async () => {
    await article(
      "en",
      "War was waged the way the wax melts; peace, place, piece and pence; trade, grade, trace and tirade; " +
        "the mayor, the major and the manor.",
    );
    await article("ar", "مصر ومصرف ومصري في مصرع الحرب والحرف والحرص");
    await refreshSearchLexicon(prisma);
    expect(await nearWords("en", "war")).toEqual([]);
    expect(await nearWords("en", "wat")).toEqual([]);
    expect(await nearWords("en", "peace")).toEqual([]);
    expect(await nearWords("en", "trade")).toEqual([]);
    expect(await nearWords("en", "mayor")).toEqual([]);
    expect(await nearWords("ar", "مصر")).toEqual([]);
    expect(await nearWords("ar", "الحرب")).toEqual([]);
    for (const word of ["the", "and", "في"]) {
      const locale = word === "في" ? "ar" : "en";
      expect((await nearWords(locale, word))?.length ?? 0).toBe(0);
    }
  });

  it("answers hostile input with empty results, never an error", async () => {
    for (const locale of ["ar", "ru", "en"] as const) {
      for (const words of [
        ["تيلوبيردي".repeat(1_200)],
        ["x".repeat(10_000)],
        ["!!! ... ???", "«»—", ""],
        ["'; DROP TABLE search_lexicon; --", "%", "_", "\\", "' OR 1=1"],
        ["😀", "👍🏽", "\u200f", "\u200e\u202b\u202c"],
        ["2024", "١٤٤٦"],
      ]) {
        const results = await findNearSpellings(prisma, { locale, words });
        expect(results.flatMap((result) => result.nearSpellings)).toEqual([]);
      }
    }
    expect(await findNearSpellings(prisma, { locale: "en", words: [] })).toEqual([]);
    expect(await prisma.searchLexiconWord.count()).toBeGreaterThan(0);
  });
});

it("normalizes query words as the lexicon stores the texts' words", () => {
  expect(normalizeLexiconWord("ru", "Ёлкин")).toBe("елкин");
  expect(normalizeLexiconWord("en", "TLEUBERDI")).toBe("tleuberdi");
  expect(normalizeLexiconWord("ar", "الرئيسَ")).toBe("الرييس");
});
