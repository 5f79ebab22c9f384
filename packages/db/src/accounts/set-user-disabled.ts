// Disabling a user ends their sessions on their next request (authVersion moves on); enabling lets them sign in again.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";
import { writeAudit } from "./audit.ts";
import { idInput, type RequestContext } from "./inputs.ts";
import { checkTargetUser, type TargetRefusal } from "./target-guard.ts";

export const userIdInput = z.object({ userId: idInput });
export type UserIdInput = z.input<typeof userIdInput>;

export type SetUserDisabledResult =
  | { status: "disabled" | "enabled" | "unchanged" }
  /** An admin cannot lock themselves out. */
  | { status: "self" }
  | TargetRefusal;

export async function disableUser(
  prisma: PrismaClient,
  actor: Actor | null,
  input: UserIdInput,
  context: RequestContext = {},
) {
  return setUserDisabled(prisma, actor, input, true, context);
}

export async function enableUser(
  prisma: PrismaClient,
  actor: Actor | null,
  input: UserIdInput,
  context: RequestContext = {},
) {
  return setUserDisabled(prisma, actor, input, false, context);
}

async function setUserDisabled(
  prisma: PrismaClient,
  actor: Actor | null,
  input: UserIdInput,
  disable: boolean,
  context: RequestContext,
): Promise<SetUserDisabledResult> {
  const admin = requirePermission(actor, "user.manage");
  const { userId } = parseInput(userIdInput, input);
  if (disable && userId === admin.userId) return { status: "self" };
  return prisma.$transaction(async (tx) => {
    const checked = await checkTargetUser(tx, admin, userId, { kind: disable ? "disable" : "enable" });
    if (checked.status !== "allowed") return checked;
    if ((checked.user.disabledAt !== null) === disable) return { status: "unchanged" as const };
    await tx.user.update({
      where: { id: userId },
      data: disable
        ? { disabledAt: new Date(), authVersion: { increment: 1 }, version: { increment: 1 } }
        : { disabledAt: null, version: { increment: 1 } },
    });
    const action = disable ? "user.disable" : "user.enable";
    await writeAudit(tx, { actorId: admin.userId, action, entityType: "user", entityId: userId }, context);
    return { status: disable ? ("disabled" as const) : ("enabled" as const) };
  });
}
