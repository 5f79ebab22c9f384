// Vitest for @minbar/db: real PostgreSQL and a real embedded server, so generous timeouts and one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The embedded-server tests bind fixed local ports and the authoring test spawns the wasm engine; running
    // files one after another keeps them from competing on two cores.
    fileParallelism: false,
  },
});
