// The scheduler's other two duties beside scheduled first publications: pending changes whose time has come go live,
// and published texts whose time is up come down. Each row is changed under its version, so with two schedulers
// running a row is changed once: the second finds the version moved on and skips it.
import type { Locale, PrismaClient } from "../generated/prisma/client.ts";
import { loadLocalization } from "./load-localization.ts";
import { applyPendingChanges, livenedPending } from "./pending-changes.ts";

export type ChangedBySchedule = {
  articleId: number;
  localizationId: number;
  locale: Locale;
  /** The live slug before the change (its page needs revalidating) and after. */
  previousSlug: string;
  slug: string;
};

export async function publishDueChanges(prisma: PrismaClient, now: Date = new Date()): Promise<ChangedBySchedule[]> {
  const due = await prisma.articleLocalization.findMany({
    where: { status: "published", pendingSince: { not: null }, pendingScheduledAt: { lte: now } },
    select: { id: true },
    orderBy: { pendingScheduledAt: "asc" },
  });
  const changed: ChangedBySchedule[] = [];
  for (const { id } of due) {
    const row = await loadLocalization(prisma, id);
    const live = livenedPending(row);
    // A title cleared after scheduling keeps the changes waiting for an editor rather than publishing a blank title.
    if (!live.title?.trim()) continue;
    const taken = await prisma.articleLocalization.findFirst({
      where: { locale: row.locale, slug: live.slug, NOT: { id: row.id } },
      select: { id: true },
    });
    if (taken) continue;
    const done = await prisma.$transaction(async (tx) => {
      const where = { version: row.version, pendingScheduledAt: { lte: now } };
      const mark = { mark: row.pendingMark, note: row.pendingNote, actorId: null };
      if (!(await applyPendingChanges(tx, row, where, now, mark))) return false;
      await tx.auditLog.create({
        data: {
          at: now,
          actorId: null,
          action: "article.publish_changes_scheduled",
          entityType: "article_localization",
          entityId: String(row.id),
          data: { articleId: row.articleId, locale: row.locale, mark: row.pendingMark ?? "none" },
        },
      });
      return true;
    });
    if (done) changed.push(changedRow(row, live.slug));
  }
  return changed;
}

/** Published texts whose unpublish time has come go down (their pages then answer 410 Gone). */
export async function unpublishDue(prisma: PrismaClient, now: Date = new Date()): Promise<ChangedBySchedule[]> {
  const due = await prisma.articleLocalization.findMany({
    where: { status: "published", unpublishAt: { lte: now } },
    select: { id: true },
    orderBy: { unpublishAt: "asc" },
  });
  const changed: ChangedBySchedule[] = [];
  for (const { id } of due) {
    const row = await loadLocalization(prisma, id);
    // Pending changes become the (no longer public) text, as when an editor unpublishes by hand.
    const text = row.pendingSince === null ? {} : livenedPending(row);
    const done = await prisma.$transaction(async (tx) => {
      const updated = await tx.articleLocalization.updateMany({
        where: { id: row.id, version: row.version, status: "published", unpublishAt: { lte: now } },
        data: { ...text, status: "unpublished", unpublishAt: null, version: { increment: 1 } },
      });
      if (updated.count !== 1) return false;
      await tx.workflowTransition.create({
        data: {
          localizationId: row.id,
          fromStatus: "published",
          toStatus: "unpublished",
          action: "article.unpublish_scheduled",
          actorId: null,
          comment: "scheduled",
          at: now,
        },
      });
      await tx.auditLog.create({
        data: {
          at: now,
          actorId: null,
          action: "article.unpublish_scheduled",
          entityType: "article_localization",
          entityId: String(row.id),
          data: { articleId: row.articleId, locale: row.locale, from: "published", to: "unpublished" },
        },
      });
      return true;
    });
    if (done) changed.push(changedRow(row, row.slug));
  }
  return changed;
}

function changedRow(row: { articleId: number; id: number; locale: Locale; slug: string }, slug: string) {
  return { articleId: row.articleId, localizationId: row.id, locale: row.locale, previousSlug: row.slug, slug };
}
