// Brings back an earlier revision's text as a new revision, through the same optimistic lock as any save.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { readBody } from "../blocks.ts";
import { requireEditAccess } from "./access.ts";
import { commitEdit, type SaveResult } from "./commit-edit.ts";
import { EditorialNotFoundError, parseInput } from "./errors.ts";
import { loadLocalization } from "./load-localization.ts";

export const restoreRevisionInput = z.object({
  localizationId: z.number().int().positive(),
  revisionId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
});

export type RestoreRevisionInput = z.input<typeof restoreRevisionInput>;

export async function restoreRevision(
  prisma: PrismaClient,
  actor: Actor | null,
  input: RestoreRevisionInput,
): Promise<SaveResult> {
  const { localizationId, revisionId, expectedVersion } = parseInput(restoreRevisionInput, input);
  const target = await loadLocalization(prisma, localizationId);
  const user = requireEditAccess(actor, target);
  const revision = await prisma.revision.findFirst({ where: { id: revisionId, localizationId } });
  if (!revision) throw new EditorialNotFoundError("revision", revisionId);
  return commitEdit(
    prisma,
    user,
    target,
    expectedVersion,
    { title: revision.title, summary: revision.summary, slug: revision.slug, body: readBody(revision.body) },
    {
      origin: "restore",
      restoredFromNumber: revision.number,
      audit: {
        action: "article.restore_revision",
        data: { articleId: target.articleId, locale: target.locale, revisionId, revisionNumber: revision.number },
      },
    },
  );
}
