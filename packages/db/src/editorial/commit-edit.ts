// The one way text reaches a localization: optimistic lock, a new revision, pruned warnings, all in one transaction.
import type { Prisma, PrismaClient, RevisionOrigin } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { readWarnings, withBlockIds, type ArticleBlock } from "../blocks.ts";
import {
  editingText,
  loadLocalization,
  snapshotOf,
  type LoadedLocalization,
  type LocalizationSnapshot,
} from "./load-localization.ts";
import { setArticleTags } from "./tags.ts";
import { currentRevisionId, markTranslationsOutdated, originalTextChanged } from "./translation-sync.ts";
import { isSlugTaken } from "./unique-violation.ts";
import { warningsAfterEdit } from "./warning-rules.ts";
import { PUBLIC_STATUSES } from "./workflow.ts";

export type EditValues = {
  title: string | null;
  summary: string | null;
  slug: string;
  body: ArticleBlock[];
  /** Left unchanged when undefined. */
  photoAlt?: string | null | undefined;
  /** Left unchanged when undefined. */
  photoCaption?: string | null | undefined;
  /** The story's date; left unchanged when undefined. */
  publishedAt?: Date | undefined;
  /** publishedAt is a day (its midnight UTC) and no time; false when undefined and publishedAt is given. */
  publishedDateOnly?: boolean | undefined;
  /** Whether later saves remake the slug from the title; left unchanged when undefined. */
  slugFollowsTitle?: boolean | undefined;
};

export type SaveResult =
  | {
      status: "saved";
      localization: LocalizationSnapshot;
      revision: { id: number; number: number };
      /** The slug before this save: if it changed, the old URL's page needs revalidating too. */
      previousSlug: string;
      /** The text is live: revalidate its public pages. */
      affectsPublicSite: boolean;
    }
  /** Someone saved (or moved) it since `expectedVersion`: here is what is stored now and who saved it. */
  | { status: "conflict"; current: LocalizationSnapshot }
  | { status: "slug_taken"; slug: string };

type CommitOptions = {
  origin: RevisionOrigin;
  /** A restore's source revision number, kept on the new revision so the list and history can name it. */
  restoredFromNumber?: number;
  tags?: readonly string[] | undefined;
  audit?: { action: string; data: Prisma.InputJsonObject };
  /**
   * For a translation: the original's revision the translator was shown. Saving against the original's current
   * revision clears the outdated mark; against an older one the mark stays. Omitted, both are left as they are.
   */
  againstRevisionId?: number | undefined;
};

export async function commitEdit(
  prisma: PrismaClient,
  user: Actor,
  target: LoadedLocalization,
  expectedVersion: number,
  values: EditValues,
  { origin, restoredFromNumber, tags, audit, againstRevisionId }: CommitOptions,
): Promise<SaveResult> {
  if (target.version !== expectedVersion) return { status: "conflict", current: snapshotOf(target) };
  const holder = await prisma.articleLocalization.findUnique({
    where: { locale_slug: { locale: target.locale, slug: values.slug } },
    select: { id: true },
  });
  if (holder && holder.id !== target.id) return { status: "slug_taken", slug: values.slug };

  const publishedAt = values.publishedAt ?? target.publishedAt;
  const warnings = warningsAfterEdit(readWarnings(target.warnings), { title: values.title, publishedAt });
  // Blocks keep their ids across saves; new ones get theirs here.
  const body = withBlockIds(values.body) as Prisma.InputJsonArray;
  const isOriginal = target.locale === target.article.originalLocale;
  const originalChanged = isOriginal && originalTextChanged(editingText(target), values);
  // Readers keep the live text of a published localization: the edit becomes (or extends) its pending changes.
  const pending = PUBLIC_STATUSES.has(target.status);
  const current = editingText(target);
  const text = pending
    ? {
        pendingSince: target.pendingSince ?? new Date(),
        pendingTitle: values.title,
        pendingSummary: values.summary,
        pendingSlug: values.slug,
        pendingBody: body,
        pendingPhotoAlt: values.photoAlt !== undefined ? values.photoAlt : current.photoAlt,
        pendingPhotoCaption: values.photoCaption !== undefined ? values.photoCaption : current.photoCaption,
      }
    : {
        title: values.title,
        summary: values.summary,
        slug: values.slug,
        body,
        ...(values.photoAlt !== undefined ? { photoAlt: values.photoAlt } : {}),
        ...(values.photoCaption !== undefined ? { photoCaption: values.photoCaption } : {}),
      };
  let revision: { id: number; number: number } | null;
  try {
    revision = await prisma.$transaction(async (tx) => {
      const sync = isOriginal ? {} : await translationSync(tx, target, againstRevisionId);
      // The row lock taken here serializes concurrent saves: the second one finds the version moved on and stops.
      const updated = await tx.articleLocalization.updateMany({
        where: { id: target.id, version: expectedVersion },
        data: {
          ...text,
          publishedAt,
          ...(values.publishedAt !== undefined ? { publishedDateOnly: values.publishedDateOnly ?? false } : {}),
          ...(values.slugFollowsTitle !== undefined ? { slugFollowsTitle: values.slugFollowsTitle } : {}),
          warnings,
          ...sync,
          updatedById: user.userId,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) return null;
      // Translations follow the original's live text: pending changes outdate them when they are published.
      if (originalChanged && !pending) await markTranslationsOutdated(tx, target.articleId);
      const latest = await tx.revision.aggregate({ where: { localizationId: target.id }, _max: { number: true } });
      const created = await tx.revision.create({
        data: {
          localizationId: target.id,
          number: (latest._max.number ?? 0) + 1,
          title: values.title,
          slug: values.slug,
          summary: values.summary,
          body,
          origin,
          // Pending changes are not what readers see until published.
          applied: !pending,
          restoredFromNumber: restoredFromNumber ?? null,
          authorId: user.userId,
        },
        select: { id: true, number: true },
      });
      if (tags) await setArticleTags(tx, target.articleId, tags);
      if (audit) {
        await tx.auditLog.create({
          data: {
            actorId: user.userId,
            action: audit.action,
            entityType: "article_localization",
            entityId: String(target.id),
            data: audit.data,
          },
        });
      }
      return created;
    });
  } catch (error) {
    // The slug was free when checked but another save took it before this one committed.
    if (isSlugTaken(error)) return { status: "slug_taken", slug: values.slug };
    throw error;
  }
  const stored = snapshotOf(await loadLocalization(prisma, target.id));
  if (!revision) return { status: "conflict", current: stored };
  return {
    status: "saved",
    localization: stored,
    revision,
    previousSlug: target.slug,
    // Pending changes leave the public pages as they are; only a new story date reaches readers at once.
    affectsPublicSite: PUBLIC_STATUSES.has(stored.status) && (!pending || values.publishedAt !== undefined),
  };
}

/** Where a translation saved against `againstRevisionId` stands: in step with the original's current text, or not. */
async function translationSync(
  tx: Prisma.TransactionClient,
  target: LoadedLocalization,
  againstRevisionId: number | undefined,
): Promise<{ sourceRevisionId?: number; outdatedAt?: Date | null }> {
  if (againstRevisionId === undefined) return {};
  const against = await tx.revision.findFirst({
    where: {
      id: againstRevisionId,
      localization: { articleId: target.articleId, locale: target.article.originalLocale },
    },
    select: { id: true, localizationId: true },
  });
  if (!against) return {};
  const current = await currentRevisionId(tx, against.localizationId);
  return {
    sourceRevisionId: against.id,
    outdatedAt: against.id === current ? null : (target.outdatedAt ?? new Date()),
  };
}
