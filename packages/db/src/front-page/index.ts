// The edited front page and the breaking-news banner: the admin's use cases (docs/decisions/0020).
export * from "./layout.ts";
export * from "./arrangements.ts";
export * from "./breaking.ts";
export type { PublicFrontPage, PublicFrontPageSection } from "./public-front-page.ts";
export * from "./public-breaking.ts";
