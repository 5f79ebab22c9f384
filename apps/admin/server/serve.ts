// The admin's production server (`npm start -w @minbar/admin`, and what `npm start`, the end-to-end tests and
// `npm run bench:admin` run): Next's production build behind a plain Node server that tells the app who the client
// is. Next itself keeps any X-Forwarded-For the client sent, so only this server, which sees the socket, can.
// Before everything, @minbar/observability answers /api/health and /metrics and writes one log line per request.
// Takes next start's -p/--port and -H/--hostname.
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { requireSupportedNode } from "@minbar/db/env";
import { createDatabaseProbe } from "@minbar/db/health";
import { resolveDataDir } from "@minbar/db/local-data";
import { createRenditionHandler, mediaStorageFromEnv } from "@minbar/media";
import { stopJobs } from "@minbar/jobs";
import { messageLog, metrics, observedServer, processLogger, readObservabilityEnv } from "@minbar/observability";
import { defaultMediaDir, forceProductionMode, readServerEnv } from "../src/env.ts";
import { claimClientAddressHeader } from "../src/lib/client-address.ts";
import { isHttpsOrigin, securityHeaders } from "../src/lib/security-headers.ts";
import { stampClientAddress } from "./client-address.ts";
import { adminLoggablePath, adminRouteKind } from "./route-kind.ts";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: "3001" },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0 || port > 65_535)
  throw new Error(`--port must be a TCP port, not ${args.port}`);

requireSupportedNode();
forceProductionMode();
// The data folder's media/ unless a folder or a bucket is configured; the app's own code reads the same variable.
defaultMediaDir(join(resolveDataDir(), "media"));
const {
  TRUSTED_PROXY_HOPS: trustedHops,
  ADMIN_SITE_URL: adminSiteUrl,
  MEDIA_CACHE_MB: mediaCacheMb,
  DATABASE_URL: databaseUrl,
  ...mediaEnv
} = readServerEnv();
const ops = readObservabilityEnv();
// The library's thumbnails and previews, health and metrics never reach Next, whose proxy sets the pages' security
// headers, so they get the same ones (not the pages' policy). Renditions are the public site's, from the same storage.
const plainSecurityHeaders = securityHeaders({ https: isHttpsOrigin(adminSiteUrl) });
const media = createRenditionHandler(mediaStorageFromEnv(mediaEnv, mediaEnv.MEDIA_DIR ?? ""), {
  maxBytes: mediaCacheMb * 1024 * 1024,
  headers: plainSecurityHeaders,
  onError: (error) => messageLog("admin").error("[media] a photo could not be served", error),
});
// Loaded after NODE_ENV is set: Next reads it on import.
const { default: next } = await import("next");
const appDir = fileURLToPath(new URL("..", import.meta.url));
const app = next({ dev: false, dir: appDir, hostname: args.hostname ?? "localhost", port });
const nextHandler = app.getRequestHandler();
await app.prepare();
claimClientAddressHeader();

// Without DATABASE_URL the app stops at start with one line (src/instrumentation.ts); until then health says why.
const database = databaseUrl
  ? createDatabaseProbe(databaseUrl)
  : { check: async () => "DATABASE_URL is not set", close: async () => {} };
const server = createServer(
  observedServer(
    (req, res) => {
      stampClientAddress(req, trustedHops);
      if (media(req, res)) return;
      void nextHandler(req, res);
    },
    {
      logger: processLogger("admin"),
      metrics: metrics(),
      metricsToken: ops.metricsToken,
      // Redis joins here when the admin uses it.
      health: { postgres: () => database.check() },
      routeOf: adminRouteKind,
      redactPath: adminLoggablePath,
      headers: plainSecurityHeaders,
    },
  ),
);
server.listen(port, args.hostname, () => {
  const proxies = trustedHops === 0 ? "no trusted proxy" : `${trustedHops} trusted proxy hop(s)`;
  console.log(`▲ Minbar admin server (${proxies}) on http://${args.hostname ?? "localhost"}:${port}`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  // The job queue (started by the app's instrumentation) finishes its running jobs first, within its grace.
  void Promise.allSettled([stopJobs(), app.close(), database.close()]).finally(() => process.exit(0));
  // Open keep-alive connections must not hold the process.
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
