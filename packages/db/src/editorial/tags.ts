// Tags by name: found or created by their slug, then set as the article's whole tag list.
import { z } from "zod";
import { makeSlug } from "../slug.ts";
import type { Db } from "./load-localization.ts";

export const tagNamesInput = z.array(z.string().trim().min(1).max(100)).max(50);

/** Replaces the article's tags. New names become tags; concurrent creators of one name share the same row. */
export async function setArticleTags(db: Db, articleId: number, names: readonly string[]): Promise<void> {
  const bySlug = new Map<string, string>();
  for (const name of names) bySlug.set(makeSlug(name), name);
  const slugs = [...bySlug.keys()];
  if (slugs.length > 0) {
    // ON CONFLICT DO NOTHING: a tag another save created a moment ago is reused, not an error.
    await db.tag.createMany({ data: [...bySlug].map(([slug, nameAr]) => ({ slug, nameAr })), skipDuplicates: true });
  }
  const tags = await db.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  const ids = tags.map((tag) => tag.id);
  await db.articleTag.deleteMany({ where: { articleId, tagId: { notIn: ids } } });
  await db.articleTag.createMany({ data: ids.map((tagId) => ({ articleId, tagId })), skipDuplicates: true });
}

export async function tagNamesOf(db: Db, articleId: number): Promise<string[]> {
  const rows = await db.articleTag.findMany({
    where: { articleId },
    include: { tag: true },
    orderBy: { tag: { slug: "asc" } },
  });
  return rows.map((row) => row.tag.nameAr);
}
