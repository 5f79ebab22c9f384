// The editors' side of the front page: the working draft of an edition (saved with an optimistic lock), published at
// once or scheduled; and the scheduler's side, which makes due scheduled arrangements live and empties ended pins.
// Every change is audited in the same transaction and needs `frontpage.manage`.
import type { FrontPageArrangement, Locale, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { isUniqueViolation } from "../editorial/unique-violation.ts";
import {
  dropEndedPins,
  layoutSchema,
  readLayout,
  EMPTY_LAYOUT,
  chosenArticleIds,
  type FrontPageLayout,
} from "./layout.ts";
import { fillFrontPage, type PublicFrontPage } from "./public-front-page.ts";

type Context = { address?: string | null };

const DRAFT_OR_LIVE_INDEX = "front_page_arrangements_one_draft_or_live";

export type FrontPageStory = { articleId: number; title: string; published: boolean };

export type FrontPageEditing = {
  locale: Locale;
  /** The working draft; version 0 while the edition has none (the live layout is then its starting point). */
  draft: { layout: FrontPageLayout; version: number; updatedAt: Date | null };
  live: { layout: FrontPageLayout; publishedAt: Date | null } | null;
  scheduled: { id: number; goLiveAt: Date; layout: FrontPageLayout }[];
  /** The stories the layouts name, with their title in the edition (or another language's, marked unpublished). */
  stories: FrontPageStory[];
  sections: { id: number; name: string }[];
};

export async function loadFrontPageForEditing(
  prisma: PrismaClient,
  actor: Actor | null,
  { locale }: { locale: Locale },
): Promise<FrontPageEditing> {
  requirePermission(actor, "frontpage.manage");
  const rows = await prisma.frontPageArrangement.findMany({
    where: { locale },
    orderBy: [{ goLiveAt: "asc" }, { id: "asc" }],
  });
  const draftRow = rows.find((row) => row.kind === "draft");
  const liveRow = rows.find((row) => row.kind === "live");
  const live = liveRow ? { layout: readLayout(liveRow.layout), publishedAt: liveRow.publishedAt } : null;
  const draft = draftRow
    ? { layout: readLayout(draftRow.layout), version: draftRow.version, updatedAt: draftRow.updatedAt }
    : { layout: live?.layout ?? EMPTY_LAYOUT, version: 0, updatedAt: null };
  const scheduled = rows
    .filter((row) => row.kind === "scheduled" && row.goLiveAt)
    .map((row) => ({ id: row.id, goLiveAt: row.goLiveAt as Date, layout: readLayout(row.layout) }));
  const ids = [
    ...new Set(
      [draft.layout, live?.layout, ...scheduled.map((row) => row.layout)].flatMap((l) =>
        l ? chosenArticleIds(l) : [],
      ),
    ),
  ];
  const [stories, sections] = await Promise.all([storiesOf(prisma, locale, ids), sectionChoices(prisma, locale)]);
  return { locale, draft, live, scheduled, stories, sections };
}

async function storiesOf(prisma: PrismaClient, locale: Locale, ids: number[]): Promise<FrontPageStory[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.articleLocalization.findMany({
    where: { articleId: { in: ids } },
    select: { articleId: true, locale: true, title: true, status: true },
  });
  return ids.map((articleId) => {
    const own = rows.find((row) => row.articleId === articleId && row.locale === locale);
    const any = own ?? rows.find((row) => row.articleId === articleId && row.title);
    return {
      articleId,
      title: own?.title ?? any?.title ?? `#${articleId}`,
      published: own?.status === "published" && own.title !== null,
    };
  });
}

async function sectionChoices(prisma: PrismaClient, locale: Locale) {
  const sections = await prisma.section.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return sections.map((section) => ({
    id: section.id,
    name: locale === "ru" ? section.nameRu : locale === "en" ? section.nameEn : section.nameAr,
  }));
}

/** Published stories of the edition whose title contains `query` (newest first), to add to the page. */
export async function searchFrontPageStories(
  prisma: PrismaClient,
  actor: Actor | null,
  { locale, query, limit = 10 }: { locale: Locale; query: string; limit?: number },
): Promise<{ articleId: number; title: string; publishedAt: Date | null }[]> {
  requirePermission(actor, "frontpage.manage");
  const text = query.trim().slice(0, 200);
  const rows = await prisma.articleLocalization.findMany({
    where: {
      locale,
      status: "published",
      publishedAt: { not: null },
      title: text ? { contains: text, mode: "insensitive" } : { not: null },
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 50),
    select: { articleId: true, title: true, publishedAt: true },
  });
  return rows.map((row) => ({ articleId: row.articleId, title: row.title ?? "", publishedAt: row.publishedAt }));
}

export type FrontPageInvalidReason = "invalid_layout" | "unknown_story" | "unknown_section" | "time_in_past";

export type SaveFrontPageResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; currentVersion: number }
  | { status: "invalid"; reason: FrontPageInvalidReason };

/** Checks the layout's shape and that every story has a text in the edition and every section exists. */
async function checkLayout(
  tx: Prisma.TransactionClient,
  locale: Locale,
  input: unknown,
): Promise<{ layout: FrontPageLayout } | { reason: FrontPageInvalidReason }> {
  const parsed = layoutSchema.safeParse(input);
  if (!parsed.success) return { reason: "invalid_layout" };
  const layout = parsed.data;
  const ids = chosenArticleIds(layout);
  if (ids.length > 0) {
    const found = await tx.articleLocalization.count({ where: { locale, articleId: { in: ids } } });
    if (found !== ids.length) return { reason: "unknown_story" };
  }
  const sectionIds = layout.sections.map((row) => row.sectionId);
  if (sectionIds.length > 0) {
    const found = await tx.section.count({ where: { id: { in: sectionIds }, retiredAt: null } });
    if (found !== sectionIds.length) return { reason: "unknown_section" };
  }
  return { layout };
}

/** The draft at `expectedVersion` (0: none yet), or the conflict to report. */
async function draftAt(
  tx: Prisma.TransactionClient,
  locale: Locale,
  expectedVersion: number,
): Promise<{ draft: FrontPageArrangement | null } | { conflict: number }> {
  const draft = await tx.frontPageArrangement.findFirst({ where: { locale, kind: "draft" } });
  const current = draft?.version ?? 0;
  return current === expectedVersion ? { draft } : { conflict: current };
}

/** Saves the edition's working draft; a save based on an older version is a conflict, never an overwrite. */
export async function saveFrontPageDraft(
  prisma: PrismaClient,
  actor: Actor | null,
  input: { locale: Locale; expectedVersion: number; layout: unknown },
  context: Context = {},
): Promise<SaveFrontPageResult> {
  const who = requirePermission(actor, "frontpage.manage");
  try {
    return await prisma.$transaction(async (tx) => {
      const checked = await checkLayout(tx, input.locale, input.layout);
      if ("reason" in checked) return { status: "invalid", reason: checked.reason } as const;
      const at = await draftAt(tx, input.locale, input.expectedVersion);
      if ("conflict" in at) return { status: "conflict", currentVersion: at.conflict } as const;
      let version: number;
      if (!at.draft) {
        const created = await tx.frontPageArrangement.create({
          data: { locale: input.locale, kind: "draft", layout: checked.layout, updatedById: who.userId },
        });
        version = created.version;
      } else {
        // The version in the WHERE makes a save that raced past the check above change nothing.
        const updated = await tx.frontPageArrangement.updateMany({
          where: { id: at.draft.id, version: input.expectedVersion },
          data: { layout: checked.layout, updatedById: who.userId, version: { increment: 1 } },
        });
        if (updated.count === 0) return { status: "conflict", currentVersion: input.expectedVersion + 1 } as const;
        version = input.expectedVersion + 1;
      }
      await audit(tx, { actorId: who.userId, action: "frontpage.save_draft" }, input.locale, { version }, context);
      return { status: "saved", version } as const;
    });
  } catch (error) {
    // Two first saves at once: the second meets the one-draft index.
    if (isUniqueViolation(error, DRAFT_OR_LIVE_INDEX, ["locale", "kind"]))
      return { status: "conflict", currentVersion: 1 };
    throw error;
  }
}

export type PublishFrontPageResult =
  | { status: "published" | "scheduled"; version: number }
  | { status: "conflict"; currentVersion: number }
  | { status: "invalid"; reason: FrontPageInvalidReason };

/**
 * Saves the layout as the draft (as saveFrontPageDraft) and makes it live at once, or at `goLiveAt` when given (a
 * scheduled copy; the draft stays for further work).
 */
export async function publishFrontPage(
  prisma: PrismaClient,
  actor: Actor | null,
  input: { locale: Locale; expectedVersion: number; layout: unknown; goLiveAt?: Date | null; now?: Date },
  context: Context = {},
): Promise<PublishFrontPageResult> {
  const who = requirePermission(actor, "frontpage.manage");
  const now = input.now ?? new Date();
  if (input.goLiveAt && input.goLiveAt.getTime() <= now.getTime()) return { status: "invalid", reason: "time_in_past" };
  const saved = await saveFrontPageDraft(prisma, who, input, context);
  if (saved.status !== "saved") return saved;
  return prisma.$transaction(async (tx) => {
    const draft = await tx.frontPageArrangement.findFirst({ where: { locale: input.locale, kind: "draft" } });
    // Someone saved over it between the two steps: theirs is what would go live, so ask again.
    if (!draft || draft.version !== saved.version) {
      return { status: "conflict", currentVersion: draft?.version ?? 0 } as const;
    }
    const layout = readLayout(draft.layout);
    if (input.goLiveAt) {
      const row = await tx.frontPageArrangement.create({
        data: { locale: input.locale, kind: "scheduled", layout, goLiveAt: input.goLiveAt, updatedById: who.userId },
      });
      await audit(
        tx,
        { actorId: who.userId, action: "frontpage.schedule" },
        input.locale,
        { id: row.id, goLiveAt: input.goLiveAt.toISOString() },
        context,
      );
      return { status: "scheduled", version: saved.version } as const;
    }
    await makeLive(tx, input.locale, layout, now, who.userId);
    await audit(
      tx,
      { actorId: who.userId, action: "frontpage.publish" },
      input.locale,
      { version: saved.version },
      context,
    );
    return { status: "published", version: saved.version } as const;
  });
}

async function makeLive(
  tx: Prisma.TransactionClient,
  locale: Locale,
  layout: FrontPageLayout,
  now: Date,
  userId: number | null,
): Promise<void> {
  await tx.frontPageArrangement.deleteMany({ where: { locale, kind: "live" } });
  await tx.frontPageArrangement.create({
    data: { locale, kind: "live", layout, publishedAt: now, updatedById: userId },
  });
}

export type CancelScheduleResult = { status: "cancelled" } | { status: "not_found" };

export async function cancelScheduledFrontPage(
  prisma: PrismaClient,
  actor: Actor | null,
  { id }: { id: number },
  context: Context = {},
): Promise<CancelScheduleResult> {
  const who = requirePermission(actor, "frontpage.manage");
  return prisma.$transaction(async (tx) => {
    const row = await tx.frontPageArrangement.findFirst({ where: { id, kind: "scheduled" } });
    if (!row) return { status: "not_found" } as const;
    await tx.frontPageArrangement.delete({ where: { id } });
    await audit(
      tx,
      { actorId: who.userId, action: "frontpage.cancel_schedule" },
      row.locale,
      { id, goLiveAt: row.goLiveAt?.toISOString() ?? null },
      context,
    );
    return { status: "cancelled" } as const;
  });
}

/** The draft filled as the public page would show it now: what the preview renders. */
export async function previewFrontPage(
  prisma: PrismaClient,
  actor: Actor | null,
  { locale, layout, now = new Date() }: { locale: Locale; layout: unknown; now?: Date },
): Promise<PublicFrontPage | null> {
  requirePermission(actor, "frontpage.manage");
  const parsed = layoutSchema.safeParse(layout);
  if (!parsed.success) return null;
  return fillFrontPage(prisma, { locale, layout: parsed.data, now });
}

/**
 * The scheduler's pass (no actor: the system): each edition's latest due scheduled arrangement goes live (older due
 * ones are dropped, superseded), and pins of live arrangements that ended are emptied so the stored page says what
 * readers see. Returns the editions whose front page changed, for the public site's signal.
 */
export async function applyDueFrontPages(prisma: PrismaClient, now: Date = new Date()): Promise<Locale[]> {
  return prisma.$transaction(async (tx) => {
    const changed = new Set<Locale>();
    // Locked so that two schedulers do not make the same arrangement live twice.
    const due = await tx.$queryRaw<{ id: number; locale: Locale }[]>`
      SELECT id, locale::text AS locale FROM front_page_arrangements
      WHERE kind = 'scheduled' AND go_live_at <= ${now}::timestamp(3)
      ORDER BY go_live_at DESC, id DESC
      FOR UPDATE SKIP LOCKED`;
    for (const row of due) {
      const arrangement = await tx.frontPageArrangement.findUnique({ where: { id: row.id } });
      if (!arrangement) continue;
      await tx.frontPageArrangement.delete({ where: { id: row.id } });
      if (changed.has(row.locale)) {
        await audit(
          tx,
          { actorId: null, action: "frontpage.schedule_superseded" },
          row.locale,
          { id: row.id },
          {},
          now,
        );
        continue;
      }
      await makeLive(tx, row.locale, readLayout(arrangement.layout), now, null);
      await audit(tx, { actorId: null, action: "frontpage.publish_scheduled" }, row.locale, { id: row.id }, {}, now);
      changed.add(row.locale);
    }
    const lives = await tx.$queryRaw<{ id: number; locale: Locale; layout: unknown; version: number }[]>`
      SELECT id, locale::text AS locale, layout, version FROM front_page_arrangements
      WHERE kind = 'live' FOR UPDATE SKIP LOCKED`;
    for (const live of lives) {
      const { layout, changed: pinsEnded } = dropEndedPins(readLayout(live.layout), now);
      if (!pinsEnded) continue;
      await tx.frontPageArrangement.update({ where: { id: live.id }, data: { layout, version: { increment: 1 } } });
      await audit(tx, { actorId: null, action: "frontpage.pin_expired" }, live.locale, {}, {}, now);
      changed.add(live.locale);
    }
    return [...changed];
  });
}

async function audit(
  tx: Prisma.TransactionClient,
  { actorId, action }: { actorId: number | null; action: string },
  locale: Locale,
  data: Prisma.InputJsonObject,
  context: Context,
  at?: Date,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId,
      action,
      entityType: "front_page",
      entityId: locale,
      data: { locale, ...data },
      address: context.address ?? null,
      ...(at ? { at } : {}),
    },
  });
}
