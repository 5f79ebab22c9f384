"use client";
// One wording for every refusal an editor action can meet, in the interface language.
import { useTranslations } from "next-intl";
import type { ActionError } from "../../lib/action-result.ts";

export type EditorError = ActionError | { code: "slug_taken" };

export function useErrorText(): (error: EditorError) => string {
  const t = useTranslations("Editor.errors");
  const tWarnings = useTranslations("Warnings");
  return (error) => {
    switch (error.code) {
      case "invalid":
        return t("invalid", { detail: error.detail });
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
