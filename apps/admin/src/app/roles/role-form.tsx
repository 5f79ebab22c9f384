"use client";
// Creates a custom role, or edits one: its name in the three languages and its permissions, grouped by area. The key
// is made from the name by the server, so nobody has to type one. noValidate: refused input comes back from the
// server with the app's own messages, keeping every value and marking the fields at fault.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { PermissionPicker } from "./permission-picker.tsx";
import { saveRoleAction, type RoleFormState, type RoleValues } from "./actions.ts";

type Props = { role?: { id: number; version: number } & RoleValues };

const NAME_FIELDS = [
  { name: "nameAr", lang: "ar", dir: "rtl" },
  { name: "nameRu", lang: "ru", dir: "ltr" },
  { name: "nameEn", lang: "en", dir: "ltr" },
] as const;

export function RoleForm({ role }: Props) {
  const t = useTranslations("Roles");
  const tCommon = useTranslations("Accounts");
  const tAreas = useTranslations("PermissionAreas");
  const initialState: RoleFormState = {
    notice: null,
    fields: [],
    values: null,
    version: role?.version ?? null,
    attempt: 0,
  };
  const [state, formAction, pending] = useActionState(saveRoleAction, initialState);
  const values: RoleValues = state.values ?? role ?? { nameAr: "", nameRu: "", nameEn: "", permissions: [] };
  const bad = (field: string) => state.fields.includes(field);
  const inputClass = (field: string) =>
    `w-full rounded border px-3 py-2 text-start ${bad(field) ? "border-red-500" : "border-gray-300"}`;
  const idPrefix = role ? `role-${role.id}` : "role-new";
  return (
    <>
      <form
        action={formAction}
        key={state.attempt}
        noValidate
        aria-busy={pending}
        aria-label={role ? t("edit") : t("createTitle")}
        className="grid gap-4 md:grid-cols-2"
      >
        {role ? (
          <>
            <input type="hidden" name="roleId" value={role.id} />
            <input type="hidden" name="version" value={role.version} />
          </>
        ) : (
          <p className="text-xs text-gray-600 md:col-span-2">{tAreas("keyNote")}</p>
        )}
        {NAME_FIELDS.map((field) => (
          <label key={field.name} className="block">
            <span className="mb-1 block text-sm font-medium">{t(`fields.${field.name}`)}</span>
            <input
              name={field.name}
              maxLength={100}
              lang={field.lang}
              dir={field.dir}
              defaultValue={values[field.name]}
              aria-invalid={bad(field.name)}
              className={inputClass(field.name)}
            />
            {bad(field.name) ? (
              <span className="mt-1 block text-sm text-red-700">{t(`fieldErrors.${field.name}`)}</span>
            ) : null}
          </label>
        ))}
        <div className="md:col-span-2">
          <PermissionPicker
            idPrefix={idPrefix}
            legend={t("fields.permissions")}
            checked={values.permissions}
            error={bad("permissions") ? t("fieldErrors.permissions") : null}
          />
        </div>
        <div className="md:col-span-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
          >
            {pending ? tCommon("saving") : role ? t("save") : t("create")}
          </button>
        </div>
      </form>
      <OutcomeNotice notice={state.notice} />
    </>
  );
}
