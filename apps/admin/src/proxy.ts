// In front of every request: a fresh nonce and the security headers (lib/security-headers.ts). Next reads the nonce
// from the policy on the request and puts it on the scripts and styles it renders, which works because every admin
// page is rendered per request (the layout reads the session); a page prerendered at build would carry no nonce.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./env.ts";
import {
  contentSecurityPolicy,
  isHttpsOrigin,
  newNonce,
  NONCE_HEADER,
  securityHeaders,
} from "./lib/security-headers.ts";

export function proxy(request: NextRequest) {
  const https = isHttpsOrigin(getEnv().ADMIN_SITE_URL);
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}
