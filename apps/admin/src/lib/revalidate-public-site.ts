// Tells the public site that an article changed (POST /api/revalidate), the one signal every publish path sends.
import { getEnv } from "../env";

/** Where to send the signal: the public site's origin (PUBLIC_SITE_URL) and its shared secret (REVALIDATE_SECRET). */
export type RevalidationTarget = { siteUrl: string; secret: string };

export type RevalidateOptions = {
  /** Defaults to PUBLIC_SITE_URL and REVALIDATE_SECRET from the admin's environment. */
  target?: RevalidationTarget | null;
  timeoutMs?: number;
  log?: Pick<Console, "warn" | "error">;
};

const DEFAULT_TIMEOUT_MS = 5_000;

/** The target configured in the environment, or null when either half is missing. */
export function revalidationTargetFromEnv(): RevalidationTarget | null {
  const env = getEnv();
  if (!env.PUBLIC_SITE_URL || !env.REVALIDATE_SECRET) return null;
  return { siteUrl: env.PUBLIC_SITE_URL, secret: env.REVALIDATE_SECRET };
}

/**
 * Resolves to true when the public site confirmed (2xx), false otherwise. Never throws: the article is already
 * saved when this runs, and a public site that is down must not turn a successful publish into an error.
 */
export async function revalidatePublicSite(articleId: number, options: RevalidateOptions = {}): Promise<boolean> {
  const log = options.log ?? console;
  let target: RevalidationTarget | null;
  try {
    target = options.target === undefined ? revalidationTargetFromEnv() : options.target;
  } catch (error) {
    log.error(`[revalidate] article ${articleId}: ${describe(error)}`);
    return false;
  }
  if (!target) {
    log.warn(`[revalidate] article ${articleId}: skipped, PUBLIC_SITE_URL or REVALIDATE_SECRET is not set`);
    return false;
  }
  const url = new URL(`${target.siteUrl.replace(/\/+$/, "")}/api/revalidate`);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${target.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ articleId }),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      // The response is about the public site's cache; never follow it elsewhere with the secret attached.
      redirect: "error",
    });
    // Drain the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return true;
    log.error(`[revalidate] article ${articleId}: ${url.origin} answered ${response.status}`);
    return false;
  } catch (error) {
    log.error(`[revalidate] article ${articleId}: ${url.origin} unreachable: ${describe(error)}`);
    return false;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}
