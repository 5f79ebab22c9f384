// Everything the editor page shows for one language of one article, and what this actor may do with it.
import { z } from "zod";
import { Locale, type Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { can, requirePermission, type Actor } from "../permissions.ts";
import { requireArticleAccess, requireEditAccess } from "./access.ts";
import { EditorialNotFoundError, parseInput } from "./errors.ts";
import { loadLocalization, snapshotOf, type LocalizationSnapshot } from "./load-localization.ts";
import type { DiffSegment } from "./diff-revisions.ts";
import { pendingDiff } from "./pending-changes.ts";
import { isPhotoMissing, openBlockingCodes } from "./warning-rules.ts";
import { allowedMoves, GATED_STATUSES } from "./workflow.ts";

export const openArticleInput = z.object({ articleId: z.number().int().positive(), locale: z.enum(Locale) });
export type OpenArticleInput = z.input<typeof openArticleInput>;

type Names = { nameAr: string; nameRu: string | null; nameEn: string | null };

/** What the editor shows of its lead photo: enough to preview it and name it in the interface language. */
const leadImageSelect = {
  id: true,
  fileName: true,
  width: true,
  height: true,
  renditionKey: true,
  captionAr: true,
  captionRu: true,
  captionEn: true,
  altAr: true,
  altRu: true,
  altEn: true,
  photoCredit: { select: { nameAr: true, nameRu: true, nameEn: true } },
} as const satisfies Prisma.MediaImageSelect;

export type LeadImageView = Prisma.MediaImageGetPayload<{ select: typeof leadImageSelect }>;

export type BylineView =
  { kind: "user"; userId: number; name: string } | { kind: "contributor"; contributorId: number; name: string };

export type ArticleForEditor = {
  article: {
    id: number;
    version: number;
    originalLocale: Locale;
    source: ({ id: number } & Names) | null;
    photoCredit: ({ id: number } & Names) | null;
    leadPhotoUrl: string | null;
    /** The section it is filed under. */
    sectionId: number | null;
    /** The lead photo from the media library. */
    leadImage: LeadImageView | null;
    bylines: BylineView[];
    tags: string[];
    localizations: { id: number; locale: Locale; status: LocalizationSnapshot["status"]; title: string | null }[];
  };
  /** Null when this language has not been started yet. */
  localization: LocalizationSnapshot | null;
  /** The word diff of the pending changes against the live text; null without pending changes. */
  pendingDiff: DiffSegment[] | null;
  access: {
    /** May change this localization's text now. */
    canEdit: boolean;
    /** May change what all languages share: tags, attribution, lead photo. */
    canEditArticle: boolean;
    /** The workflow moves to offer; each is re-checked when made. */
    moves: { to: LocalizationSnapshot["status"]; action: string }[];
    /** Warnings that keep this localization from going live. */
    blockingCodes: string[];
    /** The wire text credits a photo but none is attached (a reminder, not a block). */
    photoMissing: boolean;
    /** What may be done with pending changes to a published text (each re-checked when done). */
    changes: {
      publish: boolean;
      schedule: boolean;
      discard: boolean;
      submit: boolean;
      return: boolean;
    };
    /** May give a published or scheduled text a time to come down. */
    canScheduleUnpublish: boolean;
  };
};

const allows = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

export async function openArticle(
  prisma: PrismaClient,
  actor: Actor | null,
  input: OpenArticleInput,
): Promise<ArticleForEditor> {
  const user = requirePermission(actor, "article.read");
  const { articleId, locale } = parseInput(openArticleInput, input);
  const names = { select: { id: true, nameAr: true, nameRu: true, nameEn: true } } as const;
  const row = await prisma.article.findUnique({
    where: { id: articleId },
    include: {
      source: names,
      photoCredit: names,
      leadImage: { select: leadImageSelect },
      bylines: {
        orderBy: { position: "asc" },
        include: { user: { select: { id: true, name: true } }, contributor: names },
      },
      tags: { include: { tag: { select: { nameAr: true } } } },
      localizations: { select: { id: true, locale: true, status: true, title: true }, orderBy: { id: "asc" } },
    },
  });
  if (!row) throw new EditorialNotFoundError("article", articleId);
  const owned = {
    originalLocale: row.originalLocale,
    createdById: row.createdById,
    bylines: row.bylines.map((b) => ({ userId: b.userId })),
    localizations: row.localizations,
  };
  const summary = row.localizations.find((l) => l.locale === locale);
  const target = summary ? await loadLocalization(prisma, summary.id) : null;
  const blockingCodes = target ? openBlockingCodes(target) : [];
  // A move the open warnings would refuse (approve, schedule, publish) is offered only once they are resolved.
  const possible = (move: { to: LocalizationSnapshot["status"] }) =>
    blockingCodes.length === 0 || !GATED_STATUSES.has(move.to);
  return {
    article: {
      id: row.id,
      version: row.version,
      originalLocale: row.originalLocale,
      source: row.source,
      photoCredit: row.photoCredit,
      leadPhotoUrl: row.leadPhotoUrl,
      sectionId: row.sectionId,
      leadImage: row.leadImage,
      bylines: row.bylines.flatMap((b): BylineView[] => {
        if (b.user) return [{ kind: "user", userId: b.user.id, name: b.user.name }];
        if (b.contributor)
          return [{ kind: "contributor", contributorId: b.contributor.id, name: b.contributor.nameAr }];
        return [];
      }),
      tags: row.tags.map((t) => t.tag.nameAr).sort((a, b) => a.localeCompare(b, "ar")),
      localizations: row.localizations,
    },
    localization: target ? snapshotOf(target) : null,
    pendingDiff: target ? pendingDiff(target) : null,
    access: {
      canEdit: target !== null && allows(() => requireEditAccess(user, target)),
      canEditArticle: allows(() => requireArticleAccess(user, owned)),
      moves: target
        ? allowedMoves(user, target)
            .filter(possible)
            .map((move) => ({ to: move.to, action: move.action }))
        : [],
      blockingCodes,
      photoMissing: isPhotoMissing(row),
      changes: changeAccess(user, target),
      canScheduleUnpublish:
        target !== null &&
        (target.status === "published" || target.status === "scheduled") &&
        can(user, "article.unpublish"),
    },
  };
}

function changeAccess(user: Actor, target: Awaited<ReturnType<typeof loadLocalization>> | null) {
  const pending = target !== null && target.status === "published" && target.pendingSince !== null;
  const submitted = pending && target.pendingSubmittedAt !== null;
  const author = pending && allows(() => requireEditAccess(user, target));
  return {
    publish: pending && can(user, "article.publish"),
    schedule: pending && can(user, "article.publish") && can(user, "article.schedule"),
    discard: submitted ? can(user, "article.review") : author,
    submit: author && !submitted && !can(user, "article.publish") && can(user, "article.submit"),
    return: submitted && can(user, "article.review"),
  };
}
