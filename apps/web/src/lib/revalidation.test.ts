// The revalidation endpoint's rules: who may call it, what a request looks like, which tags a change drops.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { isAuthorized, revalidationRequestSchema, tagsAffectedBy } = await import("./revalidation");

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

describe("revalidationRequestSchema", () => {
  it("wants one positive integer article id and nothing else", () => {
    expect(revalidationRequestSchema.safeParse({ articleId: 3 }).success).toBe(true);
    for (const body of [{}, { articleId: "3" }, { articleId: 0 }, { articleId: 1.5 }, { articleId: 3, extra: 1 }, null]) {
      expect(revalidationRequestSchema.safeParse(body).success).toBe(false);
    }
  });
});

describe("tagsAffectedBy", () => {
  it("names the article, listings, feeds, sitemap, and its agency and tags", () => {
    const tags = tagsAffectedBy(7, { id: 7, slugs: [], sourceSlug: "tass", tagSlugs: ["kazakhstan"] });
    expect(tags).toEqual(
      expect.arrayContaining(["article:7", "listing:front", "feed:ar", "feed:ru", "feed:en", "sitemap", "source:tass", "tag:kazakhstan"]),
    );
    expect(tagsAffectedBy(7, null)).not.toContain("source:tass");
  });
});
