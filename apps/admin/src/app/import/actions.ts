"use server";
// The import page's server actions: preview (a dry run with the real importer), import, and the title search for
// the article a translation is attached to. Thin on purpose: the importer's importFiles checks the permission
// (article.import, or for attaching a translation what translating needs) and the upload limits itself, and the
// search use case checks article.read, so a direct POST gets no further.
import { listArticlesForAdmin } from "@minbar/db/editorial";
import { ForbiddenError } from "@minbar/db/permissions";
import { changedArticleIds, importFiles, UnknownSectionError, UploadRefusedError } from "@minbar/importer";
import { getDb } from "../../db.ts";
import { findActor } from "../../lib/actor.ts";
import { revalidatePublicSite } from "../../lib/revalidate-public-site.ts";
import { fileViewOf, type ArticleMatch, type ImportView } from "./import-view.ts";

async function run(formData: FormData, dryRun: boolean): Promise<ImportView> {
  const actor = await findActor();
  const uploads = formData.getAll("files").filter((value): value is File => typeof value !== "string");
  try {
    const files = await Promise.all(
      uploads.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    // Attach to an article (its number as the form sends it), or import as new articles when the field is absent.
    const target = formData.get("translationOf");
    const translationOf = typeof target === "string" && /^[1-9]\d{0,8}$/.test(target) ? Number(target) : undefined;
    if (target !== null && translationOf === undefined) return { ok: false, error: "no_article" };
    // The section new articles are filed under (the page offers the active ones); absent, the default one.
    const section = formData.get("sectionId");
    const sectionId = typeof section === "string" && /^[1-9]\d{0,8}$/.test(section) ? Number(section) : undefined;
    const { results, counts } = await importFiles({
      prisma: getDb(),
      actor,
      files,
      dryRun,
      translationOf,
      ...(translationOf === undefined ? { sectionId } : {}),
    });
    // Articles the import created or changed (published ones appear at once) refresh the public site's pages, as
    // every other publish path does: one signal for all of them.
    const changed = dryRun ? [] : changedArticleIds(results);
    if (changed.length > 0) await revalidatePublicSite(changed);
    return { ok: true, dryRun, attached: translationOf !== undefined, files: results.map(fileViewOf), counts };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    if (error instanceof UploadRefusedError) return { ok: false, error: error.code };
    if (error instanceof UnknownSectionError) return { ok: false, error: "no_section" };
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

/** Articles whose title (in any language) contains `query`, each once, for choosing the one a translation joins. */
export async function findArticlesAction(query: string): Promise<ArticleMatch[]> {
  const q = String(query).trim().slice(0, 200);
  if (q === "") return [];
  try {
    const { rows } = await listArticlesForAdmin(getDb(), await findActor(), { q });
    const matches = new Map<number, ArticleMatch>();
    for (const row of rows) {
      const match = matches.get(row.articleId) ?? { articleId: row.articleId, titles: [] };
      if (row.title) match.titles.push({ locale: row.locale, title: row.title });
      matches.set(row.articleId, match);
    }
    return [...matches.values()].slice(0, 10);
  } catch (error) {
    if (error instanceof ForbiddenError) return [];
    throw error;
  }
}
