// The search normalization in TypeScript and in PostgreSQL agree, and the stored search vector finds the variants
// readers type: hamza/alef forms, clitics, diacritics, tatweel, ة/ه.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { normalizeArabicForSearch } from "./normalize-arabic.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const SAMPLES = [
  "الإستراتيجية",
  "والشراكة الاستراتيجية",
  "فالإتحاد وبالتعاون",
  "مُحَمَّدٌ",
  "كازاخســـتان",
  "شراكه كتابه الله له",
  "مستشفى على إلى",
  "مسؤول رئيس سائل",
  "٠١٢٣٤٥٦٧٨٩ 2024",
  'قال: "والعلاقات" (والتعاون) «والشراكة»',
  "Innoprom ТАСС",
  "",
];

describe("normalizeArabicForSearch", () => {
  it("folds the spelling variants of one word into one form", () => {
    expect(normalizeArabicForSearch("الإستراتيجية")).toBe(normalizeArabicForSearch("الاستراتيجية"));
    expect(normalizeArabicForSearch("كازاخســـتان")).toBe("كازاخستان");
    expect(normalizeArabicForSearch("مُحَمَّدٌ")).toBe("محمد");
    expect(normalizeArabicForSearch("شراكه")).toBe("شراكة");
    expect(normalizeArabicForSearch("مستشفى")).toBe("مستشفي");
    expect(normalizeArabicForSearch("والشراكة")).toBe("الشراكة");
    expect(normalizeArabicForSearch("٢٠٢٤")).toBe("2024");
  });

  it("gives exactly what PostgreSQL's minbar_normalize_ar gives", async () => {
    for (const sample of SAMPLES) {
      const rows = await db.prisma.$queryRaw<{ n: string }[]>`SELECT minbar_normalize_ar(${sample}) AS n`;
      expect(rows[0]?.n, sample).toBe(normalizeArabicForSearch(sample));
    }
  });
});

describe("the search vector of a localization", () => {
  beforeAll(async () => {
    const article = await db.prisma.article.create({ data: {} });
    await db.prisma.articleLocalization.createMany({
      data: [
        {
          articleId: article.id,
          locale: "ar",
          slug: "ar-1",
          title: "لافروف يناقش قضايا الشراكة الاستراتيجية",
          body: [
            { type: "paragraph", text: "التعاون بين روسيا وكازاخستان مهم بكازاخستان" },
            { type: "heading", text: "العلاقات الإنسانية" },
          ],
        },
        {
          articleId: article.id,
          locale: "ru",
          slug: "ru-1",
          title: "Лавров обсудил стратегическое партнёрство",
          body: [],
        },
        {
          articleId: article.id,
          locale: "en",
          slug: "en-1",
          title: "Lavrov discusses strategic partnerships",
          body: [],
        },
      ],
    });
  });

  async function matches(locale: "ar" | "ru" | "en", query: string): Promise<number> {
    const config = { ar: "arabic", ru: "russian", en: "english" }[locale];
    const normalized = locale === "ar" ? normalizeArabicForSearch(query) : query;
    const rows = await db.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM article_localizations
      WHERE locale = ${locale}::"Locale" AND search_vector @@ plainto_tsquery(${config}::regconfig, ${normalized})`;
    return Number(rows[0]?.count ?? 0);
  }

  it("finds Arabic text through hamza, clitic, diacritic and tatweel variants", async () => {
    expect(await matches("ar", "الإستراتيجية")).toBe(1);
    expect(await matches("ar", "كازاخستان")).toBe(1);
    expect(await matches("ar", "وكازاخستان")).toBe(1);
    expect(await matches("ar", "الشّراكـــة")).toBe(1);
    expect(await matches("ar", "شراكه")).toBe(1);
    expect(await matches("ar", "الإنسانيه")).toBe(1);
    expect(await matches("ar", "اليابان")).toBe(0);
  });

  it("stems Russian and English in their own configurations", async () => {
    expect(await matches("ru", "партнёрства")).toBe(1);
    expect(await matches("en", "partnership")).toBe(1);
    expect(await matches("en", "lavrov discussed")).toBe(1);
  });

  it("is kept up to date by PostgreSQL when the text changes", async () => {
    await db.prisma.articleLocalization.updateMany({
      where: { slug: "ar-1" },
      data: { title: "عنوان جديد عن اليابان" },
    });
    expect(await matches("ar", "اليابان")).toBe(1);
  });
});
