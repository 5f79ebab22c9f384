// @minbar/db/public: what the public site reads — published articles, listings, search and signed previews.
// Nothing here hashes passwords or writes editorial changes.
export * from "../queries/public-articles.ts";
export * from "../queries/article-listings.ts";
export * from "../queries/search-articles.ts";
export { isSafeLinkHref, type ArticleBlock, type InlineLink } from "../blocks.ts";
export { loadPreviewArticle, type PreviewArticle } from "../preview/load-preview-article.ts";
export { verifyPreviewToken, type PreviewClaims } from "../preview/preview-token.ts";
export {
  findNearSpellings,
  normalizeLexiconWord,
  type NearSpelling,
  type WordNearSpellings,
} from "../search/near-spellings.ts";
export {
  getPublicFrontPage,
  type PublicFrontPage,
  type PublicFrontPageSection,
} from "../front-page/public-front-page.ts";
export { getActiveBreakingBanner, type PublicBreakingBanner } from "../front-page/public-breaking.ts";
