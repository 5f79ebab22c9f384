// `@minbar/db/backup`: backing up and restoring a database and its media store (docs/decisions/0035-backups.md).
export { createBackup, formatBytes, type BackupOptions, type BackupSummary } from "./backup.ts";
export { BackupError } from "./format.ts";
export { restoreBackup, type RestoreOptions, type RestoreSummary } from "./restore.ts";
