// The workflow's rules in one table: which status may move to which, and the permission each move needs.
import type { ArticleStatus } from "../generated/prisma/client.ts";
import { can, type Actor, type Permission } from "../permissions.ts";
import { hasAuthorAccess, requireEditAccess, type AccessTarget } from "./access.ts";

export type WorkflowMove = {
  from: ArticleStatus;
  to: ArticleStatus;
  permission: Permission;
  /** The audit log's action for this move. */
  action: string;
  /** Submitting is the author's act: the mover must also be allowed to edit this very localization. */
  authorOnly?: true;
  /** Withdrawing is the author's own: only whose text it is (its writer, or a translator on a translation). */
  ownerOnly?: true;
};

export const WORKFLOW_MOVES: readonly WorkflowMove[] = [
  { from: "draft", to: "in_review", permission: "article.submit", action: "article.submit", authorOnly: true },
  { from: "draft", to: "archived", permission: "article.archive", action: "article.archive" },
  { from: "in_review", to: "approved", permission: "article.review", action: "article.approve" },
  { from: "in_review", to: "draft", permission: "article.review", action: "article.return" },
  // The author takes a submission back to fix it, until someone approves it. After a reviewer's `return` so a
  // reviewer who wrote the article still returns it.
  { from: "in_review", to: "draft", permission: "article.submit", action: "article.withdraw", ownerOnly: true },
  { from: "approved", to: "draft", permission: "article.review", action: "article.return" },
  { from: "approved", to: "scheduled", permission: "article.schedule", action: "article.schedule" },
  { from: "approved", to: "published", permission: "article.publish", action: "article.publish" },
  { from: "scheduled", to: "approved", permission: "article.schedule", action: "article.unschedule" },
  { from: "scheduled", to: "published", permission: "article.publish", action: "article.publish" },
  { from: "published", to: "unpublished", permission: "article.unpublish", action: "article.unpublish" },
  { from: "published", to: "archived", permission: "article.archive", action: "article.archive" },
  { from: "unpublished", to: "published", permission: "article.publish", action: "article.publish" },
  { from: "unpublished", to: "draft", permission: "article.review", action: "article.return" },
  { from: "unpublished", to: "archived", permission: "article.archive", action: "article.archive" },
  { from: "archived", to: "draft", permission: "article.archive", action: "article.unarchive" },
];

/** Moves into these statuses need every blocking warning resolved: they lead to the public site. */
export const GATED_STATUSES: ReadonlySet<ArticleStatus> = new Set(["approved", "scheduled", "published"]);

/** Statuses in which readers see the localization: moving into or out of one means revalidating the site. */
export const PUBLIC_STATUSES: ReadonlySet<ArticleStatus> = new Set(["published"]);

export function findMove(from: ArticleStatus, to: ArticleStatus): WorkflowMove | undefined {
  return WORKFLOW_MOVES.find((move) => move.from === from && move.to === to);
}

/** The first move from `from` to `to` this actor may make (a reviewer's before an author's), if any. */
export function findAllowedMove(
  actor: Actor | null,
  target: AccessTarget,
  to: ArticleStatus,
): WorkflowMove | undefined {
  return WORKFLOW_MOVES.find((move) => move.from === target.status && move.to === to && mayMove(actor, move, target));
}

/** Whether this actor may make this move on this localization (ignores warnings and versions). */
export function mayMove(actor: Actor | null, move: WorkflowMove, target: AccessTarget): boolean {
  if (!can(actor, move.permission)) return false;
  if (move.ownerOnly) return actor !== null && hasAuthorAccess(actor, target);
  if (!move.authorOnly) return true;
  try {
    requireEditAccess(actor, target);
    return true;
  } catch {
    return false;
  }
}

/** The moves to offer as buttons. The server still re-checks each one when it is made. */
export function allowedMoves(actor: Actor | null, target: AccessTarget): WorkflowMove[] {
  // One button per destination: the first allowed move to it, as moveArticle will make it.
  return WORKFLOW_MOVES.filter(
    (move, index, all) =>
      move.from === target.status &&
      mayMove(actor, move, target) &&
      !all
        .slice(0, index)
        .some((earlier) => earlier.from === move.from && earlier.to === move.to && mayMove(actor, earlier, target)),
  );
}
