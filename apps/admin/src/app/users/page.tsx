// /users: the newsroom's staff with their roles and status; add a user (one-time link), disable or enable, reset a
// password (new link), change roles. Only for those holding user.manage — the use cases check it.
import { getLocale, getTranslations } from "next-intl/server";
import { listRoles, listUsers } from "@minbar/db/accounts";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { roleName } from "../../lib/role-name.ts";
import { TableFrame } from "../../lib/table-frame.tsx";
import { CreateUserForm } from "./create-user-form.tsx";
import { UserActions } from "./user-actions.tsx";

export const dynamic = "force-dynamic";

const STATUS_STYLES = {
  active: "bg-emerald-100 text-emerald-900",
  disabled: "bg-stone-200 text-stone-700",
  pending: "bg-amber-100 text-amber-900",
} as const;

export default async function UsersPage() {
  const actor = await requireActor();
  const [[users, roles], locale, t] = await Promise.all([
    orForbidden(() => Promise.all([listUsers(getDb(), actor), listRoles(getDb(), actor)])),
    getLocale(),
    getTranslations("Users"),
  ]);
  const roleOptions = roles.map((role) => ({ key: role.key, label: roleName(role, locale) }));

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <CreateUserForm roles={roleOptions} />
      {users.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableFrame
          columns={[
            t("columns.name"),
            t("columns.email"),
            t("columns.roles"),
            t("columns.status"),
            t("columns.actions"),
          ]}
        >
          {users.map((user) => {
            const status = user.disabled ? "disabled" : user.hasPassword ? "active" : "pending";
            return (
              <tr key={user.id} id={`user-${user.id}`} className="align-top" data-email={user.email}>
                <td className="px-3 py-3 font-semibold">
                  {user.name}
                  {user.id === actor.userId ? <span className="ms-1 font-normal text-gray-500">{t("you")}</span> : null}
                </td>
                <td className="px-3 py-3">
                  <span dir="ltr">{user.email}</span>
                </td>
                <td className="px-3 py-3">
                  {user.roles.length === 0 ? (
                    <span className="text-gray-500">{t("noRoles")}</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1">
                      {user.roles.map((role) => (
                        <li key={role.key} className="rounded bg-brand-soft px-2 py-0.5 text-xs">
                          {roleName(role, locale)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="px-3 py-3">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_STYLES[status]}`}
                  >
                    {t(`status.${status}`)}
                  </span>
                </td>
                <td className="px-3 py-3">
                  <UserActions
                    user={{
                      id: user.id,
                      name: user.name,
                      disabled: user.disabled,
                      roleKeys: user.roles.map((role) => role.key),
                    }}
                    roles={roleOptions}
                    offered={user.offered}
                  />
                </td>
              </tr>
            );
          })}
        </TableFrame>
      )}
    </>
  );
}
