// The revalidation secret of the server under test, known to the specs that call POST /api/revalidate (through
// `revalidate` below). A fixed value because playwright.config.ts is evaluated in every worker; nothing outside a
// test run accepts it.
import type { APIRequestContext } from "@playwright/test";
import { e2eEnv } from "@minbar/e2e/env";

export const REVALIDATE_SECRET = e2eEnv.revalidateSecret ?? "e2e-only-revalidate-secret-0123456789";

/** POST /api/revalidate as the admin would send it (or with another secret, to see it refused). */
export function revalidate(request: APIRequestContext, body: unknown, secret = REVALIDATE_SECRET) {
  return request.post("/api/revalidate", { headers: { Authorization: `Bearer ${secret}` }, data: body });
}
