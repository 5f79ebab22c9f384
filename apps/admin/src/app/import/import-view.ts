// What the import page shows for an upload: plain, serializable data made from the importer's results.
import type { FileImportResult, ImportOutcome, RefusalCode, UploadLimit } from "@minbar/importer";
import type { Locale } from "@minbar/i18n";
import type { ErrorCode, ParsedArticle, ParseWarning } from "@minbar/parser";

export type FileView = {
  name: string;
  outcome: ImportOutcome;
  articleId: number | null;
  warnings: ParseWarning[];
  /** What the parser made of the file; null when it could not be parsed. */
  article: ParsedArticle | null;
  /** Why the file failed: the parser's code, the rule that refused attaching it, or "database" when writing failed. */
  error: { code: ErrorCode | RefusalCode | "database"; detail: string } | null;
};

/** An article found by the title search, with its titles in the languages it has. */
export type ArticleMatch = { articleId: number; titles: { locale: Locale; title: string }[] };

export type ImportView =
  | {
      ok: true;
      dryRun: boolean;
      /** The texts were attached to an article as its translation: "created" is then a new edition. */
      attached: boolean;
      files: FileView[];
      counts: Record<ImportOutcome, number>;
    }
  | { ok: false; error: UploadLimit | "forbidden" | "no_article" | "no_section" };

export function fileViewOf(result: FileImportResult): FileView {
  const { parsed } = result;
  const error =
    result.outcome !== "failed"
      ? null
      : parsed.ok
        ? { code: result.refusal ?? ("database" as const), detail: result.detail ?? "" }
        : { code: parsed.error.code, detail: parsed.error.message };
  return {
    name: result.file,
    outcome: result.outcome,
    articleId: result.articleId,
    warnings: result.warnings,
    article: parsed.ok ? parsed.article : null,
    error,
  };
}
