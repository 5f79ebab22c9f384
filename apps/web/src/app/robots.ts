// /robots.txt: everything may be crawled (search pages say noindex themselves); points to the sitemap.
import type { MetadataRoute } from "next";
import { siteOrigin } from "../lib/site-url.ts";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return { rules: { userAgent: "*", allow: "/" }, sitemap: `${origin}/sitemap.xml` };
}
