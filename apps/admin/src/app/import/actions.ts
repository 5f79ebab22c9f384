"use server";
// The import page's server actions: preview (a dry run with the real importer) and import. Thin on purpose: the
// importer's importFiles checks article.import and the upload limits itself, so a direct POST gets no further.
import { ForbiddenError } from "@minbar/db/permissions";
import { changedArticleIds, importFiles, UploadRefusedError } from "@minbar/importer";
import { getDb } from "../../db.ts";
import { findActor } from "../../lib/actor.ts";
import { revalidatePublicSite } from "../../lib/revalidate-public-site.ts";
import { fileViewOf, type ImportView } from "./import-view.ts";

async function run(formData: FormData, dryRun: boolean): Promise<ImportView> {
  const actor = await findActor();
  const uploads = formData.getAll("files").filter((value): value is File => typeof value !== "string");
  try {
    const files = await Promise.all(
      uploads.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const { results, counts } = await importFiles({ prisma: getDb(), actor, files, dryRun });
    // Articles the import created or changed (published ones appear at once) refresh the public site's pages, as
    // every other publish path does: one signal for all of them.
    const changed = dryRun ? [] : changedArticleIds(results);
    if (changed.length > 0) await revalidatePublicSite(changed);
    return { ok: true, dryRun, files: results.map(fileViewOf), counts };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    if (error instanceof UploadRefusedError) return { ok: false, error: error.code };
    throw error;
  }
}

/** Parses every file and says what importing it would do; writes nothing. */
export async function previewImportAction(formData: FormData): Promise<ImportView> {
  return run(formData, true);
}

/** Imports every file, each on its own: one that fails stops none of the others. */
export async function importFilesAction(formData: FormData): Promise<ImportView> {
  return run(formData, false);
}
