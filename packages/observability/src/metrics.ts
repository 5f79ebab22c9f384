// The process's Prometheus metrics (prom-client): one registry per process with Node's default metrics, and the
// counters and histograms both apps' servers and the admin's own code update. Labels are bounded sets (a route's
// kind, never its path), so the number of series stays fixed whatever clients request.
import client from "prom-client";

export type Metrics = ReturnType<typeof createMetrics>;

/** A registry with every metric registered on it (exported for tests; the apps use `metrics()`). */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "minbar_http_requests_total",
      help: "HTTP requests answered, by method, kind of route and status",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "minbar_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by kind of route",
      labelNames: ["method", "route"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    cacheRequests: new client.Counter({
      name: "minbar_cache_requests_total",
      help: "Lookups in a response cache, by layer (front: the public site's page cache) and outcome (hit, miss, bypass)",
      labelNames: ["layer", "outcome"] as const,
      registers,
    }),
    renderDuration: new client.Histogram({
      name: "minbar_render_duration_seconds",
      help: "Time to render a page the front cache missed, by kind of route",
      labelNames: ["route"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    revalidationsReceived: new client.Counter({
      name: "minbar_revalidations_received_total",
      help: "Revalidation signals received by the public site, by outcome (confirmed, refused, invalid)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    revalidationsSent: new client.Counter({
      name: "minbar_revalidations_sent_total",
      help: "Revalidation signals the admin sent the public site, by kind (articles, resend, sections, front-pages)",
      labelNames: ["kind"] as const,
      registers,
    }),
    revalidationsConfirmed: new client.Counter({
      name: "minbar_revalidations_confirmed_total",
      help: "Revalidation signals the public site confirmed, by kind",
      labelNames: ["kind"] as const,
      registers,
    }),
    revalidationsFailed: new client.Counter({
      name: "minbar_revalidations_failed_total",
      help: "Revalidation signals the public site did not confirm (down, refused, timed out), by kind",
      labelNames: ["kind"] as const,
      registers,
    }),
    jobsRun: new client.Counter({
      name: "minbar_jobs_total",
      help: "Background jobs run (the scheduler's ticks that did work), by job",
      labelNames: ["job"] as const,
      registers,
    }),
    jobsFailed: new client.Counter({
      name: "minbar_jobs_failed_total",
      help: "Background jobs that failed, by job",
      labelNames: ["job"] as const,
      registers,
    }),
    jobItems: new client.Counter({
      name: "minbar_job_items_total",
      help: "What the scheduler's jobs did, by job and what (published, changes, taken-down, front-pages)",
      labelNames: ["job", "what"] as const,
      registers,
    }),
  };
}

// The app's own code is bundled by Next and may load its own copy of this module: the registry lives on globalThis,
// so the server's /metrics shows what that code counts.
const holder = globalThis as typeof globalThis & { __minbarMetrics?: Metrics };

/** This process's metrics, made on first use. */
export function metrics(): Metrics {
  holder.__minbarMetrics ??= createMetrics();
  return holder.__minbarMetrics;
}
