// Vitest for the admin's server modules: integration tests on a real PostgreSQL (TEST_DATABASE_URL); pages and
// actions in the browser are covered by Playwright in e2e/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "server/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
