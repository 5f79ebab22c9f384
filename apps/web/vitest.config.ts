// Vitest for the public site's plain modules (no Next.js, no database); pages are covered by Playwright in e2e/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts", "server/**/*.test.ts"] },
});
