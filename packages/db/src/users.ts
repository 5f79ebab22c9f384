// Users: password hashing, credential checks, the first admin, and resolving a session into an Actor.
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Locale, PrismaClient } from "./generated/prisma/client.ts";
import { BUILT_IN_ROLES, ForbiddenError, isPermission, type Actor, type Permission } from "./permissions.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./accounts/inputs.ts";

// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated modules cannot import. Parameters: OWASP's
// minimum for argon2id (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Password hashing as the sign-in use cases see it, so a test can count the expensive calls. */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
};

export const argon2Hasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates or refreshes the built-in roles (their permissions follow the catalogue in code). Idempotent. */
export async function ensureBuiltInRoles(prisma: PrismaClient): Promise<void> {
  for (const role of BUILT_IN_ROLES) {
    await prisma.role.upsert({
      where: { key: role.key },
      create: { ...role, permissions: [...role.permissions], builtIn: true },
      update: {
        nameAr: role.nameAr,
        nameRu: role.nameRu,
        nameEn: role.nameEn,
        permissions: [...role.permissions],
        builtIn: true,
      },
    });
  }
}

export type CreateUserInput = { email: string; name: string; password?: string | null; roleKeys: string[] };

export async function createUser(prisma: PrismaClient, input: CreateUserInput) {
  const roles = await prisma.role.findMany({ where: { key: { in: input.roleKeys } } });
  const missing = input.roleKeys.filter((key) => !roles.some((role) => role.key === key));
  if (missing.length > 0) throw new Error(`Unknown role(s): ${missing.join(", ")}`);
  return prisma.user.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      roles: { create: roles.map((role) => ({ roleId: role.id })) },
    },
  });
}

export type FirstAdminResult =
  { created: false; email: string } | { created: true; email: string; generatedPassword: string | null };

/**
 * What is wrong with a chosen first admin's password (ADMIN_PASSWORD), in one line, or null: the same length rule as
 * every other password, so the most powerful account is not the weakest.
 */
export function firstAdminPasswordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters, like every password (it has ${password.length})`;
  }
  if (password.length > PASSWORD_MAX_LENGTH)
    return `ADMIN_PASSWORD must have at most ${PASSWORD_MAX_LENGTH} characters`;
  return null;
}

/**
 * Makes sure an admin exists. With an email and password given (ADMIN_EMAIL / ADMIN_PASSWORD) it creates that
 * admin; otherwise one with a generated password, returned once so the caller can print it. No default password.
 * Throws when the given password breaks the password rule (see firstAdminPasswordProblem).
 */
export async function ensureFirstAdmin(
  prisma: PrismaClient,
  options: { email?: string | undefined; password?: string | undefined },
): Promise<FirstAdminResult> {
  const problem = options.password ? firstAdminPasswordProblem(options.password) : null;
  if (problem) throw new Error(problem);
  await ensureBuiltInRoles(prisma);
  const existing = await prisma.user.findFirst({
    where: { disabledAt: null, roles: { some: { role: { key: "admin" } } } },
    orderBy: { id: "asc" },
  });
  if (existing) return { created: false, email: existing.email };
  const email = normalizeEmail(options.email ?? "admin@minbar.local");
  const generatedPassword = options.password ? null : randomBytes(12).toString("base64url");
  const password = options.password ?? generatedPassword ?? "";
  const user = await prisma.user.findUnique({ where: { email } });
  if (user) {
    const role = await prisma.role.findUniqueOrThrow({ where: { key: "admin" } });
    await prisma.user.update({
      where: { id: user.id },
      data: {
        passwordHash: await hashPassword(password),
        disabledAt: null,
        authVersion: { increment: 1 },
        roles: {
          connectOrCreate: {
            where: { userId_roleId: { userId: user.id, roleId: role.id } },
            create: { roleId: role.id },
          },
        },
      },
    });
  } else {
    await createUser(prisma, { email, name: "Admin", password, roleKeys: ["admin"] });
  }
  return { created: true, email, generatedPassword };
}

/** Checks an email and password; returns the user's id and auth version, or null (unknown, wrong or disabled). */
export async function verifyCredentials(prisma: PrismaClient, email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!user || !user.passwordHash || user.disabledAt) return null;
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, authVersion: user.authVersion, uiLocale: user.uiLocale };
}

/**
 * Resolves a session's user into an Actor on every request, so that disabling a user or changing their roles
 * takes effect on their next request: null when the user is gone, disabled, or the session predates a change.
 */
export async function loadActor(prisma: PrismaClient, userId: number, authVersion: number): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { roles: { include: { role: true } } },
  });
  if (!user || user.disabledAt || user.authVersion !== authVersion) return null;
  const permissions = new Set<Permission>();
  for (const { role } of user.roles) for (const p of role.permissions) if (isPermission(p)) permissions.add(p);
  return { userId: user.id, email: user.email, name: user.name, permissions };
}

/** The signed-in user's own choice of interface language, kept with the account so it follows them to any browser. */
export async function setInterfaceLanguage(prisma: PrismaClient, actor: Actor | null, locale: Locale): Promise<void> {
  if (!actor) throw new ForbiddenError("article.read");
  await prisma.user.update({ where: { id: actor.userId }, data: { uiLocale: locale } });
}
