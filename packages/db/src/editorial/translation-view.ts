// What a translation's editor shows beside it: the original block by block, the revision it is made from, and —
// when the original changed since — which original blocks changed, each with a word diff.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { readBody, type ArticleBlock } from "../blocks.ts";
import { diffPlainText, type DiffSegment } from "./diff-revisions.ts";
import { EditorialNotFoundError, InvalidInputError, parseInput } from "./errors.ts";
import { loadLocalization } from "./load-localization.ts";
import { currentRevisionId } from "./translation-sync.ts";

export const openTranslationSourceInput = z.object({ localizationId: z.number().int().positive() });
export type OpenTranslationSourceInput = z.input<typeof openTranslationSourceInput>;

/** How one original block changed since the translation's revision: unchanged, new, or its words changed. */
export type SourceBlockChange = { kind: "same" } | { kind: "added" } | { kind: "changed"; segments: DiffSegment[] };

export type TranslationSource = {
  locale: "ar" | "ru" | "en";
  /** The original's revision shown: saving against it brings the translation in step. */
  revisionId: number | null;
  title: string | null;
  summary: string | null;
  blocks: ArticleBlock[];
  /** Present when the translation is outdated: one entry per block of `blocks`, plus the title and summary. */
  changes: {
    title: SourceBlockChange;
    summary: SourceBlockChange;
    blocks: SourceBlockChange[];
    /** Original blocks the translation was made from that are gone now. */
    removed: ArticleBlock[];
  } | null;
  outdatedAt: Date | null;
  acknowledged: { by: string | null; at: Date } | null;
};

function change(before: string | null | undefined, after: string | null, locale: string): SourceBlockChange {
  if ((before ?? "") === (after ?? "")) return { kind: "same" };
  if (before === undefined) return { kind: "added" };
  return { kind: "changed", segments: diffPlainText(before ?? "", after ?? "", locale) };
}

/** Pairs each current block with its earlier self: by id, else the block at the same place when neither has an id. */
export function blockChanges(
  before: readonly ArticleBlock[],
  after: readonly ArticleBlock[],
  locale: string,
): { blocks: SourceBlockChange[]; removed: ArticleBlock[] } {
  const byId = new Map(before.filter((block) => block.id).map((block) => [block.id!, block]));
  const used = new Set<ArticleBlock>();
  const blocks = after.map((block, index) => {
    const earlier = block.id ? byId.get(block.id) : before[index]?.id ? undefined : before[index];
    if (earlier) used.add(earlier);
    return change(earlier?.text, block.text, locale);
  });
  return { blocks, removed: before.filter((block) => !used.has(block)) };
}

export async function openTranslationSource(
  prisma: PrismaClient,
  actor: Actor | null,
  input: OpenTranslationSourceInput,
): Promise<TranslationSource> {
  requirePermission(actor, "article.read");
  const { localizationId } = parseInput(openTranslationSourceInput, input);
  const target = await prisma.articleLocalization.findUnique({
    where: { id: localizationId },
    select: {
      articleId: true,
      locale: true,
      outdatedAt: true,
      acknowledgedAt: true,
      acknowledgedBy: { select: { name: true } },
      sourceRevision: { select: { title: true, summary: true, body: true } },
      article: { select: { originalLocale: true } },
    },
  });
  if (!target) throw new EditorialNotFoundError("localization", localizationId);
  const originalLocale = target.article.originalLocale;
  if (target.locale === originalLocale)
    throw new InvalidInputError([{ path: ["localizationId"], message: "this is the original" }]);
  const original = await prisma.articleLocalization.findUnique({
    where: { articleId_locale: { articleId: target.articleId, locale: originalLocale } },
    select: { id: true, title: true, summary: true, body: true },
  });
  const blocks = readBody(original?.body);
  const before = target.sourceRevision;
  let changes: TranslationSource["changes"] = null;
  if (target.outdatedAt && original) {
    const previous = before ? readBody(before.body) : [];
    changes = {
      title: change(before ? before.title : undefined, original.title, originalLocale),
      summary: change(before ? before.summary : undefined, original.summary, originalLocale),
      ...blockChanges(previous, blocks, originalLocale),
    };
  }
  return {
    locale: originalLocale,
    revisionId: original ? await currentRevisionId(prisma, original.id) : null,
    title: original?.title ?? null,
    summary: original?.summary ?? null,
    blocks,
    changes,
    outdatedAt: target.outdatedAt,
    acknowledged: target.acknowledgedAt ? { by: target.acknowledgedBy?.name ?? null, at: target.acknowledgedAt } : null,
  };
}

export const acknowledgeOriginalChangeInput = z.object({ localizationId: z.number().int().positive() });
export type AcknowledgeOriginalChangeInput = z.input<typeof acknowledgeOriginalChangeInput>;

/**
 * An editor's word that the original's change needs no translation: the translation counts as made from the
 * original's current revision, the mark goes, and who and when are kept on the translation and in the audit log.
 */
export async function acknowledgeOriginalChange(
  prisma: PrismaClient,
  actor: Actor | null,
  input: AcknowledgeOriginalChangeInput,
): Promise<{ acknowledged: boolean }> {
  const user = requirePermission(actor, "article.review");
  const { localizationId } = parseInput(acknowledgeOriginalChangeInput, input);
  const target = await loadLocalization(prisma, localizationId);
  if (target.locale === target.article.originalLocale)
    throw new InvalidInputError([{ path: ["localizationId"], message: "this is the original" }]);
  if (!target.outdatedAt) return { acknowledged: false };
  return prisma.$transaction(async (tx) => {
    const original = await tx.articleLocalization.findUniqueOrThrow({
      where: { articleId_locale: { articleId: target.articleId, locale: target.article.originalLocale } },
      select: { id: true },
    });
    const revisionId = await currentRevisionId(tx, original.id);
    const at = new Date();
    const { count } = await tx.articleLocalization.updateMany({
      where: { id: localizationId, outdatedAt: { not: null } },
      data: { outdatedAt: null, sourceRevisionId: revisionId, acknowledgedById: user.userId, acknowledgedAt: at },
    });
    if (count === 1) {
      await tx.auditLog.create({
        data: {
          actorId: user.userId,
          action: "article.translation_acknowledge",
          entityType: "article_localization",
          entityId: String(localizationId),
          data: { articleId: target.articleId, locale: target.locale, revisionId },
        },
      });
    }
    return { acknowledged: count === 1 };
  });
}
