// The admin's job queues on pg-boss: their names, what each job carries (validated with zod when it is run, since a
// job outlives the code that queued it) and how each is retried (docs/decisions/0037-job-queue.md).
import { z } from "zod";
import type { Queue } from "pg-boss";

/**
 * `due-work`: publish what is due, publish due pending changes, take down what is due, apply due front pages, count
 * newly published words for search. Queued for the instant an editor scheduled something, and every minute by cron.
 * `site-signal`: a revalidation signal the public site did not confirm, sent again until it does.
 * `renditions`: the renditions of one photo, after its upload or when its focal point moved.
 */
export const QUEUES = { dueWork: "due-work", siteSignal: "site-signal", renditions: "renditions" } as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** `at`: the instant the job was queued for (none for the cron's); only logged, the work is whatever is due. */
export const dueWorkSchema = z.object({ at: z.iso.datetime().optional() }).strict();
export type DueWork = z.infer<typeof dueWorkSchema>;

const locale = z.enum(["ar", "ru", "en"]);
const ids = z.array(z.number().int().positive()).min(1).max(10_000);

/** The three signals the public site accepts (see @minbar/site-signal), as a retry job carries them. */
export const siteSignalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("articles"), articleIds: ids }).strict(),
  z.object({ kind: z.literal("sections"), sectionIds: ids, navigation: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal("front-pages"), locales: z.array(locale).min(1).max(3) }).strict(),
]);
export type SiteSignal = z.input<typeof siteSignalSchema>;

export const renditionsSchema = z.object({ imageId: z.number().int().positive() }).strict();
export type Renditions = z.infer<typeof renditionsSchema>;

/**
 * Retries of an unconfirmed signal: 15 s after the first failure, then about twice as long each time (pg-boss adds
 * jitter), at most 10 minutes apart, for about a week (a public site down over a weekend still gets its sections'
 * and front pages' news, which nothing else keeps); articles still unconfirmed after that stay in
 * pending_site_signals, and the sweep queues them again.
 */
export type SignalRetry = { retryLimit: number; retryDelay: number; retryBackoff: boolean; retryDelayMax: number };
export const SIGNAL_RETRY: SignalRetry = { retryLimit: 1_000, retryDelay: 15, retryBackoff: true, retryDelayMax: 600 };

/** Options each queue is created with; `retry` overrides the retried queues' delays (the tests' shorter ones). */
export function queueOptions(retry: Partial<SignalRetry> = {}): Record<QueueName, Omit<Queue, "name">> {
  return {
    // `short`: one queued job per singleton key, so the same instant queued twice (a re-save) is one job; the
    // work itself is idempotent, so two running at once (cron and an instant) change nothing twice.
    [QUEUES.dueWork]: { policy: "short", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
    [QUEUES.siteSignal]: { policy: "standard", ...SIGNAL_RETRY, ...retry, expireInSeconds: 120 },
    // `exclusive` by image: one job queued or running per photo, however often it is asked for. A storage that
    // fails is tried again on the signals' growing delays; a worker that dies mid-photo misses its heartbeat, and
    // the job is handed to another within about 10 s rather than after its expiry.
    [QUEUES.renditions]: {
      policy: "exclusive",
      ...SIGNAL_RETRY,
      ...retry,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
  };
}

/** The singleton key of the due-work job for one instant: the same instant queued twice is one job. */
export const dueWorkKey = (at: Date) => `at:${at.toISOString()}`;

/** The singleton key of an image's renditions job. */
export const renditionsKey = (imageId: number) => `image:${imageId}`;
