// The admin's own origin, for links handed to people (one-time sign-in links): always the configured one, never the
// Host or X-Forwarded-Host of a request, which the client chooses (a reset link could otherwise point elsewhere).
import "server-only";
import { getEnv } from "../env.ts";

export function adminOrigin(): string {
  return getEnv().adminOrigin;
}

export function signInLinkUrl(token: string): string {
  return `${adminOrigin()}/login/link/${encodeURIComponent(token)}`;
}
