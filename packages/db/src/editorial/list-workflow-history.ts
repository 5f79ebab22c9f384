// The history of one localization's workflow: its moves, review comments and restored revisions, oldest first.
import { z } from "zod";
import type { ArticleStatus, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "./errors.ts";

export const listWorkflowHistoryInput = z.object({ localizationId: z.number().int().positive() });
export type ListWorkflowHistoryInput = z.input<typeof listWorkflowHistoryInput>;

type Person = { id: number; name: string } | null;

export type WorkflowHistoryEntry =
  /** `actor` null: the importer or the scheduler. */
  | {
      kind: "move";
      id: number;
      at: Date;
      actor: Person;
      from: ArticleStatus | null;
      to: ArticleStatus;
      /** The audit action that made it (article.withdraw, article.return…); null for moves recorded before it was kept. */
      action: string | null;
      comment: string | null;
    }
  | { kind: "comment"; id: number; at: Date; actor: Person; body: string; resolvedAt: Date | null }
  /** An earlier revision's text brought back as revision `number`. */
  | { kind: "restore"; id: number; at: Date; actor: Person; number: number; restoredFromNumber: number | null };

export async function listWorkflowHistory(
  prisma: PrismaClient,
  actor: Actor | null,
  input: ListWorkflowHistoryInput,
): Promise<WorkflowHistoryEntry[]> {
  requirePermission(actor, "article.read");
  const { localizationId } = parseInput(listWorkflowHistoryInput, input);
  const person = { select: { id: true, name: true } } as const;
  const [moves, comments, restores] = await Promise.all([
    prisma.workflowTransition.findMany({
      where: { localizationId },
      include: { actor: person },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    prisma.reviewComment.findMany({
      where: { localizationId },
      include: { author: person },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.revision.findMany({
      where: { localizationId, origin: "restore" },
      select: { id: true, number: true, restoredFromNumber: true, createdAt: true, author: person },
      orderBy: { number: "asc" },
    }),
  ]);
  const entries: WorkflowHistoryEntry[] = [
    ...moves.map((move) => ({
      kind: "move" as const,
      id: move.id,
      at: move.at,
      actor: move.actor,
      from: move.fromStatus,
      to: move.toStatus,
      action: move.action,
      comment: move.comment,
    })),
    ...comments.map((comment) => ({
      kind: "comment" as const,
      id: comment.id,
      at: comment.createdAt,
      actor: comment.author,
      body: comment.body,
      resolvedAt: comment.resolvedAt,
    })),
    ...restores.map((revision) => ({
      kind: "restore" as const,
      id: revision.id,
      at: revision.createdAt,
      actor: revision.author,
      number: revision.number,
      restoredFromNumber: revision.restoredFromNumber,
    })),
  ];
  // Stable sort: at equal times moves stay before comments, each in insertion order.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
