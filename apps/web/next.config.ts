// Next.js configuration of the public site: next-intl routing, workspace packages compiled from source.
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  transpilePackages: ["@minbar/db", "@minbar/i18n", "@minbar/site-signal"],
  // The Prisma runtime and pg are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // server/serve.ts compresses, outside its response cache, so stored pages are compressed once rather than per request.
  compress: false,
  // Next's incremental cache as server/serve.ts configures it: in memory, and shared on Redis with REDIS_URL
  // (server/next-cache.ts). Loaded by Next itself, at build and at run time, by its absolute path.
  cacheHandler: fileURLToPath(new URL("./server/next-cache-handler.ts", import.meta.url)),
  experimental: {
    // Pages and data are cached in memory only. Next keeps the record of revalidated tags in memory, so entries
    // written to disk would come back after a restart as if never revalidated (an unpublished article reappearing);
    // after a restart the cache simply refills from the database.
    isrFlushToDisk: false,
    // The stylesheet is small: inlined, it does not block the first render (docs/decisions/0004-pages-as-plain-html.md).
    inlineCss: true,
  },
};

export default withNextIntl(nextConfig);
