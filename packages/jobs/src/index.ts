// @minbar/jobs: the admin's job queue on PostgreSQL (pg-boss): due work (scheduled publishing, take-downs, pending
// changes, front pages), the public site's signals sent again until confirmed, photos' renditions, and what queues
// them.
export {
  startJobs,
  startWorker,
  stopJobs,
  runningJobs,
  createBoss,
  ensureQueues,
  enqueueDueWork,
  enqueueSiteSignal,
  enqueueRenditions,
  enqueueAwaitingRenditions,
  withJobQueue,
  SWEEP_CRON,
  LOST_SIGNAL_AFTER_MS,
  STOP_GRACE_MS,
  type Jobs,
  type StartJobsOptions,
} from "./jobs.ts";
export {
  QUEUES,
  SIGNAL_RETRY,
  queueOptions,
  dueWorkKey,
  siteSignalSchema,
  dueWorkSchema,
  renditionsSchema,
  renditionsKey,
  type QueueName,
  type SignalRetry,
  type SiteSignal,
  type DueWork,
} from "./queues.ts";
export { sendSiteSignal, describeSignal, type SignalOutcome } from "./signals.ts";
export { runDueWork, type DueWorkReport, type DueWorkInput } from "./due-work.ts";
export { runRenditions, type RenditionsReport } from "./renditions.ts";
