// The process's Prometheus metrics (prom-client): one registry per process with Node's default metrics, and the
// counters and histograms both apps' servers and the admin's own code update. Labels are bounded sets (a route's
// kind, never its path), so the number of series stays fixed whatever clients request.
import client from "prom-client";

export type Metrics = ReturnType<typeof createMetrics>;

/** A queue's jobs by state, as the job queue counts them (@minbar/jobs). */
export type QueueDepth = { queue: string; ready: number; deferred: number; active: number };

/** A registry with every metric registered on it (exported for tests; the apps use `metrics()`). */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <Label extends string>(name: string, help: string, labelNames: readonly Label[]) =>
    new client.Counter({ name, help, labelNames, registers });
  const histogram = <Label extends string>(
    name: string,
    help: string,
    labelNames: readonly Label[],
    buckets: number[],
  ) => new client.Histogram({ name, help, labelNames, buckets, registers });
  // Set by the process that runs the job queue; read on each scrape, so the gauge is never older than the queue's counts.
  let queueDepthSource: (() => Promise<QueueDepth[]>) | null = null;
  const queueDepth = new client.Gauge({
    name: "minbar_job_queue_depth",
    help: "Jobs waiting in each queue, by state (ready: due now, deferred: due later, active: running)",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      if (!queueDepthSource) return;
      // A database that does not answer leaves the gauge empty for this scrape rather than failing /metrics.
      const depths = await queueDepthSource().catch(() => []);
      this.reset();
      for (const { queue, ...states } of depths)
        for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
    },
  });
  return {
    registry,
    queueDepth,
    /** Where the queue depth gauge reads its counts from on each scrape. */
    setQueueDepthSource(source: () => Promise<QueueDepth[]>) {
      queueDepthSource = source;
    },
    httpRequests: counter("minbar_http_requests_total", "HTTP requests answered, by method, kind of route and status", [
      "method",
      "route",
      "status",
    ]),
    httpDuration: histogram(
      "minbar_http_request_duration_seconds",
      "Time from a request's arrival to the end of its response, by kind of route",
      ["method", "route"],
      [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
    cacheRequests: counter(
      "minbar_cache_requests_total",
      "Lookups in a cache, by layer (front: the public site's response cache; next: Next's incremental cache, shared on Redis or in memory) and outcome (hit, miss, bypass, stale)",
      ["layer", "outcome"],
    ),
    renderDuration: histogram(
      "minbar_render_duration_seconds",
      "Time to render a page the front cache missed, by kind of route",
      ["route"],
      [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
    revalidationsReceived: counter(
      "minbar_revalidations_received_total",
      "Revalidation signals received by the public site, by outcome (confirmed, refused, invalid, unavailable)",
      ["outcome"],
    ),
    revalidationsSent: counter(
      "minbar_revalidations_sent_total",
      "Revalidation signals the admin sent the public site, by kind (articles, resend, sections, front-pages)",
      ["kind"],
    ),
    revalidationsConfirmed: counter(
      "minbar_revalidations_confirmed_total",
      "Revalidation signals the public site confirmed, by kind",
      ["kind"],
    ),
    revalidationsFailed: counter(
      "minbar_revalidations_failed_total",
      "Revalidation signals the public site did not confirm (down, refused, timed out), by kind",
      ["kind"],
    ),
    jobsRun: counter("minbar_jobs_total", "Job runs (each attempt) of the job queue, by queue", ["job"]),
    jobsFailed: counter("minbar_jobs_failed_total", "Job runs that failed (retried or given up), by queue", ["job"]),
    jobItems: counter(
      "minbar_job_items_total",
      "What the jobs did, by job and what (published, changes, taken-down, front-pages; renditions made)",
      ["job", "what"],
    ),
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
