// The revalidation endpoint's rules: who may call it and which tags a change drops (what a request looks like is
// tested with its schema, in @minbar/site-signal).
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { isAuthorized, tagsAffectedBy, tagsOfFrontPages, tagsOfSections } = await import("./revalidation.ts");

const SECRET = "a-test-secret-of-some-length";

describe("isAuthorized", () => {
  it("accepts exactly the configured bearer secret", () => {
    expect(isAuthorized(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(isAuthorized(`Bearer ${SECRET}x`, SECRET)).toBe(false);
    expect(isAuthorized(`Bearer ${SECRET.slice(1)}`, SECRET)).toBe(false);
    expect(isAuthorized(SECRET, SECRET)).toBe(false);
    expect(isAuthorized(null, SECRET)).toBe(false);
    expect(isAuthorized("Bearer ", SECRET)).toBe(false);
  });

  it("refuses everyone when no secret is configured", () => {
    expect(isAuthorized("Bearer ", undefined)).toBe(false);
    expect(isAuthorized("Bearer anything", undefined)).toBe(false);
  });
});

describe("sections", () => {
  it("an article's section pages are dropped with the article", () => {
    const tags = tagsAffectedBy([7], [{ id: 7, slugs: [], sourceSlug: null, tagSlugs: [], sectionId: 3 }]);
    expect(tags).toContain("section:3");
    expect(tags).not.toContain("sections");
  });

  it("a section signal drops its pages, and with navigation every page naming sections", () => {
    expect(tagsOfSections([3, 4, 3], false)).toEqual(["section:3", "section:4"]);
    expect(tagsOfSections([3], true)).toEqual(["section:3", "sections"]);
  });
});

describe("tagsAffectedBy", () => {
  it("names the article, listings, feeds, sitemap, and its agency and tags", () => {
    const tags = tagsAffectedBy(
      [7],
      [{ id: 7, slugs: [], sourceSlug: "tass", tagSlugs: ["kazakhstan"], sectionId: null }],
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        "article:7",
        "listing:front",
        "feed:ar",
        "feed:ru",
        "feed:en",
        "sitemap",
        "source:tass",
        "tag:kazakhstan",
      ]),
    );
    expect(tagsAffectedBy([7], [])).not.toContain("source:tass");
  });

  it("names the union for several articles, each tag once", () => {
    const tags = tagsAffectedBy(
      [7, 8, 9],
      [
        { id: 7, slugs: [], sourceSlug: "tass", tagSlugs: ["kazakhstan", "energy"], sectionId: null },
        { id: 8, slugs: [], sourceSlug: "tass", tagSlugs: ["kazakhstan"], sectionId: null },
      ],
    );
    expect(tags.sort()).toEqual(
      [
        "article:7",
        "article:8",
        "article:9",
        "listing:front",
        "feed:ar",
        "feed:ru",
        "feed:en",
        "sitemap",
        "source:tass",
        "tag:kazakhstan",
        "tag:energy",
      ].sort(),
    );
  });
});

describe("tagsOfFrontPages", () => {
  it("drops only the named editions' front pages, each once", () => {
    expect(tagsOfFrontPages(["ar", "ar"])).toEqual(["listing:front:ar"]);
    expect(tagsOfFrontPages(["ru", "en"])).toEqual(["listing:front:ru", "listing:front:en"]);
  });
});
