"use client";
// A grid of library photos: thumbnail, caption in the interface language, credit and pixel size. Each cell is a
// link (hrefFor) or a button (onSelect), so the library page and the article's photo picker share it.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger } from "@minbar/i18n";
import { LocalizedName } from "../localized-name.tsx";
import { MediaThumb } from "./media-thumb.tsx";
import { photoTextIn, type LibraryPhoto } from "./library-photo.ts";

export type MediaGridProps = {
  photos: readonly LibraryPhoto[];
  /** Each cell links here (the library: the photo's page). */
  hrefFor?: (photo: LibraryPhoto) => string;
  /** Each cell is a button calling this (a picker); used when hrefFor is not given. */
  onSelect?: (photo: LibraryPhoto) => void;
  /** The photo shown as chosen (aria-pressed on buttons). */
  selectedId?: number | null;
  /** Accessible name of the list. */
  label: string;
};

export function MediaGrid({ photos, hrefFor, onSelect, selectedId = null, label }: MediaGridProps) {
  const t = useTranslations("Media.grid");
  const locale = useLocale();
  const cellClass =
    "block h-full w-full rounded-lg border border-gray-200 bg-white p-2 text-start hover:border-brand focus-visible:outline-2 focus-visible:outline-brand aria-pressed:border-brand aria-pressed:ring-2 aria-pressed:ring-brand";
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {photos.map((photo) => {
        const caption = photoTextIn(photo, "caption", locale);
        const size = t("size", {
          width: formatInteger(photo.width, locale),
          height: formatInteger(photo.height, locale),
        });
        const body = (
          <>
            <MediaThumb photo={photo} />
            <span className="mt-2 line-clamp-2 block text-sm" data-testid="media-caption">
              {caption ?? <span className="text-gray-500">{photo.fileName}</span>}
            </span>
            <span className="mt-1 block text-xs text-gray-600">
              {photo.credit ? (
                <>
                  {t("credit")} <LocalizedName names={photo.credit} />
                  {" · "}
                </>
              ) : null}
              <bdi dir="ltr">{size}</bdi>
            </span>
          </>
        );
        return (
          <li key={photo.id} data-testid="media-cell" data-photo-id={photo.id}>
            {hrefFor ? (
              <Link href={hrefFor(photo)} className={cellClass}>
                {body}
              </Link>
            ) : (
              <button
                type="button"
                className={cellClass}
                onClick={() => onSelect?.(photo)}
                aria-pressed={selectedId === photo.id}
              >
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
