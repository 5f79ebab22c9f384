// Reads a localization with what the access rules and conflict reports need, and shapes it as a plain object.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { readBody, readWarnings, type ArticleBlock, type StoredWarning } from "../blocks.ts";
import { EditorialNotFoundError } from "./errors.ts";
import { editingText } from "../pending-text.ts";

export { editingText, type EditingText } from "../pending-text.ts";

export type Db = PrismaClient | Prisma.TransactionClient;

const include = {
  article: {
    select: {
      id: true,
      originalLocale: true,
      createdById: true,
      bylines: { select: { userId: true } },
      localizations: { select: { status: true } },
    },
  },
  updatedBy: { select: { id: true, name: true } },
} as const;

export type LoadedLocalization = Prisma.ArticleLocalizationGetPayload<{ include: typeof include }>;

export async function loadLocalization(db: Db, localizationId: number): Promise<LoadedLocalization> {
  const row = await db.articleLocalization.findUnique({ where: { id: localizationId }, include });
  if (!row) throw new EditorialNotFoundError("localization", localizationId);
  return row;
}

/** Unpublished changes to a published text: what readers still see, and where the changes stand. */
export type PendingChanges = {
  since: Date;
  /** A writer sent them to review. */
  submittedAt: Date | null;
  /** They go live by themselves then, with this mark. */
  scheduledAt: Date | null;
  mark: "correction" | "update" | null;
  note: string | null;
  /** The live text, for the word diff against the pending one. */
  live: { title: string | null; summary: string | null; slug: string; body: ArticleBlock[] };
};

/** A localization as the editor shows it; also what a conflict reports as "the other change". */
export type LocalizationSnapshot = {
  id: number;
  articleId: number;
  locale: LoadedLocalization["locale"];
  status: LoadedLocalization["status"];
  version: number;
  title: string | null;
  summary: string | null;
  slug: string;
  body: ArticleBlock[];
  photoAlt: string | null;
  photoCaption: string | null;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  /** A published text comes down by itself then. */
  unpublishAt: Date | null;
  /** When changes were last made live after the first publication. */
  revisedAt: Date | null;
  /** Set when the text above is pending changes to the published one. */
  pending: PendingChanges | null;
  warnings: StoredWarning[];
  updatedAt: Date;
  /** Who saved the text last; null for imported text never touched by an editor. */
  updatedBy: { id: number; name: string } | null;
};

export function snapshotOf(row: LoadedLocalization): LocalizationSnapshot {
  const text = editingText(row);
  return {
    id: row.id,
    articleId: row.articleId,
    locale: row.locale,
    status: row.status,
    version: row.version,
    title: text.title,
    summary: text.summary,
    slug: text.slug,
    body: readBody(text.body),
    photoAlt: text.photoAlt,
    photoCaption: text.photoCaption,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    unpublishAt: row.unpublishAt,
    revisedAt: row.revisedAt,
    pending:
      row.pendingSince === null
        ? null
        : {
            since: row.pendingSince,
            submittedAt: row.pendingSubmittedAt,
            scheduledAt: row.pendingScheduledAt,
            mark: row.pendingMark,
            note: row.pendingNote,
            live: { title: row.title, summary: row.summary, slug: row.slug, body: readBody(row.body) },
          },
    warnings: readWarnings(row.warnings),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
