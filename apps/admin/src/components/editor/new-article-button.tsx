"use client";
// Starts an empty Arabic draft and opens it in the editor (the server action redirects there).
import { useState, useTransition } from "react";
import { createArticleAction } from "../../app/articles/actions.ts";
import { useErrorText, type EditorError } from "./error-text.ts";

export function NewArticleButton({ label }: { label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<EditorError | null>(null);
  const errorText = useErrorText();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await createArticleAction();
            if (!result.ok) setError(result.error);
          })
        }
        className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        {label}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  );
}
