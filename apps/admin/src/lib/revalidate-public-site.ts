// The admin's side of the public site's revalidation signal (@minbar/site-signal): the target from its environment
// (PUBLIC_SITE_URL, REVALIDATE_SECRET), failures logged, never thrown.
import { signalPublicSite, type SiteTarget } from "@minbar/site-signal";
import { getEnv } from "../env";

/** The target configured in the environment, or null when either half is missing. */
function targetFromEnv(): SiteTarget | null {
  const env = getEnv();
  if (!env.PUBLIC_SITE_URL || !env.REVALIDATE_SECRET) return null;
  return { siteUrl: env.PUBLIC_SITE_URL, secret: env.REVALIDATE_SECRET };
}

/**
 * Tells the public site that these articles changed; resolves to true when it confirmed. Never throws: the articles
 * are already saved when this runs, and a public site that is down must not turn a successful publish into an error.
 */
export async function revalidatePublicSite(articleIds: number | readonly number[]): Promise<boolean> {
  const ids = typeof articleIds === "number" ? [articleIds] : articleIds;
  const which = ids.length === 1 ? `article ${ids[0]}` : `${ids.length} articles`;
  let target: SiteTarget | null;
  try {
    target = targetFromEnv();
  } catch (error) {
    console.error(`[revalidate] ${which}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  if (!target) {
    console.warn(`[revalidate] ${which}: skipped, PUBLIC_SITE_URL or REVALIDATE_SECRET is not set`);
    return false;
  }
  const result = await signalPublicSite({ target, articleIds: ids });
  if (!result.confirmed) console.error(`[revalidate] ${which}: ${result.reason}`);
  return result.confirmed;
}
