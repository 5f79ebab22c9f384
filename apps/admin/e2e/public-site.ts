// The public site started beside the admin under test: its port and the revalidation secret both share.
import { e2eEnv } from "@minbar/e2e/env";

export const E2E_WEB_PORT = e2eEnv.webPort;
export const E2E_REVALIDATE_SECRET = "e2e-only-revalidate-secret-0123456789";
export const PUBLIC_SITE = `http://localhost:${E2E_WEB_PORT}`;
