// The translation desk: per language, what is waiting (originals published without it), in progress, in review and
// outdated; "my translations"; and assigning a translation to a translator.
import { z } from "zod";
import { Locale, type Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { can, ForbiddenError, requirePermission, type Actor } from "../permissions.ts";
import { EditorialNotFoundError, InvalidInputError, parseInput } from "./errors.ts";

export const TRANSLATION_QUEUES = ["untranslated", "in_progress", "in_review", "outdated", "mine"] as const;
export type TranslationQueue = (typeof TRANSLATION_QUEUES)[number];

export const listTranslationQueueInput = z.object({
  locale: z.enum(Locale),
  queue: z.enum(TRANSLATION_QUEUES),
});
export type ListTranslationQueueInput = z.input<typeof listTranslationQueueInput>;

export type TranslationQueueRow = {
  articleId: number;
  originalLocale: Locale;
  originalTitle: string | null;
  /** Null in "untranslated": the translation is not started. */
  translation: {
    id: number;
    title: string | null;
    status: string;
    outdatedAt: Date | null;
    assignee: { id: number; name: string } | null;
  } | null;
};

const LIMIT = 200;

const rowSelect = {
  id: true,
  locale: true,
  title: true,
  status: true,
  outdatedAt: true,
  assignee: { select: { id: true, name: true } },
  article: {
    select: {
      id: true,
      originalLocale: true,
      localizations: { select: { locale: true, title: true } },
    },
  },
} as const;

type Row = Prisma.ArticleLocalizationGetPayload<{ select: typeof rowSelect }>;

function shape(row: Row): TranslationQueueRow {
  const original = row.article.localizations.find((l) => l.locale === row.article.originalLocale);
  return {
    articleId: row.article.id,
    originalLocale: row.article.originalLocale,
    originalTitle: original?.title ?? null,
    translation: {
      id: row.id,
      title: row.title,
      status: row.status,
      outdatedAt: row.outdatedAt,
      assignee: row.assignee,
    },
  };
}

export async function listTranslationQueue(
  prisma: PrismaClient,
  actor: Actor | null,
  input: ListTranslationQueueInput,
): Promise<TranslationQueueRow[]> {
  const user = requirePermission(actor, "article.read");
  const { locale, queue } = parseInput(listTranslationQueueInput, input);
  if (queue === "untranslated") {
    const articles = await prisma.article.findMany({
      where: {
        originalLocale: { not: locale },
        localizations: { none: { locale }, some: { status: "published" } },
      },
      select: {
        id: true,
        originalLocale: true,
        localizations: { select: { locale: true, title: true, status: true } },
      },
      orderBy: { id: "desc" },
      take: LIMIT,
    });
    return articles.flatMap((article) => {
      const original = article.localizations.find((l) => l.locale === article.originalLocale);
      if (original?.status !== "published") return [];
      return [
        {
          articleId: article.id,
          originalLocale: article.originalLocale,
          originalTitle: original.title,
          translation: null,
        },
      ];
    });
  }
  const where: Prisma.ArticleLocalizationWhereInput =
    queue === "in_progress"
      ? { status: "draft" }
      : queue === "in_review"
        ? { status: { in: ["in_review", "approved"] } }
        : queue === "outdated"
          ? { outdatedAt: { not: null } }
          : {
              OR: [{ assigneeId: user.userId }, { transitions: { some: { fromStatus: null, actorId: user.userId } } }],
            };
  const rows = await prisma.articleLocalization.findMany({
    where: { locale, ...where },
    select: rowSelect,
    orderBy: queue === "outdated" ? { outdatedAt: "desc" } : { updatedAt: "desc" },
    take: LIMIT,
  });
  // Only translations: the original's own text is never in a translation queue.
  return rows.filter((row) => row.article.originalLocale !== row.locale).map(shape);
}

/** People who may translate: enabled users holding a role with article.translate. */
export async function listTranslators(
  prisma: PrismaClient,
  actor: Actor | null,
): Promise<{ id: number; name: string }[]> {
  requirePermission(actor, "article.read");
  return prisma.user.findMany({
    where: { disabledAt: null, roles: { some: { role: { permissions: { has: "article.translate" } } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export const assignTranslationInput = z.object({
  localizationId: z.number().int().positive(),
  assigneeId: z.number().int().positive().nullable(),
});
export type AssignTranslationInput = z.input<typeof assignTranslationInput>;

/** A translator or an editor gives a translation to a translator (or takes it back with null); audited. */
export async function assignTranslation(
  prisma: PrismaClient,
  actor: Actor | null,
  input: AssignTranslationInput,
): Promise<{ assigneeId: number | null }> {
  if (!can(actor, "article.translate") && !can(actor, "article.edit_any"))
    throw new ForbiddenError("article.translate");
  const user = actor!;
  const { localizationId, assigneeId } = parseInput(assignTranslationInput, input);
  const target = await prisma.articleLocalization.findUnique({
    where: { id: localizationId },
    select: {
      id: true,
      locale: true,
      articleId: true,
      assigneeId: true,
      article: { select: { originalLocale: true } },
    },
  });
  if (!target) throw new EditorialNotFoundError("localization", localizationId);
  if (target.locale === target.article.originalLocale)
    throw new InvalidInputError([{ path: ["localizationId"], message: "the original is not a translation" }]);
  if (assigneeId !== null) {
    const translator = await prisma.user.findFirst({
      where: {
        id: assigneeId,
        disabledAt: null,
        roles: { some: { role: { permissions: { has: "article.translate" } } } },
      },
      select: { id: true },
    });
    if (!translator) throw new InvalidInputError([{ path: ["assigneeId"], message: "not a translator" }]);
  }
  await prisma.$transaction([
    prisma.articleLocalization.update({ where: { id: localizationId }, data: { assigneeId } }),
    prisma.auditLog.create({
      data: {
        actorId: user.userId,
        action: "article.translation_assign",
        entityType: "article_localization",
        entityId: String(localizationId),
        data: { articleId: target.articleId, locale: target.locale, from: target.assigneeId, to: assigneeId },
      },
    }),
  ]);
  return { assigneeId };
}
