// Who may change which localization: the permission catalogue plus ownership and the translator's limits.
import type { ArticleStatus, Locale } from "../generated/prisma/client.ts";
import { can, ForbiddenError, requirePermission, type Actor } from "../permissions.ts";

export type OwnedArticle = {
  originalLocale: Locale;
  createdById: number | null;
  bylines: { userId: number | null }[];
  /** Every language's state: the shared fields show on each one's public page. */
  localizations: { status: ArticleStatus }[];
};
export type AccessTarget = {
  locale: Locale;
  status: ArticleStatus;
  article: OwnedArticle;
  /** Set on a translation whose original changed after it was made (see translation-sync.ts). */
  outdatedAt?: Date | null;
  /** Set when the author sent their pending changes to a published text to review. */
  pendingSubmittedAt?: Date | null;
};

export function ownsArticle(actor: Actor, article: OwnedArticle): boolean {
  return article.createdById === actor.userId || article.bylines.some((byline) => byline.userId === actor.userId);
}

/** The article's original is the text in its original language; translators work only on the other languages. */
export function isTranslation(target: AccessTarget): boolean {
  return target.locale !== target.article.originalLocale;
}

/** A writer on their own article, or a translator on a translation: the people whose text it is. */
export function hasAuthorAccess(actor: Actor, target: AccessTarget): boolean {
  if (isTranslation(target) && can(actor, "article.translate")) return true;
  return can(actor, "article.edit_own") && ownsArticle(actor, target.article);
}

/** May this actor change the text of this localization? Throws ForbiddenError if not. */
export function requireEditAccess(actor: Actor | null, target: AccessTarget): Actor {
  if (can(actor, "article.edit_any")) return requirePermission(actor, "article.edit_any");
  if (!actor) throw new ForbiddenError("article.edit_own");
  // Once submitted, the text is the reviewers' to change: otherwise an approved or live text could change unreviewed.
  if (target.status === "draft" && hasAuthorAccess(actor, target)) return actor;
  // On a published text the author's edits are pending changes that someone with article.publish makes live, so the
  // author keeps fixing their story until they send the changes to review.
  // Translators keep their rule below: a published translation is theirs again once its original moves on.
  if (
    target.status === "published" &&
    !target.pendingSubmittedAt &&
    !isTranslation(target) &&
    can(actor, "article.edit_own") &&
    ownsArticle(actor, target.article)
  )
    return actor;
  // An outdated translation is the translator's to bring in step with its original, whatever its state: until then
  // the public keeps the old text (docs/decisions/0026-translations-in-step.md).
  if (target.outdatedAt && isTranslation(target) && can(actor, "article.translate")) return actor;
  throw new ForbiddenError("article.edit_any");
}

/**
 * Article-level fields (tags, attribution, the lead photo) are shared by every language, so translators cannot change
 * them; and once any language has left its author's draft (in review, scheduled, live), they are the editors' alone,
 * as its text is: a change would reach an approved or published page unreviewed.
 */
export function requireArticleAccess(actor: Actor | null, article: OwnedArticle): Actor {
  if (can(actor, "article.edit_any")) return requirePermission(actor, "article.edit_any");
  const user = requirePermission(actor, "article.edit_own");
  if (!ownsArticle(user, article)) throw new ForbiddenError("article.edit_any");
  if (article.localizations.some((localization) => localization.status !== "draft"))
    throw new ForbiddenError("article.edit_any");
  return user;
}

/** Reviewers comment on anything; authors may answer on their own text, whatever its state. */
export function requireCommentAccess(actor: Actor | null, target: AccessTarget): Actor {
  if (can(actor, "article.review")) return requirePermission(actor, "article.review");
  if (actor && hasAuthorAccess(actor, target)) return actor;
  throw new ForbiddenError("article.review");
}
