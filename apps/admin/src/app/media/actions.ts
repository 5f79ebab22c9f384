"use server";
// The media library's actions: a page of the library (for the article editor's photo picker too), saving what is
// said about a photo, deleting one. Each re-checks the permission through its use case (article.read, media.edit,
// media.delete); a call without the button is refused the same way.
import { z } from "zod";
import {
  articlesShowingImage,
  deleteMediaImage,
  EditorialNotFoundError,
  listMediaImages,
  MediaInUseError,
  StaleVersionError,
  updateMediaImage,
  type MediaUse,
} from "@minbar/db/editorial";
import { getDb } from "../../db.ts";
import { asActor, type ActionResult } from "../../lib/action-result.ts";
import { getMediaStorage } from "../../lib/media-storage.ts";
import { queueRenditions } from "../../lib/jobs.ts";
import { revalidatePublicSite } from "../../lib/revalidate-public-site.ts";
import type { LibraryPhoto } from "../../components/media/library-photo.ts";
import { toLibraryPhoto } from "./to-library-photo.ts";

export type LibraryPage = { photos: LibraryPhoto[]; total: number; page: number; pages: number };

const listInput = z.object({
  query: z.string().max(200).catch(""),
  creditId: z.number().int().positive().nullable().catch(null),
  unused: z.boolean().catch(false),
  page: z.number().int().positive().catch(1),
});

/** A page of the library (24 photos, newest first), searched in captions, alt texts and credits of any language. */
export async function listLibraryAction(input: {
  query?: string;
  creditId?: number | null;
  unused?: boolean;
  page?: number;
}): Promise<ActionResult<LibraryPage>> {
  const filter = listInput.parse({ query: "", creditId: null, unused: false, page: 1, ...input });
  return asActor(async (actor) => {
    const found = await listMediaImages(getDb(), actor, {
      query: filter.query,
      ...(filter.creditId ? { creditId: filter.creditId } : {}),
      unused: filter.unused,
      page: filter.page,
    });
    return { photos: found.images.map(toLibraryPhoto), total: found.total, page: found.page, pages: found.pages };
  });
}

export type PhotoChanges = {
  id: number;
  version: number;
  captionAr: string;
  captionRu: string;
  captionEn: string;
  altAr: string;
  altRu: string;
  altEn: string;
  photoCreditId: number | null;
  sourceId: number | null;
  focalX: number;
  focalY: number;
};

export type SavePhotoResult =
  | { status: "saved"; photo: LibraryPhoto; focalX: number; focalY: number; renditionsNeeded: boolean }
  /** Someone saved meanwhile: nothing was written; `version` is the stored one, to save over it knowingly. */
  | { status: "stale"; version: number };

/** Saves captions, alt texts, credit, agency and focal point (media.edit); a moved focal point queues new crops. */
export async function savePhotoAction(changes: PhotoChanges): Promise<ActionResult<SavePhotoResult>> {
  const { id, ...fields } = changes;
  return asActor(async (actor): Promise<SavePhotoResult> => {
    if (!Number.isInteger(id) || id <= 0) throw new EditorialNotFoundError("media_image", id);
    try {
      const { image, renditionsNeeded } = await updateMediaImage(getDb(), actor, id, fields);
      if (renditionsNeeded) await queueRenditions(id);
      // Captions, alt texts and credits show on the pages of the articles using the photo.
      else await revalidatePublicSite(await articlesShowingImage(getDb(), id));
      return {
        status: "saved",
        photo: toLibraryPhoto(image),
        focalX: image.focalX,
        focalY: image.focalY,
        renditionsNeeded,
      };
    } catch (error) {
      if (!(error instanceof StaleVersionError) || error.currentVersion === null) throw error;
      return { status: "stale", version: error.currentVersion };
    }
  });
}

export type DeletePhotoResult = { deleted: true } | { deleted: false; uses: MediaUse[] };

/** Deletes a photo no article uses (media.delete); otherwise says which articles use it. */
export async function deletePhotoAction(id: number): Promise<ActionResult<DeletePhotoResult>> {
  return asActor(async (actor): Promise<DeletePhotoResult> => {
    if (!Number.isInteger(id) || id <= 0) throw new EditorialNotFoundError("media_image", id);
    try {
      await deleteMediaImage(getDb(), getMediaStorage(), actor, id);
      return { deleted: true };
    } catch (error) {
      if (error instanceof MediaInUseError) return { deleted: false, uses: [...error.uses] };
      throw error;
    }
  });
}
