// Looks up a whole batch of files at once: which bytes were imported before, and which file keys have an article.
import type { SqlClient } from "./sql-client.ts";

export type KnownFiles = {
  /** content hash → the article its earlier import produced (null when that article was deleted since). */
  articleByHash: Map<string, number | null>;
  /**
   * Files (key and language, see fileIdentity) that already belong to an article: a file with new bytes under such
   * a key, in that language, is an update.
   */
  keysWithArticle: Set<string>;
};

/** A file is known by its key and its text's language: a Russian text under an Arabic file's name is another file. */
export function fileIdentity(fileKey: string, locale: string): string {
  return `${locale}:${fileKey}`;
}

const FIND_KNOWN_FILES_SQL = `
SELECT 'hash' AS kind, content_hash AS value, article_id AS "articleId"
FROM wire_files WHERE content_hash = ANY($1::text[])
UNION ALL
SELECT DISTINCT 'key', locale || ':' || file_key, NULL::int
FROM wire_files WHERE file_key = ANY($2::text[]) AND article_id IS NOT NULL`;

/** A snapshot only: the write that follows still guards against a concurrent import (see create-article.ts). */
export async function findKnownFiles(
  sql: SqlClient,
  files: { contentHash: string; fileKey: string }[],
): Promise<KnownFiles> {
  const known: KnownFiles = { articleByHash: new Map(), keysWithArticle: new Set() };
  if (files.length === 0) return known;
  const hashes = [...new Set(files.map((file) => file.contentHash))];
  const keys = [...new Set(files.map((file) => file.fileKey))];
  const rows = await sql.query<{ kind: "hash" | "key"; value: string; articleId: number | null }>(
    FIND_KNOWN_FILES_SQL,
    [hashes, keys],
  );
  for (const row of rows) {
    if (row.kind === "hash") known.articleByHash.set(row.value, row.articleId);
    else known.keysWithArticle.add(row.value);
  }
  return known;
}
