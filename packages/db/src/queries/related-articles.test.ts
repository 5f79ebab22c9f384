// Related stories against a real PostgreSQL, with crafted articles: what shares tags or words of the title and summary
// is related (ranked by how much it shares), what shares only the agency, or a word or two of common vocabulary, is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { listRelatedArticles } from "./article-listings.ts";

let db: TestDatabase;
let day = 0;

type Crafted = { title: string; summary?: string; body?: string; sourceId?: number; tagIds?: number[] };

async function craft(locale: Locale, { title, summary, body = "", sourceId, tagIds = [] }: Crafted): Promise<number> {
  day += 1;
  const article = await db.prisma.article.create({
    data: {
      originalLocale: locale,
      sourceId: sourceId ?? null,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
      localizations: {
        create: {
          locale,
          title,
          summary: summary ?? null,
          slug: `${locale}-${day}`,
          body: body ? [{ type: "paragraph", text: body }] : [],
          status: "published",
          publishedAt: new Date(Date.UTC(2026, 0, day)),
        },
      },
    },
  });
  return article.id;
}

const related = async (id: number, locale: Locale) =>
  (await listRelatedArticles(db.prisma, { id, locale })).map((r) => r.id);

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe("related stories in English", () => {
  let tass: number;
  beforeAll(async () => {
    tass = (await db.prisma.source.create({ data: { slug: "tass", nameAr: "تاس", nameEn: "TASS", matchKey: "تاس" } }))
      .id;
  });

  it("lists stories sharing words of the title and summary, most shared first, and not agency-only ones", async () => {
    const main = await craft("en", {
      title: "Kazakhstan opens a new oil pipeline to China",
      summary: "The pipeline doubles oil exports from the Caspian fields.",
      sourceId: tass,
    });
    // Shares: pipeline, oil, Kazakhstan, China, export, Caspian (many words).
    const close = await craft("en", {
      title: "Kazakhstan and China sign oil pipeline deal",
      summary: "Exports from the Caspian will grow.",
    });
    // Shares: oil, pipelines (stemmed) (two words).
    const loose = await craft("en", { title: "Oil prices fall as pipelines reopen", summary: "Markets calm." });
    // Same agency, nothing else in common.
    const agencyOnly = await craft("en", {
      title: "Football cup final ends in a draw",
      summary: "Fans celebrate in Moscow.",
      sourceId: tass,
    });
    // One shared word is chance, not a subject.
    const oneWord = await craft("en", { title: "China hosts a chess tournament", summary: "Grandmasters arrive." });
    // Words of the body alone do not make a story related (only the title and summary are compared).
    const bodyOnly = await craft("en", {
      title: "Weather warms up this week",
      body: "Kazakhstan oil pipeline China exports Caspian",
    });

    const list = await related(main, "en");
    expect(list).toEqual([close, loose]);
    expect(list).not.toContain(agencyOnly);
    expect(list).not.toContain(oneWord);
    expect(list).not.toContain(bodyOnly);
    // Related both ways.
    expect(await related(close, "en")).toContain(main);
  });

  it("ranks a shared tag above a few shared words, and a tag alone qualifies", async () => {
    const energy = (await db.prisma.tag.create({ data: { slug: "energy", nameAr: "الطاقة", nameEn: "Energy" } })).id;
    const main = await craft("en", { title: "Wind farms spread across the steppe", tagIds: [energy] });
    // Two shared words (wind, farm) weigh less than one shared tag.
    const words = await craft("en", { title: "Wind farms reach the north", summary: "More turbines." });
    const tagged = await craft("en", { title: "Electricity bills go up", tagIds: [energy] });
    expect(await related(main, "en")).toEqual([tagged, words]);
  });

  it("is empty when nothing shares enough: none rather than unrelated stories", async () => {
    const lonely = await craft("en", { title: "Astronomers name a comet", summary: "A rare visitor.", sourceId: tass });
    expect(await related(lonely, "en")).toEqual([]);
  });
});

describe("related stories in Arabic", () => {
  it("matches the normalized search text, whatever the spelling of hamza and ta marbuta", async () => {
    const main = await craft("ar", {
      title: "افتتاح خط أنابيب جديد للغاز في كازاخستان",
      summary: "الخط ينقل الغاز إلى الصين",
    });
    // Different hamza and ta marbuta spellings of the same words: the search's normalization makes them one.
    const spelled = await craft("ar", { title: "خط انابيب الغاز بين كازاخستان والصين يبدأ العمل" });
    const unrelated = await craft("ar", { title: "مباراة كرة القدم تنتهي بالتعادل" });
    const list = await related(main, "ar");
    expect(list).toContain(spelled);
    expect(list).not.toContain(unrelated);
  });
});
