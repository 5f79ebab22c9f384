"use client";
// Choose a password (twice). A refusal is shown in place; nothing typed is sent anywhere but this server action.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction, type SetPasswordState } from "./actions";

const initialState: SetPasswordState = { error: null };

export function SetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const t = useTranslations("SignInLink");
  const [state, formAction, pending] = useActionState(setPasswordAction, initialState);
  return (
    <form action={formAction} className="space-y-4" aria-busy={pending}>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t(`errors.${state.error}`, { min: minLength })}
        </p>
      ) : null}
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("password")}</span>
        <input name="password" type="password" required minLength={minLength} maxLength={1024} autoComplete="new-password" dir="ltr" className="w-full rounded border border-gray-300 px-3 py-2 text-start" aria-describedby="password-hint" />
      </label>
      <p id="password-hint" className="text-sm text-gray-600">{t("hint", { min: minLength })}</p>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("confirm")}</span>
        <input name="confirm" type="password" required minLength={minLength} maxLength={1024} autoComplete="new-password" dir="ltr" className="w-full rounded border border-gray-300 px-3 py-2 text-start" />
      </label>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
