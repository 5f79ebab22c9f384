"use client";
// Creates a custom role, or edits one: its key (new roles only), its name in the three languages, and its
// permissions from the catalogue. Refused input keeps every value and marks the fields at fault.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup, type CheckboxOption } from "../../lib/checkbox-group.tsx";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { saveRoleAction, type RoleFormState, type RoleValues } from "./actions.ts";

type Props = { permissions: CheckboxOption[]; role?: { id: number; version: number } & RoleValues };

const NAME_FIELDS = [
  { name: "nameAr", lang: "ar", dir: "rtl" },
  { name: "nameRu", lang: "ru", dir: "ltr" },
  { name: "nameEn", lang: "en", dir: "ltr" },
] as const;

export function RoleForm({ permissions, role }: Props) {
  const t = useTranslations("Roles");
  const tCommon = useTranslations("Accounts");
  const initialState: RoleFormState = {
    notice: null,
    fields: [],
    values: null,
    version: role?.version ?? null,
    attempt: 0,
  };
  const [state, formAction, pending] = useActionState(saveRoleAction, initialState);
  const values: RoleValues = state.values ?? role ?? { key: "", nameAr: "", nameRu: "", nameEn: "", permissions: [] };
  const bad = (field: string) => state.fields.includes(field);
  const inputClass = (field: string) =>
    `w-full rounded border px-3 py-2 text-start ${bad(field) ? "border-red-500" : "border-gray-300"}`;
  const idPrefix = role ? `role-${role.id}` : "role-new";
  return (
    <>
      <form
        action={formAction}
        key={state.attempt}
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
          <label className="block md:col-span-2">
            <span className="mb-1 block text-sm font-medium">{t("fields.key")}</span>
            <input
              name="key"
              required
              maxLength={40}
              pattern="[a-z][a-z0-9_\-]{1,39}"
              dir="ltr"
              defaultValue={values.key}
              aria-invalid={bad("key")}
              aria-describedby={`${idPrefix}-key-hint`}
              className={inputClass("key")}
            />
            <span id={`${idPrefix}-key-hint`} className="mt-1 block text-xs text-gray-600">
              {t("fields.keyHint")}
            </span>
            {bad("key") ? <span className="mt-1 block text-sm text-red-700">{t("fieldErrors.key")}</span> : null}
          </label>
        )}
        {NAME_FIELDS.map((field) => (
          <label key={field.name} className="block">
            <span className="mb-1 block text-sm font-medium">{t(`fields.${field.name}`)}</span>
            <input
              name={field.name}
              required
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
          <CheckboxGroup
            name="permissions"
            legend={t("fields.permissions")}
            options={permissions}
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
