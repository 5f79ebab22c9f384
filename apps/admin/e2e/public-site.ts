// The public site started beside the admin under test: its port and the revalidation secret both share.
export const E2E_WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
export const E2E_REVALIDATE_SECRET = "e2e-only-revalidate-secret-0123456789";
export const PUBLIC_SITE = `http://localhost:${E2E_WEB_PORT}`;
