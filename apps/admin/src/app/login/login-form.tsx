"use client";
// The sign-in form; shows the server's refusal in place and keeps the typed email.
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger } from "@minbar/i18n";
import { signInAction, type SignInState } from "../../lib/auth-actions.ts";

const initialState: SignInState = { error: null, email: "" };

export function LoginForm() {
  const t = useTranslations("Login");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(signInAction, initialState);
  return (
    // noValidate: the server action answers with the app's own messages, never the browser's tooltips.
    <form action={formAction} noValidate className="space-y-4" aria-busy={pending}>
      {state.error ? (
        <p id="login-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {state.error === "locked"
            ? t("locked", {
                minutes: state.retryMinutes ?? 15,
                formatted: formatInteger(state.retryMinutes ?? 15, locale),
              })
            : t(state.error)}
        </p>
      ) : null}
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("email")}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          aria-invalid={state.error === "email_missing" || state.error === "email_format"}
          aria-describedby={state.error ? "login-error" : undefined}
          dir="ltr"
          defaultValue={state.email}
          key={state.email}
          className="w-full rounded border border-gray-300 px-3 py-2 text-start"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={state.error === "password_missing"}
          dir="ltr"
          className="w-full rounded border border-gray-300 px-3 py-2 text-start"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
