// Sending one of the public site's signals (articles, sections, front pages) and saying what is left to send again.
// Articles go through @minbar/site-signal/tracked, so what the site has not confirmed is also recorded in
// pending_site_signals (the admin shows editors how many changes wait, and the sweep finds a lost retry there).
import type { PrismaClient } from "@minbar/db/client";
import { signalFrontPages, signalSectionsChanged, type SiteTarget } from "@minbar/site-signal";
import { signalAndTrack } from "@minbar/site-signal/tracked";
import { siteSignalSchema, type SiteSignal } from "./queues.ts";

export type SignalOutcome =
  | { confirmed: true }
  /** `rest`: what the site did not confirm, to send again (for articles, the ids after the last confirmed one). */
  | { confirmed: false; reason: string; rest: SiteSignal; trackingError?: string };

/** Sends the signal once; never throws. With no public site configured, nothing is confirmed. */
export async function sendSiteSignal(
  prisma: PrismaClient,
  target: SiteTarget | null,
  input: SiteSignal,
  timeoutMs?: number,
): Promise<SignalOutcome> {
  const signal = siteSignalSchema.parse(input);
  switch (signal.kind) {
    case "articles": {
      const result = await signalAndTrack({ prisma, target, articleIds: signal.articleIds, timeoutMs });
      if (result.confirmed) return { confirmed: true };
      const ids = [...new Set(signal.articleIds)];
      return {
        confirmed: false,
        reason: result.reason,
        rest: { kind: "articles", articleIds: ids.slice(result.articles) },
        ...(result.kept === false ? { trackingError: result.trackingError } : {}),
      };
    }
    case "sections": {
      if (!target) return { confirmed: false, reason: "no public site configured", rest: signal };
      const result = await signalSectionsChanged({ target, ...signal, timeoutMs });
      return result.confirmed ? result : { ...result, rest: signal };
    }
    case "front-pages": {
      if (!target) return { confirmed: false, reason: "no public site configured", rest: signal };
      const result = await signalFrontPages({ target, locales: signal.locales, timeoutMs });
      return result.confirmed ? result : { ...result, rest: signal };
    }
  }
}

/** A short description of a signal for log lines. */
export function describeSignal(signal: SiteSignal): string {
  switch (signal.kind) {
    case "articles":
      return signal.articleIds.length === 1
        ? `article ${signal.articleIds[0]}`
        : `${signal.articleIds.length} articles`;
    case "sections":
      return `sections ${signal.sectionIds.join(", ")}${signal.navigation ? " (navigation)" : ""}`;
    case "front-pages":
      return `front pages ${signal.locales.join(", ")}`;
  }
}
