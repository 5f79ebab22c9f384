// The one way text reaches a localization: optimistic lock, a new revision, pruned warnings, all in one transaction.
import type { Prisma, PrismaClient, RevisionOrigin } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { readWarnings, type ArticleBlock } from "../blocks.ts";
import {
  loadLocalization,
  snapshotOf,
  type LoadedLocalization,
  type LocalizationSnapshot,
} from "./load-localization.ts";
import { setArticleTags } from "./tags.ts";
import { isSlugTaken } from "./unique-violation.ts";
import { withoutResolvedWarnings } from "./warning-rules.ts";
import { PUBLIC_STATUSES } from "./workflow.ts";

export type EditValues = {
  title: string | null;
  summary: string | null;
  slug: string;
  body: ArticleBlock[];
  /** Left unchanged when undefined. */
  photoAlt?: string | null | undefined;
  /** The story's date; left unchanged when undefined. */
  publishedAt?: Date | undefined;
  /** publishedAt is a day (its midnight UTC) and no time; false when undefined and publishedAt is given. */
  publishedDateOnly?: boolean | undefined;
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
};

export async function commitEdit(
  prisma: PrismaClient,
  user: Actor,
  target: LoadedLocalization,
  expectedVersion: number,
  values: EditValues,
  { origin, restoredFromNumber, tags, audit }: CommitOptions,
): Promise<SaveResult> {
  if (target.version !== expectedVersion) return { status: "conflict", current: snapshotOf(target) };
  const holder = await prisma.articleLocalization.findUnique({
    where: { locale_slug: { locale: target.locale, slug: values.slug } },
    select: { id: true },
  });
  if (holder && holder.id !== target.id) return { status: "slug_taken", slug: values.slug };

  const publishedAt = values.publishedAt ?? target.publishedAt;
  const warnings = withoutResolvedWarnings(readWarnings(target.warnings), { title: values.title, publishedAt });
  const body = values.body as Prisma.InputJsonArray;
  let revision: { id: number; number: number } | null;
  try {
    revision = await prisma.$transaction(async (tx) => {
      // The row lock taken here serializes concurrent saves: the second one finds the version moved on and stops.
      const updated = await tx.articleLocalization.updateMany({
        where: { id: target.id, version: expectedVersion },
        data: {
          title: values.title,
          summary: values.summary,
          slug: values.slug,
          body,
          ...(values.photoAlt !== undefined ? { photoAlt: values.photoAlt } : {}),
          publishedAt,
          ...(values.publishedAt !== undefined ? { publishedDateOnly: values.publishedDateOnly ?? false } : {}),
          warnings,
          updatedById: user.userId,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) return null;
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
    affectsPublicSite: PUBLIC_STATUSES.has(stored.status),
  };
}
