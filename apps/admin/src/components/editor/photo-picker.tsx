"use client";
// Choosing a photo from the media library without leaving the article: a modal dialog with the library's search and
// its newest photos first, and the library's uploader for a photo not in it yet (it appears first once stored). The
// same dialog serves the lead photo (attribution) and photos in the body (toolbar).
import { useEffect, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { renditionPath } from "@minbar/media/urls";
import { listLibraryAction, type LibraryPage } from "../../app/media/actions.ts";
import { photoTextIn, type LibraryPhoto } from "../media/library-photo.ts";
import { useErrorText } from "./error-text.ts";
import { MediaUploader } from "../media/media-uploader.tsx";

type Props = {
  open: boolean;
  onClose: () => void;
  onPick: (photo: LibraryPhoto) => void;
  /** Shows the uploader (media.upload); the server decides again. */
  canUpload?: boolean;
};

export function PhotoPicker({ open, onClose, onPick, canUpload = false }: Props) {
  const t = useTranslations("Editor.picker");
  const locale = useLocale();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<LibraryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const load = (page: number, search = query) =>
    startTransition(async () => {
      const found = await listLibraryAction({ query: search, page });
      if (!found.ok) return setError(errorText(found.error));
      setError(null);
      setResult(found.value);
    });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      load(1);
    } else if (!open && element.open) element.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loading follows opening only
  }, [open]);

  const button = "rounded border border-gray-300 bg-white px-3 py-1 text-sm disabled:opacity-50";
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="photo-picker-title"
      className="m-auto w-[min(56rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-black/40"
    >
      <div className="space-y-3 p-4">
        <div className="flex items-center justify-between gap-3">
          <h2 id="photo-picker-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <button type="button" className={button} onClick={() => dialog.current?.close()}>
            {t("close")}
          </button>
        </div>
        <form
          role="search"
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            load(1);
          }}
        >
          <input
            type="search"
            aria-label={t("search")}
            placeholder={t("search")}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className="min-w-0 flex-1 rounded border border-gray-300 px-2 py-1"
          />
          <button type="submit" className={button} disabled={pending}>
            {t("searchButton")}
          </button>
        </form>
        {canUpload ? (
          <details className="rounded border border-gray-200 p-2">
            <summary className="cursor-pointer text-sm font-semibold">{t("upload")}</summary>
            <MediaUploader
              onBatchDone={() => {
                setQuery("");
                load(1, "");
              }}
            />
          </details>
        ) : null}
        {error ? (
          <p role="alert" className="font-semibold text-red-700">
            {error}
          </p>
        ) : null}
        {result && result.photos.length === 0 ? <p className="text-gray-600">{t("empty")}</p> : null}
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-busy={pending}>
          {result?.photos.map((photo) => {
            const caption = photoTextIn(photo, "caption", locale);
            return (
              <li key={photo.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(photo);
                    dialog.current?.close();
                  }}
                  aria-label={`${t("choose")}: ${caption ?? photo.fileName}`}
                  className="block w-full rounded border border-gray-200 p-1 text-start hover:border-brand focus-visible:outline-2 focus-visible:outline-brand"
                >
                  {photo.renditionKey ? (
                    // eslint-disable-next-line @next/next/no-img-element -- the library's own square rendition
                    <img
                      src={renditionPath(photo.renditionKey, "square.webp")}
                      alt=""
                      width={240}
                      height={240}
                      className="aspect-square w-full rounded object-cover"
                    />
                  ) : (
                    <span className="flex aspect-square w-full items-center justify-center rounded bg-gray-100 text-xs text-gray-600">
                      {photo.fileName}
                    </span>
                  )}
                  <span className="mt-1 line-clamp-2 block text-xs text-gray-700">{caption ?? photo.fileName}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {result && result.pages > 1 ? (
          <div className="flex items-center justify-between text-sm">
            <button
              type="button"
              className={button}
              disabled={pending || result.page <= 1}
              onClick={() => load(result.page - 1)}
            >
              {t("previous")}
            </button>
            <span>{t("page", { page: result.page, pages: result.pages })}</span>
            <button
              type="button"
              className={button}
              disabled={pending || result.page >= result.pages}
              onClick={() => load(result.page + 1)}
            >
              {t("next")}
            </button>
          </div>
        ) : null}
      </div>
    </dialog>
  );
}
