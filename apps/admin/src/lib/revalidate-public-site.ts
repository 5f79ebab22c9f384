// The admin's side of the public site's revalidation signal (@minbar/site-signal): the target from its environment
// (PUBLIC_SITE_URL, REVALIDATE_SECRET); sent at once, and what the site does not confirm is queued to be sent again
// with a growing delay (@minbar/jobs; articles are also recorded in pending_site_signals, which the article list
// shows); failures logged, never thrown. Each signal carries the id of the request or job that sent
// it (X-Request-Id), and is counted in the metrics as sent, then confirmed or failed.
import { headers } from "next/headers";
import { getPrisma, type PrismaClient } from "@minbar/db/client";
import type { MessageLog } from "@minbar/observability/log";
import { metrics } from "@minbar/observability/metrics";
import type { SiteSignal } from "@minbar/jobs";
import { signalFrontPages, signalSectionsChanged, type SiteTarget } from "@minbar/site-signal";
import { signalAndTrack, type TrackedSignalResult } from "@minbar/site-signal/tracked";
import { getEnv } from "../env.ts";
import { queueSignalRetry } from "./jobs.ts";
import { adminLog } from "./log.ts";

type Log = Pick<MessageLog, "warn" | "error">;

/** The target configured in the environment, or null when either half is missing; `requestId` names the sender. */
export function siteTargetFromEnv(requestId?: string): SiteTarget | null {
  const env = getEnv();
  if (!env.PUBLIC_SITE_URL || !env.REVALIDATE_SECRET) return null;
  return { siteUrl: env.PUBLIC_SITE_URL, secret: env.REVALIDATE_SECRET, ...(requestId ? { requestId } : {}) };
}

/** The id server/serve.ts gave the request being answered; none outside a request (jobs name themselves). */
async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

type SignalKind = "articles" | "sections" | "front-pages";

function count(kind: SignalKind, confirmed: boolean): void {
  const counters = metrics();
  counters.revalidationsSent.inc({ kind });
  (confirmed ? counters.revalidationsConfirmed : counters.revalidationsFailed).inc({ kind });
}

/** Queues what the site did not confirm for the job queue to send again; says so in the log line. */
async function retryLater(which: string, reason: string, signal: SiteSignal | null, log: Log): Promise<void> {
  const queued = signal ? await queueSignalRetry(signal, log) : false;
  log.error(`[revalidate] ${which}: ${reason}${queued ? "; queued to be sent again" : ""}`);
}

function report(which: string, result: TrackedSignalResult, log: Log): void {
  if (!result.confirmed && result.kept === false) {
    log.error(`[revalidate] ${which}: ${result.reason}; NOT recorded as unconfirmed: ${result.trackingError}`);
  } else if (result.confirmed && result.kept === false) {
    log.error(
      `[revalidate] ${which}: confirmed, but the pending signals could not be updated: ${result.trackingError}`,
    );
  }
}

const describeIds = (ids: readonly number[]) => (ids.length === 1 ? `article ${ids[0]}` : `${ids.length} articles`);

export type RevalidateOptions = {
  prisma?: PrismaClient;
  target?: SiteTarget | null;
  log?: Log;
  /** Passed to the site as X-Request-Id; by default, the id of the request being answered. */
  requestId?: string;
};

/**
 * Tells the public site that these articles changed; resolves to true when it confirmed. Never throws: the articles
 * are already saved when this runs, and a public site that is down must not turn a successful publish into an error.
 * What it does not confirm is queued, and the job queue sends it again until it does.
 */
export async function revalidatePublicSite(
  articleIds: number | readonly number[],
  options: RevalidateOptions = {},
): Promise<boolean> {
  const ids = typeof articleIds === "number" ? [articleIds] : articleIds;
  const log = options.log ?? adminLog;
  let target: SiteTarget | null;
  try {
    target =
      options.target === undefined
        ? siteTargetFromEnv(options.requestId ?? (await currentRequestId()))
        : options.target;
  } catch (error) {
    log.error(`[revalidate] ${describeIds(ids)}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  if (!target) log.warn(`[revalidate] ${describeIds(ids)}: PUBLIC_SITE_URL or REVALIDATE_SECRET is not set`);
  const result = await signalAndTrack({ prisma: options.prisma ?? getPrisma(), target, articleIds: ids });
  if (target && ids.length > 0) count("articles", result.confirmed);
  report(describeIds(ids), result, log);
  // Without a site there is nobody to retry to; the unconfirmed articles stay recorded for when there is one.
  if (!result.confirmed && target) {
    const rest = [...new Set(ids)].slice(result.articles);
    await retryLater(describeIds(ids), result.reason, { kind: "articles", articleIds: rest }, log);
  }
  return result.confirmed;
}

/**
 * Tells the public site that sections changed: their pages (an article moved out of one), and with `navigation`
 * every page naming them. What it does not confirm is queued to be sent again. Never throws.
 */
export async function revalidateSections(
  sectionIds: readonly number[],
  { navigation = false, log = adminLog }: { navigation?: boolean; log?: Log } = {},
): Promise<boolean> {
  const what = `sections ${sectionIds.join(", ")}${navigation ? " (navigation)" : ""}`;
  try {
    const target = siteTargetFromEnv(await currentRequestId());
    if (!target) {
      log.warn(`[revalidate] ${what}: PUBLIC_SITE_URL or REVALIDATE_SECRET is not set`);
      return false;
    }
    const result = await signalSectionsChanged({ target, sectionIds, navigation });
    if (sectionIds.length > 0) count("sections", result.confirmed);
    if (!result.confirmed)
      await retryLater(what, result.reason, { kind: "sections", sectionIds: [...sectionIds], navigation }, log);
    return result.confirmed;
  } catch (error) {
    log.error(`[revalidate] ${what}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * Tells the public site that the edited front pages of these editions changed (an arrangement published now). What
 * it does not confirm is queued to be sent again. Never throws; resolves to true when the site confirmed.
 */
export async function revalidateFrontPages(
  locales: readonly ("ar" | "ru" | "en")[],
  options: { target?: SiteTarget | null; log?: Log; requestId?: string } = {},
): Promise<boolean> {
  if (locales.length === 0) return true;
  const log = options.log ?? adminLog;
  let target: SiteTarget | null;
  try {
    target =
      options.target === undefined
        ? siteTargetFromEnv(options.requestId ?? (await currentRequestId()))
        : options.target;
  } catch (error) {
    log.error(`[revalidate] front pages: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  if (!target) {
    log.error("[revalidate] front pages: PUBLIC_SITE_URL or REVALIDATE_SECRET is not set");
    return false;
  }
  const result = await signalFrontPages({ target, locales });
  count("front-pages", result.confirmed);
  if (!result.confirmed)
    await retryLater(
      `front pages ${locales.join(", ")}`,
      result.reason,
      { kind: "front-pages", locales: [...locales] },
      log,
    );
  return result.confirmed;
}
