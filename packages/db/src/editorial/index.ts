// The admin's editorial domain: one use case per module, each re-checking who may do it.
export * from "./errors.ts";
export { isTranslation, ownsArticle, type AccessTarget } from "./access.ts";
export * from "./workflow.ts";
export type { LocalizationSnapshot, PendingChanges } from "./load-localization.ts";
export type { SaveResult } from "./commit-edit.ts";
export { openBlockingCodes } from "./warning-rules.ts";
export * from "./create-article.ts";
export * from "./save-localization.ts";
export * from "./move-article.ts";
export * from "./restore-revision.ts";
export * from "./list-revisions.ts";
export * from "./diff-revisions.ts";
export * from "./add-review-comment.ts";
export * from "./list-workflow-history.ts";
export * from "./publish-due-scheduled.ts";
export * from "./pending-changes.ts";
export * from "./due-changes.ts";
export * from "./mark-editing.ts";
export {
  listEditors,
  listEditorsInput,
  PRESENCE_TTL_MS,
  type ActiveEditor,
  type ListEditorsInput,
} from "./list-editors.ts";
export * from "./open-article.ts";
export * from "./save-attribution.ts";
export * from "./start-translation.ts";
export * from "./names.ts";
export * from "./translation-view.ts";
export * from "./translation-queues.ts";
export * from "./sections.ts";
