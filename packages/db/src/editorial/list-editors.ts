// Who else has a localization open in the editor right now (heartbeats seen within the last minute).
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "./errors.ts";

/** A little over the editor's heartbeat interval, so one late heartbeat does not make someone vanish. */
export const PRESENCE_TTL_MS = 60_000;

export const listEditorsInput = z.object({ localizationId: z.number().int().positive() });
export type ListEditorsInput = z.input<typeof listEditorsInput>;

export type ActiveEditor = { userId: number; name: string; lastSeenAt: Date };

export async function listEditors(
  prisma: PrismaClient,
  actor: Actor | null,
  input: ListEditorsInput,
): Promise<ActiveEditor[]> {
  const user = requirePermission(actor, "article.read");
  const { localizationId } = parseInput(listEditorsInput, input);
  return findOtherEditors(prisma, localizationId, user.userId, new Date());
}

export async function findOtherEditors(
  prisma: PrismaClient,
  localizationId: number,
  selfId: number,
  now: Date,
): Promise<ActiveEditor[]> {
  const rows = await prisma.editPresence.findMany({
    where: {
      localizationId,
      userId: { not: selfId },
      lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) },
      // A disabled user's open tab keeps no claim on the article.
      user: { disabledAt: null },
    },
    include: { user: { select: { name: true } } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((row) => ({ userId: row.userId, name: row.user.name, lastSeenAt: row.lastSeenAt }));
}
