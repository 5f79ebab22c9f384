// Preview links: signed, short-lived tokens that let the public site show a draft to whoever holds the link.
export {
  PREVIEW_TOKEN_LIFETIME_MS,
  MAX_PREVIEW_TOKEN_LIFETIME_MS,
  MIN_PREVIEW_SECRET_LENGTH,
  signPreviewToken,
  verifyPreviewToken,
  type PreviewClaims,
} from "./preview-token.ts";
export {
  createPreviewToken,
  createPreviewTokenInput,
  requirePreviewAccess,
  revokePreviewLinks,
  revokePreviewLinksInput,
  type CreatePreviewTokenInput,
  type RevokePreviewLinksInput,
  type PreviewToken,
} from "./create-preview-token.ts";
export { loadPreviewArticle, type PreviewArticle } from "./load-preview-article.ts";
