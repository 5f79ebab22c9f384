"use server";
// The article editor's server actions. Each one is a public endpoint: it resolves the actor from the session and
// calls a use case of @minbar/db, which validates the input and re-checks every permission.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addReviewComment,
  createArticle,
  InvalidInputError,
  markEditing,
  moveArticle,
  restoreRevision,
  saveAttribution,
  saveLocalization,
  startTranslation,
  type ActiveEditor,
  type CreateArticleInput,
  type CreateArticleResult,
  type MoveArticleInput,
  type SaveAttributionInput,
  type SaveLocalizationInput,
  type SaveResult,
} from "@minbar/db/editorial";
import { NEWSROOM_TIME_ZONE, zonedWallTime } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { asActor, type ActionResult } from "../../lib/action-result.ts";
import { publicArticleUrl } from "../../lib/public-link.ts";
import { queueDueWork } from "../../lib/jobs.ts";
import { revalidatePublicSite, revalidateSections } from "../../lib/revalidate-public-site.ts";

const editorPath = (articleId: number, locale: string) => `/articles/${articleId}/${locale}`;

/**
 * The first save of a new article (the editor at /articles/new holds the text until then, so an abandoned "new
 * article" stores nothing). The editor then moves to the article's own address without losing what is on screen.
 */
export async function createArticleAction(input: CreateArticleInput): Promise<ActionResult<CreateArticleResult>> {
  return asActor((actor) => createArticle(getDb(), actor, input));
}

/** What autosave needs back: the new version, or the other change / the taken slug. Not the saved text again. */
export type SaveTextOutcome =
  { status: "saved"; version: number; slug: string } | Exclude<SaveResult, { status: "saved" }>;

export async function saveTextAction(input: SaveLocalizationInput): Promise<ActionResult<SaveTextOutcome>> {
  const result = await asActor((actor) => saveLocalization(getDb(), actor, input));
  if (!result.ok || result.value.status !== "saved") return result as ActionResult<SaveTextOutcome>;
  if (result.value.affectsPublicSite) await revalidatePublicSite(result.value.localization.articleId);
  // The slug may have followed the title (see saveLocalization): the field shows what is stored.
  const { version, slug } = result.value.localization;
  return { ok: true, value: { status: "saved", version, slug } };
}

/**
 * A move as the editor sends it. A schedule is the time the newsroom's clocks will show (`YYYY-MM-DDTHH:MM`, as the
 * admin's DateTimeField gives it), read in the newsroom's time zone here on the server: the time every
 * page of the admin shows, whatever zone the editor's computer is set to.
 */
/** What the editor says after a move: the new state, and where (published) or when (scheduled) it goes out. */
export type MoveOutcome = {
  version: number;
  to: MoveArticleInput["to"];
  /** ISO instant of a schedule. */
  scheduledAt: string | null;
  /** The live page of a published text, when the public site's address is configured. */
  publicUrl: string | null;
};

export type MoveActionInput = Omit<MoveArticleInput, "scheduledAt"> & { scheduledFor?: string };

export async function moveAction({ scheduledFor, ...move }: MoveActionInput): Promise<ActionResult<MoveOutcome>> {
  const result = await asActor((actor) => {
    const scheduledAt =
      scheduledFor === undefined ? undefined : zonedWallTime(String(scheduledFor), NEWSROOM_TIME_ZONE);
    if (scheduledAt === null)
      throw new InvalidInputError([{ path: ["scheduledAt"], message: "not a date and time (YYYY-MM-DDTHH:MM)" }]);
    // Only the fields of the type: a caller's own `scheduledAt` (an instant, bypassing the zone) is not passed on.
    const { localizationId, to, expectedVersion, comment } = move;
    return moveArticle(getDb(), actor, { localizationId, to, expectedVersion, comment, scheduledAt });
  });
  if (!result.ok) return result;
  if (result.value.affectsPublicSite) await revalidatePublicSite(result.value.articleId);
  revalidatePath(editorPath(result.value.articleId, result.value.locale));
  const { version, to, scheduledAt } = result.value;
  // The job queue publishes it at that time (a re-schedule queues its own time; the old one then finds nothing).
  if (to === "scheduled") await queueDueWork([scheduledAt]);
  return {
    ok: true,
    value: {
      version,
      to,
      scheduledAt: scheduledAt?.toISOString() ?? null,
      publicUrl: to === "published" ? publicArticleUrl(result.value) : null,
    },
  };
}

export async function saveAttributionAction(
  input: SaveAttributionInput,
): Promise<ActionResult<{ version: number } | { conflict: true }>> {
  const result = await asActor((actor) => saveAttribution(getDb(), actor, input));
  if (!result.ok) return result;
  if (result.value.status === "conflict") return { ok: true, value: { conflict: true } };
  if (result.value.affectsPublicSite) {
    await revalidatePublicSite(input.articleId);
    // The section it left: its pages list it no more (the new one is found from the article itself).
    if (result.value.previousSectionId !== null) await revalidateSections([result.value.previousSectionId]);
  }
  revalidatePath("/articles/[id]/[locale]", "page");
  return { ok: true, value: { version: result.value.version } };
}

export async function restoreRevisionAction(input: {
  articleId: number;
  localizationId: number;
  revisionId: number;
  expectedVersion: number;
}): Promise<ActionResult<SaveResult>> {
  const result = await asActor((actor) => restoreRevision(getDb(), actor, input));
  if (result.ok && result.value.status === "saved") {
    // The stored row says which article this was; the caller's articleId only names the page it came from.
    const { articleId, locale } = result.value.localization;
    if (result.value.affectsPublicSite) await revalidatePublicSite(articleId);
    revalidatePath(editorPath(articleId, locale));
  }
  return result;
}

export async function addCommentAction(input: {
  articleId: number;
  localizationId: number;
  body: string;
}): Promise<ActionResult<{ id: number }>> {
  const result = await asActor((actor) =>
    addReviewComment(getDb(), actor, { localizationId: input.localizationId, body: input.body }),
  );
  if (!result.ok) return result;
  revalidatePath("/articles/[id]/[locale]", "page");
  return { ok: true, value: { id: result.value.id } };
}

/** The editor's heartbeat: records that this user has the text open and answers who else has. */
export async function heartbeatAction(localizationId: number): Promise<ActionResult<ActiveEditor[]>> {
  return asActor((actor) => markEditing(getDb(), actor, { localizationId }));
}

export async function startTranslationAction(input: {
  articleId: number;
  locale: "ar" | "ru" | "en";
}): Promise<ActionResult<never>> {
  const result = await asActor((actor) => startTranslation(getDb(), actor, input));
  if (!result.ok) return result;
  redirect(editorPath(input.articleId, input.locale));
}
