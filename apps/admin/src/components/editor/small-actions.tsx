"use client";
// Small editor actions with their own pending state and refusal message: start a translation, restore a
// revision, add a review comment, get a preview link.
import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { addCommentAction, restoreRevisionAction, startTranslationAction } from "../../app/articles/actions.ts";
import { createPreviewLinkAction, type PreviewLinkResult } from "../../lib/preview-link-actions.ts";
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
  locale: "ru" | "en";
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

export function RestoreButton(props: {
  articleId: number;
  localizationId: number;
  revisionId: number;
  expectedVersion: number;
}) {
  const t = useTranslations("Editor.revisions");
  const { pending, run, message } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await restoreRevisionAction(props);
            if (!result.ok) return result.error;
            if (result.value.status === "conflict") return { code: "stale" };
            if (result.value.status === "slug_taken") return { code: "slug_taken" };
            // The editor holds the old text: a reload shows the restored one.
            window.location.reload();
            return null;
          })
        }
        className="mt-1 rounded border border-gray-300 px-2 py-0.5 text-xs hover:bg-gray-50 disabled:opacity-50"
      >
        {t("restore")}
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

/** A fresh signed preview link (valid 30 minutes), shown as a link that opens the public site's rendering. */
export function PreviewLink({ articleId, locale }: { articleId: number; locale: "ar" | "ru" | "en" }) {
  const t = useTranslations("Editor.preview");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<PreviewLinkResult | null>(null);
  return (
    <section aria-labelledby="preview-title" className="rounded border border-gray-200 bg-white p-3 text-sm">
      <h2 id="preview-title" className="mb-1 font-semibold">
        {t("title")}
      </h2>
      <p className="mb-2 text-gray-600">{t("explain")}</p>
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await createPreviewLinkAction({ articleId, locale })))}
        className="rounded border border-gray-400 px-3 py-1 disabled:opacity-50"
      >
        {t("create")}
      </button>
      {result?.ok ? (
        <a href={result.url} target="_blank" rel="noreferrer" className="mt-2 block font-semibold text-brand underline">
          {t("open")}
        </a>
      ) : result ? (
        <p role="alert" className="mt-2 font-semibold text-red-700">
          {t(`errors.${result.error}`)}
        </p>
      ) : null}
    </section>
  );
}
