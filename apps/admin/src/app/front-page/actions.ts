"use server";
// The front page desk's actions: each re-reads the signed-in actor and calls the use case, which checks
// frontpage.manage or breaking.manage itself; outcomes come back as codes the page words in the interface language.
import { headers } from "next/headers";
import {
  cancelScheduledFrontPage,
  endBreakingBanner,
  previewFrontPage,
  publishFrontPage,
  saveFrontPageDraft,
  searchFrontPageStories,
  setBreakingBanner,
  type PublicFrontPage,
} from "@minbar/db/editorial";
import { isLocale, type Locale, NEWSROOM_TIME_ZONE, zonedWallTime } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { asActor, type ActionResult } from "../../lib/action-result.ts";
import { clientAddress } from "../../lib/client-address.ts";
import { queueDueWork } from "../../lib/jobs.ts";
import { revalidateFrontPages } from "../../lib/revalidate-public-site.ts";

/** A story slot as the desk holds it: the pin as the newsroom's wall-clock time (`YYYY-MM-DDTHH:MM`) or "". */
export type DeskSlot = { articleId: number; title: string; pinnedUntil: string };
export type DeskLayout = { stories: DeskSlot[]; sections: number[] };

export type DeskOutcome =
  | "saved"
  | "published"
  | "scheduled"
  | "cancelled"
  | "conflict"
  | "invalid_layout"
  | "unknown_story"
  | "unknown_section"
  | "time_in_past"
  | "bad_time"
  | "not_found";

const edition = (value: unknown): Locale | null => (typeof value === "string" && isLocale(value) ? value : null);

/** The desk's list (first = the lead) as the stored layout; null when a pin's time is not a real time. */
function toLayout(layout: DeskLayout) {
  const slots = [];
  for (const slot of layout.stories) {
    let pinnedUntil: string | null = null;
    if (slot.pinnedUntil) {
      const at = zonedWallTime(slot.pinnedUntil, NEWSROOM_TIME_ZONE);
      if (!at) return null;
      pinnedUntil = at.toISOString();
    }
    slots.push({ articleId: slot.articleId, pinnedUntil });
  }
  const [lead = null, ...top] = slots;
  return { lead, top, sections: layout.sections.map((sectionId) => ({ sectionId })) };
}

const context = async () => ({ address: clientAddress(await headers()) });

export async function saveDraftAction(
  locale: string,
  expectedVersion: number,
  layout: DeskLayout,
): Promise<ActionResult<{ outcome: DeskOutcome; version: number }>> {
  const which = edition(locale);
  const stored = toLayout(layout);
  if (!which) return { ok: true, value: { outcome: "not_found", version: expectedVersion } };
  if (!stored) return { ok: true, value: { outcome: "bad_time", version: expectedVersion } };
  const ctx = await context();
  return asActor(async (actor) => {
    const result = await saveFrontPageDraft(getDb(), actor, { locale: which, expectedVersion, layout: stored }, ctx);
    if (result.status === "saved") return { outcome: "saved", version: result.version };
    if (result.status === "conflict") return { outcome: "conflict", version: result.currentVersion };
    return { outcome: result.reason, version: expectedVersion };
  });
}

/** Publishes the layout now, or schedules it when `goLiveAt` (newsroom wall time) is given. */
export async function publishAction(
  locale: string,
  expectedVersion: number,
  layout: DeskLayout,
  goLiveAt: string | null,
): Promise<ActionResult<{ outcome: DeskOutcome; version: number }>> {
  const which = edition(locale);
  const stored = toLayout(layout);
  if (!which) return { ok: true, value: { outcome: "not_found", version: expectedVersion } };
  if (!stored) return { ok: true, value: { outcome: "bad_time", version: expectedVersion } };
  const at = goLiveAt ? zonedWallTime(goLiveAt, NEWSROOM_TIME_ZONE) : null;
  if (goLiveAt !== null && !at) return { ok: true, value: { outcome: "bad_time", version: expectedVersion } };
  const ctx = await context();
  const result = await asActor(async (actor) => {
    const outcome = await publishFrontPage(
      getDb(),
      actor,
      { locale: which, expectedVersion, layout: stored, goLiveAt: at },
      ctx,
    );
    if (outcome.status === "invalid") return { outcome: outcome.reason, version: expectedVersion };
    if (outcome.status === "conflict") return { outcome: "conflict" as const, version: outcome.currentVersion };
    return { outcome: outcome.status, version: outcome.version };
  });
  // Only this edition's front page shows the arrangement.
  if (result.ok && result.value.outcome === "published") await revalidateFrontPages([which]);
  // The job queue makes it live at its time, and refreshes the front page when each pin ends.
  if (result.ok && (result.value.outcome === "published" || result.value.outcome === "scheduled")) {
    const pins = [stored.lead, ...stored.top].map((slot) => (slot?.pinnedUntil ? new Date(slot.pinnedUntil) : null));
    await queueDueWork([at, ...pins]);
  }
  return result;
}

export async function cancelScheduleAction(id: number): Promise<ActionResult<{ outcome: DeskOutcome }>> {
  const ctx = await context();
  return asActor(async (actor) => {
    const result = await cancelScheduledFrontPage(getDb(), actor, { id }, ctx);
    return { outcome: result.status === "cancelled" ? "cancelled" : "not_found" };
  });
}

export async function searchStoriesAction(
  locale: string,
  query: string,
): Promise<ActionResult<{ articleId: number; title: string }[]>> {
  const which = edition(locale);
  if (!which) return { ok: true, value: [] };
  return asActor(async (actor) =>
    (await searchFrontPageStories(getDb(), actor, { locale: which, query: String(query) })).map((row) => ({
      articleId: row.articleId,
      title: row.title,
    })),
  );
}

export async function previewAction(locale: string, layout: DeskLayout): Promise<ActionResult<PublicFrontPage | null>> {
  const which = edition(locale);
  const stored = toLayout(layout);
  if (!which || !stored) return { ok: true, value: null };
  return asActor((actor) => previewFrontPage(getDb(), actor, { locale: which, layout: stored }));
}

export type BreakingOutcome =
  | "set"
  | "ended"
  | "not_active"
  | "bad_time"
  | "text_required"
  | "text_too_long"
  | "link_required"
  | "link_invalid"
  | "ends_in_past";

export async function setBreakingAction(
  locale: string,
  input: { text: string; link: string; endsAt: string },
): Promise<ActionResult<{ outcome: BreakingOutcome }>> {
  const which = edition(locale);
  if (!which) return { ok: false, error: { code: "not_found" } };
  const endsAt = input.endsAt ? zonedWallTime(input.endsAt, NEWSROOM_TIME_ZONE) : null;
  if (input.endsAt && !endsAt) return { ok: true, value: { outcome: "bad_time" } };
  const ctx = await context();
  return asActor(async (actor) => {
    const result = await setBreakingBanner(
      getDb(),
      actor,
      { locale: which, text: String(input.text), link: String(input.link), endsAt },
      ctx,
    );
    return { outcome: result.status === "set" ? "set" : result.reason };
  });
}

export async function endBreakingAction(locale: string): Promise<ActionResult<{ outcome: BreakingOutcome }>> {
  const which = edition(locale);
  if (!which) return { ok: false, error: { code: "not_found" } };
  const ctx = await context();
  return asActor(async (actor) => {
    const result = await endBreakingBanner(getDb(), actor, { locale: which }, ctx);
    return { outcome: result.status };
  });
}
