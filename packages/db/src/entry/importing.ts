// @minbar/db/importing: what the wire importer writes with — slugs, match keys and the search document.
export * from "../slug.ts";
export * from "../search/normalize-arabic.ts";
export * from "../search/search-document.ts";
export { carryBlockIds, readBody, withBlockIds } from "../blocks.ts";
export {
  currentRevisionId,
  ensureOriginalBlockIds,
  markTranslationsOutdated,
  originalOf,
  originalTextChanged,
  pairWithOriginal,
} from "../editorial/translation-sync.ts";
export { refreshSearchLexicon } from "../search/near-spellings.ts";
