// The workflow's rules in one table: which status may move to which, and the permission each move needs.
import type { ArticleStatus } from "../generated/prisma/client.ts";
import { can, type Actor, type Permission } from "../permissions.ts";
import { requireEditAccess, type AccessTarget } from "./access.ts";

export type WorkflowMove = {
  from: ArticleStatus;
  to: ArticleStatus;
  permission: Permission;
  /** The audit log's action for this move. */
  action: string;
  /** Submitting is the author's act: the mover must also be allowed to edit this very localization. */
  authorOnly?: true;
};

export const WORKFLOW_MOVES: readonly WorkflowMove[] = [
  { from: "draft", to: "in_review", permission: "article.submit", action: "article.submit", authorOnly: true },
  { from: "draft", to: "archived", permission: "article.archive", action: "article.archive" },
  { from: "in_review", to: "approved", permission: "article.review", action: "article.approve" },
  { from: "in_review", to: "draft", permission: "article.review", action: "article.return" },
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

/** Whether this actor may make this move on this localization (ignores warnings and versions). */
export function mayMove(actor: Actor | null, move: WorkflowMove, target: AccessTarget): boolean {
  if (!can(actor, move.permission)) return false;
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
  return WORKFLOW_MOVES.filter((move) => move.from === target.status && mayMove(actor, move, target));
}
