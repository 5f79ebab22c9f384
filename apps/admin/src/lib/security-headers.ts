// The admin's security headers and cookie security, decided from its configured origin (ADMIN_SITE_URL), never from a
// request header, which any client can write. Every page is rendered per request, so inline scripts and styles are
// allowed by a nonce made for each response (../proxy.ts); Next puts it on the scripts and styles it writes.

/** The request header through which the proxy hands the response's nonce to the pages (and Next reads the policy). */
export const NONCE_HEADER = "x-nonce";

/** Whether the configured origin is https. */
export function isHttpsOrigin(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Auth.js's `useSecureCookies`: with an origin configured, Secure (and the __Secure-/__Host- names) exactly when it is
 * https, whatever a proxy forwards; without one (a local setup), Auth.js decides from the request.
 */
export function secureCookies(adminSiteUrl: string | undefined): boolean | undefined {
  return adminSiteUrl ? isHttpsOrigin(adminSiteUrl) : undefined;
}

/** 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy({ nonce, https }: { nonce: string; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonced scripts load are trusted through them, nothing else is.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'`,
    // The editor (Tiptap) inserts its stylesheet with the nonce the page gives it.
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers every response carries besides the policy. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}
