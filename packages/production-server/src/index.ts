// How an app's production build is started, by `npm start`, the tests and the benchmarks alike: by the app's own
// server when it has one (server/serve.ts: the public site, Next.js behind its response cache; the admin, Next.js
// behind the server that resolves the client's address), otherwise by `next start`.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * Arguments for `node` (process.execPath) that serve appDir's production build on hostname:port; with a null
 * hostname, on every interface (as `npm start` does).
 */
export function productionServerArgs(appDir: string, port: number, hostname: string | null = "localhost"): string[] {
  const own = join(appDir, "server", "serve.ts");
  // Next's own binary, not `npx next`: a signal to npx does not reach the server it started.
  const start = existsSync(own)
    ? ["--import", "tsx", own]
    : [createRequire(join(appDir, "package.json")).resolve("next/dist/bin/next"), "start"];
  return [...start, ...(hostname === null ? [] : ["-H", hostname]), "-p", String(port)];
}
