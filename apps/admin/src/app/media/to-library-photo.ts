// The media library's record as the pages and the picker receive it (only the fields they show).
import type { MediaImageRecord } from "@minbar/db/editorial";
import type { LibraryPhoto } from "../../components/media/library-photo.ts";

export function toLibraryPhoto(image: MediaImageRecord): LibraryPhoto {
  return {
    id: image.id,
    fileName: image.fileName,
    width: image.width,
    height: image.height,
    renditionKey: image.renditionKey,
    renditionFailed: image.renditionError !== null,
    captionAr: image.captionAr,
    captionRu: image.captionRu,
    captionEn: image.captionEn,
    altAr: image.altAr,
    altRu: image.altRu,
    altEn: image.altEn,
    credit: image.photoCredit,
    source: image.source,
    version: image.version,
  };
}
