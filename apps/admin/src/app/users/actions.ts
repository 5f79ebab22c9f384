"use server";
// The users page's actions. Each is a public POST endpoint: it reads the actor from the session (asActor), passes
// the form's values to a use case that validates them and re-checks user.manage, and words the outcome for the form.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import {
  createUserWithSignInLink,
  disableUser,
  enableUser,
  issuePasswordResetLink,
  setUserRoles,
} from "@minbar/db/accounts";
import { getDb } from "../../db.ts";
import {
  asActor,
  formId,
  formList,
  formText,
  sharedRefusalText,
  type SharedRefusalStatus,
} from "../../lib/accounts-action.ts";
import { signInLinkUrl } from "../../lib/admin-origin.ts";
import type { Notice } from "../../lib/outcome-notice.tsx";

/** A one-time link, returned to the form that asked for it and shown there once; never stored in the page. */
export type IssuedLink = { url: string; expiresAt: string };

const RESULTS = ["created", "disabled", "enabled", "unchanged", "saved", "issued"] as const;
const ERRORS = ["email_taken", "self", "last_admin", "not_found", "disabled"] as const;

/** Every status worded below: a use case's result with any other status fails the typecheck where it is passed. */
type WordedStatus = SharedRefusalStatus | "unknown_roles" | (typeof RESULTS)[number] | (typeof ERRORS)[number];

async function noticeFor(
  result: { status: WordedStatus; keys?: string[] },
  { refusedDisabled = false } = {},
): Promise<Notice> {
  const shared = await sharedRefusalText(result);
  if (shared) return { ok: false, text: shared };
  const t = await getTranslations("Users");
  if (result.status === "unknown_roles")
    return { ok: false, text: t("errors.unknown_roles", { keys: (result.keys ?? []).join(", ") }) };
  // Reset refused for a disabled account: the same word as the "disabled" success of disableUser, another meaning.
  if (refusedDisabled) return { ok: false, text: t("errors.disabled") };
  const success = RESULTS.find((status) => status === result.status);
  if (success) return { ok: true, text: t(`result.${success}`) };
  const error = ERRORS.find((status) => status === result.status);
  return { ok: false, text: error ? t(`errors.${error}`) : result.status };
}

export type CreateUserState = {
  notice: Notice | null;
  fields: string[];
  link: (IssuedLink & { name: string }) | null;
  values: { email: string; name: string; roleKeys: string[] };
  /** Changes on every submission, so the form re-mounts with the returned values. */
  attempt: number;
};

export async function createUserAction(previous: CreateUserState, formData: FormData): Promise<CreateUserState> {
  const values = {
    email: formText(formData, "email"),
    name: formText(formData, "name"),
    roleKeys: formList(formData, "roleKeys"),
  };
  const result = await asActor((actor, context) => createUserWithSignInLink(getDb(), actor, values, context));
  const attempt = previous.attempt + 1;
  const notice = await noticeFor(result);
  if (result.status !== "created") {
    // Only format errors mark fields; a taken email is said by the notice itself.
    return { notice, fields: result.status === "invalid" ? result.fields : [], link: null, values, attempt };
  }
  revalidatePath("/users");
  const link = {
    url: signInLinkUrl(result.token),
    expiresAt: result.expiresAt.toISOString(),
    name: values.name.trim(),
  };
  // Success: the form empties, and the link is shown this once.
  return { notice, fields: [], link, values: { email: "", name: "", roleKeys: [] }, attempt };
}

export type UserActionState = { notice: Notice | null; link: IssuedLink | null };

export async function setUserDisabledAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const userId = formId(formData, "userId");
  const use = formText(formData, "intent") === "enable" ? enableUser : disableUser;
  const result = await asActor((actor, context) => use(getDb(), actor, { userId }, context));
  revalidatePath("/users");
  return { notice: await noticeFor(result), link: null };
}

export async function resetPasswordAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const userId = formId(formData, "userId");
  const result = await asActor((actor, context) => issuePasswordResetLink(getDb(), actor, { userId }, context));
  if (result.status !== "issued")
    return { notice: await noticeFor(result, { refusedDisabled: result.status === "disabled" }), link: null };
  revalidatePath("/users");
  return {
    notice: await noticeFor(result),
    link: { url: signInLinkUrl(result.token), expiresAt: result.expiresAt.toISOString() },
  };
}

export async function setUserRolesAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const userId = formId(formData, "userId");
  const roleKeys = formList(formData, "roleKeys");
  const result = await asActor((actor, context) => setUserRoles(getDb(), actor, { userId, roleKeys }, context));
  revalidatePath("/users");
  return { notice: await noticeFor(result), link: null };
}
