// Publishes scheduled articles on time from inside the admin's server process, with nobody signed in.
import { getPrisma, type PrismaClient } from "@minbar/db/client";
import {
  applyDueFrontPages,
  publishDueChanges,
  publishDueScheduled,
  refreshSearchLexicon,
  unpublishDue,
  type PublishedBySchedule,
} from "@minbar/db/editorial";
import { newJobId, processLogger } from "@minbar/observability/log";
import { metrics } from "@minbar/observability/metrics";
import { getEnv, isNextBuild } from "../env.ts";
import {
  resendDueSiteSignals,
  revalidateFrontPages,
  revalidatePublicSite,
  siteTargetFromEnv,
} from "./revalidate-public-site.ts";

/** Well inside the promised minute, even when one tick waits out a slow public site. */
export const SCHEDULER_INTERVAL_MS = 15_000;

type Log = Pick<Console, "info" | "error">;

export type SchedulerTickInput = {
  prisma: PrismaClient;
  now: Date;
  /** Sends the public site's revalidation signal for these articles; expected not to throw (see revalidatePublicSite). */
  revalidate: (articleIds: number[]) => Promise<unknown>;
  /** Sends again the signals the site has not confirmed yet, when due (see resendDueSiteSignals). */
  resend?: () => Promise<unknown>;
  /** Sends the public site the editions whose edited front page changed (a scheduled arrangement, a pin's end). */
  revalidateFrontPages?: (locales: ("ar" | "ru" | "en")[]) => Promise<unknown>;
  log?: Log;
  /** Told what the tick did, once it is done (the job's log line and counters). */
  report?: (done: TickReport) => void;
};

/** How many localizations a tick published, published the changes of, and took down; which front pages changed. */
export type TickReport = { published: number; changed: number; takenDown: number; frontPages: number };

/**
 * One pass: publish every localization that is due, the pending changes that are due, and take down the texts whose
 * time is up (each atomic and idempotent in the database, so a restart or a second admin process is harmless), tell the public site about the affected articles in one signal, send again
 * the signals it has not confirmed before (it was down), and count the newly published words for search.
 */
export async function runSchedulerTick({
  prisma,
  now,
  revalidate,
  resend,
  revalidateFrontPages: signalFrontPages,
  log = console,
  report,
}: SchedulerTickInput): Promise<PublishedBySchedule[]> {
  const published = await publishDueScheduled(prisma, now);
  // Pending changes due to go live, and texts due to come down: the same tick, the same one signal.
  const changed = await publishDueChanges(prisma, now);
  const takenDown = await unpublishDue(prisma, now);
  const named = (rows: { articleId: number; locale: string }[]) =>
    rows.map((row) => `article ${row.articleId} (${row.locale})`).join(", ");
  if (published.length > 0) log.info(`[scheduler] published ${named(published)}`);
  if (changed.length > 0) log.info(`[scheduler] published the changes to ${named(changed)}`);
  if (takenDown.length > 0) log.info(`[scheduler] took down ${named(takenDown)}`);
  const affected = [...published, ...changed, ...takenDown];
  if (affected.length > 0) {
    const articleIds = [...new Set(affected.map((row) => row.articleId))];
    await revalidate(articleIds).catch((error: unknown) =>
      log.error(`[scheduler] revalidating ${articleIds.join(", ")} failed: ${String(error)}`),
    );
  }
  // Front pages whose scheduled arrangement is due or whose pins ended: made so in the database, then only those
  // editions' front pages are refreshed (docs/decisions/0020).
  const frontPages = await applyDueFrontPages(prisma, now).catch((error: unknown) => {
    log.error(`[scheduler] front pages not updated: ${String(error)}`);
    return [];
  });
  if (frontPages.length > 0) {
    log.info(`[scheduler] front page changed: ${frontPages.join(", ")}`);
    await signalFrontPages?.(frontPages);
  }
  await resend?.();
  // Words of texts published since the last tick become near-spelling suggestions (docs/decisions/0031).
  await refreshSearchLexicon(prisma).catch((error: unknown) =>
    log.error(`[scheduler] counting published words for search failed: ${String(error)}`),
  );
  report?.({
    published: published.length,
    changed: changed.length,
    takenDown: takenDown.length,
    frontPages: frontPages.length,
  });
  return published;
}

export type SchedulerLoop = { stop(): void };

/**
 * Runs `tick` at once and then every `intervalMs`, skipping a beat while the previous tick is still running (ticks
 * never overlap). A failing tick is logged and the next one runs. The timer is unref'd: it never keeps the process
 * alive on its own.
 */
export function startSchedulerLoop({
  tick,
  intervalMs = SCHEDULER_INTERVAL_MS,
  log = console,
}: {
  tick: () => Promise<unknown>;
  intervalMs?: number;
  log?: Log;
}): SchedulerLoop {
  let running = false;
  const beat = () => {
    if (running) return;
    running = true;
    tick()
      .catch((error: unknown) =>
        log.error(`[scheduler] tick failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  beat();
  return { stop: () => clearInterval(timer) };
}

/**
 * Runs one scheduler tick; a tick that did work or failed gets its JSON log line and its counts in the metrics (an
 * idle tick every 15 s would drown both).
 */
async function observedJob(jobId: string, tick: (report: (done: TickReport) => void) => Promise<unknown>) {
  const [logger, counters, started] = [processLogger("admin"), metrics(), performance.now()];
  const ms = () => Math.round(performance.now() - started);
  try {
    await tick((done) => {
      const total = done.published + done.changed + done.takenDown + done.frontPages;
      if (total === 0) return;
      counters.jobsRun.inc({ job: "scheduler" });
      counters.jobItems.inc({ job: "scheduler", what: "published" }, done.published);
      counters.jobItems.inc({ job: "scheduler", what: "changes" }, done.changed);
      counters.jobItems.inc({ job: "scheduler", what: "taken-down" }, done.takenDown);
      counters.jobItems.inc({ job: "scheduler", what: "front-pages" }, done.frontPages);
      logger.info({ reqId: jobId, job: "scheduler", outcome: "ok", ...done, ms: ms() }, "job");
    });
  } catch (error) {
    counters.jobsFailed.inc({ job: "scheduler" });
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ reqId: jobId, job: "scheduler", outcome: "failed", error: message, ms: ms() }, "job");
    throw error;
  }
}

// `next dev` may evaluate instrumentation more than once per process; one loop per process is enough.
const holder = globalThis as typeof globalThis & { __minbarScheduler?: SchedulerLoop };

/** Starts the loop for this server process; a no-op during `next build` and when it is already running. */
export function startScheduledPublishing(log: Log = console): void {
  if (isNextBuild() || holder.__minbarScheduler) return;
  try {
    getEnv();
  } catch (error) {
    log.error(`[scheduler] not started: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  holder.__minbarScheduler = startSchedulerLoop({
    log,
    tick: () => {
      // Photos whose renditions a crash or a restart left unmade (see rendition-worker.ts); loaded on first use so
      // this module's unit tests need no media storage.
      void import("./rendition-worker.ts")
        .then(({ requestRenditions }) => requestRenditions(log))
        .catch((error: unknown) => log.error(`[scheduler] renditions not started: ${String(error)}`));
      const [prisma, now] = [getPrisma(), new Date()];
      // The tick's id goes with its signals to the public site (X-Request-Id), so both logs name the same job.
      const jobId = newJobId();
      return observedJob(jobId, (report) =>
        runSchedulerTick({
          prisma,
          now,
          revalidate: (articleIds) => revalidatePublicSite(articleIds, { prisma, requestId: jobId }),
          resend: () => resendDueSiteSignals({ prisma, now, target: siteTargetFromEnv(jobId) }),
          revalidateFrontPages: (locales) => revalidateFrontPages(locales, { log, requestId: jobId }),
          log,
          report,
        }),
      );
    },
  });
  log.info(
    `[scheduler] publishing scheduled articles and resending unconfirmed signals to the public site every ${SCHEDULER_INTERVAL_MS / 1000} s`,
  );
}
