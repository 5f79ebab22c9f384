// An admin adds a staff member: the account has no password yet, and a one-time link (shown once) lets them set it.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { parseInput } from "../editorial/errors.ts";
import { isUniqueViolation } from "../editorial/unique-violation.ts";
import { writeAudit } from "./audit.ts";
import { emailInput, personNameInput, roleKeysInput, type RequestContext } from "./inputs.ts";
import { permissionsBeyond } from "./own-permissions.ts";
import { resolveRoles } from "./resolve-roles.ts";
import { issueSignInToken } from "./sign-in-tokens.ts";

export const createUserWithSignInLinkInput = z.object({
  email: emailInput,
  name: personNameInput,
  roleKeys: roleKeysInput,
});
export type CreateUserWithSignInLinkInput = z.input<typeof createUserWithSignInLinkInput>;

export type CreateUserWithSignInLinkResult =
  | { status: "created"; userId: number; token: string; expiresAt: Date }
  | { status: "email_taken"; email: string }
  | { status: "unknown_roles"; keys: string[] }
  | { status: "exceeds_own"; permissions: string[] };

class EmailTaken extends Error {}

export async function createUserWithSignInLink(
  prisma: PrismaClient,
  actor: Actor | null,
  input: CreateUserWithSignInLinkInput,
  context: RequestContext = {},
): Promise<CreateUserWithSignInLinkResult> {
  const admin = requirePermission(actor, "user.manage");
  const { email, name, roleKeys } = parseInput(createUserWithSignInLinkInput, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const resolved = await resolveRoles(tx, roleKeys);
      if (resolved.status !== "ok") return resolved;
      const beyond = permissionsBeyond(
        admin,
        resolved.roles.flatMap((role) => role.permissions),
      );
      if (beyond.length > 0) return { status: "exceeds_own" as const, permissions: beyond };
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTaken();
      const user = await tx.user.create({
        data: {
          email,
          name,
          passwordHash: null,
          roles: { create: resolved.roles.map((role) => ({ roleId: role.id })) },
        },
      });
      const issued = await issueSignInToken(tx, user.id);
      await writeAudit(
        tx,
        {
          actorId: admin.userId,
          action: "user.create",
          entityType: "user",
          entityId: user.id,
          data: { email, roleKeys },
        },
        context,
      );
      return { status: "created" as const, userId: user.id, ...issued };
    });
  } catch (error) {
    // Two admins adding the same email at once: the unique index settles it.
    if (error instanceof EmailTaken || isUniqueViolation(error, "users_email_key", ["email"]))
      return { status: "email_taken", email };
    throw error;
  }
}
