"use client";
// One record's Russian and English names (and an agency's link) as a small form: saved on its own, with the notice
// and the stored values coming back from the server action.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { NamedKind } from "@minbar/db/editorial";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { saveNamesAction, type NameFormState } from "./actions.ts";

type Props = {
  kind: NamedKind;
  id: number;
  version: number;
  nameRu: string | null;
  nameEn: string | null;
  url: string | null;
  /** The Arabic name, for the fields' accessible names. */
  nameAr: string;
  /** Whether this user may change an agency's link (attribution.manage); the server checks it again. */
  canEditUrl: boolean;
};

const inputClass = "w-full rounded border border-gray-300 px-2 py-1";

export function NameForm({ kind, id, version, nameRu, nameEn, url, nameAr, canEditUrl }: Props) {
  const t = useTranslations("NamesDesk");
  const initial: NameFormState = {
    notice: null,
    values: { nameRu: nameRu ?? "", nameEn: nameEn ?? "", url: url ?? "" },
    version,
    attempt: 0,
  };
  const [state, action, pending] = useActionState(saveNamesAction, initial);
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label={nameAr}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {/* The key resets the fields to what the server returned after each attempt (stored values on a conflict). */}
      {(["ru", "en"] as const).map((language) => {
        const field = language === "ru" ? "nameRu" : "nameEn";
        return (
          <label className="block text-xs text-gray-600" key={`${language}-${state.attempt}`}>
            {t(`fields.${field}`)}
            <input
              name={field}
              lang={language}
              dir="ltr"
              defaultValue={state.values[field]}
              maxLength={200}
              className={inputClass}
              aria-label={t("fieldFor", { field: t(`fields.${field}`), name: nameAr })}
            />
          </label>
        );
      })}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand px-3 py-1 font-semibold text-white disabled:opacity-60"
        aria-label={t("saveFor", { name: nameAr })}
      >
        {pending ? t("saving") : t("save")}
      </button>
      {kind === "source" ? (
        <label className="block text-xs text-gray-600 sm:col-span-2" key={`url-${state.attempt}`}>
          {t("fields.url")}
          <input
            name="url"
            type="url"
            dir="ltr"
            defaultValue={state.values.url}
            readOnly={!canEditUrl}
            maxLength={2048}
            className={`${inputClass} read-only:bg-gray-50`}
            aria-label={t("fieldFor", { field: t("fields.url"), name: nameAr })}
          />
        </label>
      ) : null}
      <div className="sm:col-span-3" aria-live="polite">
        <OutcomeNotice notice={state.notice} />
      </div>
    </form>
  );
}
