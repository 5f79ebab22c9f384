// Locale routing in front of every page: rewrites / to the Arabic pages and keeps /ru and /en prefixed.
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing.ts";

export default createMiddleware(routing);

export const config = {
  // Everything except API routes, Next internals, files with an extension, and preview links (/preview/{token}:
  // one page in the previewed text's language, whatever the URL says, and never a locale redirect).
  matcher: "/((?!api|_next|_vercel|preview/|.*\\..*).*)",
};
