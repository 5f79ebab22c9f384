// Where the public site under test runs: port 3100, or E2E_PORT when a second checkout runs its suite beside this one.
export const SITE_PORT = Number(process.env.E2E_PORT ?? 3100);
export const SITE_ORIGIN = `http://localhost:${SITE_PORT}`;
