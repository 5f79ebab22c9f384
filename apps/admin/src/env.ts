// The admin's environment, validated with zod; the only module of this app that reads process.env.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL"),
  /** Signs and encrypts the session cookie; `openssl rand -base64 32`. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  /** Absolute origin of the public site, for "view on site" links; optional. */
  PUBLIC_SITE_URL: z.url().optional(),
  /** Absolute origin of the admin itself, for one-time sign-in links; unset: the host of the request. */
  ADMIN_SITE_URL: z.url().optional(),
  /** Bearer token for the public site's POST /api/revalidate; unset: the public site is not told of changes. */
  REVALIDATE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Signs preview links; the public site must have the same value to open them. */
  PREVIEW_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
});

export type AdminEnv = z.infer<typeof envSchema>;

let cached: AdminEnv | undefined;

/** Read lazily, at request time: the build runs without a database or a secret. */
export function getEnv(): AdminEnv {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries({
      DATABASE_URL: process.env.DATABASE_URL,
      AUTH_SECRET: process.env.AUTH_SECRET,
      PUBLIC_SITE_URL: process.env.PUBLIC_SITE_URL,
      ADMIN_SITE_URL: process.env.ADMIN_SITE_URL,
      REVALIDATE_SECRET: process.env.REVALIDATE_SECRET,
      PREVIEW_SECRET: process.env.PREVIEW_SECRET,
    }).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment for @minbar/admin: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** True inside `next build` (Next sets NEXT_PHASE for its build workers), where no background work may start. */
export function isNextBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
