// The admin's routes as a bounded metrics label, and its paths as logged (a sign-in link's path is its secret).
import type { IncomingMessage } from "node:http";

export function adminRouteKind(method: string, path: string, req: Pick<IncomingMessage, "headers">): string {
  if (path.startsWith("/_next/")) return "static";
  if (path.startsWith("/media/")) return "media";
  if (path.startsWith("/api/auth/") || path.startsWith("/login")) return "auth";
  if (path.startsWith("/api/")) return "api";
  // Server actions are POSTs to a page's own path, told apart by Next's header.
  if (method === "POST" && req.headers["next-action"] !== undefined) return "action";
  return "admin-page";
}

export function adminLoggablePath(url: string): string {
  return url.replace(/^\/login\/link\/[^/?]+/, "/login/link/redacted");
}
