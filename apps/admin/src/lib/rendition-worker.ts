// Makes the renditions of uploaded (or re-cropped) photos inside the admin's server process, one image at a time,
// so an upload answers as soon as its original is stored. Woken after an upload, after a focal point moved, and by
// the job queue's minute sweep (images left by a crash or a restart).
import { getPrisma, type PrismaClient } from "@minbar/db/client";
import { articlesShowingImage, makeImageRenditions, nextImageAwaitingRenditions } from "@minbar/db/editorial";
import type { MediaStorage } from "@minbar/media";

type Log = Pick<Console, "info" | "error">;

/** A failing image is tried again after this long, doubling up to RETRY_MAX_MS, so a broken storage never spins. */
const RETRY_MIN_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;

type Failure = { retryAt: number; delayMs: number };

export type RenditionQueueInput = {
  prisma: PrismaClient;
  storage: MediaStorage;
  /** Images that failed lately and when each may be tried again; updated in place. */
  failures?: Map<number, Failure>;
  now?: () => number;
  log?: Log;
  /** Told of each image whose new renditions are stored (the pages showing it then point at them). */
  onMade?: (imageId: number) => Promise<unknown>;
};

/** The oldest image awaiting renditions that is not waiting out a failure, or null. */
function nextImage(prisma: PrismaClient, failures: Map<number, Failure>, now: number): Promise<number | null> {
  const resting = [...failures].filter(([, failure]) => failure.retryAt > now).map(([id]) => id);
  return nextImageAwaitingRenditions(prisma, { except: resting });
}

/**
 * Makes renditions until no image is left that is not waiting out a failure. A failure (storage down, original
 * missing) is logged and its image put aside for a growing delay; the loop goes on with the others and returns.
 */
export async function drainRenditionQueue({
  prisma,
  storage,
  failures = new Map(),
  now = Date.now,
  log = console,
  onMade,
}: RenditionQueueInput): Promise<{ made: number; failed: number }> {
  let made = 0;
  let failed = 0;
  for (;;) {
    const id = await nextImage(prisma, failures, now());
    if (id === null) return { made, failed };
    try {
      const key = await makeImageRenditions(prisma, storage, id);
      failures.delete(id);
      if (key) {
        made += 1;
        await onMade?.(id);
      } else log.error(`[renditions] image ${id} cannot be rendered (see its renditionError)`);
    } catch (error) {
      failed += 1;
      const delayMs = Math.min(RETRY_MAX_MS, (failures.get(id)?.delayMs ?? RETRY_MIN_MS / 2) * 2);
      failures.set(id, { retryAt: now() + delayMs, delayMs });
      log.error(
        `[renditions] image ${id} failed, tried again in ${delayMs / 1000} s: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

type WorkerState = { running: boolean; again: boolean; failures: Map<number, Failure> };

// Next bundles instrumentation and each route separately, so the one worker of the process lives on globalThis.
const holder = globalThis as typeof globalThis & { __minbarRenditionWorker?: WorkerState };

/**
 * Starts the worker unless it is already running (then it looks at the queue once more before it stops). Returns at
 * once; never throws, never rejects.
 */
export function requestRenditions(log: Log = console): void {
  const state = (holder.__minbarRenditionWorker ??= { running: false, again: false, failures: new Map() });
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  state.again = false;
  void (async () => {
    try {
      // Loaded here rather than at the top: media-storage is server-only, and the scheduler's unit tests import
      // this module through scheduler.ts.
      const { getMediaStorage } = await import("./media-storage.ts");
      const { revalidatePublicSite } = await import("./revalidate-public-site.ts");
      const storage = getMediaStorage();
      do {
        state.again = false;
        const prisma = getPrisma();
        const { made } = await drainRenditionQueue({
          prisma,
          storage,
          failures: state.failures,
          log,
          // Published pages showing the photo were rendered with its previous renditions (or without it).
          onMade: async (id) => {
            const articleIds = await articlesShowingImage(prisma, id);
            if (articleIds.length > 0) await revalidatePublicSite(articleIds);
          },
        });
        if (made > 0) log.info(`[renditions] made the renditions of ${made} image(s)`);
      } while (state.again);
    } catch (error) {
      log.error(`[renditions] stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  })();
}
