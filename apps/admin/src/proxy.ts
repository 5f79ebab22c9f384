// In front of every request: a fresh nonce and the security headers (lib/security-headers.ts). Next reads the nonce
// from the policy on the request and puts it on the scripts and styles it renders, which works because every admin
// page is rendered per request (the layout reads the session); a page prerendered at build would carry no nonce.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./env.ts";
import { preferredLocale } from "./i18n/accept-language.ts";
import {
  LOCALE_CHOSEN_COOKIE,
  LOCALE_CHOSEN_COOKIE_OPTIONS,
  LOCALE_COOKIE,
  LOCALE_COOKIE_OPTIONS,
} from "./i18n/locale-cookie.ts";
import {
  contentSecurityPolicy,
  isHttpsOrigin,
  newNonce,
  NONCE_HEADER,
  securityHeaders,
} from "./lib/security-headers.ts";

/**
 * A one-time link's page opened in a browser that never chose a language: the browser's preferred one among ar/ru/en,
 * for this request (its cookie header) and the next ones, marked as the person's choice so it becomes their account's.
 */
function browserLanguageForLinkPage(request: NextRequest): string | null {
  if (!request.nextUrl.pathname.startsWith("/login/link/") || request.cookies.has(LOCALE_COOKIE)) return null;
  const locale = preferredLocale(request.headers.get("accept-language"));
  if (!locale) return null;
  request.cookies.set(LOCALE_COOKIE, locale);
  request.cookies.set(LOCALE_CHOSEN_COOKIE, "1");
  return locale;
}

export function proxy(request: NextRequest) {
  const browserLocale = browserLanguageForLinkPage(request);
  const https = isHttpsOrigin(getEnv().ADMIN_SITE_URL);
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  if (browserLocale) {
    response.cookies.set(LOCALE_COOKIE, browserLocale, LOCALE_COOKIE_OPTIONS);
    response.cookies.set(LOCALE_CHOSEN_COOKIE, "1", LOCALE_CHOSEN_COOKIE_OPTIONS);
  }
  return response;
}
