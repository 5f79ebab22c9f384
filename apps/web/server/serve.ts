// The public site's production server (`npm start -w @minbar/web`, and what `npm start`, the end-to-end tests and
// `npm run bench:web` run): the production build of Next.js, with the response cache of ./front-cache.ts in front and,
// between the two, ./plain-html.ts taking Next's client runtime out of the pages; ./security-headers.ts gives every
// response its security headers and each page a policy of its own.
// Photos' renditions (/media/renditions/…) are answered before the cache, from the media storage (@minbar/media).
// Before everything, @minbar/observability answers /api/health and /metrics and writes one log line per request.
// Next's incremental cache is ./next-cache.ts (in memory, and shared on Redis with REDIS_URL), whose entries give each
// response its surrogate keys (./surrogate-keys.ts).
// Takes next start's -p/--port and -H/--hostname.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import compression from "compression";
import { requireSupportedNode } from "@minbar/db/env";
import { createDatabaseProbe } from "@minbar/db/health";
import { resolveDataDir } from "@minbar/db/local-data";
import { createRenditionHandler, mediaStorageFromEnv } from "@minbar/media";
import { messageLog, metrics, observedServer, processLogger, readObservabilityEnv } from "@minbar/observability";
import { defaultMediaDir, defaultServerPort, forceProductionMode, getEnv } from "../src/env.ts";
import { getPathname, localeOfPath } from "../src/i18n/paths.ts";
import { purgeFrontCache, registerFrontCachePurge } from "../src/lib/front-cache-signal.ts";
import { CACHE_HEADER, createFrontCache, type FrontCacheOptions } from "./front-cache.ts";
import { createNextCache, registerNextCache } from "./next-cache.ts";
import { queryParamsFor } from "./query-params.ts";
import { webLoggablePath, webRouteKind } from "./route-kind.ts";
import { clientRuntimeUsers, notFoundPagesFrom, servePlainHtml } from "./plain-html.ts";
import { createRedisProbe } from "./redis-probe.ts";
import { isHttpsOrigin, securityHeaders, siteSecurity } from "./security-headers.ts";
import { withSurrogateKeys } from "./surrogate-keys.ts";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p", default: defaultServerPort() },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0 || port > 65_535)
  throw new Error(`--port must be a TCP port, not ${args.port}`);

const nodeVersion = requireSupportedNode();
forceProductionMode();
// The data folder's media/ unless a folder or a bucket is configured; the app's own code reads the same variable.
defaultMediaDir(join(resolveDataDir(), "media"));
const [env, ops] = (() => {
  try {
    return [getEnv(), readObservabilityEnv()] as const;
  } catch (error) {
    // A misconfigured site stops at start with one line.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
})();
// Loaded after NODE_ENV is set: Next reads it on import.
const { default: next } = await import("next");
const appDir = fileURLToPath(new URL("..", import.meta.url));
// Registered before Next serves anything: ./next-cache-handler.ts, which Next loads, hands it to Next.
const nextCache = createNextCache({
  redisUrl: env.REDIS_URL,
  // Another build's pages (other markup, other assets) are never served: each build has its own keys.
  keyPrefix: `${env.REDIS_KEY_PREFIX}${readFileSync(join(appDir, ".next", "BUILD_ID"), "utf8").trim()}:`,
  // Next's own default for its in-memory cache (cacheMaxMemorySize).
  memoryBytes: 50 * 1024 * 1024,
  // Another instance's revalidation: this one's response cache may hold the pages it changed.
  onExpiredElsewhere: () => purgeFrontCache(),
});
registerNextCache(nextCache);
const app = next({ dev: false, dir: appDir, hostname: args.hostname ?? "localhost", port });
const nextHandler = app.getRequestHandler();
await app.prepare();

// Pages are served without Next's client runtime only while the build has no client component that needs it.
const runtimeUsers = clientRuntimeUsers(join(appDir, ".next"));
const plainHtml = runtimeUsers.length === 0;
if (!plainHtml)
  console.warn(
    `[plain-html] pages keep Next's client runtime, which these client modules need: ${runtimeUsers.join(", ")}`,
  );
// The localized 404 page is fetched from this very server (see notFoundPagesFrom), where it listens.
const selfHost = !args.hostname || args.hostname === "0.0.0.0" || args.hostname === "::" ? "127.0.0.1" : args.hostname;
// Every page is buffered, with or without the runtime, for a policy that allows exactly its framework scripts.
const security = siteSecurity({
  https: isHttpsOrigin(env.PUBLIC_SITE_URL),
  scriptFiles: !plainHtml,
  distDir: join(appDir, ".next"),
});
const render = servePlainHtml(nextHandler, {
  contentSecurityPolicy: (html) => security.pagePolicy(html),
  ...(plainHtml
    ? { notFoundPage: notFoundPagesFrom(`http://${selfHost.includes(":") ? `[${selfHost}]` : selfHost}:${port}`) }
    : { keepRuntime: true }),
});

const cache = createFrontCache({
  render: (req, res) => render(req, res),
  // Next's own compression is off (next.config.ts): this one sits outside the cache, which keeps pages uncompressed
  // and compresses each stored page once.
  // (Typed for Express; it works on plain Node requests and responses.)
  compress: compression() as unknown as FrontCacheOptions["compress"],
  // 0: off, every request goes to Next (behind Varnish, the response cache there).
  maxBytes: env.FRONT_CACHE_MB * 1024 * 1024,
  queryParamsFor,
});
registerFrontCachePurge(() => cache.purge());

// The site's security headers for what never reaches Next: renditions (built into each one's stored headers rather
// than set on every response), health and metrics.
const plainSecurityHeaders = securityHeaders({ https: isHttpsOrigin(env.PUBLIC_SITE_URL), scriptFiles: !plainHtml });
const media = createRenditionHandler(mediaStorageFromEnv(env, env.MEDIA_DIR ?? ""), {
  maxBytes: env.MEDIA_CACHE_MB * 1024 * 1024,
  headers: plainSecurityHeaders,
  onError: (error) => messageLog("web").error("[media] a photo could not be served", error),
});

const database = createDatabaseProbe(env.DATABASE_URL);
const redis = env.REDIS_URL ? createRedisProbe(env.REDIS_URL) : undefined;
const counters = metrics();
const server = createServer(
  observedServer(
    (req, res) => {
      if (media(req, res)) return;
      security.apply(res, req.url);
      withSurrogateKeys(res, () => cache.handle(readablePath(req), res));
    },
    {
      logger: processLogger("web"),
      metrics: counters,
      metricsToken: ops.metricsToken,
      health: { postgres: () => database.check(), ...(redis ? { redis: () => redis.check() } : {}) },
      routeOf: (_method, path) => webRouteKind(path),
      redactPath: webLoggablePath,
      headers: plainSecurityHeaders,
      onFinish: ({ method, path, route, status, seconds }, res) => {
        const outcome = res.getHeader(CACHE_HEADER);
        if (typeof outcome === "string") {
          counters.cacheRequests.inc({ layer: "front", outcome: outcome.toLowerCase() });
          if (outcome === "MISS") counters.renderDuration.observe({ route }, seconds);
        }
        // Next's own cache (shared on Redis or in memory), for the requests that reached Next: HIT, MISS or STALE.
        const nextOutcome = res.getHeader("x-nextjs-cache");
        if (typeof nextOutcome === "string")
          counters.cacheRequests.inc({ layer: "next", outcome: nextOutcome.toLowerCase() });
        if (method === "POST" && path === "/api/revalidate")
          counters.revalidationsReceived.inc({
            outcome:
              status < 300 ? "confirmed" : status === 401 ? "refused" : status === 503 ? "unavailable" : "invalid",
          });
      },
    },
  ),
);
server.listen(port, args.hostname, () => {
  const pages = plainHtml ? "pages as plain HTML" : "pages with Next's client runtime";
  const frontCache = env.FRONT_CACHE_MB > 0 ? `response cache ${env.FRONT_CACHE_MB} MiB` : "response cache off";
  const nextCacheWhere = nextCache.shared ? "Next's cache shared on Redis" : "Next's cache in memory";
  console.log(
    `▲ Minbar public site (Next.js production build, ${pages}, ${frontCache}, ${nextCacheWhere}, Node ${nodeVersion}) on http://${args.hostname ?? "localhost"}:${port}`,
  );
});

/**
 * A path that is not valid percent-encoded UTF-8 (/news/5/%E0%A4%A) makes Next answer 500 before any page runs. It
 * names no page, so it is sent to one that does not exist, in the language its prefix names: the localized 404.
 */
function readablePath(req: IncomingMessage): IncomingMessage {
  const url = req.url ?? "/";
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  try {
    decodeURIComponent(path);
  } catch {
    req.url = getPathname({ href: "/malformed-address", locale: localeOfPath(path) });
  }
  return req;
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  void Promise.allSettled([app.close(), database.close(), nextCache.close(), redis?.close()]).finally(() =>
    process.exit(0),
  );
  // Open keep-alive connections must not hold the process.
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
