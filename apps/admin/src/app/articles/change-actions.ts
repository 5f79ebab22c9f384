"use server";
// Pending changes to a published text and its time to come down: publish, schedule, discard, send to review,
// return. Each resolves the actor from the session; the use cases in @minbar/db re-check every permission.
import { revalidatePath } from "next/cache";
import {
  discardChanges,
  InvalidInputError,
  publishChanges,
  returnChanges,
  schedulePendingChanges,
  setUnpublishAt,
  submitChanges,
  unschedulePendingChanges,
  type LocalizationSnapshot,
  type PendingChangesResult,
} from "@minbar/db/editorial";
import { NEWSROOM_TIME_ZONE, zonedWallTime } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { asActor, type ActionResult } from "../../lib/action-result.ts";
import { queueDueWork } from "../../lib/jobs.ts";
import { publicArticleUrl } from "../../lib/public-link.ts";
import { revalidatePublicSite } from "../../lib/revalidate-public-site.ts";

type Target = { localizationId: number; expectedVersion: number };
type Mark = { mark: "none" | "update" | "correction"; note?: string };

export type ChangeOutcome = {
  version: number;
  /** The live page, after publishing, when the public site's address is configured. */
  publicUrl: string | null;
  /** After a discard: the text the editor shows again (the live one). */
  text: LocalizationSnapshot | null;
};

/** A time as the newsroom's clocks show it (`YYYY-MM-DDTHH:MM`), read in its time zone on the server. */
function wallTime(value: string): Date {
  const at = zonedWallTime(String(value), NEWSROOM_TIME_ZONE);
  if (at === null)
    throw new InvalidInputError([{ path: ["scheduledAt"], message: "not a date and time (YYYY-MM-DDTHH:MM)" }]);
  return at;
}

async function after(
  result: ActionResult<PendingChangesResult & { text?: LocalizationSnapshot }>,
): Promise<ActionResult<ChangeOutcome>> {
  if (!result.ok) return result;
  const done = result.value;
  if (done.affectsPublicSite) await revalidatePublicSite(done.articleId);
  revalidatePath(`/articles/${done.articleId}/${done.locale}`);
  return {
    ok: true,
    value: {
      version: done.version,
      publicUrl: done.affectsPublicSite ? publicArticleUrl(done) : null,
      text: done.text ?? null,
    },
  };
}

export async function publishChangesAction({
  localizationId,
  expectedVersion,
  mark,
  note,
}: Target & Mark): Promise<ActionResult<ChangeOutcome>> {
  return after(
    await asActor((actor) => publishChanges(getDb(), actor, { localizationId, expectedVersion, mark, note })),
  );
}

export async function scheduleChangesAction({
  localizationId,
  expectedVersion,
  mark,
  note,
  scheduledFor,
}: Target & Mark & { scheduledFor: string }): Promise<ActionResult<ChangeOutcome>> {
  let at: Date | undefined;
  const result = await after(
    await asActor((actor) => {
      at = wallTime(scheduledFor);
      return schedulePendingChanges(getDb(), actor, { localizationId, expectedVersion, mark, note, at });
    }),
  );
  // The job queue publishes the changes at that time.
  if (result.ok) await queueDueWork([at]);
  return result;
}

export async function unscheduleChangesAction({
  localizationId,
  expectedVersion,
}: Target): Promise<ActionResult<ChangeOutcome>> {
  return after(await asActor((actor) => unschedulePendingChanges(getDb(), actor, { localizationId, expectedVersion })));
}

export async function discardChangesAction({
  localizationId,
  expectedVersion,
}: Target): Promise<ActionResult<ChangeOutcome>> {
  return after(await asActor((actor) => discardChanges(getDb(), actor, { localizationId, expectedVersion })));
}

export async function submitChangesAction({
  localizationId,
  expectedVersion,
}: Target): Promise<ActionResult<ChangeOutcome>> {
  return after(await asActor((actor) => submitChanges(getDb(), actor, { localizationId, expectedVersion })));
}

export async function returnChangesAction({
  localizationId,
  expectedVersion,
}: Target): Promise<ActionResult<ChangeOutcome>> {
  return after(await asActor((actor) => returnChanges(getDb(), actor, { localizationId, expectedVersion })));
}

/** Gives the text a time to come down (the newsroom's wall time), or takes it away (`null`). */
export async function setUnpublishAtAction({
  localizationId,
  expectedVersion,
  unpublishFor,
}: Target & { unpublishFor: string | null }): Promise<ActionResult<ChangeOutcome>> {
  let at: Date | null = null;
  const result = await after(
    await asActor((actor) => {
      at = unpublishFor === null ? null : wallTime(unpublishFor);
      return setUnpublishAt(getDb(), actor, { localizationId, expectedVersion, at });
    }),
  );
  // The job queue takes the text down at that time.
  if (result.ok) await queueDueWork([at]);
  return result;
}
