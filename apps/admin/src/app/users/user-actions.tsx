"use client";
// One user's actions on the users page: disable or enable, a password-reset link (shown once), and their roles.
// Only the buttons the server would allow are shown (no disabling oneself; nothing on a user holding permissions the
// actor lacks, with the reason instead); showing them is a convenience: each action re-checks on the server.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { UserActionsOffered } from "@minbar/db/accounts";
import { CheckboxGroup, type CheckboxOption } from "../../lib/checkbox-group.tsx";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { SignInLinkBox } from "../../lib/sign-in-link-box.tsx";
import { resetPasswordAction, setUserDisabledAction, setUserRolesAction, type UserActionState } from "./actions.ts";

const initialState: UserActionState = { notice: null, link: null };
const buttonClass = "rounded border border-gray-300 bg-white px-2 py-1 text-xs hover:bg-gray-50 disabled:opacity-60";

type Props = {
  user: { id: number; name: string; disabled: boolean; roleKeys: string[] };
  roles: CheckboxOption[];
  offered: UserActionsOffered;
};

export function UserActions({ user, roles, offered }: Props) {
  const t = useTranslations("Users");
  const tAccounts = useTranslations("Accounts");
  const tPermission = useTranslations("PermissionNames");
  const [toggled, toggle, toggling] = useActionState(setUserDisabledAction, initialState);
  const [reset, issueReset, resetting] = useActionState(resetPasswordAction, initialState);
  const [saved, saveRoles, saving] = useActionState(setUserRolesAction, initialState);
  if (offered.outranks.length > 0) {
    return (
      <p className="text-xs text-gray-600">
        {tAccounts("targetOutranks", {
          permissions: offered.outranks.map((permission) => tPermission(permission)).join(" · "),
        })}
      </p>
    );
  }
  const toggleIntent = offered.enable ? "enable" : offered.disable ? "disable" : null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {toggleIntent ? (
          <form action={toggle}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="intent" value={toggleIntent} />
            <button type="submit" disabled={toggling} className={buttonClass}>
              {t(toggleIntent)}
            </button>
          </form>
        ) : null}
        {!offered.resetPassword ? null : (
          <form action={issueReset}>
            <input type="hidden" name="userId" value={user.id} />
            <button type="submit" disabled={resetting} title={t("resetConfirm")} className={buttonClass}>
              {t("resetPassword")}
            </button>
          </form>
        )}
      </div>
      <details>
        <summary className="cursor-pointer text-xs text-brand">{t("editRoles")}</summary>
        <form action={saveRoles} className="mt-2 space-y-2" aria-label={t("editRoles")}>
          <input type="hidden" name="userId" value={user.id} />
          <CheckboxGroup name="roleKeys" legend={t("fields.roles")} options={roles} checked={user.roleKeys} small />
          <button type="submit" disabled={saving} className={buttonClass}>
            {t("saveRoles")}
          </button>
        </form>
      </details>
      <OutcomeNotice notice={toggled.notice} />
      <OutcomeNotice notice={reset.notice} />
      {reset.link ? <SignInLinkBox url={reset.link.url} expiresAt={reset.link.expiresAt} name={user.name} /> : null}
      <OutcomeNotice notice={saved.notice} />
    </div>
  );
}
