"use server";
// Sets the password through a one-time link. The token is the authorization here (the user is not signed in), so
// the use case re-checks it: unused, unexpired, account active. It also throttles this form per address, and looks the
// token up before it spends a password hash. Once the password is set, the person is signed in with it at once, in
// the language the page was shown in (their choice there, or their browser's), which becomes their account's.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, redeemSignInToken } from "@minbar/db/accounts";
import { getDb } from "../../../../db.ts";
import { clientAddress } from "../../../../lib/client-address.ts";
import { formText } from "../../../../lib/accounts-action.ts";
import { signIn } from "../../../../auth.ts";
import { chosenBeforeSignIn } from "../../../../i18n/locale-cookie.ts";

export type SetPasswordState = {
  error: "mismatch" | "too_short" | "too_long" | "unknown" | "used" | "expired" | "disabled" | "throttled" | null;
};

const formSchema = z.object({ token: z.string().max(200), password: z.string(), confirm: z.string() });

export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const parsed = formSchema.safeParse({
    token: formText(formData, "token"),
    password: formText(formData, "password"),
    confirm: formText(formData, "confirm"),
  });
  if (!parsed.success) return { error: "unknown" };
  const { token, password, confirm } = parsed.data;
  if (password.length < PASSWORD_MIN_LENGTH) return { error: "too_short" };
  if (password.length > PASSWORD_MAX_LENGTH) return { error: "too_long" };
  if (password !== confirm) return { error: "mismatch" };
  const chosen = await chosenBeforeSignIn();
  const result = await redeemSignInToken(
    getDb(),
    { token, newPassword: password, ...(chosen ? { uiLocale: chosen } : {}) },
    { address: clientAddress(await headers()) },
  );
  if (result.status !== "redeemed") return { error: result.status };
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email: result.email, password, redirectTo: "/articles" });
  } catch (error) {
    // Signing in refused (a lock-out from elsewhere): the password is saved all the same; the sign-in page says so.
    if (!(error instanceof AuthError)) throw error;
  }
  redirect("/login?password=set");
}
