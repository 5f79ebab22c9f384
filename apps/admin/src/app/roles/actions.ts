"use server";
// The roles page's actions: create and edit custom roles, delete an unused one. Each reads the actor from the
// session and lets the use case validate and re-check role.manage; the outcome comes back worded for the form.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createRole, deleteRole, updateRole, type CreateRoleResult, type UpdateRoleResult } from "@minbar/db/accounts";
import { getDb } from "../../db.ts";
import {
  asActor,
  formId,
  formList,
  formText,
  sharedRefusalText,
  type SharedRefusalStatus,
} from "../../lib/accounts-action.ts";
import type { Notice } from "../../lib/outcome-notice.tsx";

export type RoleValues = { nameAr: string; nameRu: string; nameEn: string; permissions: string[] };

export type RoleFormState = {
  notice: Notice | null;
  fields: string[];
  values: RoleValues | null;
  /** The role's version after a save, so the next edit in the same form is not refused as stale. */
  version: number | null;
  attempt: number;
};

const RESULTS = ["created", "saved", "deleted"] as const;
const ERRORS = ["key_taken", "built_in", "stale_version", "not_found"] as const;

/** Every status worded below: a use case's result with any other status fails the typecheck where it is passed. */
type WordedStatus = SharedRefusalStatus | "in_use" | (typeof RESULTS)[number] | (typeof ERRORS)[number];

async function noticeFor(result: { status: WordedStatus; userCount?: number }): Promise<Notice> {
  const shared = await sharedRefusalText(result);
  if (shared) return { ok: false, text: shared };
  const t = await getTranslations("Roles");
  if (result.status === "in_use") return { ok: false, text: t("errors.in_use", { count: result.userCount ?? 0 }) };
  const success = RESULTS.find((status) => status === result.status);
  if (success) return { ok: true, text: t(`result.${success}`) };
  const error = ERRORS.find((status) => status === result.status);
  return { ok: false, text: error ? t(`errors.${error}`) : result.status };
}

function readRole(formData: FormData): RoleValues {
  return {
    nameAr: formText(formData, "nameAr"),
    nameRu: formText(formData, "nameRu"),
    nameEn: formText(formData, "nameEn"),
    permissions: formList(formData, "permissions"),
  };
}

export async function saveRoleAction(previous: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const values = readRole(formData);
  const roleId = formId(formData, "roleId");
  const expectedVersion = previous.version ?? formId(formData, "version");
  const { permissions } = values;
  const result = await asActor<CreateRoleResult | UpdateRoleResult>((actor, context) =>
    roleId
      ? updateRole(
          getDb(),
          actor,
          { roleId, expectedVersion, nameAr: values.nameAr, nameRu: values.nameRu, nameEn: values.nameEn, permissions },
          context,
        )
      : createRole(getDb(), actor, { ...values, permissions }, context),
  );
  const notice = await noticeFor(result);
  const attempt = previous.attempt + 1;
  if (result.status === "created" || result.status === "saved") {
    revalidatePath("/roles");
    // A new role's form empties; an edited one keeps what was saved.
    return {
      notice,
      fields: [],
      values: roleId ? values : null,
      version: result.status === "saved" ? result.version : null,
      attempt,
    };
  }
  // Only format errors mark fields; a taken key is said by the notice itself.
  return {
    notice,
    fields: result.status === "invalid" ? result.fields : [],
    values,
    version: previous.version,
    attempt,
  };
}

export type DeleteRoleState = { notice: Notice | null };

export async function deleteRoleAction(_previous: DeleteRoleState, formData: FormData): Promise<DeleteRoleState> {
  const roleId = formId(formData, "roleId");
  const result = await asActor((actor, context) => deleteRole(getDb(), actor, { roleId }, context));
  revalidatePath("/roles");
  return { notice: await noticeFor(result) };
}
