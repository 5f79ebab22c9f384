// The front page of an edition as readers see it: the live arrangement's stories where they are still published in
// that edition and not past their pin, and every other slot filled with the newest published story of the edition
// that the page does not already show (a section row with its section's newest). No hole, no story twice.
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import {
  newestFirst,
  publishedWhere,
  summarySelect,
  toSummary,
  type PublicArticleSummary,
} from "../queries/public-articles.ts";
import {
  chosenArticleIds,
  readLayout,
  SECTION_ROW_SIZE,
  slotHolds,
  TOP_SLOTS,
  type FrontPageLayout,
} from "./layout.ts";

export type PublicFrontPageSection = { id: number; slug: string; name: string; items: PublicArticleSummary[] };

export type PublicFrontPage = {
  lead: PublicArticleSummary | null;
  top: PublicArticleSummary[];
  sections: PublicFrontPageSection[];
};

/**
 * The live arrangement of the edition filled for `now`, or null while the edition has none (the front page is then
 * the newest-first list).
 */
export async function getPublicFrontPage(
  prisma: PrismaClient,
  { locale, now = new Date() }: { locale: Locale; now?: Date },
): Promise<PublicFrontPage | null> {
  const live = await prisma.frontPageArrangement.findFirst({ where: { locale, kind: "live" } });
  if (!live) return null;
  return fillFrontPage(prisma, { locale, layout: readLayout(live.layout), now });
}

/** A layout filled as the public page would be at `now`: the live one, or a draft for its preview. */
export async function fillFrontPage(
  prisma: PrismaClient,
  { locale, layout, now }: { locale: Locale; layout: FrontPageLayout; now: Date },
): Promise<PublicFrontPage> {
  const chosenIds = chosenArticleIds(layout);
  const chosenRows =
    chosenIds.length === 0
      ? []
      : await prisma.articleLocalization.findMany({
          where: { ...publishedWhere(locale), articleId: { in: chosenIds } },
          select: summarySelect,
        });
  const published = new Map(chosenRows.map((row) => [row.articleId, toSummary(row)]));
  const used = new Set<number>();
  const take = (slot: FrontPageLayout["lead"]): PublicArticleSummary | null => {
    if (!slotHolds(slot, now)) return null;
    const story = published.get(slot.articleId);
    // An unpublished (or withdrawn) chosen story is skipped: its slot fills itself.
    if (!story || used.has(story.id)) return null;
    used.add(story.id);
    return story;
  };
  const lead = take(layout.lead);
  const top: (PublicArticleSummary | null)[] = Array.from({ length: TOP_SLOTS }, (_, index) =>
    take(layout.top[index] ?? null),
  );

  const holes = (lead ? 0 : 1) + top.filter((story) => !story).length;
  if (holes > 0) {
    const newest = await prisma.articleLocalization.findMany({
      where: { ...publishedWhere(locale), articleId: { notIn: [...used] } },
      orderBy: [...newestFirst],
      take: holes,
      select: summarySelect,
    });
    const fill = newest.map(toSummary);
    const next = () => {
      const story = fill.shift() ?? null;
      if (story) used.add(story.id);
      return story;
    };
    const filledLead = lead ?? next();
    const filledTop = top.map((story) => story ?? next());
    return {
      lead: filledLead,
      top: filledTop.filter((story): story is PublicArticleSummary => story !== null),
      sections: await sectionRows(prisma, locale, layout, used),
    };
  }
  return {
    lead,
    top: top.filter((story): story is PublicArticleSummary => story !== null),
    sections: await sectionRows(prisma, locale, layout, used),
  };
}

/** Each chosen section still in use, with its newest stories not shown above it; one without stories is left out. */
async function sectionRows(
  prisma: PrismaClient,
  locale: Locale,
  layout: FrontPageLayout,
  used: Set<number>,
): Promise<PublicFrontPageSection[]> {
  if (layout.sections.length === 0) return [];
  const sections = await prisma.section.findMany({
    where: { id: { in: layout.sections.map((row) => row.sectionId) }, retiredAt: null },
  });
  const byId = new Map(sections.map((section) => [section.id, section]));
  const rows: PublicFrontPageSection[] = [];
  for (const { sectionId } of layout.sections) {
    const section = byId.get(sectionId);
    if (!section) continue;
    const found = await prisma.articleLocalization.findMany({
      where: { ...publishedWhere(locale), articleId: { notIn: [...used] }, article: { sectionId } },
      orderBy: [...newestFirst],
      take: SECTION_ROW_SIZE,
      select: summarySelect,
    });
    if (found.length === 0) continue;
    for (const row of found) used.add(row.articleId);
    rows.push({
      id: section.id,
      slug: locale === "ru" ? section.slugRu : locale === "en" ? section.slugEn : section.slugAr,
      name: locale === "ru" ? section.nameRu : locale === "en" ? section.nameEn : section.nameAr,
      items: found.map(toSummary),
    });
  }
  return rows;
}
