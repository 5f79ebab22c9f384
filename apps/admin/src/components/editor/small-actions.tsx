"use client";
// Small editor actions with their own pending state and refusal message: start a translation, add a review comment.
// (Restoring a revision and preview links live in revisions-panel.tsx and preview-box.tsx.)
import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Locale } from "@minbar/i18n";
import { addCommentAction, startTranslationAction } from "../../app/articles/actions.ts";
import { useErrorText, type EditorError } from "./error-text.ts";

function useAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<EditorError | null>(null);
  const errorText = useErrorText();
  const run = (action: () => Promise<EditorError | null>) =>
    startTransition(async () => {
      setError(null);
      setError(await action());
    });
  const message: ReactNode = error ? (
    <span role="alert" className="block text-sm font-semibold text-red-700">
      {errorText(error)}
    </span>
  ) : null;
  return { pending, run, message };
}

export function StartTranslationButton({
  articleId,
  locale,
  label,
}: {
  articleId: number;
  locale: Locale;
  label: string;
}) {
  const { pending, run, message } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await startTranslationAction({ articleId, locale });
            return result.ok ? null : result.error;
          })
        }
        className="rounded border border-dashed border-gray-400 px-3 py-1 disabled:opacity-50"
      >
        {label}
      </button>
      {message}
    </>
  );
}

export function CommentForm({ articleId, localizationId }: { articleId: number; localizationId: number }) {
  const t = useTranslations("Editor.comments");
  const router = useRouter();
  const [body, setBody] = useState("");
  const { pending, run, message } = useAction();
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(async () => {
          const result = await addCommentAction({ articleId, localizationId, body });
          if (!result.ok) return result.error;
          setBody("");
          router.refresh();
          return null;
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-semibold">{t("label")}</span>
        <textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={3}
          maxLength={5000}
          required
          dir="auto"
          className="w-full rounded border border-gray-300 px-2 py-1"
        />
      </label>
      <button
        type="submit"
        disabled={pending || !body.trim()}
        className="rounded bg-brand px-3 py-1 text-sm font-semibold text-white disabled:opacity-50"
      >
        {t("submit")}
      </button>
      {message}
    </form>
  );
}
