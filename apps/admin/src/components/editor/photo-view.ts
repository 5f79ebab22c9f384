// Where the editor shows a library photo from; a plain function, for server pages and client components alike.
import { renditionPath } from "@minbar/media/urls";

/** A mid-size rendition, or null while its renditions are being made. */
export const photoPreview = (photo: { renditionKey: string | null; width: number }): string | null =>
  photo.renditionKey ? renditionPath(photo.renditionKey, `w${Math.min(640, photo.width)}.webp`) : null;
