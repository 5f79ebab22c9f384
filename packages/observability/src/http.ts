// What both apps' servers put in front of everything else: the request id, /api/health, /metrics, and for every
// request one log line and its counts. Health and metrics are answered here, before the response cache and Next, so
// they are never cached, never rendered, and cost next to nothing.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { loggablePath } from "./log.ts";
import type { Metrics } from "./metrics.ts";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id.ts";

export const HEALTH_PATH = "/api/health";
export const METRICS_PATH = "/metrics";

/** "ok", or why the part cannot be used (a short line for the operator). */
export type CheckResult = "ok" | (string & {});
export type HealthChecks = Record<string, () => Promise<CheckResult>>;

/** Runs every check at once; each one should bound its own time (the database check: 1 s). */
export async function runHealthChecks(
  checks: HealthChecks,
): Promise<{ status: "ok" | "failing"; checks: Record<string, CheckResult> }> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const result = await check().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      return [name, result] as const;
    }),
  );
  const failing = results.some(([, result]) => result !== "ok");
  return { status: failing ? "failing" : "ok", checks: Object.fromEntries(results) };
}

/** Whether the Authorization header carries exactly `token` as a bearer token, compared in constant time. */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  // Digests have one length whatever was sent, so neither the comparison nor its length check tells anything.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type ObservedServerOptions = {
  logger: Logger;
  metrics: Metrics;
  /** The bounded label of a request's route ("article", "listing", "api", …), from its method and path. */
  routeOf: (method: string, path: string, req: IncomingMessage) => string;
  /** What /api/health checks. */
  health: HealthChecks;
  /** METRICS_TOKEN; unset: /metrics is a 404, as if it did not exist. */
  metricsToken: string | undefined;
  /** Counts what the app's own response headers tell once the response ends (the public site's cache outcome). */
  onFinish?: (details: FinishedRequest, res: ServerResponse) => void;
  /** The path as logged, for an app whose paths can hold a secret (a preview link's token). */
  redactPath?: (url: string) => string;
  /** The app's security headers, for the answers given here (health, metrics), which never reach the app. */
  headers?: Readonly<Record<string, string>>;
};

export type FinishedRequest = { method: string; path: string; route: string; status: number; seconds: number };

/**
 * Wraps the server's handler: answers /api/health and /metrics itself, gives every request an id (X-Request-Id,
 * echoed in the response and handed on to the app in the request's headers), and when the response ends, counts it
 * and writes its log line.
 */
export function observedServer(handler: Handler, options: ObservedServerOptions): Handler {
  const {
    logger,
    metrics,
    routeOf,
    health,
    metricsToken,
    onFinish,
    redactPath = (url: string) => url,
    headers = {},
  } = options;
  return (req, res) => {
    const started = process.hrtime.bigint();
    const id = requestIdFrom(req.headers);
    // The app reads the id it may pass on (the admin's signals) from the request, never the client's raw value.
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    const url = req.url ?? "/";
    const path = url.split("?", 1)[0] ?? "/";
    const method = req.method ?? "GET";
    const route = path === HEALTH_PATH || path === METRICS_PATH ? "operations" : routeOf(method, path, req);
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      metrics.httpRequests.inc({ method: boundedMethod(method), route, status: String(status) });
      metrics.httpDuration.observe({ method: boundedMethod(method), route }, seconds);
      const cache = res.getHeader("x-cache");
      onFinish?.({ method, path, route, status, seconds }, res);
      logger.info(
        {
          reqId: id,
          method,
          path: loggablePath(redactPath(url)),
          route,
          status,
          ms: Math.round(seconds * 10_000) / 10,
          ...(typeof cache === "string" ? { cache: cache.toLowerCase() } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    });
    if (path === HEALTH_PATH || path === METRICS_PATH) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (path === HEALTH_PATH) return void answerHealth(res, health);
      return void answerMetrics(req, res, metrics, metricsToken);
    }
    handler(req, res);
  };
}

// Methods are client-chosen strings: anything unusual is counted under one label.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const boundedMethod = (method: string) => (METHODS.has(method) ? method : "other");

async function answerHealth(res: ServerResponse, checks: HealthChecks): Promise<void> {
  const result = await runHealthChecks(checks);
  res.statusCode = result.status === "ok" ? 200 : 503;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(result));
}

async function answerMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: Metrics,
  token: string | undefined,
): Promise<void> {
  res.setHeader("cache-control", "no-store");
  if (!token) {
    res.statusCode = 404;
    return void res.end();
  }
  if (!hasBearerToken(req.headers.authorization, token)) {
    res.statusCode = 401;
    res.setHeader("www-authenticate", 'Bearer realm="metrics"');
    return void res.end();
  }
  const text = await metrics.registry.metrics();
  res.setHeader("content-type", metrics.registry.contentType);
  res.end(text);
}
