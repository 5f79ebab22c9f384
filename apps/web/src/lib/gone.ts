// A page saying its story was taken down carries this marker; the server (server/plain-html.ts) answers such a page
// with 410 Gone, since a Next page cannot choose its own status. React escapes quotes in text, so no article text can
// forge the marker.
export const GONE_MARKER = { name: "minbar-status", content: "410" } as const;

export const GONE_MARKUP = /<meta name="minbar-status" content="410"\/?>/;
