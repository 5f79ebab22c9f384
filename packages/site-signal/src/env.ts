// The one place in @minbar/site-signal that reads process.env: the public site's address and its revalidation
// secret, for `npm start` and the commands run beside it. The apps read the same two variables with siteEnvShape.
import { z } from "zod";
import { parseEnv } from "@minbar/db/env";

/** PUBLIC_SITE_URL and REVALIDATE_SECRET as every reader of them validates them. */
export const siteEnvShape = {
  /** Absolute origin of the public site. */
  PUBLIC_SITE_URL: z.url().optional(),
  /** Shared by the public site and whoever signals it (POST /api/revalidate); as long as the other shared secrets. */
  REVALIDATE_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
};

export type SiteEnv = { publicSiteUrl: string | undefined; revalidateSecret: string | undefined };

/** Reads and validates the environment; empty strings count as unset. */
export function readSiteEnv(source: NodeJS.ProcessEnv = process.env): SiteEnv {
  const env = parseEnv(z.object(siteEnvShape), source, "Invalid environment for the public site's address");
  return { publicSiteUrl: env.PUBLIC_SITE_URL, revalidateSecret: env.REVALIDATE_SECRET };
}
