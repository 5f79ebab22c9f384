"use client";
// Adds a user: name, email, roles. On success the one-time link appears below, once; on a refusal every typed value
// stays and the fields at fault are marked.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup, type CheckboxOption } from "../../lib/checkbox-group.tsx";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { SignInLinkBox } from "../../lib/sign-in-link-box.tsx";
import { createUserAction, type CreateUserState } from "./actions.ts";

const initialState: CreateUserState = {
  notice: null,
  fields: [],
  link: null,
  values: { email: "", name: "", roleKeys: [] },
  attempt: 0,
};

const inputClass = "w-full rounded border px-3 py-2 text-start";

export function CreateUserForm({ roles }: { roles: CheckboxOption[] }) {
  const t = useTranslations("Users");
  const tCommon = useTranslations("Accounts");
  const [state, formAction, pending] = useActionState(createUserAction, initialState);
  const bad = (field: "email" | "name" | "roleKeys") => state.fields.includes(field);
  const border = (field: "email" | "name" | "roleKeys") => (bad(field) ? "border-red-500" : "border-gray-300");
  return (
    <section className="mb-8 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="mb-1 text-lg font-semibold">{t("createTitle")}</h2>
      <p className="mb-4 text-sm text-gray-600">{t("createHint")}</p>
      <form
        action={formAction}
        key={state.attempt}
        noValidate
        aria-busy={pending}
        className="grid gap-4 md:grid-cols-2"
      >
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{t("fields.name")}</span>
          <input
            name="name"
            required
            maxLength={200}
            defaultValue={state.values.name}
            aria-invalid={bad("name")}
            className={`${inputClass} ${border("name")}`}
          />
          {bad("name") ? <span className="mt-1 block text-sm text-red-700">{t("fieldErrors.name")}</span> : null}
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{t("fields.email")}</span>
          <input
            name="email"
            type="email"
            required
            maxLength={320}
            dir="ltr"
            defaultValue={state.values.email}
            aria-invalid={bad("email")}
            className={`${inputClass} ${border("email")}`}
          />
          {bad("email") ? <span className="mt-1 block text-sm text-red-700">{t("fieldErrors.email")}</span> : null}
        </label>
        <div className="md:col-span-2">
          <CheckboxGroup
            name="roleKeys"
            legend={t("fields.roles")}
            options={roles}
            checked={state.values.roleKeys}
            error={bad("roleKeys") ? t("fieldErrors.roleKeys") : null}
          />
        </div>
        <div className="md:col-span-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
          >
            {pending ? tCommon("saving") : t("create")}
          </button>
        </div>
      </form>
      <OutcomeNotice notice={state.notice} />
      {state.link ? (
        <SignInLinkBox url={state.link.url} expiresAt={state.link.expiresAt} name={state.link.name} />
      ) : null}
    </section>
  );
}
