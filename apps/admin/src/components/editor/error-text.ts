"use client";
// One wording for every refusal an editor action can meet, in the interface language.
import { useTranslations } from "next-intl";
import type { ActionError } from "../../lib/action-result.ts";

/** Input keys the server names that the catalogue calls otherwise. */
const FIELD_NAMES: Record<string, string> = { publishedAt: "storyDate" };

export type EditorError = ActionError | { code: "slug_taken" };

export function useErrorText(): (error: EditorError) => string {
  const t = useTranslations("Editor.errors");
  const tWarnings = useTranslations("Warnings");
  const tFields = useTranslations("Editor.fields");
  const tGeneric = useTranslations("EditorErrors");
  return (error) => {
    switch (error.code) {
      case "invalid": {
        // The detail is a list of field keys from the server, or a sentence the page already wrote in the
        // interface language; a key without a name in the catalogue is left out rather than shown in English.
        const named = error.detail
          .split(",")
          .map((part) => part.trim())
          .map((key) => FIELD_NAMES[key] ?? key)
          .flatMap((key) =>
            tFields.has(key as "title") ? [tFields(key as "title")] : /^[\w.-]*$/.test(key) ? [] : [key],
          );
        return named.length > 0 ? t("invalid", { detail: named.join("، ") }) : tGeneric("invalid");
      }
      case "blocked":
        return t("blocked", {
          warnings: error.warnings
            .map((code) => (tWarnings.has(code as "missing_title") ? tWarnings(code as "missing_title") : code))
            .join("، "),
        });
      case "signed_out":
      case "forbidden":
      case "not_found":
      case "stale":
      case "invalid_move":
      case "schedule_time":
      case "slug_taken":
        return t(error.code);
    }
  };
}
