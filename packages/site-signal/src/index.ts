// @minbar/site-signal: the public site's revalidation signal (POST /api/revalidate), its request body and the client
// that sends it; `@minbar/site-signal/local` finds the site a local `npm start` serves.
export {
  signalPublicSite,
  signalSectionsChanged,
  signalFrontPages,
  DEFAULT_TIMEOUT_MS,
  type SiteTarget,
  type SignalInput,
  type SignalResult,
} from "./signal-public-site.ts";
export {
  revalidationRequestSchema,
  articleIdsOf,
  MAX_ARTICLE_IDS_PER_REQUEST,
  REVALIDATION_REQUEST_SHAPE,
  type RevalidationRequest,
} from "./revalidation-request.ts";
export { siteEnvShape } from "./env.ts";
