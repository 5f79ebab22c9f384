// Behind Varnish (docs/decisions/0039), POST /api/revalidate purges the tags it dropped in every Varnish of
// VARNISH_PURGE_URLS: `PURGE /` with `xkey-purge: <tags>` (the VCL answers 200 to its ACL's addresses). A Varnish that
// does not confirm makes the endpoint answer 502, so the sender keeps the signal and sends it again.
import { getEnv } from "../env.ts";
import { surrogateKeyOf } from "./cache-tags.ts";

/** Varnish refuses a request header longer than 8 KiB (http_req_hdr_len): longer tag lists go in several purges. */
const MAX_HEADER_CHARS = 4_000;
const TIMEOUT_MS = 5_000;

/** Tags in groups whose space-separated list stays under `max` characters. */
export function tagBatches(tags: readonly string[], max = MAX_HEADER_CHARS): string[] {
  const batches: string[] = [];
  let current = "";
  for (const tag of tags) {
    if (current && current.length + 1 + tag.length > max) {
      batches.push(current);
      current = "";
    }
    current = current ? `${current} ${tag}` : tag;
  }
  if (current) batches.push(current);
  return batches;
}

/**
 * Purges `tags` in each Varnish of `origins`, spelt as the pages' `xkey` headers spell them (surrogateKeyOf); resolves
 * to the origins that did not answer 200 (none: all purged).
 */
export async function purgeVarnishes(origins: readonly string[], tags: readonly string[]): Promise<string[]> {
  const batches = tagBatches(tags.map(surrogateKeyOf));
  const outcomes = await Promise.all(
    origins.map(async (origin) => {
      for (const batch of batches) {
        try {
          const response = await fetch(new URL("/", origin), {
            method: "PURGE",
            headers: { "xkey-purge": batch },
            redirect: "manual",
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          await response.arrayBuffer();
          if (response.status !== 200) return `${origin} (${response.status})`;
        } catch (error) {
          return `${origin} (${error instanceof Error ? error.message : String(error)})`;
        }
      }
      return null;
    }),
  );
  return outcomes.filter((outcome) => outcome !== null);
}

/** The endpoint's answer when a configured Varnish did not confirm the purge of `tags`, else null. */
export async function purgeConfiguredVarnishes(tags: readonly string[]): Promise<Response | null> {
  const origins = getEnv().VARNISH_PURGE_URLS;
  if (origins.length === 0 || tags.length === 0) return null;
  const unconfirmed = await purgeVarnishes(origins, tags);
  if (unconfirmed.length === 0) return null;
  return Response.json({ error: "purge not confirmed", varnish: unconfirmed, tags }, { status: 502 });
}
