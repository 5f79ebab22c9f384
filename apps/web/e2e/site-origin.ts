// Where the public site under test runs: port 3100, or E2E_PORT when a second checkout runs its suite beside this one.
import { e2eEnv } from "@minbar/e2e/env";

export const SITE_PORT = e2eEnv.port(3100);
export const SITE_ORIGIN = `http://localhost:${SITE_PORT}`;
