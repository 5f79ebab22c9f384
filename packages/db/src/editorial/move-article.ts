// Moves one localization through the workflow, recording the transition and the audit entry.
import { z } from "zod";
import { ArticleStatus, type Locale, type PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, requirePermission, type Actor } from "../permissions.ts";
import { readWarnings } from "../blocks.ts";
import {
  BlockedByWarningsError,
  InvalidInputError,
  InvalidMoveError,
  parseInput,
  StaleVersionError,
} from "./errors.ts";
import { loadLocalization } from "./load-localization.ts";
import { livenedPending } from "./pending-changes.ts";
import { openBlockingCodes, withoutResolvedWarnings } from "./warning-rules.ts";
import { findAllowedMove, findMove, GATED_STATUSES, PUBLIC_STATUSES } from "./workflow.ts";

export const moveArticleInput = z.object({
  localizationId: z.number().int().positive(),
  to: z.enum(ArticleStatus),
  expectedVersion: z.number().int().positive(),
  scheduledAt: z.coerce.date().optional(),
  comment: z.string().trim().max(2000).optional(),
});

export type MoveArticleInput = z.input<typeof moveArticleInput>;

export type MoveArticleResult = {
  articleId: number;
  localizationId: number;
  locale: Locale;
  slug: string;
  from: ArticleStatus;
  to: ArticleStatus;
  version: number;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  /** The public site shows or stops showing this localization: revalidate its pages. */
  affectsPublicSite: boolean;
};

export async function moveArticle(
  prisma: PrismaClient,
  actor: Actor | null,
  input: MoveArticleInput,
): Promise<MoveArticleResult> {
  const { localizationId, to, expectedVersion, scheduledAt, comment } = parseInput(moveArticleInput, input);
  const target = await loadLocalization(prisma, localizationId);
  const from = target.status;
  const known = findMove(from, to);
  if (!known) throw new InvalidMoveError(from, to);
  // Of the moves between these two statuses (a reviewer's return, an author's withdrawal), the one this actor may make.
  const move = findAllowedMove(actor, target, to);
  if (!move) {
    requirePermission(actor, known.permission);
    throw new ForbiddenError("article.edit_any");
  }
  const user = requirePermission(actor, move.permission);
  if (target.version !== expectedVersion) throw new StaleVersionError(expectedVersion, target.version);
  if (GATED_STATUSES.has(to)) {
    const codes = openBlockingCodes(target);
    if (codes.length > 0) throw new BlockedByWarningsError(codes);
  }
  const now = new Date();
  if (to === "scheduled" && (!scheduledAt || scheduledAt <= now)) {
    throw new InvalidInputError([{ path: ["scheduledAt"], message: "a time in the future is required to schedule" }]);
  }

  // A first publication dates the story; republishing keeps the date readers first saw (or the wire's date).
  const publishedAt = to === "published" ? (target.publishedAt ?? now) : target.publishedAt;
  const nextScheduledAt = to === "scheduled" ? (scheduledAt ?? null) : null;
  // A text leaving the public site takes its pending changes as its text (no reader sees it any more) and loses its
  // time to come down.
  const leavesSite = from === "published" && to !== "published";
  const folded = leavesSite && target.pendingSince !== null ? livenedPending(target) : {};
  const version = await prisma.$transaction(async (tx) => {
    // Guarding on version and status means every check above was made against the row being changed.
    const updated = await tx.articleLocalization.updateMany({
      where: { id: localizationId, version: expectedVersion, status: from },
      data: {
        ...folded,
        ...(leavesSite ? { unpublishAt: null } : {}),
        status: to,
        publishedAt,
        scheduledAt: nextScheduledAt,
        // Its public address is fixed from now on: the slug no longer follows the title.
        ...(to === "scheduled" || to === "published" ? { slugFollowsTitle: false } : {}),
        warnings: withoutResolvedWarnings(readWarnings(target.warnings), target),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return null;
    await tx.workflowTransition.create({
      data: {
        localizationId,
        fromStatus: from,
        toStatus: to,
        action: move.action,
        actorId: user.userId,
        comment: comment || null,
        at: now,
      },
    });
    await tx.auditLog.create({
      data: {
        at: now,
        actorId: user.userId,
        action: move.action,
        entityType: "article_localization",
        entityId: String(localizationId),
        data: {
          articleId: target.articleId,
          locale: target.locale,
          from,
          to,
          ...(comment ? { comment } : {}),
          ...(nextScheduledAt ? { scheduledAt: nextScheduledAt.toISOString() } : {}),
        },
      },
    });
    return expectedVersion + 1;
  });
  if (version === null) {
    const current = await prisma.articleLocalization.findUnique({
      where: { id: localizationId },
      select: { version: true },
    });
    throw new StaleVersionError(expectedVersion, current?.version ?? null);
  }
  return {
    articleId: target.articleId,
    localizationId,
    locale: target.locale,
    slug: target.slug,
    from,
    to,
    version,
    publishedAt,
    scheduledAt: nextScheduledAt,
    affectsPublicSite: PUBLIC_STATUSES.has(from) || PUBLIC_STATUSES.has(to),
  };
}
