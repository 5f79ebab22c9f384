// The admin's environment, validated with zod; the only module of this app that reads process.env.
import { z } from "zod";
import { parseEnv, postgresUrl } from "@minbar/db/env";
import { siteEnvShape } from "@minbar/site-signal";

const envSchema = z.object({
  // PUBLIC_SITE_URL (the public site's origin, for links to it) and REVALIDATE_SECRET (POST /api/revalidate's
  // bearer token; unset: no revalidation), as @minbar/site-signal validates them.
  ...siteEnvShape,
  DATABASE_URL: postgresUrl,
  /** Signs and encrypts the session cookie; `openssl rand -base64 32`. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  /** Absolute origin of the admin itself, for one-time sign-in links; unset: the host of the request. */
  ADMIN_SITE_URL: z.url().optional(),
  /** Signs preview links; the public site must have the same value to open them. */
  PREVIEW_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
});

export type AdminEnv = z.infer<typeof envSchema>;

let cached: AdminEnv | undefined;

/** Read lazily, at request time: the build runs without a database or a secret. */
export function getEnv(): AdminEnv {
  if (cached) return cached;
  cached = parseEnv(envSchema, process.env, "Invalid environment for @minbar/admin");
  return cached;
}

/** True inside `next build` (Next sets NEXT_PHASE for its build workers), where no background work may start. */
export function isNextBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
