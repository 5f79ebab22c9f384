// What the e2e run adds to the seed articles, so feeds, sitemap and search have more than one language to tell apart
// (a published Russian edition with characters XML must escape, and an English draft) and article pages have tags to
// link and related stories to find (the seed files carry no tags).
import type { TestDatabase } from "@minbar/db/testing";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";

export const RUSSIAN_EDITION = {
  /** The Arabic original it translates. */
  originalTitle: PUBLISHED_SEED_TITLES[3],
  title: "Лавров & Тлеуберди обсудили <стратегическое> партнёрство",
  slug: "lavrov-i-tleuberdi-obsudili-partnerstvo",
  summary: "Министры обсудили «стратегическое партнёрство» России & Казахстана.",
  body: "Министры иностранных дел России и Казахстана обсудили вопросы стратегического партнёрства.",
} as const;

export const ENGLISH_DRAFT = {
  originalTitle: PUBLISHED_SEED_TITLES[2],
  title: "Lavrov: joint solutions strengthen Russia–Kazakhstan relations",
  slug: "lavrov-joint-solutions",
  body: "An unpublished English translation about strategic partnership.",
} as const;

export const TAGS = {
  kazakhstan: { slug: "kazakhstan", nameAr: "كازاخستان", nameRu: "Казахстан", nameEn: "Kazakhstan" },
  lavrov: { slug: "lavrov", nameAr: "لافروف", nameRu: "Лавров", nameEn: "Lavrov" },
  /** A name that would end a <script> element if JSON-LD were written unescaped. */
  scriptProbe: {
    slug: "script-probe",
    nameAr: "</script><script>document.title='pwned'</script>",
    nameRu: null,
    nameEn: null,
  },
} as const;

/** Which seed articles (by Arabic title) carry which tags. */
export const TAGGED = {
  kazakhstan: [PUBLISHED_SEED_TITLES[0], PUBLISHED_SEED_TITLES[1], PUBLISHED_SEED_TITLES[3]],
  lavrov: [PUBLISHED_SEED_TITLES[2], PUBLISHED_SEED_TITLES[3]],
  scriptProbe: [PUBLISHED_SEED_TITLES[0]],
} as const;

async function articleIdOf(db: TestDatabase, title: string): Promise<number> {
  const original = await db.prisma.articleLocalization.findFirstOrThrow({ where: { locale: "ar", title } });
  return original.articleId;
}

export async function addExtraLocalizations(db: TestDatabase): Promise<void> {
  await db.prisma.articleLocalization.create({
    data: {
      articleId: await articleIdOf(db, RUSSIAN_EDITION.originalTitle),
      locale: "ru",
      title: RUSSIAN_EDITION.title,
      slug: RUSSIAN_EDITION.slug,
      summary: RUSSIAN_EDITION.summary,
      body: [{ type: "paragraph", text: RUSSIAN_EDITION.body }],
      status: "published",
      publishedAt: new Date("2020-06-11T09:00:00Z"),
    },
  });
  await db.prisma.articleLocalization.create({
    data: {
      articleId: await articleIdOf(db, ENGLISH_DRAFT.originalTitle),
      locale: "en",
      title: ENGLISH_DRAFT.title,
      slug: ENGLISH_DRAFT.slug,
      body: [{ type: "paragraph", text: ENGLISH_DRAFT.body }],
      status: "draft",
    },
  });
  for (const key of Object.keys(TAGS) as (keyof typeof TAGS)[]) {
    const tag = await db.prisma.tag.create({ data: TAGS[key] });
    for (const title of TAGGED[key]) {
      await db.prisma.articleTag.create({ data: { tagId: tag.id, articleId: await articleIdOf(db, title) } });
    }
  }
}
