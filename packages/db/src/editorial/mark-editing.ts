// The editor's heartbeat: records that this user has the localization open and says who else has.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "./errors.ts";
import { loadLocalization } from "./load-localization.ts";
import { findOtherEditors, type ActiveEditor } from "./list-editors.ts";

export const markEditingInput = z.object({ localizationId: z.number().int().positive() });
export type MarkEditingInput = z.input<typeof markEditingInput>;

/** Returns the other people editing it now, so one request per heartbeat is enough. */
export async function markEditing(
  prisma: PrismaClient,
  actor: Actor | null,
  input: MarkEditingInput,
): Promise<ActiveEditor[]> {
  const user = requirePermission(actor, "article.read");
  const { localizationId } = parseInput(markEditingInput, input);
  await loadLocalization(prisma, localizationId);
  const now = new Date();
  await prisma.editPresence.upsert({
    where: { localizationId_userId: { localizationId, userId: user.userId } },
    create: { localizationId, userId: user.userId, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  return findOtherEditors(prisma, localizationId, user.userId, now);
}
