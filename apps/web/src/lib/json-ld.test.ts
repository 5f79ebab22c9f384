// The JSON-LD serializer: data cannot close the script element, and the output parses back to the same value.
import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, serializeJsonLd, type NewsArticleInput } from "./json-ld.ts";

/** An Arabic original with nothing optional: each test names only what it is about. */
const plain: NewsArticleInput = {
  url: "https://example.test/news/1/x",
  headline: "عنوان",
  description: null,
  inLanguage: "ar",
  datePublished: new Date("2024-03-04T10:00:00Z"),
  dateOnly: false,
  publisherName: "منبر",
  publisherUrl: "https://example.test/",
  source: null,
  photoCredit: null,
  keywords: [],
  authors: [],
  image: null,
  originalLanguage: "ar",
  otherEditions: [],
};

describe("serializeJsonLd", () => {
  it("escapes markup so </script> in a headline cannot end the script element", () => {
    const value = { headline: "</script><script>alert(1)</script> & <!-- \u2028" };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("newsArticleJsonLd", () => {
  it("describes the article, its agency and its photo credit", () => {
    const ld = newsArticleJsonLd({
      ...plain,
      source: { name: "تاس", url: "https://example.test/sources/tass" },
      photoCredit: "مجلس الاتحاد الروسي",
      authors: ["سامي الحلبي", "Anna Petrova"],
      image: "https://example.test/lead.jpg",
    });
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      inLanguage: "ar",
      datePublished: "2024-03-04T10:00:00.000Z",
      mainEntityOfPage: { "@id": "https://example.test/news/1/x" },
      sourceOrganization: { name: "تاس" },
      creditText: "مجلس الاتحاد الروسي",
      author: [
        { "@type": "Person", name: "سامي الحلبي" },
        { "@type": "Person", name: "Anna Petrova" },
      ],
      image: ["https://example.test/lead.jpg"],
    });
    expect(ld).not.toHaveProperty("description");
    expect(ld.mainEntityOfPage).not.toHaveProperty("breadcrumb");
  });

  it("puts the page's breadcrumb (home → section → article) in its WebPage", () => {
    const steps = [
      { name: "منبر", url: "https://example.test/" },
      { name: "ثقافة", url: "https://example.test/sections/%D8%AB" },
      { name: "عنوان", url: "https://example.test/news/1/x" },
    ];
    const ld = newsArticleJsonLd({ ...plain, breadcrumb: steps });
    expect(ld.mainEntityOfPage).toEqual({
      "@type": "WebPage",
      "@id": "https://example.test/news/1/x",
      breadcrumb: {
        "@type": "BreadcrumbList",
        itemListElement: steps.map((step, i) => ({
          "@type": "ListItem",
          position: i + 1,
          name: step.name,
          item: step.url,
        })),
      },
    });
  });

  it("describes a library lead photo as ImageObjects with size, caption and credit: the photo and its social card", () => {
    const ld = newsArticleJsonLd({
      ...plain,
      photoCredit: "وكالة",
      image: "https://elsewhere.test/old.jpg",
      leadImage: {
        url: "https://example.test/media/renditions/k/w1600.jpeg",
        width: 1600,
        height: 1067,
        card: { url: "https://example.test/media/renditions/k/card.jpeg", width: 1200, height: 630 },
        caption: "ميناء أكتاو",
        creditText: "وكالة",
      },
    });
    expect(ld["image"]).toEqual([
      {
        "@type": "ImageObject",
        url: "https://example.test/media/renditions/k/w1600.jpeg",
        contentUrl: "https://example.test/media/renditions/k/w1600.jpeg",
        width: 1600,
        height: 1067,
        caption: "ميناء أكتاو",
        creditText: "وكالة",
      },
      {
        "@type": "ImageObject",
        url: "https://example.test/media/renditions/k/card.jpeg",
        contentUrl: "https://example.test/media/renditions/k/card.jpeg",
        width: 1200,
        height: 630,
        caption: "ميناء أكتاو",
        creditText: "وكالة",
      },
    ]);
  });

  it("writes a date known only as a day as that date, without an invented time", () => {
    const ld = newsArticleJsonLd({ ...plain, datePublished: new Date("2026-11-30T00:00:00Z"), dateOnly: true });
    expect(ld.datePublished).toBe("2026-11-30");
  });

  it("carries the last change as dateModified and each correction's public note", () => {
    const fixed = new Date("2024-03-05T08:30:00Z");
    const ld = newsArticleJsonLd({
      ...plain,
      dateModified: fixed,
      corrections: [{ note: "صُحّح اسم الوزير.", at: fixed }],
    });
    expect(ld).toMatchObject({
      dateModified: "2024-03-05T08:30:00.000Z",
      correction: [
        { "@type": "CorrectionComment", text: "صُحّح اسم الوزير.", datePublished: "2024-03-05T08:30:00.000Z" },
      ],
    });
    expect(newsArticleJsonLd(plain)).not.toHaveProperty("dateModified");
    expect(newsArticleJsonLd({ ...plain, corrections: [] })).not.toHaveProperty("correction");
  });

  const edition = (
    inLanguage: string,
    originalLanguage: string,
    otherEditions: { inLanguage: string; url: string }[],
  ) =>
    newsArticleJsonLd({
      ...plain,
      url: `https://example.test/${inLanguage}/news/3/x`,
      inLanguage,
      originalLanguage,
      otherEditions,
    });

  it("links an original to its translations and a translation to its original", () => {
    const ar = { inLanguage: "ar", url: "https://example.test/news/3/x" };
    const ru = { inLanguage: "ru", url: "https://example.test/ru/news/3/x" };
    const en = { inLanguage: "en", url: "https://example.test/en/news/3/x" };
    const original = edition("ar", "ar", [ru, en]);
    expect(original).toMatchObject({
      inLanguage: "ar",
      workTranslation: [
        { "@type": "NewsArticle", "@id": ru.url, inLanguage: "ru" },
        { "@type": "NewsArticle", "@id": en.url, inLanguage: "en" },
      ],
    });
    expect(original).not.toHaveProperty("translationOfWork");
    const translation = edition("ru", "ar", [ar, en]);
    expect(translation).toMatchObject({
      inLanguage: "ru",
      translationOfWork: { "@type": "NewsArticle", "@id": ar.url, inLanguage: "ar" },
    });
    expect(translation).not.toHaveProperty("workTranslation");
    // A translation whose original is not published links to nothing; a lone original has no translations.
    expect(edition("ru", "ar", [en])).not.toHaveProperty("translationOfWork");
    expect(edition("en", "en", [])).not.toHaveProperty("workTranslation");
  });
});
