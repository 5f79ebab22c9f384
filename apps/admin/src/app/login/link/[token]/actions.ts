"use server";
// Sets the password through a one-time link. The token is the authorization here (the user is not signed in), so
// the use case re-checks it: unused, unexpired, account active. It also throttles this form per address, and looks the
// token up before it spends a password hash.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, redeemSignInToken } from "@minbar/db/accounts";
import { getDb } from "../../../../db.ts";
import { clientAddress } from "../../../../lib/client-address.ts";
import { formText } from "../../../../lib/accounts-action.ts";

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
  const result = await redeemSignInToken(
    getDb(),
    { token, newPassword: password },
    { address: clientAddress(await headers()) },
  );
  if (result.status !== "redeemed") return { error: result.status };
  redirect("/login?password=set");
}
