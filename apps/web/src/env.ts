// The public site's environment, validated with zod; the only module of this app that reads process.env.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL"),
  /** Absolute origin of the public site, for canonical and alternate-language links; optional in development. */
  PUBLIC_SITE_URL: z.url().optional(),
  /** Shared with the admin, which calls POST /api/revalidate after a change; without it the endpoint refuses all. */
  REVALIDATE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Shared with the admin, which signs preview links with it; unset: previews are off (every /preview link is a 404). */
  PREVIEW_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Memory for the response cache in front of Next (server/front-cache.ts), in MiB. */
  FRONT_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(256),
});

export type WebEnv = z.infer<typeof envSchema>;

let cached: WebEnv | undefined;

/** Read lazily, at request time: the build runs without a database. */
export function getEnv(): WebEnv {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries({
      DATABASE_URL: process.env.DATABASE_URL,
      PUBLIC_SITE_URL: process.env.PUBLIC_SITE_URL,
      REVALIDATE_SECRET: process.env.REVALIDATE_SECRET,
      PREVIEW_SECRET: process.env.PREVIEW_SECRET,
      FRONT_CACHE_MB: process.env.FRONT_CACHE_MB,
    }).filter(
      ([, value]) => value !== undefined && value.trim() !== "",
    ),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment for @minbar/web: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
