"use client";
// Assigns a translation to a translator; the server re-checks who may assign and that the assignee translates.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { assignAction } from "../articles/translation-actions.ts";
import { useErrorText, type EditorError } from "../../components/editor/error-text.ts";

export function AssignForm({
  localizationId,
  assigneeId,
  translators,
}: {
  localizationId: number;
  assigneeId: number | null;
  translators: { id: number; name: string }[];
}) {
  const t = useTranslations("Translation");
  const errorText = useErrorText();
  const [value, setValue] = useState(assigneeId === null ? "" : String(assigneeId));
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: EditorError | null } | null>(null);
  return (
    <form
      className="flex flex-wrap items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await assignAction({ localizationId, assigneeId: value ? Number(value) : null });
          setMessage({ error: result.ok ? null : result.error });
        });
      }}
    >
      <select
        aria-label={t("assignee")}
        className="rounded border border-gray-300 bg-white px-1 py-0.5"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      >
        <option value="">{t("unassigned")}</option>
        {translators.map((translator) => (
          <option key={translator.id} value={translator.id}>
            {translator.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-gray-400 px-2 py-0.5 disabled:opacity-50"
      >
        {t("assign")}
      </button>
      {message ? (
        <span role={message.error ? "alert" : "status"} className={message.error ? "text-red-700" : "text-emerald-800"}>
          {message.error ? errorText(message.error) : t("assigned")}
        </span>
      ) : null}
    </form>
  );
}
