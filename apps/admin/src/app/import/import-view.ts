// What the import page shows for an upload: plain, serializable data made from the importer's results.
import type { FileImportResult, ImportOutcome, UploadLimit } from "@minbar/importer";
import type { ErrorCode, ParsedArticle, ParseWarning } from "@minbar/parser";

export type FileView = {
  name: string;
  outcome: ImportOutcome;
  articleId: number | null;
  warnings: ParseWarning[];
  /** What the parser made of the file; null when it could not be parsed. */
  article: ParsedArticle | null;
  /** Why the file failed: the parser's code, or "database" when writing it failed. */
  error: { code: ErrorCode | "database"; detail: string } | null;
};

export type ImportView =
  | { ok: true; dryRun: boolean; files: FileView[]; counts: Record<ImportOutcome, number> }
  | { ok: false; error: UploadLimit | "forbidden" };

export function fileViewOf(result: FileImportResult): FileView {
  const { parsed } = result;
  const error =
    result.outcome !== "failed"
      ? null
      : parsed.ok
        ? { code: "database" as const, detail: result.detail ?? "" }
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
