// Changes to a published text wait as pending changes (see commitEdit) until someone who may publish makes them live,
// now or at a time, marked as a correction or an update or as a minor fix; or until they are discarded.
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { readBody } from "../blocks.ts";
import { requireEditAccess } from "./access.ts";
import { diffPlainText, plainTextOfRevision, type DiffSegment } from "./diff-revisions.ts";
import { InvalidInputError, parseInput, StaleVersionError } from "./errors.ts";
import {
  editingText,
  loadLocalization,
  snapshotOf,
  type LoadedLocalization,
  type LocalizationSnapshot,
} from "./load-localization.ts";
import { markTranslationsOutdated, originalTextChanged } from "./translation-sync.ts";

const target = { localizationId: z.number().int().positive(), expectedVersion: z.number().int().positive() };

/** How the change is shown to readers: none (a minor fix), "Updated", or "Corrected" with a public note. */
const markInput = z
  .object({
    mark: z.enum(["none", "update", "correction"]).default("none"),
    note: z
      .string()
      .trim()
      .max(500)
      .optional()
      .transform((note) => note || null),
  })
  .refine(({ mark, note }) => mark !== "correction" || note !== null, {
    path: ["note"],
    message: "a correction needs a public note",
  });

export const publishChangesInput = z.object({ ...target }).and(markInput);
export type PublishChangesInput = z.input<typeof publishChangesInput>;

export const schedulePendingChangesInput = z.object({ ...target, at: z.coerce.date() }).and(markInput);
export type SchedulePendingChangesInput = z.input<typeof schedulePendingChangesInput>;

export const pendingChangesTargetInput = z.object(target);
export type PendingChangesTargetInput = z.input<typeof pendingChangesTargetInput>;

export const setUnpublishAtInput = z.object({ ...target, at: z.coerce.date().nullable() });
export type SetUnpublishAtInput = z.input<typeof setUnpublishAtInput>;

export type PendingChangesResult = {
  articleId: number;
  localizationId: number;
  locale: LoadedLocalization["locale"];
  version: number;
  /** The live slug before and after: a new slug means the old address's page needs revalidating too. */
  previousSlug: string;
  slug: string;
  /** Readers' pages changed: revalidate them. */
  affectsPublicSite: boolean;
};

/** The published text's pending changes; refused when there are none or the text is not published. */
async function loadWithPending(prisma: PrismaClient, localizationId: number, expectedVersion: number) {
  const row = await loadLocalization(prisma, localizationId);
  if (row.version !== expectedVersion) throw new StaleVersionError(expectedVersion, row.version);
  if (row.status !== "published" || row.pendingSince === null) {
    throw new InvalidInputError([{ path: ["localizationId"], message: "there are no pending changes to this text" }]);
  }
  return row;
}

/** The pending columns emptied: the live text is the editing text again. */
export const NO_PENDING_CHANGES = {
  pendingSince: null,
  pendingTitle: null,
  pendingSlug: null,
  pendingSummary: null,
  pendingBody: Prisma.DbNull,
  pendingPhotoAlt: null,
  pendingPhotoCaption: null,
  pendingSubmittedAt: null,
  pendingScheduledAt: null,
  pendingMark: null,
  pendingNote: null,
} satisfies Prisma.ArticleLocalizationUpdateManyMutationInput;

/** The live columns given the pending text (published changes, or pending text folded in when a text comes down). */
export function livenedPending(row: LoadedLocalization) {
  const text = editingText(row);
  return {
    title: text.title,
    summary: text.summary,
    slug: text.slug,
    body: readBody(text.body) as Prisma.InputJsonArray,
    photoAlt: text.photoAlt,
    photoCaption: text.photoCaption,
    ...NO_PENDING_CHANGES,
  };
}

function result(row: LoadedLocalization, version: number, slug: string, affectsPublicSite: boolean) {
  return {
    articleId: row.articleId,
    localizationId: row.id,
    locale: row.locale,
    version,
    previousSlug: row.slug,
    slug,
    affectsPublicSite,
  };
}

async function audit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  row: LoadedLocalization,
  action: string,
  at: Date,
  data: Prisma.InputJsonObject = {},
) {
  await tx.auditLog.create({
    data: {
      at,
      actorId: actor.userId,
      action,
      entityType: "article_localization",
      entityId: String(row.id),
      data: { articleId: row.articleId, locale: row.locale, ...data },
    },
  });
}

/** Makes the pending changes live in one step, leaving the mark readers will see. */
export async function publishChanges(
  prisma: PrismaClient,
  actor: Actor | null,
  input: PublishChangesInput,
): Promise<PendingChangesResult> {
  const user = requirePermission(actor, "article.publish");
  const { localizationId, expectedVersion, mark, note } = parseInput(publishChangesInput, input);
  const row = await loadWithPending(prisma, localizationId, expectedVersion);
  const now = new Date();
  const live = livenedPending(row);
  if (!live.title?.trim()) {
    throw new InvalidInputError([{ path: ["title"], message: "the changed text has no title" }]);
  }
  const holder = await prisma.articleLocalization.findUnique({
    where: { locale_slug: { locale: row.locale, slug: live.slug } },
    select: { id: true },
  });
  if (holder && holder.id !== row.id) {
    throw new InvalidInputError([{ path: ["slug"], message: `the address ${live.slug} is taken` }]);
  }
  await prisma.$transaction(async (tx) => {
    const applied = await applyPendingChanges(tx, row, { version: expectedVersion }, now, {
      mark: mark === "none" ? null : mark,
      note,
      actorId: user.userId,
    });
    if (!applied) throw new StaleVersionError(expectedVersion, null);
    await audit(tx, user, row, "article.publish_changes", now, { mark, ...(note ? { note } : {}) });
  });
  return result(row, expectedVersion + 1, live.slug, true);
}

/**
 * Makes a published text's pending changes its live text (guarded by `where`: false when the row moved on), marks
 * the revisions that held them as applied, outdates translations if an original's words changed, and leaves the
 * public mark. By hand (publishChanges) and by the scheduler (publishDueChanges).
 */
export async function applyPendingChanges(
  tx: Prisma.TransactionClient,
  row: LoadedLocalization,
  where: Prisma.ArticleLocalizationWhereInput,
  now: Date,
  mark: { mark: "correction" | "update" | null; note: string | null; actorId: number | null },
): Promise<boolean> {
  const live = livenedPending(row);
  const updated = await tx.articleLocalization.updateMany({
    where: { ...where, id: row.id, status: "published" },
    data: { ...live, revisedAt: now, version: { increment: 1 } },
  });
  if (updated.count !== 1) return false;
  await tx.revision.updateMany({
    where: { localizationId: row.id, applied: false, origin: { not: "import" }, createdAt: { gte: row.pendingSince! } },
    data: { applied: true },
  });
  if (originalChangedBy(row, live)) await markTranslationsOutdated(tx, row.articleId, now);
  if (mark.mark) {
    await tx.articleCorrection.create({
      data: { localizationId: row.id, kind: mark.mark, note: mark.note, at: now, actorId: mark.actorId },
    });
  }
  return true;
}

/** Drops the pending changes: the editor shows the live text again. The revisions stay in the history. */
export async function discardChanges(
  prisma: PrismaClient,
  actor: Actor | null,
  input: PendingChangesTargetInput,
): Promise<PendingChangesResult & { text: LocalizationSnapshot }> {
  const { localizationId, expectedVersion } = parseInput(pendingChangesTargetInput, input);
  const row = await loadWithPending(prisma, localizationId, expectedVersion);
  // Whoever may edit the text may throw their edits away, and reviewers may refuse a writer's submitted changes.
  const user = row.pendingSubmittedAt
    ? requirePermission(actor, "article.review")
    : requireEditAccess(actor, { ...row, pendingSubmittedAt: null });
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.articleLocalization.updateMany({
      where: { id: row.id, version: expectedVersion },
      data: { ...NO_PENDING_CHANGES, updatedById: user.userId, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new StaleVersionError(expectedVersion, null);
    await audit(tx, user, row, "article.discard_changes", now);
  });
  return {
    ...result(row, expectedVersion + 1, row.slug, false),
    text: snapshotOf(await loadLocalization(prisma, row.id)),
  };
}

/** A writer sends their pending changes to a reviewer (they can no longer edit them until returned or published). */
export async function submitChanges(
  prisma: PrismaClient,
  actor: Actor | null,
  input: PendingChangesTargetInput,
): Promise<PendingChangesResult> {
  const { localizationId, expectedVersion } = parseInput(pendingChangesTargetInput, input);
  const row = await loadWithPending(prisma, localizationId, expectedVersion);
  requirePermission(actor, "article.submit");
  const user = requireEditAccess(actor, row);
  return updatePending(prisma, user, row, { pendingSubmittedAt: new Date() }, "article.submit_changes");
}

/** A reviewer hands submitted changes back to their author to work on. */
export async function returnChanges(
  prisma: PrismaClient,
  actor: Actor | null,
  input: PendingChangesTargetInput,
): Promise<PendingChangesResult> {
  const user = requirePermission(actor, "article.review");
  const { localizationId, expectedVersion } = parseInput(pendingChangesTargetInput, input);
  const row = await loadWithPending(prisma, localizationId, expectedVersion);
  return updatePending(prisma, user, row, { pendingSubmittedAt: null }, "article.return_changes");
}

/** The pending changes go live by themselves at `at` (through the scheduler), with their mark. */
export async function schedulePendingChanges(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SchedulePendingChangesInput,
): Promise<PendingChangesResult> {
  const user = requirePermission(actor, "article.schedule");
  requirePermission(actor, "article.publish");
  const { localizationId, expectedVersion, at, mark, note } = parseInput(schedulePendingChangesInput, input);
  if (Number.isNaN(at.getTime()) || at <= new Date()) {
    throw new InvalidInputError([{ path: ["scheduledAt"], message: "a time in the future is required to schedule" }]);
  }
  const row = await loadWithPending(prisma, localizationId, expectedVersion);
  return updatePending(
    prisma,
    user,
    row,
    { pendingScheduledAt: at, pendingMark: mark === "none" ? null : mark, pendingNote: note },
    "article.schedule_changes",
    { at: at.toISOString(), mark },
  );
}

export async function unschedulePendingChanges(
  prisma: PrismaClient,
  actor: Actor | null,
  input: PendingChangesTargetInput,
): Promise<PendingChangesResult> {
  const user = requirePermission(actor, "article.schedule");
  const { localizationId, expectedVersion } = parseInput(pendingChangesTargetInput, input);
  const row = await loadWithPending(prisma, localizationId, expectedVersion);
  return updatePending(
    prisma,
    user,
    row,
    { pendingScheduledAt: null, pendingMark: null, pendingNote: null },
    "article.unschedule_changes",
  );
}

async function updatePending(
  prisma: PrismaClient,
  user: Actor,
  row: LoadedLocalization,
  data: Prisma.ArticleLocalizationUpdateManyMutationInput,
  action: string,
  auditData: Prisma.InputJsonObject = {},
): Promise<PendingChangesResult> {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.articleLocalization.updateMany({
      where: { id: row.id, version: row.version, pendingSince: { not: null } },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new StaleVersionError(row.version, null);
    await audit(tx, user, row, action, now, auditData);
  });
  return result(row, row.version + 1, row.slug, false);
}

/** Gives a published (or scheduled) text a time to come down by itself, or takes it away (null). */
export async function setUnpublishAt(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SetUnpublishAtInput,
): Promise<PendingChangesResult> {
  const user = requirePermission(actor, "article.unpublish");
  const { localizationId, expectedVersion, at } = parseInput(setUnpublishAtInput, input);
  const row = await loadLocalization(prisma, localizationId);
  if (row.version !== expectedVersion) throw new StaleVersionError(expectedVersion, row.version);
  if (row.status !== "published" && row.status !== "scheduled") {
    throw new InvalidInputError([
      { path: ["localizationId"], message: "only a published or scheduled text can be taken down at a time" },
    ]);
  }
  if (at && (Number.isNaN(at.getTime()) || at <= new Date())) {
    throw new InvalidInputError([{ path: ["scheduledAt"], message: "a time in the future is required" }]);
  }
  if (at && row.status === "scheduled" && row.scheduledAt && at <= row.scheduledAt) {
    throw new InvalidInputError([{ path: ["scheduledAt"], message: "the text would come down before it goes up" }]);
  }
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.articleLocalization.updateMany({
      where: { id: row.id, version: expectedVersion },
      data: { unpublishAt: at, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new StaleVersionError(expectedVersion, null);
    await audit(tx, user, row, at ? "article.schedule_unpublish" : "article.unschedule_unpublish", now, {
      ...(at ? { at: at.toISOString() } : {}),
    });
  });
  return result(row, expectedVersion + 1, row.slug, false);
}

/** A word diff of the pending text against the live one (title, summary, body), for the editor. */
export function pendingDiff(row: LoadedLocalization): DiffSegment[] | null {
  if (row.pendingSince === null) return null;
  return diffPlainText(plainTextOfRevision(row), plainTextOfRevision(editingText(row)), row.locale);
}

/** Whether making the pending text live changes an original's words (its translations then fall out of step). */
export function originalChangedBy(row: LoadedLocalization, live: ReturnType<typeof livenedPending>): boolean {
  return row.locale === row.article.originalLocale && originalTextChanged(row, { ...live, body: readBody(live.body) });
}
