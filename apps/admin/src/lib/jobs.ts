// The admin's side of the job queue (@minbar/jobs, pg-boss on the admin's database): the worker every admin server
// process runs, and what the actions queue — the due work for a time an editor set, a signal the site did not confirm,
// a photo's renditions.
import { getPrisma } from "@minbar/db/client";
import {
  enqueueAwaitingRenditions,
  enqueueDueWork,
  enqueueRenditions,
  enqueueSiteSignal,
  runningJobs,
  startJobs,
  type Jobs,
  type SiteSignal,
} from "@minbar/jobs";
import type { MediaStorage } from "@minbar/media";
import type { MessageLog } from "@minbar/observability/log";
import { getEnv, isNextBuild } from "../env.ts";
import { adminLog } from "./log.ts";
import { getMediaStorage } from "./media-storage.ts";

type Log = MessageLog;

/** How long after a failed start the queue is started again. */
const START_RETRY_MS = 30_000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts this server process's worker; a no-op during `next build` and when it is already running. */
export function startAdminJobs(log: Log = adminLog): void {
  if (isNextBuild() || runningJobs()) return;
  let env;
  try {
    env = getEnv();
  } catch (error) {
    log.error(`[jobs] not started: ${describe(error)}`);
    return;
  }
  const site =
    env.PUBLIC_SITE_URL && env.REVALIDATE_SECRET
      ? { siteUrl: env.PUBLIC_SITE_URL, secret: env.REVALIDATE_SECRET }
      : null;
  let media: MediaStorage | null = null;
  try {
    media = getMediaStorage();
  } catch (error) {
    log.error(`[jobs] photos' renditions are left to another admin: ${describe(error)}`);
  }
  const prisma = getPrisma();
  startJobs({ databaseUrl: env.DATABASE_URL, prisma, site, log, media })
    .then(async (jobs) => {
      // Whatever came due while no admin ran is done now, not at the next minute; so are photos left unrendered.
      await enqueueDueWork(jobs.boss, new Date());
      await enqueueAwaitingRenditions(jobs.boss, prisma);
      log.info(
        "[jobs] job queue started: scheduled work on time, photos' renditions, a sweep every minute, unconfirmed signals retried",
      );
    })
    .catch((error: unknown) => {
      // A database that is not reachable yet: the admin keeps serving, and the queue is tried again.
      log.error(`[jobs] job queue not started, trying again in ${START_RETRY_MS / 1000} s: ${describe(error)}`);
      setTimeout(() => startAdminJobs(log), START_RETRY_MS).unref();
    });
}

/**
 * Runs `send` on this process's job queue; false when there is none or it fails, with a line saying so and, when
 * `instead` is given, who does the work then.
 */
async function onQueue(
  what: string,
  send: (boss: Jobs["boss"]) => Promise<unknown>,
  log: Pick<Log, "warn" | "error">,
  instead?: string,
): Promise<boolean> {
  const jobs = runningJobs();
  if (!jobs) {
    if (instead) log.warn(`[jobs] no job queue in this process: ${instead}`);
    return false;
  }
  try {
    await send((await jobs).boss);
    return true;
  } catch (error) {
    log.error(`[jobs] ${what} not queued${instead ? ` (${instead})` : ""}: ${describe(error)}`);
    return false;
  }
}

/**
 * Queues the due work for each of these instants (a schedule, a take-down, a pin's end just saved). Never throws:
 * the time is saved, and the minute's sweep does the work should the job not be queued.
 */
export async function queueDueWork(instants: readonly (Date | null | undefined)[], log: Log = adminLog): Promise<void> {
  const due = [...new Set(instants.filter((at): at is Date => at instanceof Date).map((at) => at.getTime()))];
  if (due.length === 0) return;
  await onQueue(
    "due work",
    async (boss) => {
      for (const at of due) await enqueueDueWork(boss, new Date(at));
    },
    log,
    "the minute's sweep does what is due",
  );
}

/** Queues the renditions of a photo just uploaded or re-cropped. Never throws: the minute's sweep queues it otherwise. */
export async function queueRenditions(imageId: number, log: Log = adminLog): Promise<void> {
  await onQueue(
    `renditions of image ${imageId}`,
    (boss) => enqueueRenditions(boss, imageId),
    log,
    "the minute's sweep queues the photo's renditions",
  );
}

/** Queues a signal the public site did not confirm, to be sent again with a growing delay; false if it could not be. */
export function queueSignalRetry(signal: SiteSignal, log: Pick<Log, "warn" | "error"> = adminLog): Promise<boolean> {
  return onQueue("a signal's retry", (boss) => enqueueSiteSignal(boss, signal), log);
}
