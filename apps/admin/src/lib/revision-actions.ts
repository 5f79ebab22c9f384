"use server";
// The revisions panel reads its list again after each autosave, without reloading the page.
import { getLocale } from "next-intl/server";
import { listRevisions } from "@minbar/db/editorial";
import { formatDateTime, isLocale } from "@minbar/i18n";
import { getDb } from "../db.ts";
import { asActor, type ActionResult } from "./action-result.ts";
import { toRevisionRows, type RevisionRow } from "./revision-rows.ts";

export async function listRevisionsAction(localizationId: number): Promise<ActionResult<RevisionRow[]>> {
  const locale = await getLocale();
  const uiLocale = isLocale(locale) ? locale : "ar";
  return asActor(async (actor) =>
    toRevisionRows(await listRevisions(getDb(), actor, { localizationId }), (date) => formatDateTime(date, uiLocale)),
  );
}
