// The saved states of one localization, newest first, with who made each and how.
import { z } from "zod";
import type { PrismaClient, RevisionOrigin } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "./errors.ts";

export const listRevisionsInput = z.object({ localizationId: z.number().int().positive() });
export type ListRevisionsInput = z.input<typeof listRevisionsInput>;

export type RevisionSummary = {
  id: number;
  number: number;
  title: string | null;
  origin: RevisionOrigin;
  /** False for an import revision kept aside because an editor had already changed the text. */
  applied: boolean;
  /** For a restore: the number of the revision it brought back. */
  restoredFromNumber: number | null;
  author: { id: number; name: string } | null;
  createdAt: Date;
};

export async function listRevisions(
  prisma: PrismaClient,
  actor: Actor | null,
  input: ListRevisionsInput,
): Promise<RevisionSummary[]> {
  requirePermission(actor, "article.read");
  const { localizationId } = parseInput(listRevisionsInput, input);
  const rows = await prisma.revision.findMany({
    where: { localizationId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      title: true,
      origin: true,
      applied: true,
      restoredFromNumber: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
    },
  });
  return rows;
}
