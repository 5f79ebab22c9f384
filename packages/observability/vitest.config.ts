// Vitest for @minbar/observability: the database probe's tests reach a real PostgreSQL.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
  },
});
