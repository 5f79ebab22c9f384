// The one place in @minbar/site-signal that reads process.env: the public site's address and its revalidation
// secret, for `npm start` and the commands run beside it (each app reads its own in its env.ts).
import { z } from "zod";

const envSchema = z.object({
  PUBLIC_SITE_URL: z.url().optional(),
  REVALIDATE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
});

export type SiteEnv = { publicSiteUrl: string | undefined; revalidateSecret: string | undefined };

/** Reads and validates the environment; empty strings count as unset. */
export function readSiteEnv(source: NodeJS.ProcessEnv = process.env): SiteEnv {
  const raw = Object.fromEntries(
    Object.entries({ PUBLIC_SITE_URL: source.PUBLIC_SITE_URL, REVALIDATE_SECRET: source.REVALIDATE_SECRET }).filter(
      ([, value]) => value !== undefined && value.trim() !== "",
    ),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment for the public site's address: ${problems}`);
  }
  return { publicSiteUrl: parsed.data.PUBLIC_SITE_URL, revalidateSecret: parsed.data.REVALIDATE_SECRET };
}
