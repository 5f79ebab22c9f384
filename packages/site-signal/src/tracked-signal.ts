// The signal with a memory: what the public site did not confirm (it was down, too slow, or nowhere to be found) is
// recorded in pending_site_signals until the site confirms it, since the site's cache outlives a restart; the
// admin's job queue sends it again (docs/decisions/0014-missed-site-signals-sent-again.md, 0037-job-queue.md).
import { forgetConfirmedSignals, rememberUnconfirmedSignals } from "@minbar/db/site-signals";
import type { PrismaClient } from "@minbar/db/client";
import { signalPublicSite, type SignalResult, type SiteTarget } from "./signal-public-site.ts";

export type TrackedSignalInput = {
  prisma: PrismaClient;
  /** Null when no public site is known: the articles are kept for whoever knows it (the admin's job queue). */
  target: SiteTarget | null;
  articleIds: readonly number[];
  timeoutMs?: number;
  now?: Date;
};

/**
 * What the site said, and whether the articles it did not confirm were kept for a retry: null when there were none,
 * false (with the database's error) when they could not be written.
 */
export type TrackedSignalResult = SignalResult & { kept: boolean | null; trackingError?: string };

/** Sends the signal; forgets what the site confirmed and keeps what it did not. Never throws. */
export async function signalAndTrack({
  prisma,
  target,
  articleIds,
  timeoutMs,
  now = new Date(),
}: TrackedSignalInput): Promise<TrackedSignalResult> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return { confirmed: true, articles: 0, kept: null };
  const result: SignalResult = target
    ? await signalPublicSite({ target, articleIds: ids, timeoutMs })
    : { confirmed: false, articles: 0, reason: "no public site configured" };
  // signalPublicSite confirms the ids in order, stopping at the first request that fails.
  const confirmed = ids.slice(0, result.articles);
  const unconfirmed = ids.slice(result.articles);
  try {
    await forgetConfirmedSignals(prisma, confirmed, now);
    if (unconfirmed.length > 0)
      await rememberUnconfirmedSignals(prisma, unconfirmed, result.confirmed ? "" : result.reason, now);
    return { ...result, kept: unconfirmed.length > 0 ? true : null };
  } catch (error) {
    return {
      ...result,
      kept: unconfirmed.length > 0 ? false : null,
      trackingError: error instanceof Error ? error.message : String(error),
    };
  }
}
