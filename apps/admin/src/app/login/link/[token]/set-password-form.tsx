"use client";
// Choose a password (twice). Checked here first, with the app's own messages in the interface language (never the
// browser's tooltips: the form has noValidate), then again by the server action. What was typed stays in the fields
// when either refuses; nothing typed is sent anywhere but this server action.
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction, type SetPasswordState } from "./actions.ts";

const initialState: SetPasswordState = { error: null };

type Limits = { minLength: number; maxLength: number };
type FieldError = "too_short" | "too_long" | "mismatch";

function check(password: string, confirm: string, limits: Limits): FieldError | null {
  if (password.length < limits.minLength) return "too_short";
  if (password.length > limits.maxLength) return "too_long";
  if (password !== confirm) return "mismatch";
  return null;
}

function PasswordField({
  id,
  name,
  label,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-medium">{label}</span>
      <input
        id={id}
        name={name}
        type="password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="new-password"
        dir="ltr"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={`w-full rounded border px-3 py-2 text-start ${invalid ? "border-red-500" : "border-gray-300"}`}
      />
    </label>
  );
}

export function SetPasswordForm({ token, limits }: { token: string; limits: Limits }) {
  const t = useTranslations("SignInLink");
  const [state, formAction, pending] = useActionState(setPasswordAction, initialState);
  const [submitting, startTransition] = useTransition();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [local, setLocal] = useState<FieldError | null>(null);
  const error = local ?? state.error;
  const busy = pending || submitting;

  function submit(event: FormEvent<HTMLFormElement>) {
    // Called outside the form's action, so React does not clear the fields when the server refuses.
    event.preventDefault();
    const problem = check(password, confirm, limits);
    setLocal(problem);
    if (problem) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  const passwordInvalid = error === "too_short" || error === "too_long";
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={busy}>
      <input type="hidden" name="token" value={token} />
      {error ? (
        <p id="password-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t(`errors.${error}`, { min: limits.minLength })}
        </p>
      ) : null}
      <PasswordField
        id="password"
        name="password"
        label={t("password")}
        value={password}
        onChange={setPassword}
        invalid={passwordInvalid}
        describedBy={passwordInvalid ? "password-error password-hint" : "password-hint"}
      />
      <p id="password-hint" className="text-sm text-gray-600">
        {t("hint", { min: limits.minLength })}
      </p>
      <PasswordField
        id="confirm"
        name="confirm"
        label={t("confirm")}
        value={confirm}
        onChange={setConfirm}
        invalid={error === "mismatch"}
        describedBy={error === "mismatch" ? "password-error" : undefined}
      />
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </form>
  );
}
