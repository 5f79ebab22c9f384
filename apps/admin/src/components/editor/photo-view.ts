// How the editor names and shows a library photo; plain functions, for server pages and client components alike.
import { renditionPath } from "@minbar/media/urls";

type PhotoTexts = {
  captionAr: string | null;
  captionRu: string | null;
  captionEn: string | null;
  altAr: string | null;
  altRu: string | null;
  altEn: string | null;
};

/** A photo's text in one language (ar/ru/en fields), or null. */
export function photoText(photo: PhotoTexts, field: "caption" | "alt", locale: string): string | null {
  const key = `${field}${locale === "ru" ? "Ru" : locale === "en" ? "En" : "Ar"}` as const;
  return photo[key];
}

/** Where the editor shows a photo from: a mid-size rendition, or null while its renditions are being made. */
export const photoPreview = (photo: { renditionKey: string | null; width: number }): string | null =>
  photo.renditionKey ? renditionPath(photo.renditionKey, `w${Math.min(640, photo.width)}.webp`) : null;
