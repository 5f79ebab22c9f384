// Vitest for @minbar/site-signal: some tests create a real PostgreSQL database, which takes seconds on a busy machine.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
