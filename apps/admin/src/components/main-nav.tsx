// The admin's sections, each shown only to those whose permissions open it. Showing is a convenience: every page
// and action re-checks the permission on the server.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor, type Permission } from "@minbar/db/permissions";
import { isolate } from "@minbar/i18n";
import { signOutAction } from "../lib/auth-actions.ts";

type Section = {
  href: string;
  key:
    | "articles"
    | "review"
    | "myDrafts"
    | "translations"
    | "import"
    | "names"
    | "sections"
    | "media"
    | "frontPage"
    | "users"
    | "roles"
    | "audit";
  /** Shown to whoever holds any of these. */
  permission: Permission | readonly Permission[];
};

const SECTIONS: readonly Section[] = [
  { href: "/articles", key: "articles", permission: "article.read" },
  { href: "/articles?view=review", key: "review", permission: "article.review" },
  { href: "/articles?view=mine", key: "myDrafts", permission: "article.create" },
  { href: "/translations", key: "translations", permission: "article.translate" },
  // Translators attach wire translations there (see the import page).
  { href: "/import", key: "import", permission: ["article.import", "article.translate"] },
  { href: "/media", key: "media", permission: "article.read" },
  { href: "/names", key: "names", permission: "names.manage" },
  { href: "/sections", key: "sections", permission: "section.manage" },
  { href: "/front-page", key: "frontPage", permission: ["frontpage.manage", "breaking.manage"] },
  { href: "/users", key: "users", permission: "user.manage" },
  { href: "/roles", key: "roles", permission: "role.manage" },
  { href: "/audit", key: "audit", permission: "audit.read" },
];

export async function MainNav({ actor }: { actor: Actor }) {
  const [t, tApp] = await Promise.all([getTranslations("Nav"), getTranslations("App")]);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-2 text-sm">
      <nav aria-label={t("label")}>
        <ul className="flex flex-wrap gap-1">
          {SECTIONS.filter((section) => [section.permission].flat().some((p) => can(actor, p))).map((section) => (
            <li key={section.key}>
              <Link href={section.href} className="rounded px-2 py-1 text-gray-700 hover:bg-brand-soft">
                {t(section.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex items-center gap-3">
        <span>{tApp("signedInAs", { name: isolate(actor.name) })}</span>
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-50">
            {tApp("signOut")}
          </button>
        </form>
      </div>
    </div>
  );
}
