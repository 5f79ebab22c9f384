"use client";
// A section's names and slugs in three languages, created or edited on its own; the notice and the stored values
// come back from the server action (the stored ones after a conflict), and what was typed is kept after a refusal.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { saveSectionAction, type SectionFormState } from "./actions.ts";
import { FIELD_LANGUAGE, SECTION_FIELDS, type SectionValues } from "./section-fields.ts";

type Props = {
  /** Absent for the form that creates a section. */
  id?: number;
  version: number;
  values: SectionValues;
  /** What the form is about, for its accessible name. */
  label: string;
};

export function SectionForm({ id, version, values, label }: Props) {
  const t = useTranslations("SectionsDesk");
  const initial: SectionFormState = { notice: null, invalid: [], values, version, attempt: 0 };
  const [state, action, pending] = useActionState(saveSectionAction, initial);
  // A move or retirement since the page was loaded raised the version: the newer of the two is sent.
  const sentVersion = Math.max(version, state.version);
  return (
    <form action={action} aria-label={label} className="grid gap-2 text-sm sm:grid-cols-3">
      <input type="hidden" name="id" value={id ?? ""} />
      <input type="hidden" name="version" value={sentVersion} />
      {SECTION_FIELDS.map((field) => {
        const lang = FIELD_LANGUAGE[field];
        return (
          <label key={`${field}-${state.attempt}`} className="block text-xs text-gray-600">
            {t(`fields.${field}`)}
            <input
              name={field}
              lang={lang}
              dir={lang === "ar" ? "rtl" : "ltr"}
              required
              maxLength={field.startsWith("slug") ? 200 : 100}
              defaultValue={state.values[field]}
              aria-invalid={state.invalid.includes(field) || undefined}
              className="block w-full rounded border border-gray-300 px-2 py-1 aria-[invalid=true]:border-red-600"
            />
          </label>
        );
      })}
      <div className="flex items-center gap-2 sm:col-span-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand px-3 py-1 font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("saving") : id ? t("save") : t("create")}
        </button>
      </div>
      <div className="sm:col-span-3" aria-live="polite">
        <OutcomeNotice notice={state.notice} />
      </div>
    </form>
  );
}
