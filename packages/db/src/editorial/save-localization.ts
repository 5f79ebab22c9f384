// Saves an editor's text of one localization; a stale version gets the stored text back, never an overwrite.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { bodySchema } from "../blocks.ts";
import { makeSlug, slugCandidates } from "../slug.ts";
import { requireArticleAccess, requireEditAccess } from "./access.ts";
import { commitEdit, type SaveResult } from "./commit-edit.ts";
import { parseInput } from "./errors.ts";
import { editingText, loadLocalization, type LoadedLocalization } from "./load-localization.ts";
import { slugInput } from "./slug-input.ts";
import { tagNamesInput } from "./tags.ts";

/** Blank optional text is stored as null, so "no summary" has one spelling. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => (value ? value : null));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A story's date as the editor gives it: a day alone (YYYY-MM-DD, no time), or an instant. */
export const storyDateInput = z
  .union([z.string().regex(DAY), z.coerce.date()])
  .transform((value) =>
    typeof value === "string"
      ? { at: new Date(`${value}T00:00:00.000Z`), dateOnly: true }
      : { at: value, dateOnly: false },
  )
  .refine(({ at }) => !Number.isNaN(at.getTime()), "invalid date");

export const saveLocalizationInput = z.object({
  localizationId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  title: optionalText(500),
  summary: optionalText(2000),
  /**
   * The slug as the editor shows it. A slug other than the stored one is a hand edit: the slug stops following the
   * title. Omitted or unchanged, it is remade from the title while it follows it (see slugFollowsTitle).
   */
  slug: slugInput.optional(),
  body: bodySchema.max(5000),
  photoAlt: optionalText(500).optional(),
  /** This language's caption of the lead photo (blank: the library image's own). */
  photoCaption: optionalText(2000).optional(),
  /**
   * The story's date, e.g. for an import that had none (resolves missing_date / missing_year). A day alone
   * (YYYY-MM-DD) is stored as a date without a time (publishedDateOnly); a date-time as that instant.
   */
  publishedAt: storyDateInput.optional(),
  /** The article's whole tag list by name (shared by every language); omitted, the tags stay as they are. */
  tags: tagNamesInput.optional(),
  /**
   * For a translation: the id of the original's revision the translator had beside it. Against the original's
   * current revision the save clears the outdated mark (see commitEdit).
   */
  againstRevisionId: z.number().int().positive().optional(),
});

export type SaveLocalizationInput = z.input<typeof saveLocalizationInput>;

export async function saveLocalization(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SaveLocalizationInput,
): Promise<SaveResult> {
  const { localizationId, expectedVersion, tags, slug, publishedAt, againstRevisionId, ...rest } = parseInput(
    saveLocalizationInput,
    input,
  );
  const values = { ...rest, publishedAt: publishedAt?.at, publishedDateOnly: publishedAt?.dateOnly };
  const target = await loadLocalization(prisma, localizationId);
  const user = requireEditAccess(actor, target);
  if (tags !== undefined) requireArticleAccess(user, target.article);
  const currentSlug = editingText(target).slug;
  const handEdited = slug !== undefined && slug !== currentSlug;
  const follows = target.slugFollowsTitle && !handEdited;
  const nextSlug =
    follows && values.title ? await slugFromTitle(prisma, target, values.title) : handEdited ? slug : currentSlug;
  return commitEdit(
    prisma,
    user,
    target,
    expectedVersion,
    { ...values, slug: nextSlug, ...(handEdited ? { slugFollowsTitle: false } : {}) },
    { origin: "editor", tags, againstRevisionId },
  );
}

/**
 * The slug the title gives, as the importer and createArticle make it: the base, or base-2 … base-20 when another
 * text of this language holds it, a random suffix as the last resort.
 */
async function slugFromTitle(prisma: PrismaClient, target: LoadedLocalization, title: string): Promise<string> {
  const { candidates, fallback } = slugCandidates(makeSlug(title));
  const rows = await prisma.articleLocalization.findMany({
    where: { locale: target.locale, slug: { in: candidates }, NOT: { id: target.id } },
    select: { slug: true },
  });
  const taken = new Set(rows.map((row) => row.slug));
  return candidates.find((candidate) => !taken.has(candidate)) ?? fallback;
}
