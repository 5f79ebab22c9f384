// Adds a review comment to a localization: reviewers on any text, authors on their own.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { requireCommentAccess } from "./access.ts";
import { parseInput } from "./errors.ts";
import { loadLocalization } from "./load-localization.ts";

export const addReviewCommentInput = z.object({
  localizationId: z.number().int().positive(),
  body: z.string().trim().min(1).max(5000),
});
export type AddReviewCommentInput = z.input<typeof addReviewCommentInput>;

export type ReviewCommentView = {
  id: number;
  body: string;
  author: { id: number; name: string } | null;
  createdAt: Date;
};

export async function addReviewComment(
  prisma: PrismaClient,
  actor: Actor | null,
  input: AddReviewCommentInput,
): Promise<ReviewCommentView> {
  const { localizationId, body } = parseInput(addReviewCommentInput, input);
  const target = await loadLocalization(prisma, localizationId);
  const user = requireCommentAccess(actor, target);
  return prisma.reviewComment.create({
    data: { localizationId, body, authorId: user.userId },
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
}
