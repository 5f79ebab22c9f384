// Imports wire files handed over as bytes (the admin's upload) through the same path as the CLI, for an actor who
// may import: one file after another, each in its own transaction, each audited with who asked.
import { findImportSection } from "./import-section.ts";
import { can, requirePermission, type Actor } from "@minbar/db/permissions";
import type { PrismaClient } from "@minbar/db/client";
import type { ParseResult } from "@minbar/parser";
import { importPreparedFile, prepareFile } from "./import-file.ts";
import {
  describeError,
  summarize,
  type ImportOutcome,
  type ImportResult,
  type WireFileInput,
} from "./import-result.ts";

/** At most this many files per upload. */
export const MAX_UPLOAD_FILES = 20;
/** At most this many bytes per upload, all files together: under the 1 MB body limit of a Next.js server action. */
export const MAX_UPLOAD_BYTES = 900 * 1024;
/** The longest file name kept; longer names are refused rather than cut (the name is how an update is recognised). */
export const MAX_FILE_NAME_LENGTH = 255;

export type UploadLimit = "no_files" | "too_many_files" | "too_many_bytes" | "bad_file_name";

/** The upload as a whole is refused (nothing was parsed or written); each code has its own message in the admin. */
export class UploadRefusedError extends Error {
  constructor(readonly code: UploadLimit) {
    super(`Upload refused: ${code}`);
    this.name = "UploadRefusedError";
  }
}

/** One file's result, with what the parser made of it so a preview can show the article. */
export type FileImportResult = ImportResult & { parsed: ParseResult };

export type ImportFilesInput = {
  prisma: PrismaClient;
  actor: Actor | null;
  files: WireFileInput[];
  /** Say what would happen (created / unchanged / updated / failed) and write nothing. */
  dryRun?: boolean;
  /**
   * Attach each text to this article as its edition in the text's language. Translation work, so it needs what
   * starting a translation needs (article.translate, or article.edit_any) rather than article.import.
   */
  translationOf?: number;
  /** The section new articles are filed under (an active one, else UnknownSectionError); left out, the default. */
  sectionId?: number;
};

export type ImportFilesSummary = { results: FileImportResult[]; counts: Record<ImportOutcome, number> };

export function checkUploadLimits(files: readonly { name: string; bytes: { byteLength: number } }[]): void {
  if (files.length === 0) throw new UploadRefusedError("no_files");
  if (files.length > MAX_UPLOAD_FILES) throw new UploadRefusedError("too_many_files");
  if (files.some((file) => file.name.trim() === "" || file.name.length > MAX_FILE_NAME_LENGTH))
    throw new UploadRefusedError("bad_file_name");
  if (files.reduce((sum, file) => sum + file.bytes.byteLength, 0) > MAX_UPLOAD_BYTES)
    throw new UploadRefusedError("too_many_bytes");
}

export async function importFiles({
  prisma,
  actor,
  files,
  dryRun = false,
  translationOf,
  sectionId,
}: ImportFilesInput): Promise<ImportFilesSummary> {
  const user =
    translationOf === undefined
      ? requirePermission(actor, "article.import")
      : requirePermission(actor, can(actor, "article.edit_any") ? "article.edit_any" : "article.translate");
  checkUploadLimits(files);
  const section = sectionId === undefined ? undefined : await findImportSection(prisma, sectionId);
  const results: FileImportResult[] = [];
  // One after another, in the order given: two files with the same name are then an article and its update.
  for (const file of files) {
    const prepared = prepareFile(file);
    const options = {
      dryRun,
      actorId: user.userId,
      mayPublish: can(user, "article.publish"),
      translationOf,
      sectionId: section,
    };
    const result = await importPreparedFile(prisma, prepared, options).catch((error: unknown): ImportResult => ({
      file: file.name,
      outcome: "failed",
      articleId: null,
      detail: `database: ${describeError(error)}`,
      warnings: prepared.parsed.warnings,
    }));
    results.push({ ...result, parsed: prepared.parsed });
  }
  return { results, counts: await summarize(prisma, results, dryRun) };
}
