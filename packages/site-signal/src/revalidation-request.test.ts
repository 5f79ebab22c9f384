// The body POST /api/revalidate accepts: one article id, or a bounded list of them, and nothing else.
import { describe, expect, it } from "vitest";
import { articleIdsOf, MAX_ARTICLE_IDS_PER_REQUEST, revalidationRequestSchema } from "./revalidation-request.ts";

describe("revalidationRequestSchema", () => {
  it("wants one positive integer article id and nothing else", () => {
    expect(revalidationRequestSchema.safeParse({ articleId: 3 }).success).toBe(true);
    for (const body of [
      {},
      { articleId: "3" },
      { articleId: 0 },
      { articleId: 1.5 },
      { articleId: 3, extra: 1 },
      null,
    ]) {
      expect(revalidationRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it("or a list of 1 to MAX_ARTICLE_IDS_PER_REQUEST of them, never both", () => {
    const most = Array.from({ length: MAX_ARTICLE_IDS_PER_REQUEST }, (_, i) => i + 1);
    expect(revalidationRequestSchema.safeParse({ articleIds: [3] }).success).toBe(true);
    expect(revalidationRequestSchema.safeParse({ articleIds: most }).success).toBe(true);
    for (const body of [
      { articleIds: [] },
      { articleIds: [...most, MAX_ARTICLE_IDS_PER_REQUEST + 1] },
      { articleIds: [1, 0] },
      { articleIds: [1, "2"] },
      { articleIds: [2_147_483_648] },
      { articleIds: 3 },
      { articleIds: [3], articleId: 3 },
      { articleIds: [3], extra: 1 },
    ]) {
      expect(revalidationRequestSchema.safeParse(body).success, JSON.stringify(body).slice(0, 80)).toBe(false);
    }
  });

  it("or sections: 1 to MAX ids, and whether their navigation changed, nothing else", () => {
    expect(revalidationRequestSchema.safeParse({ sectionIds: [2] }).success).toBe(true);
    expect(revalidationRequestSchema.safeParse({ sectionIds: [2, 3], navigation: true }).success).toBe(true);
    for (const body of [
      { sectionIds: [] },
      { sectionIds: [0] },
      { sectionIds: [2], navigation: "yes" },
      { sectionIds: [2], articleId: 3 },
      { navigation: true },
    ]) {
      expect(revalidationRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    expect(articleIdsOf({ sectionIds: [2], navigation: true })).toEqual([]);
  });

  it("names each id once", () => {
    expect(articleIdsOf({ articleId: 3 })).toEqual([3]);
    expect(articleIdsOf({ articleIds: [3, 1, 3] })).toEqual([3, 1]);
  });

  it("or the editions whose edited front page changed, which name no article", () => {
    expect(revalidationRequestSchema.safeParse({ frontPages: ["ar"] }).success).toBe(true);
    expect(revalidationRequestSchema.safeParse({ frontPages: ["ar", "ru", "en"] }).success).toBe(true);
    for (const body of [
      { frontPages: [] },
      { frontPages: ["fr"] },
      { frontPages: "ar" },
      { frontPages: ["ar"], articleId: 3 },
      { frontPages: ["ar", "ru", "en", "ar"] },
    ]) {
      expect(revalidationRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    expect(articleIdsOf({ frontPages: ["ar"] })).toEqual([]);
  });
});
