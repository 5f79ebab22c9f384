// Creates a preview link's token for one localization: only for those who may see that text before readers do.
import { z } from "zod";
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { can, ForbiddenError, requirePermission, type Actor } from "../permissions.ts";
import { requireEditAccess } from "../editorial/access.ts";
import { EditorialNotFoundError, parseInput } from "../editorial/errors.ts";
import { MAX_PREVIEW_TOKEN_LIFETIME_MS, PREVIEW_TOKEN_LIFETIME_MS, signPreviewToken } from "./preview-token.ts";

export const createPreviewTokenInput = z.object({
  articleId: z.number().int().positive(),
  locale: z.enum(["ar", "ru", "en"]),
  /** How long the link works: 30 minutes unless asked, never more than a week. */
  lifetimeMinutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_PREVIEW_TOKEN_LIFETIME_MS / 60_000)
    .default(PREVIEW_TOKEN_LIFETIME_MS / 60_000),
});
export type CreatePreviewTokenInput = z.input<typeof createPreviewTokenInput>;

export type PreviewToken = { token: string; localizationId: number; locale: Locale; expiresAt: Date };

type PreviewTarget = Parameters<typeof requireEditAccess>[1];

/** Reviewers see any text; otherwise whoever may edit this text (a writer's own draft, a translator's translation). */
export function requirePreviewAccess(actor: Actor | null, target: PreviewTarget): Actor {
  if (can(actor, "article.review")) return requirePermission(actor, "article.review");
  try {
    return requireEditAccess(actor, target);
  } catch (error) {
    // Said as the permission that would have opened it for everyone.
    if (error instanceof ForbiddenError) throw new ForbiddenError("article.review");
    throw error;
  }
}

export async function createPreviewToken(
  prisma: PrismaClient,
  actor: Actor | null,
  input: CreatePreviewTokenInput,
  secret: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<PreviewToken> {
  // Signed-out or disabled: refused before anything is read, so nobody learns which articles exist.
  if (!actor) throw new ForbiddenError("article.review");
  const { articleId, locale, lifetimeMinutes } = parseInput(createPreviewTokenInput, input);
  const target = await prisma.articleLocalization.findUnique({
    where: { articleId_locale: { articleId, locale } },
    select: {
      id: true,
      locale: true,
      status: true,
      article: {
        select: {
          previewGeneration: true,
          originalLocale: true,
          createdById: true,
          bylines: { select: { userId: true } },
          localizations: { select: { status: true } },
        },
      },
    },
  });
  if (!target) throw new EditorialNotFoundError("article", articleId);
  const user = requirePreviewAccess(actor, target);
  const expiresAt = new Date(now.getTime() + lifetimeMinutes * 60_000);
  const generation = target.article.previewGeneration;
  const token = signPreviewToken({ localizationId: target.id, expiresAt, generation }, secret);
  await prisma.auditLog.create({
    data: {
      actorId: user.userId,
      action: "article.preview_link",
      entityType: "localization",
      entityId: String(target.id),
      data: { articleId, locale, expiresAt: expiresAt.toISOString() },
    },
  });
  return { token, localizationId: target.id, locale: target.locale, expiresAt };
}

export const revokePreviewLinksInput = z.object({ articleId: z.number().int().positive() });
export type RevokePreviewLinksInput = z.input<typeof revokePreviewLinksInput>;

/**
 * Every preview link of the article, in every language, stops working on the public site: its preview generation
 * moves on. Allowed to whoever may make a preview link of one of its languages; audited as
 * `article.preview_links_revoked`.
 */
export async function revokePreviewLinks(
  prisma: PrismaClient,
  actor: Actor | null,
  input: RevokePreviewLinksInput,
): Promise<{ articleId: number; generation: number }> {
  if (!actor) throw new ForbiddenError("article.review");
  const { articleId } = parseInput(revokePreviewLinksInput, input);
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: {
      originalLocale: true,
      createdById: true,
      bylines: { select: { userId: true } },
      localizations: { select: { locale: true, status: true } },
    },
  });
  if (!article) throw new EditorialNotFoundError("article", articleId);
  let user: Actor | null = null;
  let refusal: unknown = new ForbiddenError("article.review");
  for (const { locale, status } of article.localizations) {
    try {
      user = requirePreviewAccess(actor, { locale, status, article });
      break;
    } catch (error) {
      refusal = error;
    }
  }
  if (!user) throw refusal;
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.article.update({
      where: { id: articleId },
      data: { previewGeneration: { increment: 1 } },
      select: { previewGeneration: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: "article.preview_links_revoked",
        entityType: "article",
        entityId: String(articleId),
        data: { articleId },
      },
    });
    return row;
  });
  return { articleId, generation: updated.previewGeneration };
}
