// Next.js configuration of the admin: next-intl without locale routing, workspace packages compiled from source.
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  transpilePackages: [
    "@minbar/db",
    "@minbar/i18n",
    "@minbar/importer",
    "@minbar/parser",
    "@minbar/site-signal",
    "@minbar/observability",
    "@minbar/jobs",
  ],
  // The Prisma runtime, pg (and pg-boss over it) and the argon2 native binding are loaded by Node at run time rather
  // than bundled. prom-client too: the server and the app then share one copy (the registry itself is on globalThis
  // either way).
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "prom-client", "pg-boss"],
  poweredByHeader: false,
  // forbidden() from next/navigation: a page the user may not see answers 403 with app/forbidden.tsx in the layout.
  experimental: {
    authInterrupts: true,
    // The proxy (src/proxy.ts) runs on every request and passes on only this much of a body: a photo upload
    // (POST /api/media) may be 30 MB (@minbar/media's MAX_UPLOAD_BYTES), plus its form encoding.
    proxyClientMaxBodySize: "31mb",
  },
};

export default withNextIntl(nextConfig);
