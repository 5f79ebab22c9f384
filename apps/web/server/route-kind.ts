// The public site's routes as a bounded metrics label: what kind of page a path is, never the path itself (a label
// per article or per random URL would grow Prometheus's series without end).
const LOCALE_PREFIX = /^\/(?:ru|en)(?=\/|$)/;
const LISTING = /^(?:\/(?:sections|sources|tags)\/[^/]+)?(?:\/page\/\d+)?\/?$/;

export function webRouteKind(path: string): string {
  if (path.startsWith("/_next/")) return "static";
  if (path.startsWith("/media/")) return "media";
  if (path.startsWith("/api/")) return "api";
  if (path.startsWith("/preview/")) return "preview";
  const rest = path.replace(LOCALE_PREFIX, "") || "/";
  if (/\.(?:xml|xsl|txt)$/.test(rest)) return "feed";
  if (rest.startsWith("/news/")) return "article";
  if (rest === "/search") return "search";
  if (LISTING.test(rest)) return "listing";
  return "other";
}

/** A preview link's path is its secret: the token is left out of the logs. */
export function webLoggablePath(path: string): string {
  return path.replace(/^\/preview\/[^?]+/, "/preview/redacted");
}
