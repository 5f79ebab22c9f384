// A photo's renditions as one job: made from its original for its current focal point, then the public pages
// showing it are told. A storage failure is thrown, for pg-boss to try the job again later.
import type { PrismaClient } from "@minbar/db/client";
import { articlesShowingImage, awaitsRenditions, makeImageRenditions } from "@minbar/db/editorial";
import type { MediaStorage } from "@minbar/media";
import type { SiteSignal } from "./queues.ts";

/** Rounds of one job: the focal point may move while the crops are made, and then they are made again. */
const MAX_ROUNDS = 3;

export type RenditionsReport = {
  imageId: number;
  /** How many times the renditions were made (0: nothing awaited them, or the original cannot be rendered). */
  made: number;
  /** The original cannot be rendered: the image says why (renditionError), and is not tried again. */
  unrenderable?: true;
  /** The articles whose pages were told the photo changed. */
  articles?: number;
};

export async function runRenditions({
  prisma,
  storage,
  imageId,
  signal,
}: {
  prisma: PrismaClient;
  storage: MediaStorage;
  imageId: number;
  signal: (signal: SiteSignal) => Promise<void>;
}): Promise<RenditionsReport> {
  let made = 0;
  let articles: number | undefined;
  while (made < MAX_ROUNDS && (await awaitsRenditions(prisma, imageId))) {
    const key = await makeImageRenditions(prisma, storage, imageId);
    if (key === null) return { imageId, made, unrenderable: true };
    made += 1;
    // Moved again while these were made: they were not recorded, and the next round makes the newer ones.
    if (await awaitsRenditions(prisma, imageId)) continue;
    // Published pages showing the photo were rendered with its previous renditions (or a placeholder). A move
    // while they are told is seen by the loop: the queue refuses a second job for a photo whose job is running.
    const articleIds = await articlesShowingImage(prisma, imageId);
    if (articleIds.length > 0) await signal({ kind: "articles", articleIds });
    articles = articleIds.length;
  }
  return { imageId, made, ...(articles === undefined ? {} : { articles }) };
}
