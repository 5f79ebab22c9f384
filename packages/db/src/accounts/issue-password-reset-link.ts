// A forgotten or compromised password: the old one stops working, every session ends, and a new one-time link
// (shown once to the admin) lets the user choose a new password.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";
import { writeAudit } from "./audit.ts";
import type { RequestContext } from "./inputs.ts";
import { userIdInput, type UserIdInput } from "./set-user-disabled.ts";
import { issueSignInToken } from "./sign-in-tokens.ts";
import { checkTargetUser, type TargetRefusal } from "./target-guard.ts";

export type IssuePasswordResetLinkResult =
  { status: "issued"; token: string; expiresAt: Date } | { status: "disabled" } | TargetRefusal;

export async function issuePasswordResetLink(
  prisma: PrismaClient,
  actor: Actor | null,
  input: UserIdInput,
  context: RequestContext = {},
): Promise<IssuePasswordResetLinkResult> {
  const admin = requirePermission(actor, "user.manage");
  const { userId } = parseInput(userIdInput, input);
  return prisma.$transaction(async (tx) => {
    const checked = await checkTargetUser(tx, admin, userId, { kind: "reset_password" });
    if (checked.status !== "allowed") return checked;
    // A link for a disabled account could not be used; enable it first.
    if (checked.user.disabledAt) return { status: "disabled" as const };
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash: null, authVersion: { increment: 1 }, version: { increment: 1 } },
    });
    const issued = await issueSignInToken(tx, userId);
    await writeAudit(
      tx,
      { actorId: admin.userId, action: "user.reset_password", entityType: "user", entityId: userId },
      context,
    );
    return { status: "issued" as const, ...issued };
  });
}
