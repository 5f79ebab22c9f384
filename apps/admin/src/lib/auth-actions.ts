"use server";
// Sign-in and sign-out form actions. Each is a public POST endpoint: it validates its own input.
import { AuthError } from "next-auth";
import { auth, credentialsSchema, signIn, signOut, SignInLocked } from "../auth.ts";

export type SignInState = {
  error: "invalid" | "unavailable" | "locked" | "email_missing" | "email_format" | "password_missing" | null;
  email: string;
  retryMinutes?: number;
};

/** Checked here rather than by the browser, so the message is the app's own, in the interface language. */
function formProblem(email: string, password: FormDataEntryValue | null): SignInState["error"] {
  if (!email.trim()) return "email_missing";
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return "email_format";
  if (typeof password !== "string" || password === "") return "password_missing";
  return null;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")) : "";
  const problem = formProblem(email, formData.get("password"));
  if (problem) return { error: problem, email };
  const parsed = credentialsSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { error: "invalid", email };
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo: "/articles" });
  } catch (error) {
    if (error instanceof SignInLocked) {
      return {
        error: "locked",
        email,
        retryMinutes: Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 60_000)),
      };
    }
    if (error instanceof AuthError) {
      return { error: error.type === "CredentialsSignin" ? "invalid" : "unavailable", email };
    }
    throw error;
  }
  return { error: null, email };
}

export async function signOutAction(): Promise<void> {
  if (await auth()) await signOut({ redirectTo: "/login" });
}
