// The permission catalogue, the built-in roles, and the one authorization helper every use case calls.

export const PERMISSIONS = [
  "article.read",
  "article.create",
  "article.edit_own",
  "article.edit_any",
  "article.translate",
  "article.submit",
  "article.review",
  "article.publish",
  "article.schedule",
  "article.unpublish",
  "article.archive",
  "article.import",
  "attribution.manage",
  "names.manage",
  "section.manage",
  "media.upload",
  "media.edit",
  "media.delete",
  "frontpage.manage",
  "breaking.manage",
  "user.manage",
  "role.manage",
  "audit.read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

type BuiltInRole = { key: string; nameAr: string; nameRu: string; nameEn: string; permissions: readonly Permission[] };

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  { key: "admin", nameAr: "مدير النظام", nameRu: "Администратор", nameEn: "Administrator", permissions: PERMISSIONS },
  {
    key: "editor",
    nameAr: "محرر",
    nameRu: "Редактор",
    nameEn: "Editor",
    permissions: [
      "article.read",
      "article.create",
      "article.edit_own",
      "article.edit_any",
      "article.translate",
      "article.submit",
      "article.review",
      "article.publish",
      "article.schedule",
      "article.unpublish",
      "article.archive",
      "article.import",
      "attribution.manage",
      "names.manage",
      "section.manage",
      "media.upload",
      "media.edit",
      "media.delete",
      "frontpage.manage",
      "breaking.manage",
    ],
  },
  {
    key: "writer",
    nameAr: "كاتب",
    nameRu: "Автор",
    nameEn: "Writer",
    permissions: ["article.read", "article.create", "article.edit_own", "article.submit", "media.upload", "media.edit"],
  },
  {
    key: "translator",
    nameAr: "مترجم",
    nameRu: "Переводчик",
    nameEn: "Translator",
    // Translators set the Russian and English names of tags, agencies, credits and contributors too: naming them is
    // translation work. An agency's link stays with attribution.manage (see saveNames).
    // Captions and alt texts in their language too, for the same reason (media.edit).
    permissions: ["article.read", "article.translate", "article.submit", "names.manage", "media.edit"],
  },
];

/** Who is acting: resolved from the session on every request (see `loadActor`). */
export type Actor = { userId: number; email: string; name: string; permissions: ReadonlySet<Permission> };

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Not allowed: ${permission}`);
    this.name = "ForbiddenError";
  }
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return actor != null && actor.permissions.has(permission);
}

/** Throws ForbiddenError unless the actor holds the permission; returns the actor, narrowed to non-null. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Actor {
  if (!actor || !can(actor, permission)) throw new ForbiddenError(permission);
  return actor;
}
