"use server";
// The photo picker the article editor opens (lead photo, photos in the body): a page of the media library, searched.
import { listMediaImages } from "@minbar/db/editorial";
import { getDb } from "../../db.ts";
import { asActor, type ActionResult } from "../../lib/action-result.ts";

/** A library photo as the editor needs it to show and insert it. */
export type PickablePhoto = {
  id: number;
  fileName: string;
  width: number;
  height: number;
  renditionKey: string | null;
  captionAr: string | null;
  captionRu: string | null;
  captionEn: string | null;
  altAr: string | null;
  altRu: string | null;
  altEn: string | null;
  credit: { nameAr: string; nameRu: string | null; nameEn: string | null } | null;
};

export type PhotoPage = { photos: PickablePhoto[]; page: number; pages: number };

export async function findPhotosAction(input: { query?: string; page?: number }): Promise<ActionResult<PhotoPage>> {
  return asActor(async (actor) => {
    const query = typeof input.query === "string" ? input.query : "";
    const page = Number.isInteger(input.page) ? input.page : 1;
    const found = await listMediaImages(getDb(), actor, { query, page });
    return {
      page: found.page,
      pages: found.pages,
      photos: found.images.map((image) => ({
        id: image.id,
        fileName: image.fileName,
        width: image.width,
        height: image.height,
        renditionKey: image.renditionKey,
        captionAr: image.captionAr,
        captionRu: image.captionRu,
        captionEn: image.captionEn,
        altAr: image.altAr,
        altRu: image.altRu,
        altEn: image.altEn,
        credit: image.photoCredit,
      })),
    };
  });
}
