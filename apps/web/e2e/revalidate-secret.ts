// The revalidation secret of the server under test, known to the specs that call POST /api/revalidate. A fixed
// value because playwright.config.ts is evaluated in every worker; nothing outside a test run accepts it.
export const REVALIDATE_SECRET = process.env.REVALIDATE_SECRET ?? "e2e-only-revalidate-secret-0123456789";
