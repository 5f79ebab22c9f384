"use client";
// Deletes an unused custom role; the server refuses built-in roles and roles someone still holds.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { deleteRoleAction, type DeleteRoleState } from "./actions.ts";

const initialState: DeleteRoleState = { notice: null };

export function DeleteRoleButton({ roleId }: { roleId: number }) {
  const t = useTranslations("Roles");
  const [state, formAction, pending] = useActionState(deleteRoleAction, initialState);
  return (
    <form action={formAction}>
      <input type="hidden" name="roleId" value={roleId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-red-300 bg-white px-2 py-1 text-xs text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {t("delete")}
      </button>
      <OutcomeNotice notice={state.notice} />
    </form>
  );
}
