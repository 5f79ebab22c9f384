// The admin's own origin, for links handed to people (one-time sign-in links): ADMIN_SITE_URL when set, otherwise
// the host this request came to.
import "server-only";
import { headers } from "next/headers";
import { getEnv } from "../env.ts";

export async function adminOrigin(): Promise<string> {
  const configured = getEnv().ADMIN_SITE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3001";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${protocol}://${host}`;
}

export async function signInLinkUrl(token: string): Promise<string> {
  return `${await adminOrigin()}/login/link/${encodeURIComponent(token)}`;
}
