// Starts a new article: a draft in its original language (Arabic unless chosen otherwise) owned by its creator, with its first revision and workflow entry. The admin
// calls it on the first save that has content, so an abandoned "new article" leaves nothing behind.
import { z } from "zod";
import { Locale, type Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { bodySchema, withBlockIds } from "../blocks.ts";
import { makeSlug, slugCandidates } from "../slug.ts";
import { parseInput } from "./errors.ts";
import { storyDateInput } from "./save-localization.ts";
import { slugInput } from "./slug-input.ts";
import { defaultSectionId } from "./sections.ts";
import { setArticleTags, tagNamesInput } from "./tags.ts";
import { isSlugTaken } from "./unique-violation.ts";
import { warningsAfterEdit } from "./warning-rules.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const createArticleInput = z.object({
  title: optionalText(500),
  summary: optionalText(2000),
  /** Made from the title when omitted (with a suffix if that one is taken). */
  slug: slugInput.optional(),
  body: bodySchema.max(5000).default([]),
  tags: tagNamesInput.optional(),
  photoAlt: optionalText(500),
  /** The story's date, when the editor set one before the first save. */
  publishedAt: storyDateInput.optional(),
  /** The language the article is written in first: its original; every other language is a translation of it. */
  originalLocale: z.enum(Locale).default("ar"),
});

export type CreateArticleInput = z.input<typeof createArticleInput>;

export type CreateArticleResult =
  | { status: "created"; articleId: number; localizationId: number; slug: string; version: number }
  | { status: "slug_taken"; slug: string };

export async function createArticle(
  prisma: PrismaClient,
  actor: Actor | null,
  input: CreateArticleInput,
): Promise<CreateArticleResult> {
  const user = requirePermission(actor, "article.create");
  const {
    title,
    summary,
    slug: chosenSlug,
    body,
    tags,
    photoAlt,
    publishedAt,
    originalLocale,
  } = parseInput(createArticleInput, input);
  const candidates = chosenSlug
    ? [chosenSlug]
    : await freeSlugCandidates(prisma, originalLocale, makeSlug(title ?? "article"));
  for (const slug of candidates) {
    try {
      const created = await insertDraft(prisma, user, {
        locale: originalLocale,
        title,
        summary,
        slug,
        body: withBlockIds(body),
        tags,
        photoAlt,
        publishedAt: publishedAt?.at ?? null,
        publishedDateOnly: publishedAt?.dateOnly ?? false,
        // A slug chosen by hand stays; one made from the title follows it until someone edits it.
        slugFollowsTitle: !chosenSlug,
      });
      return { status: "created", ...created, slug, version: 1 };
    } catch (error) {
      // Someone took the slug between the look-up and the insert: try the next candidate.
      if (!isSlugTaken(error)) throw error;
    }
  }
  return { status: "slug_taken", slug: candidates[0] ?? "" };
}

/** The base, then base-2 … base-20, first one free at the time of asking; a random suffix as the last resort. */
async function freeSlugCandidates(prisma: PrismaClient, locale: Locale, base: string): Promise<string[]> {
  // Exact probes of the unique (locale, slug) index; a prefix search would scan every Arabic slug.
  const { candidates: probes, fallback } = slugCandidates(base);
  const rows = await prisma.articleLocalization.findMany({
    where: { locale, slug: { in: probes } },
    select: { slug: true },
  });
  const taken = new Set(rows.map((row) => row.slug));
  const free = probes.find((slug) => !taken.has(slug));
  return free ? [free, fallback] : [fallback];
}

type DraftValues = {
  locale: Locale;
  title: string | null;
  summary: string | null;
  slug: string;
  body: Prisma.InputJsonArray;
  tags: string[] | undefined;
  photoAlt: string | null;
  publishedAt: Date | null;
  publishedDateOnly: boolean;
  slugFollowsTitle: boolean;
};

async function insertDraft(prisma: PrismaClient, user: Actor, values: DraftValues) {
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        originalLocale: values.locale,
        createdById: user.userId,
        sectionId: await defaultSectionId(tx),
        localizations: {
          create: {
            locale: values.locale,
            title: values.title,
            summary: values.summary,
            slug: values.slug,
            body: values.body,
            photoAlt: values.photoAlt,
            publishedAt: values.publishedAt,
            publishedDateOnly: values.publishedDateOnly,
            slugFollowsTitle: values.slugFollowsTitle,
            warnings: warningsAfterEdit([], values),
            status: "draft",
            updatedById: user.userId,
            revisions: {
              create: {
                number: 1,
                title: values.title,
                summary: values.summary,
                slug: values.slug,
                body: values.body,
                origin: "editor",
                authorId: user.userId,
              },
            },
            transitions: { create: { fromStatus: null, toStatus: "draft", actorId: user.userId } },
          },
        },
      },
      include: { localizations: { select: { id: true } } },
    });
    const localizationId = article.localizations[0]?.id;
    if (localizationId === undefined) throw new Error("the new article has no localization");
    if (values.tags) await setArticleTags(tx, article.id, values.tags);
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: "article.create",
        entityType: "article",
        entityId: String(article.id),
        data: { localizationId, slug: values.slug, originalLocale: values.locale },
      },
    });
    return { articleId: article.id, localizationId };
  });
}
