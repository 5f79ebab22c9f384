// The JSON-LD serializer: data cannot close the script element, and the output parses back to the same value.
import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, serializeJsonLd } from "./json-ld.ts";

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
      url: "https://example.test/news/1/x",
      headline: "عنوان",
      description: null,
      inLanguage: "ar",
      datePublished: new Date("2024-03-04T10:00:00Z"),
      dateOnly: false,
      publisherName: "منبر",
      publisherUrl: "https://example.test/",
      source: { name: "تاس", url: "https://example.test/sources/tass" },
      photoCredit: "مجلس الاتحاد الروسي",
      keywords: [],
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
  });

  it("writes a date known only as a day as that date, without an invented time", () => {
    const ld = newsArticleJsonLd({
      url: "https://example.test/news/2/x",
      headline: "عنوان",
      description: null,
      inLanguage: "ar",
      datePublished: new Date("2026-11-30T00:00:00Z"),
      dateOnly: true,
      publisherName: "منبر",
      publisherUrl: "https://example.test/",
      source: null,
      photoCredit: null,
      keywords: [],
      authors: [],
      image: null,
    });
    expect(ld.datePublished).toBe("2026-11-30");
  });
});
