// @minbar/observability: what both apps' servers share for operations — /api/health, /metrics (prom-client, behind
// METRICS_TOKEN), request ids and one JSON log line per request (pino). See docs/decisions/0036-health-metrics-logs.md.
export { readObservabilityEnv, LOG_LEVELS, type ObservabilityEnv, type LogLevel } from "./env.ts";
export { createLogger, processLogger, messageLog, loggablePath, type Logger, type MessageLog } from "./log.ts";
export { metrics, createMetrics, type Metrics } from "./metrics.ts";
export { requestIdFrom, newJobId, REQUEST_ID_HEADER } from "./request-id.ts";
export {
  observedServer,
  runHealthChecks,
  hasBearerToken,
  HEALTH_PATH,
  METRICS_PATH,
  type HealthChecks,
  type CheckResult,
  type ObservedServerOptions,
  type FinishedRequest,
} from "./http.ts";
