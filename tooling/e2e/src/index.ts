// The apps' end-to-end harness: one Playwright setup (Debian's Chromium, production build) and one runner that
// gives each run a fresh seeded database and drops it afterwards.
export { definePlaywrightConfig, type AppUnderTest } from "./playwright-config.ts";
export { runEndToEnd } from "./run-end-to-end.ts";
export { E2E_PREVIEW_SECRET } from "./preview-secret.ts";
export { seedsDir } from "./seeds.ts";
export { productionServerCommand } from "./production-server.ts";
export * as bench from "./bench-harness.ts";
export { serverNodeVersion, serverOutputUntil, startProductionServer, type ExtraServer } from "./server-runtime.ts";
export { expectSecurityHeaders, parsePolicy, watchPolicyViolations } from "./security-headers.ts";
export { pixelAt } from "./pixels.ts";
export { sampleValue, jsonLogLines } from "./operations.ts";
export { actionOutcome, serverActionHeaders, serverActionId, type ActionOutcome } from "./server-actions.ts";
export { prepareDatabase as createSeededDatabase } from "./run-end-to-end.ts";
