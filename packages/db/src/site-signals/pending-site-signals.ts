// Changes the public site has not confirmed: its cached pages, which outlive a restart, keep the old state until it
// does, so the admin's job queue sends the signal again; this record is what editors are shown, and what the job
// queue's sweep reads to find a retry that was lost (docs/decisions/0014, 0037).
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";

/** The wait after the first failure; it doubles with each further one, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 15_000;
export const RETRY_MAX_MS = 10 * 60_000;

/** How long to wait before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}

/**
 * Remembers that the signals sent at `sentAt` for these articles were not confirmed: a new article waits one delay,
 * one already waiting counts another failed attempt and waits longer.
 */
export async function rememberUnconfirmedSignals(
  prisma: PrismaClient,
  articleIds: readonly number[],
  error: string,
  sentAt: Date,
): Promise<void> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return;
  await prisma.$executeRaw`
    INSERT INTO pending_site_signals (article_id, since, failed_at, attempts, next_attempt_at, last_error)
    SELECT id, ${sentAt}::timestamp(3), ${sentAt}::timestamp(3), 1, ${sentAt}::timestamp(3) + make_interval(secs => ${RETRY_BASE_MS / 1000}), ${error}
    FROM unnest(${ids}::int[]) AS id
    ON CONFLICT (article_id) DO UPDATE SET
      failed_at = greatest(pending_site_signals.failed_at, EXCLUDED.failed_at),
      attempts = pending_site_signals.attempts + 1,
      next_attempt_at = EXCLUDED.failed_at
        + make_interval(secs => least(${RETRY_BASE_MS / 1000} * power(2, pending_site_signals.attempts), ${RETRY_MAX_MS / 1000})),
      last_error = EXCLUDED.last_error`;
}

/** Articles whose signal is due again at `now`, the longest-waiting first. */
export async function dueSiteSignals(prisma: PrismaClient, now: Date, limit = 1_000): Promise<number[]> {
  const rows = await prisma.pendingSiteSignal.findMany({
    where: { nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { articleId: "asc" }],
    take: limit,
    select: { articleId: true },
  });
  return rows.map((row) => row.articleId);
}

/**
 * Forgets the articles whose signal, sent at `sentAt`, the site confirmed. Any signal for an article makes the site
 * drop all of that article's pages as they are now, so it also covers earlier failures — but not a failure sent
 * later, which stays.
 */
export async function forgetConfirmedSignals(
  prisma: PrismaClient,
  articleIds: readonly number[],
  sentAt: Date,
): Promise<void> {
  if (articleIds.length === 0) return;
  await prisma.pendingSiteSignal.deleteMany({
    where: { articleId: { in: [...new Set(articleIds)] }, failedAt: { lte: sentAt } },
  });
}

/**
 * For the newsroom: how many changed articles the public site has not confirmed yet and since when the oldest
 * waits, so that staff know why a change is not online yet (and that it is being retried). Staff who read articles.
 */
export async function unconfirmedSiteChanges(
  prisma: PrismaClient,
  actor: Actor | null,
): Promise<{ count: number; since: Date | null }> {
  requirePermission(actor, "article.read");
  const result = await prisma.pendingSiteSignal.aggregate({ _count: { _all: true }, _min: { since: true } });
  return { count: result._count._all, since: result._min.since };
}
