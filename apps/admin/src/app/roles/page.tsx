// /roles: built-in and custom roles with their localized names and permissions; create a custom role, edit or
// delete one. Only for those holding role.manage — the use cases check it.
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
import { listRoles } from "@minbar/db/accounts";
import { formatInteger } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { roleName } from "../../lib/role-name.ts";
import { TableFrame } from "../../lib/table-frame.tsx";
import { DeleteRoleButton } from "./delete-role-button.tsx";
import { RoleForm } from "./role-form.tsx";

export const dynamic = "force-dynamic";

export default async function RolesPage() {
  const actor = await requireActor();
  const [t, tPermission, locale] = await Promise.all([
    getTranslations("Roles"),
    getTranslations("PermissionNames"),
    getLocale(),
  ]);
  // listRoles also serves user managers; this page is for role managers, and its actions re-check role.manage.
  if (!can(actor, "role.manage")) forbidden();
  const roles = await orForbidden(() => listRoles(getDb(), actor));

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <section className="mb-8 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
        <RoleForm />
      </section>
      <p className="mb-3 text-sm text-gray-600">{t("builtInHint")}</p>
      <TableFrame columns={[t("columns.name"), t("columns.permissions"), t("columns.users")]}>
        {roles.map((role) => (
          <tr key={role.id} id={`role-${role.id}`} className="align-top" data-role-key={role.key}>
            <td className="px-3 py-3">
              {/* The name only: the key is internal (and in Latin letters whatever the interface language). */}
              <span className="block font-semibold">{roleName(role, locale)}</span>
              <span
                className={`mt-1 inline-block rounded-full px-2 py-0.5 text-xs ${role.builtIn ? "bg-stone-200 text-stone-700" : "bg-sky-100 text-sky-900"}`}
              >
                {role.builtIn ? t("builtIn") : t("custom")}
              </span>
            </td>
            <td className="px-3 py-3">
              <ul className="flex flex-wrap gap-1">
                {role.permissions.map((permission) => (
                  <li key={permission} className="rounded bg-brand-soft px-2 py-0.5 text-xs">
                    {tPermission(permission)}
                  </li>
                ))}
              </ul>
              {role.builtIn ? null : (
                <details className="mt-3">
                  <summary className="cursor-pointer text-xs text-brand">{t("edit")}</summary>
                  <div className="mt-3 space-y-3">
                    <RoleForm role={{ ...role, permissions: [...role.permissions] }} />
                    {role.userCount === 0 ? <DeleteRoleButton roleId={role.id} /> : null}
                  </div>
                </details>
              )}
            </td>
            <td className="px-3 py-3">{formatInteger(role.userCount, locale)}</td>
          </tr>
        ))}
      </TableFrame>
    </>
  );
}
