// What every accounts server action shares: who is asking (resolved from the session, never from the form), where
// from (for the audit log), and the domain's refusals turned into states a form can show.
import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ForbiddenError, isPermission, type Actor } from "@minbar/db/permissions";
import { InvalidInputError } from "@minbar/db/editorial";
import type { RequestContext } from "@minbar/db/accounts";
import { clientAddress } from "./client-address.ts";
import { findActor } from "./actor.ts";

export type Refusal = { status: "forbidden" } | { status: "invalid"; fields: string[] };

/** Runs a use case as the signed-in actor (or as nobody, which the use case refuses). */
export async function asActor<T>(
  run: (actor: Actor | null, context: RequestContext) => Promise<T>,
): Promise<T | Refusal> {
  const [actor, requestHeaders] = await Promise.all([findActor(), headers()]);
  try {
    return await run(actor, { address: clientAddress(requestHeaders) });
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "forbidden" };
    if (error instanceof InvalidInputError) return { status: "invalid", fields: fieldsOf(error.issues) };
    throw error;
  }
}

/** The top-level field names zod complained about, so the form can mark each one. */
export function fieldsOf(issues: readonly { path: PropertyKey[] }[]): string[] {
  return [...new Set(issues.map((issue) => String(issue.path[0] ?? "")))].filter(Boolean);
}

/** Form values as plain strings (a missing or file field becomes ""). */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export function formList(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === "string");
}

/** A positive integer id from a form, or 0 (which every use case rejects as invalid input). */
export function formId(formData: FormData, name: string): number {
  const value = Number(formText(formData, name));
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** Refusals that name permissions the actor lacks, and the message for each. */
const PERMISSION_REFUSALS = {
  exceeds_own: "exceedsOwn",
  target_outranks: "targetOutranks",
  role_outranks: "roleOutranks",
  holder_outranks: "holderOutranks",
} as const;

function isPermissionRefusal(status: string): status is keyof typeof PERMISSION_REFUSALS {
  return Object.hasOwn(PERMISSION_REFUSALS, status);
}

/** The statuses sharedRefusalText words. */
export type SharedRefusalStatus = Refusal["status"] | keyof typeof PERMISSION_REFUSALS;

/** The refusals every accounts action shares, worded in the interface language; null for any other outcome. */
export async function sharedRefusalText(result: { status: string }): Promise<string | null> {
  const [t, tPermission] = await Promise.all([getTranslations("Accounts"), getTranslations("PermissionNames")]);
  if (result.status === "forbidden") return t("refused");
  if (result.status === "invalid") return t("invalid");
  if (isPermissionRefusal(result.status) && "permissions" in result && Array.isArray(result.permissions)) {
    const names = result.permissions.map((permission: string) =>
      isPermission(permission) ? tPermission(permission) : permission,
    );
    return t(PERMISSION_REFUSALS[result.status], { permissions: names.join(" · ") });
  }
  return null;
}
