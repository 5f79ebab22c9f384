// A library photo as pages and client components receive it: plain, serializable fields only.
import type { LocalizedNames } from "@minbar/i18n";

export type LibraryPhoto = {
  id: number;
  fileName: string;
  /** The original's pixel size. */
  width: number;
  height: number;
  /** Where its renditions are (renditionPath(key, name)); null while they are being made. */
  renditionKey: string | null;
  /** The original could not be rendered: no thumbnail will come. */
  renditionFailed: boolean;
  captionAr: string | null;
  captionRu: string | null;
  captionEn: string | null;
  altAr: string | null;
  altRu: string | null;
  altEn: string | null;
  credit: ({ id: number } & LocalizedNames) | null;
  source: ({ id: number } & LocalizedNames) | null;
  /** For an edit's optimistic lock. */
  version: number;
};

type PhotoTexts = Pick<LibraryPhoto, "captionAr" | "captionRu" | "captionEn" | "altAr" | "altRu" | "altEn">;

/** A photo's caption or alt text in one interface language, or null when that language has none. */
export function photoTextIn(photo: Partial<PhotoTexts>, field: "caption" | "alt", locale: string): string | null {
  const key = `${field}${locale === "ru" ? "Ru" : locale === "en" ? "En" : "Ar"}` as const;
  return photo[key] ?? null;
}

/**
 * A photo's page in the admin. Not /media/<id>: the admin's server hands everything under /media/ to the
 * renditions handler (server/serve.ts, @minbar/media createRenditionHandler) before Next sees it.
 */
export const photoPagePath = (id: number): string => `/photos/${id}`;
