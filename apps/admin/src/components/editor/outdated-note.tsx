"use client";
// Says a translation is outdated (the original changed after it was made) and offers an editor "no translation
// needed"; or says who last acknowledged a change.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { isolate } from "@minbar/i18n";
import { acknowledgeAction } from "../../app/articles/translation-actions.ts";
import { useErrorText, type EditorError } from "./error-text.ts";

export function OutdatedNote({
  localizationId,
  articleId,
  locale,
  outdatedWhen,
  acknowledged,
  canAcknowledge,
}: {
  localizationId: number;
  articleId: number;
  locale: string;
  /** Formatted time of the mark, or null when the translation is in step. */
  outdatedWhen: string | null;
  acknowledged: { by: string | null; when: string } | null;
  canAcknowledge: boolean;
}) {
  const t = useTranslations("Translation");
  const router = useRouter();
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<EditorError | null>(null);
  if (!outdatedWhen) {
    return acknowledged ? (
      <p className="rounded bg-gray-100 p-2 text-sm" data-testid="translation-acknowledged">
        {t("acknowledged", { name: isolate(acknowledged.by ?? "—"), when: acknowledged.when })}
      </p>
    ) : null;
  }
  return (
    <div
      role="status"
      className="rounded border-2 border-amber-400 bg-amber-50 p-3 text-sm"
      data-testid="translation-outdated"
    >
      <p className="font-semibold text-amber-950">{t("outdated", { when: outdatedWhen })}</p>
      {canAcknowledge ? (
        <button
          type="button"
          disabled={pending}
          className="mt-2 rounded border border-amber-700 bg-white px-3 py-1 disabled:opacity-50"
          onClick={() =>
            startTransition(async () => {
              setError(null);
              const result = await acknowledgeAction({ localizationId, articleId, locale });
              if (!result.ok) setError(result.error);
              else router.refresh();
            })
          }
        >
          {t("acknowledge")}
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 font-semibold text-red-700">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
