// What a due-work job does: everything that has come due, each step atomic and idempotent in the database
// (@minbar/db/editorial), so two jobs running at once, or one run again after a crash, change nothing twice.
import type { PrismaClient } from "@minbar/db/client";
import {
  applyDueFrontPages,
  publishDueChanges,
  publishDueScheduled,
  refreshSearchLexicon,
  unpublishDue,
} from "@minbar/db/editorial";
import { messageLog, type MessageLog } from "@minbar/observability/log";
import type { SiteSignal } from "./queues.ts";

type Log = Pick<MessageLog, "info" | "error">;

/** How many localizations the run published, published the changes of, and took down; how many front pages changed. */
export type DueWorkReport = { published: number; changed: number; takenDown: number; frontPages: number };

export type DueWorkInput = {
  prisma: PrismaClient;
  now: Date;
  /** Tells the public site; expected not to throw (what it does not confirm is queued again). */
  signal: (signal: SiteSignal) => Promise<unknown>;
  log?: Log;
};

/**
 * Publishes every localization that is due, the pending changes that are due, takes down the texts whose time is up,
 * tells the public site about the affected articles in one signal, applies the front-page arrangements that are due
 * (and signals those editions), and counts the newly published words for search (docs/decisions/0031).
 */
export async function runDueWork({
  prisma,
  now,
  signal: send,
  log = messageLog("admin"),
}: DueWorkInput): Promise<DueWorkReport> {
  // What is done is done: a signal that fails must not fail the run (a retry would find nothing left to signal).
  const signal = (what: SiteSignal) =>
    send(what).catch((error: unknown) => log.error(`[jobs] signal failed: ${String(error)}`));
  const published = await publishDueScheduled(prisma, now);
  const changed = await publishDueChanges(prisma, now);
  const takenDown = await unpublishDue(prisma, now);
  const named = (rows: { articleId: number; locale: string }[]) =>
    rows.map((row) => `article ${row.articleId} (${row.locale})`).join(", ");
  if (published.length > 0) log.info(`[jobs] published ${named(published)}`);
  if (changed.length > 0) log.info(`[jobs] published the changes to ${named(changed)}`);
  if (takenDown.length > 0) log.info(`[jobs] took down ${named(takenDown)}`);
  const articleIds = [...new Set([...published, ...changed, ...takenDown].map((row) => row.articleId))];
  if (articleIds.length > 0) await signal({ kind: "articles", articleIds });
  // Front pages whose scheduled arrangement is due or whose pins ended (docs/decisions/0020).
  const frontPages = await applyDueFrontPages(prisma, now);
  if (frontPages.length > 0) {
    log.info(`[jobs] front page changed: ${frontPages.join(", ")}`);
    await signal({ kind: "front-pages", locales: frontPages });
  }
  await refreshSearchLexicon(prisma).catch((error: unknown) =>
    log.error(`[jobs] counting published words for search failed: ${String(error)}`),
  );
  return {
    published: published.length,
    changed: changed.length,
    takenDown: takenDown.length,
    frontPages: frontPages.length,
  };
}
