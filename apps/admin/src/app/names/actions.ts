"use server";
// The names page's action: set one record's Russian and English names (an agency's link too). The use case checks
// names.manage (and attribution.manage for a link), the version and the input; the outcome comes back worded.
import { getTranslations } from "next-intl/server";
import { NAMED_KINDS, saveNames, type NamedKind } from "@minbar/db/editorial";
import { getDb } from "../../db.ts";
import { asActor } from "../../lib/action-result.ts";
import type { Notice } from "../../lib/outcome-notice.tsx";
import { revalidatePublicSite } from "../../lib/revalidate-public-site.ts";

export type NameValues = { nameRu: string; nameEn: string; url: string };

export type NameFormState = {
  notice: Notice | null;
  /** What the form shows after the attempt: the stored values after a save or a conflict, else what was typed. */
  values: NameValues;
  /** The record's version to send next, so the next edit in the same form is not refused as stale. */
  version: number;
  attempt: number;
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function saveNamesAction(previous: NameFormState, formData: FormData): Promise<NameFormState> {
  const t = await getTranslations("NamesDesk");
  const kindText = text(formData, "kind");
  const kind = NAMED_KINDS.find((k): k is NamedKind => k === kindText);
  const id = Number(text(formData, "id"));
  const values: NameValues = {
    nameRu: text(formData, "nameRu"),
    nameEn: text(formData, "nameEn"),
    url: text(formData, "url"),
  };
  const attempt = previous.attempt + 1;
  if (!kind || !Number.isInteger(id) || id <= 0)
    return { ...previous, notice: { ok: false, text: t("errors.not_found") }, values, attempt };
  const result = await asActor((actor) =>
    saveNames(getDb(), actor, {
      kind,
      id,
      expectedVersion: previous.version,
      nameRu: values.nameRu,
      nameEn: values.nameEn,
      ...(kind === "source" ? { url: values.url } : {}),
    }),
  );
  if (!result.ok) {
    const code = result.error.code;
    const message =
      code === "invalid" && result.error.detail.split(",").includes("url")
        ? t("errors.url")
        : code === "forbidden" || code === "signed_out" || code === "not_found"
          ? t(`errors.${code}`)
          : t("errors.invalid");
    return { ...previous, notice: { ok: false, text: message }, values, attempt };
  }
  const outcome = result.value;
  const record = outcome.status === "saved" ? outcome.record : outcome.current;
  const stored = { nameRu: record.nameRu ?? "", nameEn: record.nameEn ?? "", url: record.url ?? "" };
  if (outcome.status === "conflict")
    return { notice: { ok: false, text: t("errors.stale") }, values: stored, version: record.version, attempt };
  // The pages showing the name: the articles, and through them their tag and agency pages (see the site's signal).
  if (outcome.publicArticleIds.length > 0) await revalidatePublicSite(outcome.publicArticleIds);
  // No revalidatePath("/names"): under a "missing" filter the row would vanish before its notice could be read; the
  // form keeps the stored values and version, and the list catches up on the next visit.
  return { notice: { ok: true, text: t("saved") }, values: stored, version: record.version, attempt };
}
