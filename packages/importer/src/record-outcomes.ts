// Writes import_records rows (one per file per run) for outcomes that touch nothing else: unchanged and failed.
import type { ParseWarning } from "@minbar/parser";
import type { ImportOutcome } from "./import-result.ts";
import type { SqlClient } from "./sql-client.ts";

export type OutcomeRecord = {
  contentHash: string;
  fileName: string;
  outcome: ImportOutcome;
  articleId?: number | null;
  warnings?: ParseWarning[];
  error?: string;
};

// The rows travel as one JSON parameter: one round trip for a whole batch, and no SQL built from values.
const RECORD_OUTCOMES_SQL = `
INSERT INTO import_records (content_hash, file_name, outcome, article_id, warnings, error)
SELECT r.content_hash, r.file_name, r.outcome::"ImportOutcome", r.article_id, coalesce(r.warnings, '[]'::jsonb), r.error
FROM jsonb_to_recordset($1::jsonb)
  AS r(content_hash text, file_name text, outcome text, article_id int, warnings jsonb, error text)`;

export async function recordOutcomes(sql: SqlClient, records: OutcomeRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((record) => ({
    content_hash: record.contentHash,
    file_name: record.fileName,
    outcome: record.outcome,
    article_id: record.articleId ?? null,
    warnings: record.warnings ?? [],
    error: record.error ?? null,
  }));
  await sql.query(RECORD_OUTCOMES_SQL, [JSON.stringify(rows)]);
}
