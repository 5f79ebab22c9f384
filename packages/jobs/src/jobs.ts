// The admin's background work on pg-boss (PostgreSQL): starting the worker, queueing jobs, stopping cleanly.
// Every admin instance runs the same worker on the same database; pg-boss hands each job to one of them
// (docs/decisions/0037-job-queue.md).
import { PgBoss, type Job } from "pg-boss";
import type { PrismaClient } from "@minbar/db/client";
import { imagesAwaitingRenditions } from "@minbar/db/editorial";
import { dueSiteSignals } from "@minbar/db/site-signals";
import type { MediaStorage } from "@minbar/media";
import { messageLog, processLogger, type MessageLog } from "@minbar/observability/log";
import { metrics } from "@minbar/observability/metrics";
import type { SiteTarget } from "@minbar/site-signal";
import { runDueWork, type DueWorkReport } from "./due-work.ts";
import {
  QUEUES,
  SIGNAL_RETRY,
  dueWorkKey,
  dueWorkSchema,
  queueOptions,
  renditionsKey,
  renditionsSchema,
  siteSignalSchema,
  type QueueName,
  type SignalRetry,
  type SiteSignal,
} from "./queues.ts";
import { runRenditions } from "./renditions.ts";
import { describeSignal, sendSiteSignal } from "./signals.ts";

type Log = MessageLog;

/** The safety net: every minute, whatever is due that no job names (imports, restores, a lost job). */
export const SWEEP_CRON = "* * * * *";

/** An article still unconfirmed with no failure recorded for this long has lost its retry job: it is queued again. */
export const LOST_SIGNAL_AFTER_MS = 15 * 60_000;

/** How long a stop waits for running jobs before closing the connections. */
export const STOP_GRACE_MS = 4_000;

export type StartJobsOptions = {
  databaseUrl: string;
  prisma: PrismaClient;
  /** The public site and its secret (without a request id: each job names itself); null when none is configured. */
  site: Omit<SiteTarget, "requestId"> | null;
  /** Names the process in the JSON log lines. */
  app?: string;
  /** The worker's own messages (a signal not confirmed, a photo that cannot be rendered); by default JSON lines. */
  log?: Log;
  /** Where photos are kept: this worker makes their renditions. Without it, it leaves them to a worker that has it. */
  media?: MediaStorage | null;
  /** Shorter signal retries (tests). */
  retry?: Partial<SignalRetry>;
  /** How often an idle worker asks for jobs; pg-boss's minimum is 0.5. */
  pollingIntervalSeconds?: number;
  signalTimeoutMs?: number;
};

export type Jobs = {
  boss: PgBoss;
  /** Finishes the running jobs (for at most `graceMs`) and closes the queue's connections. */
  stop(graceMs?: number): Promise<void>;
};

/** A pg-boss instance for this database; only a worker supervises (maintenance) and runs the cron. */
export function createBoss(databaseUrl: string, { worker }: { worker: boolean }): PgBoss {
  return new PgBoss({
    connectionString: databaseUrl,
    application_name: worker ? "minbar-jobs" : "minbar-jobs-sender",
    // Beside the app's own pool; the embedded database's multiplexer counts every connection.
    max: worker ? 4 : 2,
    supervise: worker,
    schedule: worker,
    // Queue depth for /metrics is read from the counts pg-boss's monitor keeps.
    monitorIntervalSeconds: 15,
    // How soon a job whose worker died (missed heartbeat, or expired) is retried elsewhere; pg-boss's default is 60.
    superviseIntervalSeconds: 15,
  });
}

/**
 * Creates the queues this code uses, and gives queues an earlier release created this release's settings (their
 * policy cannot change). Idempotent: every instance does it at start.
 */
export async function ensureQueues(boss: PgBoss, retry: Partial<SignalRetry> = {}): Promise<void> {
  for (const [name, { policy, ...settings }] of Object.entries(queueOptions(retry))) {
    await boss.createQueue(name, { policy, ...settings });
    await boss.updateQueue(name, settings);
  }
}

/** Queues the due work for `at` (now if it has passed); the same instant queued twice is one job. */
export async function enqueueDueWork(boss: PgBoss, at: Date): Promise<string | null> {
  return boss.send(QUEUES.dueWork, { at: at.toISOString() }, { startAfter: at, singletonKey: dueWorkKey(at) });
}

/** Queues a signal to send again, the first time after `delaySeconds` (by default the queue's first retry delay). */
export async function enqueueSiteSignal(
  boss: PgBoss,
  signal: SiteSignal,
  delaySeconds: number = SIGNAL_RETRY.retryDelay,
): Promise<string | null> {
  return boss.send(QUEUES.siteSignal, siteSignalSchema.parse(signal), { startAfter: delaySeconds });
}

/** Queues the renditions of an image; null when a job for it is already queued or running (it makes them). */
export async function enqueueRenditions(boss: PgBoss, imageId: number): Promise<string | null> {
  return boss.send(QUEUES.renditions, renditionsSchema.parse({ imageId }), { singletonKey: renditionsKey(imageId) });
}

/** Queues every image still awaiting its renditions that no job names (a lost job, an upload while none ran). */
export async function enqueueAwaitingRenditions(boss: PgBoss, prisma: PrismaClient): Promise<number> {
  let queued = 0;
  for (const id of await imagesAwaitingRenditions(prisma)) if (await enqueueRenditions(boss, id)) queued += 1;
  return queued;
}

/** Starts a sender-only instance for `fn` (a command such as the importer's CLI) and stops it afterwards. */
export async function withJobQueue<T>(databaseUrl: string, fn: (boss: PgBoss) => Promise<T>): Promise<T> {
  const boss = createBoss(databaseUrl, { worker: false });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    await ensureQueues(boss);
    return await fn(boss);
  } finally {
    await boss.stop({ graceful: false, close: true, timeout: 1_000 });
  }
}

type Outcome = Record<string, unknown>;

/**
 * One JSON log line per job run and its counts in the metrics; a failure is rethrown for pg-boss to retry. `about`
 * names what the job is for, in its line whatever the outcome.
 */
async function observed(
  app: string,
  queue: QueueName,
  job: Job<unknown>,
  run: () => Promise<Outcome>,
  about: Outcome = {},
): Promise<void> {
  const [logger, counters, started] = [processLogger(app), metrics(), performance.now()];
  const base = { reqId: `job-${job.id}`, job: queue, attempt: job.retryCount + 1, ...about };
  const ms = () => Math.round(performance.now() - started);
  try {
    const outcome = await run();
    counters.jobsRun.inc({ job: queue });
    logger.info({ ...base, outcome: "ok", ...outcome, ms: ms() }, "job");
  } catch (error) {
    counters.jobsRun.inc({ job: queue });
    counters.jobsFailed.inc({ job: queue });
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ ...base, outcome: "failed", error: message, ms: ms() }, "job");
    throw error;
  }
}

// One worker per process (`next dev` may evaluate instrumentation more than once); the app's bundle and its server
// share it through globalThis.
const holder = globalThis as typeof globalThis & { __minbarJobs?: Promise<Jobs> };

/** The queue this process's worker started, or null when none did (a command, a test, `next build`). */
export function runningJobs(): Promise<Jobs> | null {
  return holder.__minbarJobs ?? null;
}

/** Stops this process's worker, if any (SIGTERM/SIGINT). */
export async function stopJobs(graceMs = STOP_GRACE_MS): Promise<void> {
  const jobs = await runningJobs()?.catch(() => null);
  await jobs?.stop(graceMs);
}

/** Starts this process's worker once; later calls return the same one. */
export function startJobs(options: StartJobsOptions): Promise<Jobs> {
  holder.__minbarJobs ??= startWorker(options).catch((error: unknown) => {
    holder.__minbarJobs = undefined;
    throw error;
  });
  return holder.__minbarJobs;
}

/** Starts a worker (without registering it as this process's: tests start several). */
export async function startWorker({
  databaseUrl,
  prisma,
  site,
  app = "admin",
  log = messageLog(app),
  media = null,
  retry = {},
  pollingIntervalSeconds = 1,
  signalTimeoutMs,
}: StartJobsOptions): Promise<Jobs> {
  const boss = createBoss(databaseUrl, { worker: true });
  // pg-boss reports its own failures (a lost connection, a failed maintenance) as events; they must not crash us.
  boss.on("error", (error: Error) => log.error(`[jobs] ${error.message}`));
  await boss.start();
  await ensureQueues(boss, retry);
  const targetFor = (job: Job<unknown>): SiteTarget | null => (site ? { ...site, requestId: `job-${job.id}` } : null);

  /** Sends a signal now; what the site does not confirm becomes a retry job. */
  const signalNowOrLater = async (job: Job<unknown>, signal: SiteSignal) => {
    const counters = metrics();
    const result = await sendSiteSignal(prisma, targetFor(job), signal, signalTimeoutMs);
    if (site) {
      counters.revalidationsSent.inc({ kind: signal.kind });
      (result.confirmed ? counters.revalidationsConfirmed : counters.revalidationsFailed).inc({ kind: signal.kind });
    }
    if (result.confirmed) return;
    log.error(`[revalidate] ${describeSignal(signal)}: ${result.reason}; queued to be sent again`);
    await enqueueSiteSignal(boss, result.rest, retry.retryDelay).catch((error: unknown) =>
      log.error(`[revalidate] ${describeSignal(signal)}: NOT queued for a retry: ${String(error)}`),
    );
  };

  await boss.work<object>(QUEUES.dueWork, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
    if (!job) return;
    await observed(app, QUEUES.dueWork, job, async () => {
      const { at } = dueWorkSchema.parse(job.data ?? {});
      const now = new Date();
      const report: DueWorkReport = await runDueWork({
        prisma,
        now,
        signal: (signal) => signalNowOrLater(job, signal),
        log,
      });
      // The cron's run (no instant) is also the sweep: lost signal retries, and renditions no job names.
      let requeued = 0;
      let renditions = 0;
      if (!at) {
        const lost = await dueSiteSignals(prisma, new Date(now.getTime() - LOST_SIGNAL_AFTER_MS));
        if (lost.length > 0) {
          await enqueueSiteSignal(boss, { kind: "articles", articleIds: lost }, 0);
          requeued = lost.length;
        }
        renditions = await enqueueAwaitingRenditions(boss, prisma);
      }
      const items = metrics().jobItems;
      items.inc({ job: QUEUES.dueWork, what: "published" }, report.published);
      items.inc({ job: QUEUES.dueWork, what: "changes" }, report.changed);
      items.inc({ job: QUEUES.dueWork, what: "taken-down" }, report.takenDown);
      items.inc({ job: QUEUES.dueWork, what: "front-pages" }, report.frontPages);
      return {
        ...(at ? { at } : { sweep: true }),
        ...report,
        ...(requeued ? { requeued } : {}),
        ...(renditions ? { renditions } : {}),
      };
    });
  });

  await boss.work<object>(QUEUES.siteSignal, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
    if (!job) return;
    await observed(app, QUEUES.siteSignal, job, async () => {
      const signal = siteSignalSchema.parse(job.data);
      const result = await sendSiteSignal(prisma, targetFor(job), signal, signalTimeoutMs);
      const counters = metrics();
      counters.revalidationsSent.inc({ kind: "resend" });
      (result.confirmed ? counters.revalidationsConfirmed : counters.revalidationsFailed).inc({ kind: "resend" });
      if (!result.confirmed) throw new Error(`${describeSignal(signal)}: ${result.reason}`);
      return { signal: signal.kind, what: describeSignal(signal) };
    });
  });

  // One photo at a time per worker: making renditions is the heaviest work an admin does.
  if (media) {
    await boss.work<object>(QUEUES.renditions, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      // Named in the job's line even when it fails; a payload that is not one fails inside, and is logged as such.
      const about = renditionsSchema.safeParse(job.data);
      await observed(
        app,
        QUEUES.renditions,
        job,
        async () => {
          const { imageId } = renditionsSchema.parse(job.data);
          const report = await runRenditions({
            prisma,
            storage: media,
            imageId,
            signal: (signal) => signalNowOrLater(job, signal),
          });
          if (report.unrenderable)
            log.error(`[renditions] image ${imageId} cannot be rendered (see its renditionError)`);
          metrics().jobItems.inc({ job: QUEUES.renditions, what: "made" }, report.made);
          return report;
        },
        about.success ? about.data : {},
      );
    });
  }

  await boss.schedule(QUEUES.dueWork, SWEEP_CRON, {});

  // Queue depth for /metrics, read when it is scraped.
  metrics().setQueueDepthSource(async () =>
    (await boss.getQueues(Object.values(QUEUES))).map((queue) => ({
      queue: queue.name,
      ready: queue.readyCount,
      deferred: queue.deferredCount,
      active: queue.activeCount,
    })),
  );

  let stopped: Promise<void> | undefined;
  return {
    boss,
    stop(graceMs = STOP_GRACE_MS) {
      stopped ??= boss.stop({ graceful: true, close: true, timeout: graceMs });
      return stopped;
    },
  };
}
