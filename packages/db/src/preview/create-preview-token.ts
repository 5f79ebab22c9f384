// Creates a preview link's token for one localization: only for those who may see that text before readers do.
import { z } from "zod";
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { can, ForbiddenError, requirePermission, type Actor } from "../permissions.ts";
import { requireEditAccess } from "../editorial/access.ts";
import { EditorialNotFoundError, parseInput } from "../editorial/errors.ts";
import { PREVIEW_TOKEN_LIFETIME_MS, signPreviewToken } from "./preview-token.ts";

export const createPreviewTokenInput = z.object({
  articleId: z.number().int().positive(),
  locale: z.enum(["ar", "ru", "en"]),
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
  { now = new Date(), lifetimeMs = PREVIEW_TOKEN_LIFETIME_MS }: { now?: Date; lifetimeMs?: number } = {},
): Promise<PreviewToken> {
  // Signed-out or disabled: refused before anything is read, so nobody learns which articles exist.
  if (!actor) throw new ForbiddenError("article.review");
  const { articleId, locale } = parseInput(createPreviewTokenInput, input);
  const target = await prisma.articleLocalization.findUnique({
    where: { articleId_locale: { articleId, locale } },
    select: {
      id: true,
      locale: true,
      status: true,
      article: {
        select: {
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
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  const token = signPreviewToken({ localizationId: target.id, expiresAt }, secret);
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
