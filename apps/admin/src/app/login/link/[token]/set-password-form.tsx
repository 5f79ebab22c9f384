"use client";
// Choose a password (twice). A refusal is shown in place; nothing typed is sent anywhere but this server action.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction, type SetPasswordState } from "./actions.ts";

const initialState: SetPasswordState = { error: null };

type Limits = { minLength: number; maxLength: number };

function PasswordField({
  name,
  label,
  limits,
  describedBy,
}: {
  name: string;
  label: string;
  limits: Limits;
  describedBy?: string;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium">{label}</span>
      <input
        name={name}
        type="password"
        required
        {...limits}
        autoComplete="new-password"
        dir="ltr"
        aria-describedby={describedBy}
        className="w-full rounded border border-gray-300 px-3 py-2 text-start"
      />
    </label>
  );
}

export function SetPasswordForm({ token, limits }: { token: string; limits: Limits }) {
  const t = useTranslations("SignInLink");
  const [state, formAction, pending] = useActionState(setPasswordAction, initialState);
  return (
    <form action={formAction} className="space-y-4" aria-busy={pending}>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t(`errors.${state.error}`, { min: limits.minLength })}
        </p>
      ) : null}
      <PasswordField name="password" label={t("password")} limits={limits} describedBy="password-hint" />
      <p id="password-hint" className="text-sm text-gray-600">
        {t("hint", { min: limits.minLength })}
      </p>
      <PasswordField name="confirm" label={t("confirm")} limits={limits} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </form>
  );
}
