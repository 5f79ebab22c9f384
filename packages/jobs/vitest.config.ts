// Vitest for @minbar/jobs: pg-boss workers in child processes on a fresh PostgreSQL database per file.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
