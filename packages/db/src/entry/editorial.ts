// @minbar/db/editorial: the newsroom's use cases — drafting, workflow, revisions, previews, the admin's lists.
export * from "../editorial/index.ts";
export * from "../queries/admin-articles.ts";
export * from "../warnings.ts";
export * from "../preview/index.ts";
export * from "../blocks.ts";
export { refreshSearchLexicon } from "../search/near-spellings.ts";
export * from "../media/upload-image.ts";
export * from "../media/media-library.ts";
export * from "../front-page/index.ts";
