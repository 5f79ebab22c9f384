// Tells the public site which articles changed (POST /api/revalidate), the one signal every publish path sends: the
// admin after each change, the importer's CLI after a run.
import { MAX_ARTICLE_IDS_PER_REQUEST, type RevalidationRequest } from "./revalidation-request.ts";

/**
 * Where to send the signal: the public site's origin and the secret it shares (its REVALIDATE_SECRET); and the id of
 * the request or job that sends it, passed as X-Request-Id so the site's log line of the signal names it.
 */
export type SiteTarget = { siteUrl: string; secret: string; requestId?: string };

export type SignalInput = {
  target: SiteTarget;
  articleIds: readonly number[];
  /** For each request. */
  timeoutMs?: number;
};

/**
 * Whether the site confirmed every id, and how many it confirmed: on failure, those of the requests before the one
 * that failed.
 */
export type SignalResult =
  { confirmed: true; articles: number } | { confirmed: false; articles: number; reason: string };

export const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Sends the ids, each once, in requests of at most MAX_ARTICLE_IDS_PER_REQUEST, one after the other, and stops at the
 * first one the site does not confirm with a 2xx (the rest would meet the same site). No ids: nothing is sent. Never
 * throws: the articles are already saved when this runs, and a public site that is down must not turn a successful
 * publish or import into an error.
 */
export async function signalPublicSite({
  target,
  articleIds,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: SignalInput): Promise<SignalResult> {
  const ids = [...new Set(articleIds)];
  let url: URL;
  try {
    url = new URL(`${target.siteUrl.replace(/\/+$/, "")}/api/revalidate`);
  } catch {
    return { confirmed: false, articles: 0, reason: `not a URL: ${target.siteUrl}` };
  }
  let articles = 0;
  for (let start = 0; start < ids.length; start += MAX_ARTICLE_IDS_PER_REQUEST) {
    const chunk = ids.slice(start, start + MAX_ARTICLE_IDS_PER_REQUEST);
    const failure = await send(url, target, { articleIds: chunk }, timeoutMs);
    if (failure) return { confirmed: false, articles, reason: failure };
    articles += chunk.length;
  }
  return { confirmed: true, articles };
}

/**
 * Tells the site that sections changed: their pages (an article left one), and with `navigation` every page that
 * names them (renamed, reordered, retired, restored, created). One request; never throws.
 */
export async function signalSectionsChanged({
  target,
  sectionIds,
  navigation = false,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: {
  target: SiteTarget;
  sectionIds: readonly number[];
  navigation?: boolean;
  timeoutMs?: number;
}): Promise<{ confirmed: true } | { confirmed: false; reason: string }> {
  const ids = [...new Set(sectionIds)].slice(0, MAX_ARTICLE_IDS_PER_REQUEST);
  if (ids.length === 0) return { confirmed: true };
  return sendTo(target, navigation ? { sectionIds: ids, navigation } : { sectionIds: ids }, timeoutMs);
}

/**
 * Tells the site that the edited front pages of these editions changed (nothing else did). Never throws; not kept
 * for a retry (a front page's next change, or its cache lifetime, refreshes it: docs/decisions/0020).
 */
export async function signalFrontPages({
  target,
  locales,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: {
  target: SiteTarget;
  locales: readonly ("ar" | "ru" | "en")[];
  timeoutMs?: number;
}): Promise<{ confirmed: true } | { confirmed: false; reason: string }> {
  const frontPages = [...new Set(locales)];
  if (frontPages.length === 0) return { confirmed: true };
  return sendTo(target, { frontPages }, timeoutMs);
}

async function sendTo(
  target: SiteTarget,
  body: RevalidationRequest,
  timeoutMs: number,
): Promise<{ confirmed: true } | { confirmed: false; reason: string }> {
  let url: URL;
  try {
    url = new URL(`${target.siteUrl.replace(/\/+$/, "")}/api/revalidate`);
  } catch {
    return { confirmed: false, reason: `not a URL: ${target.siteUrl}` };
  }
  const failure = await send(url, target, body, timeoutMs);
  return failure ? { confirmed: false, reason: failure } : { confirmed: true };
}

/** One request: null when the site confirmed it, otherwise why not. */
async function send(
  url: URL,
  { secret, requestId }: SiteTarget,
  body: RevalidationRequest,
  timeoutMs: number,
): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": "application/json",
        ...(requestId ? { "x-request-id": requestId } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      // The response is about the public site's cache; never follow it elsewhere with the secret attached.
      redirect: "error",
    });
    // Drain the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return null;
    if (response.status === 401)
      return `${url.origin} refused the secret (401): it is not the site's REVALIDATE_SECRET`;
    return `${url.origin} answered ${response.status}`;
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError")
      return `${url.origin} did not answer within ${timeoutMs} ms`;
    return `${url.origin} unreachable: ${describe(error)}`;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}
