// The permission catalogue grouped by area of work, as the roles page shows it: each permission in exactly one area.
import type { Permission } from "@minbar/db/permissions";

export const PERMISSION_AREAS = [
  {
    area: "writing",
    permissions: [
      "article.read",
      "article.create",
      "article.edit_own",
      "article.edit_any",
      "article.translate",
      "names.manage",
    ],
  },
  { area: "review", permissions: ["article.submit", "article.review"] },
  { area: "publishing", permissions: ["article.publish", "article.schedule", "article.unpublish", "article.archive"] },
  { area: "wire", permissions: ["article.import", "attribution.manage"] },
  { area: "photos", permissions: ["media.upload", "media.edit", "media.delete"] },
  { area: "sections", permissions: ["section.manage"] },
  { area: "frontpage", permissions: ["frontpage.manage", "breaking.manage"] },
  { area: "people", permissions: ["user.manage", "role.manage", "audit.read"] },
] as const satisfies readonly { area: string; permissions: readonly Permission[] }[];

export type PermissionArea = (typeof PERMISSION_AREAS)[number]["area"];
