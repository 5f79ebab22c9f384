// Reads a localization with what the access rules and conflict reports need, and shapes it as a plain object.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { readBody, readWarnings, type ArticleBlock, type StoredWarning } from "../blocks.ts";
import { EditorialNotFoundError } from "./errors.ts";

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
  warnings: StoredWarning[];
  updatedAt: Date;
  /** Who saved the text last; null for imported text never touched by an editor. */
  updatedBy: { id: number; name: string } | null;
};

export function snapshotOf(row: LoadedLocalization): LocalizationSnapshot {
  return {
    id: row.id,
    articleId: row.articleId,
    locale: row.locale,
    status: row.status,
    version: row.version,
    title: row.title,
    summary: row.summary,
    slug: row.slug,
    body: readBody(row.body),
    photoAlt: row.photoAlt,
    photoCaption: row.photoCaption,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    warnings: readWarnings(row.warnings),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
