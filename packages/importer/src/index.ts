// @minbar/importer: wire files in, articles in the database out; the CLI and the admin's upload share it.
export {
  importPaths,
  collectFiles,
  DEFAULT_CONCURRENCY,
  IMPORT_CONNECTIONS,
  type ImportSummary,
  type ImportPathsInput,
} from "./import-paths.ts";
export {
  importFile,
  hashBytes,
  fileKeyOf,
  dayToTimestamp,
  type ImportResult,
  type ImportOutcome,
  type ImportOptions,
  type WireFileInput,
} from "./import-file.ts";
export { findImportSection, UnknownSectionError } from "./import-section.ts";
export { changedArticleIds, REFUSAL_CODES, type RefusalCode } from "./import-result.ts";
export {
  importFiles,
  checkUploadLimits,
  UploadRefusedError,
  MAX_UPLOAD_FILES,
  MAX_UPLOAD_BYTES,
  MAX_FILE_NAME_LENGTH,
  type FileImportResult,
  type ImportFilesInput,
  type ImportFilesSummary,
  type UploadLimit,
} from "./import-files.ts";
