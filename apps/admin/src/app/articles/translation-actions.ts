"use server";
// The translation desk's server actions: each resolves the actor and calls a use case that re-checks permissions.
import { revalidatePath } from "next/cache";
import { acknowledgeOriginalChange, assignTranslation } from "@minbar/db/editorial";
import { getDb } from "../../db.ts";
import { asActor, type ActionResult } from "../../lib/action-result.ts";

/** An editor's "the original's change needs no translation". */
export async function acknowledgeAction(input: {
  localizationId: number;
  articleId: number;
  locale: string;
}): Promise<ActionResult<{ acknowledged: boolean }>> {
  const result = await asActor((actor) =>
    acknowledgeOriginalChange(getDb(), actor, { localizationId: input.localizationId }),
  );
  if (result.ok) revalidatePath(`/articles/${input.articleId}/${input.locale}`);
  return result;
}

/** Gives a translation to a translator (or takes it back with null). */
export async function assignAction(input: {
  localizationId: number;
  assigneeId: number | null;
}): Promise<ActionResult<{ assigneeId: number | null }>> {
  const result = await asActor((actor) => assignTranslation(getDb(), actor, input));
  if (result.ok) revalidatePath("/translations");
  return result;
}
