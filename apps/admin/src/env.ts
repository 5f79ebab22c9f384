// The admin's environment, validated with zod; the only module of this app that reads process.env.
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
  /** Signs and encrypts the session cookie; `openssl rand -base64 32`. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  /** Absolute origin of the admin itself, for one-time sign-in links; required in production. */
  ADMIN_SITE_URL: z.url().optional(),
  NODE_ENV: z.string().optional(),
  /** Signs preview links; the public site must have the same value to open them. */
  PREVIEW_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
});

/** Where the admin runs when ADMIN_SITE_URL is unset, outside production (`next dev`, unit tests). */
const DEVELOPMENT_ORIGIN = "http://localhost:3001";

export type AdminEnv = z.infer<typeof envSchema> & { adminOrigin: string };

let cached: AdminEnv | undefined;

/** Read lazily, at request time: the build runs without a database or a secret. */
export function getEnv(): AdminEnv {
  if (cached) return cached;
  const env = parseEnv(envSchema, process.env, "Invalid environment for @minbar/admin");
  if (!env.ADMIN_SITE_URL && env.NODE_ENV === "production")
    throw new Error(
      "Invalid environment for @minbar/admin: ADMIN_SITE_URL is required in production (the admin's origin, e.g. https://admin.example.org); links are never built from a request's Host header",
    );
  cached = { ...env, adminOrigin: (env.ADMIN_SITE_URL ?? DEVELOPMENT_ORIGIN).replace(/\/+$/, "") };
  return cached;
}

const serverEnvSchema = z.object({
  /**
   * How many proxies in front of the admin append to X-Forwarded-For and are trusted to: 0 (the default) when
   * clients connect to the admin directly, so the header is ignored; 1 behind one reverse proxy; and so on.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  ...mediaEnvShape,
  /** Memory for photos' renditions kept hot by the server (@minbar/media's serve.ts), in MiB. */
  MEDIA_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(64),
  /** Whether the renditions the server answers itself carry HSTS (https), as the app's own responses do. */
  ADMIN_SITE_URL: z.url().optional(),
  /** The database /api/health checks (the server's own small pool); required by the app itself (getEnv). */
  DATABASE_URL: postgresUrl.optional(),
});

/** What server/serve.ts itself needs, read at its start (the app's own variables are read at request time). */
export function readServerEnv(): z.infer<typeof serverEnvSchema> {
  return parseEnv(serverEnvSchema, process.env, "Invalid environment for the admin's server");
}

/** The server runs Next in production mode whatever the shell says; Next reads NODE_ENV on import. */
export function forceProductionMode(): void {
  (process.env as Record<string, string>).NODE_ENV = "production";
}

/** True inside `next build` (Next sets NEXT_PHASE for its build workers), where no background work may start. */
export function isNextBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/**
 * The production server's default for MEDIA_DIR (the data folder's media/), set before anything reads the
 * environment, so the app's own code (bundled by Next, where finding the data folder is not possible) reads it too.
 */
export function defaultMediaDir(dir: string): void {
  if (!process.env.MEDIA_DIR && !process.env.MEDIA_S3_BUCKET) process.env.MEDIA_DIR = dir;
}
