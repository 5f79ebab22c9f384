// The public site's environment, validated with zod; the only module of this app that reads process.env.
import { z } from "zod";
import { parseEnv, postgresUrl } from "@minbar/db/env";
import { siteEnvShape } from "@minbar/site-signal";
import { mediaEnvShape } from "@minbar/media/env";

const envSchema = z.object({
  // PUBLIC_SITE_URL (the public site's origin, for links to it) and REVALIDATE_SECRET (POST /api/revalidate's
  // bearer token; unset: no revalidation), as @minbar/site-signal validates them.
  ...siteEnvShape,
  // Where photos are kept: MEDIA_DIR (default: media/ in the data folder) or an S3-compatible bucket (MEDIA_S3_*).
  ...mediaEnvShape,
  DATABASE_URL: postgresUrl,
  /** Shared with the admin, which signs preview links with it; unset: previews are off (every /preview link is a 404). */
  PREVIEW_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /**
   * Memory for the response cache in front of Next (server/front-cache.ts), in MiB; 0 switches it off (behind a
   * shared cache such as Varnish, which is the response cache there).
   */
  FRONT_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(256),
  /**
   * Next's cache shared by every instance of the site on this Redis (server/next-cache.ts); unset: each instance keeps
   * its own, in memory.
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379)" })
    .optional(),
  /** Prefix of the site's keys in that Redis, for a Redis shared with other uses; the build's id follows it. */
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default("minbar:web:"),
  /**
   * Behind Varnish: the origins of every Varnish in front of the site (comma-separated, e.g.
   * `http://10.0.0.5:8080,http://10.0.0.6:8080`), where POST /api/revalidate purges the tags it dropped. Unset: none.
   */
  VARNISH_PURGE_URLS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "must be comma-separated http(s) origins" }))),
  /** Memory for photos' renditions kept hot by the server (@minbar/media's serve.ts), in MiB. */
  MEDIA_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(64),
  NODE_ENV: z.string().optional(),
});

/** Where the site runs when PUBLIC_SITE_URL is unset, outside production (`next dev`, unit tests). */
const DEVELOPMENT_ORIGIN = "http://localhost:3000";

export type WebEnv = z.infer<typeof envSchema> & { siteOrigin: string };

let cached: WebEnv | undefined;

/** Read lazily, at request time: the build runs without a database. */
export function getEnv(): WebEnv {
  if (cached) return cached;
  const env = parseEnv(envSchema, process.env, "Invalid environment for @minbar/web");
  if (!env.PUBLIC_SITE_URL && env.NODE_ENV === "production")
    throw new Error(
      "Invalid environment for @minbar/web: PUBLIC_SITE_URL is required in production (the site's origin, e.g. https://minbar.example.org); links are never built from a request's Host header",
    );
  cached = { ...env, siteOrigin: (env.PUBLIC_SITE_URL ?? DEVELOPMENT_ORIGIN).replace(/\/+$/, "") };
  return cached;
}

/** The port `server/serve.ts` listens on without -p (PORT, as `next start` reads it). */
export function defaultServerPort(): string {
  return process.env.PORT ?? "3000";
}

/** The production server runs Next in production mode whatever the shell says; Next reads NODE_ENV on import. */
export function forceProductionMode(): void {
  (process.env as Record<string, string>).NODE_ENV = "production";
}

/**
 * The production server's default for MEDIA_DIR (the data folder's media/), set before anything reads the
 * environment, so the app's own code (bundled by Next, where finding the data folder is not possible) reads it too.
 */
export function defaultMediaDir(dir: string): void {
  if (!process.env.MEDIA_DIR && !process.env.MEDIA_S3_BUCKET) process.env.MEDIA_DIR = dir;
}
