// A library photo's square thumbnail (its square.webp rendition), or a box of the same shape saying the photo is
// being prepared while its renditions are made (or that it cannot be shown, if they failed).
// No "use client": server pages and client components alike can render it.
import { useLocale, useTranslations } from "next-intl";
import { renditionPath } from "@minbar/media/urls";
import { photoTextIn, type LibraryPhoto } from "./library-photo.ts";

export type MediaThumbProps = {
  photo: Pick<LibraryPhoto, "fileName" | "renditionKey" | "renditionFailed" | "altAr" | "altRu" | "altEn">;
  /** Rendered size in CSS pixels (the square rendition is 480 px, enough for 2× screens up to 240). */
  size?: number;
  className?: string;
};

export function MediaThumb({ photo, size = 240, className = "" }: MediaThumbProps) {
  const t = useTranslations("Media.thumb");
  const locale = useLocale();
  const alt = photoTextIn(photo, "alt", locale) ?? photo.fileName;
  if (!photo.renditionKey) {
    return (
      <span
        role="img"
        aria-label={
          photo.renditionFailed ? t("failed", { file: photo.fileName }) : t("preparing", { file: photo.fileName })
        }
        data-testid="media-thumb-placeholder"
        className={`flex aspect-square w-full items-center justify-center rounded bg-gray-100 p-2 text-center text-xs text-gray-600 ${className}`}
      >
        {photo.renditionFailed ? t("failedShort") : t("preparingShort")}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the library's own square rendition, already sized
    <img
      src={renditionPath(photo.renditionKey, "square.webp")}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className={`aspect-square w-full rounded bg-gray-100 object-cover ${className}`}
    />
  );
}
