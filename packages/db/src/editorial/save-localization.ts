// Saves an editor's text of one localization; a stale version gets the stored text back, never an overwrite.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { bodySchema } from "../blocks.ts";
import { requireArticleAccess, requireEditAccess } from "./access.ts";
import { commitEdit, type SaveResult } from "./commit-edit.ts";
import { parseInput } from "./errors.ts";
import { loadLocalization } from "./load-localization.ts";
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

export const saveLocalizationInput = z.object({
  localizationId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  title: optionalText(500),
  summary: optionalText(2000),
  slug: slugInput,
  body: bodySchema.max(5000),
  photoAlt: optionalText(500).optional(),
  /**
   * The story's date, e.g. for an import that had none (resolves missing_date / missing_year). A day alone
   * (YYYY-MM-DD) is stored as a date without a time (publishedDateOnly); a date-time as that instant.
   */
  publishedAt: z
    .union([z.string().regex(DAY), z.coerce.date()])
    .transform((value) =>
      typeof value === "string"
        ? { at: new Date(`${value}T00:00:00.000Z`), dateOnly: true }
        : { at: value, dateOnly: false },
    )
    .refine(({ at }) => !Number.isNaN(at.getTime()), "invalid date")
    .optional(),
  /** The article's whole tag list by name (shared by every language); omitted, the tags stay as they are. */
  tags: tagNamesInput.optional(),
});

export type SaveLocalizationInput = z.input<typeof saveLocalizationInput>;

export async function saveLocalization(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SaveLocalizationInput,
): Promise<SaveResult> {
  const { localizationId, expectedVersion, tags, publishedAt, ...rest } = parseInput(saveLocalizationInput, input);
  const values = { ...rest, publishedAt: publishedAt?.at, publishedDateOnly: publishedAt?.dateOnly };
  const target = await loadLocalization(prisma, localizationId);
  const user = requireEditAccess(actor, target);
  if (tags !== undefined) requireArticleAccess(user, target.article);
  return commitEdit(prisma, user, target, expectedVersion, values, { origin: "editor", tags });
}
