// The search document a writer builds from TypeScript-normalized text (searchDocumentText + minbar_search_document)
// is the one PostgreSQL builds from the row (minbar_search_vector), and the table's triggers keep every row's
// document in step with its text whoever writes it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { normalizeArabicForSearch } from "./normalize-arabic.ts";
import { searchDocumentText } from "./search-document.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const SEEDS = fileURLToPath(new URL("../../../../seeds/", import.meta.url));
const seedTexts = readdirSync(SEEDS)
  .sort()
  .map((name) => readFileSync(join(SEEDS, name), "utf8"));

/** minbar_normalize_ar over many strings in one round trip. */
async function normalizeInSql(texts: string[]): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ n: string }[]>`
    SELECT minbar_normalize_ar(t) AS n FROM unnest(${texts}::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i`;
  return rows.map((row) => row.n);
}

// Everything the normalization treats specially, and the neighbours of each range's ends.
const special = fc.constantFrom(
  ..."اأإآٱءؤئىيةهوفبكلم",
  ..."\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655\u065F\u0660\u0669\u0670\u0640\u06D6\u06ED\u06EE\u0620\u064A\u0621",
  ..."٠١٢٣٤٥٦٧٨٩0123456789",
  "ال",
  "وال",
  "فال",
  "بال",
  "كال",
  "وبال",
  "فكال",
  "ه ",
  "ه.",
  "ة",
  "\u0627\u0654",
  "\u0627\u0655",
  "\u0627\u0653",
  "\u064A\u0654",
  "\u0648\u0654",
  " ",
  "  ",
  "\n",
  "\t",
  ".",
  "،",
  "«",
  "»",
  '"',
  "-",
  "ـ",
  "\u00A0",
  "\u200F",
  "\uFEFF",
  "e\u0301",
  "ТАСС",
  "Innoprom",
);
const seedWords = seedTexts.flatMap((text) => text.split(/(\s+)/)).filter(Boolean);
const piece = fc.oneof(
  { arbitrary: special, weight: 6 },
  { arbitrary: fc.constantFrom(...seedWords), weight: 3 },
  // Any Unicode text but NUL, which PostgreSQL text cannot hold.
  { arbitrary: fc.string({ unit: "grapheme" }).map((s) => s.replace(/\0/g, "")), weight: 1 },
  {
    arbitrary: fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)) }),
    weight: 2,
  },
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

describe("normalizeArabicForSearch and minbar_normalize_ar", () => {
  it("agree on the seeds, whole and line by line", async () => {
    const samples = [...seedTexts, ...seedTexts.flatMap((seed) => seed.split("\n"))];
    expect(await normalizeInSql(samples)).toEqual(samples.map(normalizeArabicForSearch));
  });

  it("agree on generated strings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 50 }), async (samples) => {
        expect(await normalizeInSql(samples)).toEqual(samples.map(normalizeArabicForSearch));
      }),
      { numRuns: 200 },
    );
  });
});

type Locale = "ar" | "ru" | "en";

/** 1 where minbar_search_document over searchDocumentText's parts equals minbar_search_vector over the row's columns. */
async function documentsAgree(
  cases: { locale: Locale; title: string | null; summary: string | null; body: unknown }[],
): Promise<boolean[]> {
  const input = cases.map((c) => {
    const parts = searchDocumentText(c.locale, c.title, c.summary, c.body);
    if (!parts) throw new Error("generated bodies hold only string texts");
    return { ...c, body: JSON.stringify(c.body), parts };
  });
  const rows = await db.prisma.$queryRaw<{ same: boolean }[]>`
    SELECT minbar_search_document(c.locale::"Locale", c.pt, c.ps, c.pb)
             = minbar_search_vector(c.locale::"Locale", c.title, c.summary, c.body::jsonb) AS same
    FROM unnest(${input.map((c) => c.locale)}::text[], ${input.map((c) => c.title)}::text[],
                ${input.map((c) => c.summary)}::text[], ${input.map((c) => c.body)}::text[],
                ${input.map((c) => c.parts.title)}::text[], ${input.map((c) => c.parts.summary)}::text[],
                ${input.map((c) => c.parts.body)}::text[]) WITH ORDINALITY
      AS c(locale, title, summary, body, pt, ps, pb, i)
    ORDER BY c.i`;
  return rows.map((row) => row.same);
}

describe("searchDocumentText", () => {
  const block = fc.oneof(
    { arbitrary: fc.record({ type: fc.constantFrom("paragraph", "heading", "quote"), text }), weight: 8 },
    { arbitrary: fc.record({ type: fc.constant("image"), url: fc.constant("https://example.org/a.jpg") }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant("paragraph"), text: fc.constant(null) }), weight: 1 },
  );
  const localization = fc.record({
    locale: fc.constantFrom<Locale>("ar", "ar", "ru", "en"),
    title: fc.option(text),
    summary: fc.option(text),
    body: fc.array(block, { maxLength: 8 }),
  });

  it("gives the parts from which PostgreSQL builds the same document as from the row", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(localization, { minLength: 1, maxLength: 20 }), async (cases) => {
        expect(await documentsAgree(cases)).toEqual(cases.map(() => true));
      }),
      { numRuns: 100 },
    );
  });

  it("does the same for the seeds' text and for bodies that are not arrays of blocks", async () => {
    const cases = [
      ...seedTexts.map((seed) => {
        const [title = "", ...paragraphs] = seed.split("\n").filter((line) => line.trim());
        return {
          locale: "ar" as const,
          title,
          summary: null,
          body: paragraphs.map((p) => ({ type: "paragraph", text: p })),
        };
      }),
      { locale: "ar" as const, title: null, summary: null, body: {} },
      { locale: "ar" as const, title: "عنوان", summary: "ملخص", body: "نص" },
      { locale: "en" as const, title: null, summary: null, body: [1, "text", null, [], { text: "Lavrov discussed" }] },
    ];
    expect(await documentsAgree(cases)).toEqual(cases.map(() => true));
  });

  it("leaves the document to PostgreSQL when a block's text is not a string", () => {
    expect(searchDocumentText("ar", "t", null, [{ type: "paragraph", text: 12 }])).toBeNull();
    expect(searchDocumentText("ar", "t", null, [{ type: "paragraph", text: { a: 1 } }])).toBeNull();
  });
});

describe("the search_vector column", () => {
  let articleId: number;
  beforeAll(async () => {
    articleId = (await db.prisma.article.create({ data: {} })).id;
  });

  async function stored(slug: string) {
    const rows = await db.prisma.$queryRaw<{ v: string; expected: string; same: boolean }[]>`
      SELECT search_vector::text AS v, minbar_search_vector(locale, title, summary, body)::text AS expected,
             search_vector IS NOT DISTINCT FROM minbar_search_vector(locale, title, summary, body) AS same
      FROM article_localizations WHERE slug = ${slug}`;
    return rows[0]!;
  }

  it("is built by PostgreSQL for a row written without one, and rebuilt when its text changes", async () => {
    await db.prisma.articleLocalization.create({
      data: {
        articleId,
        locale: "ar",
        slug: "trigger-ar",
        title: "الشراكة الاستراتيجية",
        body: [{ type: "paragraph", text: "مُحَمَّدٌ في مستشفى" }],
      },
    });
    const created = await stored("trigger-ar");
    expect(created.same).toBe(true);
    expect(created.v).toContain("شراك");

    await db.prisma.articleLocalization.update({
      where: { locale_slug: { locale: "ar", slug: "trigger-ar" } },
      data: { title: "عنوان عن اليابان" },
    });
    expect((await stored("trigger-ar")).v).toContain("'ياب'");
    expect((await stored("trigger-ar")).same).toBe(true);

    await db.prisma.articleLocalization.update({
      where: { locale_slug: { locale: "ar", slug: "trigger-ar" } },
      data: { body: [{ type: "paragraph", text: "كازاخستان" }] },
    });
    expect((await stored("trigger-ar")).v).toContain("'كازاخست'");
    expect((await stored("trigger-ar")).v).not.toContain("مستشف");
    expect((await stored("trigger-ar")).same).toBe(true);

    // A change that touches no text leaves the document as it is.
    await db.prisma.articleLocalization.update({
      where: { locale_slug: { locale: "ar", slug: "trigger-ar" } },
      data: { status: "in_review" },
    });
    expect((await stored("trigger-ar")).same).toBe(true);
  });

  it("keeps the document a writer built with minbar_search_document, and rebuilds it when only the text is set later", async () => {
    const title = "والإتحاد الاقتصادي";
    const body = [{ type: "paragraph", text: "بالتعاون مع كازاخســـتان" }];
    const parts = searchDocumentText("ar", title, null, body)!;
    await db.prisma.$executeRaw`
      INSERT INTO article_localizations (article_id, locale, title, slug, body, updated_at, search_vector)
      VALUES (${articleId}, 'ru', ${title}, 'writer-built', ${JSON.stringify(body)}::jsonb, now(),
              minbar_search_document('ar', ${parts.title}, ${parts.summary}, ${parts.body}))`;
    // Built for Arabic while the row says Russian: the writer's document is kept as given.
    expect((await stored("writer-built")).same).toBe(false);

    // Setting the text without a vector rebuilds it from the row; setting a NULL vector does too.
    await db.prisma.$executeRaw`UPDATE article_localizations SET title = title WHERE slug = 'writer-built'`;
    expect((await stored("writer-built")).same).toBe(true);
    await db.prisma
      .$executeRaw`UPDATE article_localizations SET search_vector = NULL, locale = 'en' WHERE slug = 'writer-built'`;
    expect((await stored("writer-built")).same).toBe(true);
  });
});
