// @minbar/importer: wire files in, articles in the database out; the CLI and the admin's upload share it.
export { importPaths, collectFiles, DEFAULT_CONCURRENCY, type ImportSummary, type ImportPathsInput } from "./import-paths.ts";
export { importFile, hashBytes, fileKeyOf, dayToTimestamp, type ImportResult, type ImportOutcome, type WireFileInput } from "./import-file.ts";
