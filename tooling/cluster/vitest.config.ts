// The cluster's tests start real processes on fixed ports (src/ports.ts): one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts"], fileParallelism: false },
});
