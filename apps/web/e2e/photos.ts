// The photos the e2e run puts in articles: a tall lead photo with a red square low down where its focal point is (so
// the social card's crop can be checked by its pixels), captions in Arabic and Russian; and a body photo.
import type { TestDatabase } from "@minbar/db/testing";
import { refreshSearchLexicon } from "@minbar/db/editorial";
import { addTestPhoto } from "@minbar/e2e/photos";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";

export const LEAD_PHOTO = {
  articleTitle: RUSSIAN_EDITION.originalTitle,
  width: 1600,
  height: 2400,
  focal: { x: 0.5, y: 0.85 },
  captions: { ar: "لافروف وتلويبردي في موسكو", ru: "Лавров и Тлеуберди в Москве" },
  alts: { ar: "وزيرا الخارجية يتصافحان", ru: "Министры пожимают руки" },
} as const;

export const BODY_PHOTO = {
  articleTitle: RUSSIAN_EDITION.originalTitle,
  width: 1200,
  height: 800,
  caption: "مبنى وزارة الخارجية الروسية",
  credit: { nameAr: "أرشيف منبر", nameRu: "Архив Минбара", nameEn: "Minbar archive" },
} as const;

/** An article with no photo at all, to check listings stay as they were. */
export const WITHOUT_PHOTO = PUBLISHED_SEED_TITLES[2];

export async function addPhotos(db: TestDatabase): Promise<void> {
  const original = await db.prisma.articleLocalization.findFirstOrThrow({
    where: { locale: "ar", title: LEAD_PHOTO.articleTitle },
  });
  const lead = await addTestPhoto(db, {
    width: LEAD_PHOTO.width,
    height: LEAD_PHOTO.height,
    background: "#2f6f8f",
    marker: { colour: "#ff0000", x: LEAD_PHOTO.focal.x, y: LEAD_PHOTO.focal.y, size: 240 },
    focal: LEAD_PHOTO.focal,
    captions: LEAD_PHOTO.captions,
    alts: LEAD_PHOTO.alts,
  });
  const credit = await db.prisma.photoCredit.create({
    data: { ...BODY_PHOTO.credit, matchKey: "ارشيف منبر" },
  });
  const body = await addTestPhoto(db, {
    width: BODY_PHOTO.width,
    height: BODY_PHOTO.height,
    background: "#8f6f2f",
    creditId: credit.id,
  });
  await db.prisma.article.update({ where: { id: original.articleId }, data: { leadImageId: lead.id } });
  const blocks = Array.isArray(original.body) ? original.body : [];
  await db.prisma.articleLocalization.update({
    where: { id: original.id },
    data: {
      body: [
        ...blocks.slice(0, 1),
        { type: "figure", text: BODY_PHOTO.caption, imageId: body.id, id: "e2e-figure" },
        ...blocks.slice(1),
      ],
    },
  });
  // The body was rewritten behind the import's back: its words go back into the search lexicon, as after an import.
  await refreshSearchLexicon(db.prisma);
}
