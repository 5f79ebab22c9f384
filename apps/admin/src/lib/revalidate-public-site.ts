// The admin's side of the public site's revalidation signal (@minbar/site-signal): the target from its environment
// (PUBLIC_SITE_URL, REVALIDATE_SECRET); what the site does not confirm is kept for the scheduler to send again
// (pending_site_signals); failures logged, never thrown. Each signal carries the id of the request or job that sent
// it (X-Request-Id), and is counted in the metrics as sent, then confirmed or failed.
import { headers } from "next/headers";
import { getPrisma, type PrismaClient } from "@minbar/db/client";
import { metrics } from "@minbar/observability/metrics";
import { signalFrontPages, signalSectionsChanged, type SiteTarget } from "@minbar/site-signal";
import { resendDueSignals, signalAndTrack, type TrackedSignalResult } from "@minbar/site-signal/tracked";
import { getEnv } from "../env.ts";

type Log = Pick<Console, "warn" | "error">;

/** The target configured in the environment, or null when either half is missing; `requestId` names the sender. */
export function siteTargetFromEnv(requestId?: string): SiteTarget | null {
  const env = getEnv();
  if (!env.PUBLIC_SITE_URL || !env.REVALIDATE_SECRET) return null;
  return { siteUrl: env.PUBLIC_SITE_URL, secret: env.REVALIDATE_SECRET, ...(requestId ? { requestId } : {}) };
}

/** The id server/serve.ts gave the request being answered; none outside a request (the scheduler names its jobs). */
async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

type SignalKind = "articles" | "resend" | "sections" | "front-pages";

function count(kind: SignalKind, confirmed: boolean): void {
  const counters = metrics();
  counters.revalidationsSent.inc({ kind });
  (confirmed ? counters.revalidationsConfirmed : counters.revalidationsFailed).inc({ kind });
}

function report(which: string, result: TrackedSignalResult, log: Log): void {
  if (!result.confirmed) {
    const kept = result.kept
      ? "; kept, the scheduler sends it again"
      : result.kept === false
        ? `; NOT kept for a retry: ${result.trackingError}`
        : "";
    log.error(`[revalidate] ${which}: ${result.reason}${kept}`);
  } else if (result.kept === false) {
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
 * What it does not confirm is sent again by the scheduler (resendDueSiteSignals) until it does.
 */
export async function revalidatePublicSite(
  articleIds: number | readonly number[],
  options: RevalidateOptions = {},
): Promise<boolean> {
  const ids = typeof articleIds === "number" ? [articleIds] : articleIds;
  const log = options.log ?? console;
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
  return result.confirmed;
}

/**
 * Tells the public site that sections changed: their pages (an article moved out of one), and with `navigation`
 * every page naming them. Not kept for a retry: a missed one is logged (docs/decisions/0017-sections.md). Never throws.
 */
export async function revalidateSections(
  sectionIds: readonly number[],
  { navigation = false, log = console }: { navigation?: boolean; log?: Log } = {},
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
    if (!result.confirmed) log.error(`[revalidate] ${what}: ${result.reason}`);
    return result.confirmed;
  } catch (error) {
    log.error(`[revalidate] ${what}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Sends again the signals the site has not confirmed and that are due; the number sent. Never throws. */
export async function resendDueSiteSignals({
  prisma,
  now,
  target,
  log = console,
}: {
  prisma: PrismaClient;
  now: Date;
  target: SiteTarget | null;
  log?: Log;
}): Promise<number> {
  if (!target) return 0;
  try {
    const resent = await resendDueSignals({ prisma, target, now });
    if (!resent) return 0;
    count("resend", resent.confirmed);
    report(`again: ${describeIds(resent.articleIds)}`, resent, log);
    return resent.articleIds.length;
  } catch (error) {
    log.error(
      `[revalidate] pending signals could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 0;
  }
}

/**
 * Tells the public site that the edited front pages of these editions changed (an arrangement published or made live
 * by the scheduler, a pin ended). Never throws; resolves to true when the site confirmed.
 */
export async function revalidateFrontPages(
  locales: readonly ("ar" | "ru" | "en")[],
  options: { target?: SiteTarget | null; log?: Pick<Console, "error">; requestId?: string } = {},
): Promise<boolean> {
  if (locales.length === 0) return true;
  const log = options.log ?? console;
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
  if (!result.confirmed) log.error(`[revalidate] front pages ${locales.join(", ")}: ${result.reason}`);
  return result.confirmed;
}
