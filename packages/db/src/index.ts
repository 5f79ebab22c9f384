// @minbar/db: the Prisma client, the editorial model's types, and the data-access functions the apps call.
export * from "./generated/prisma/client.ts";
export { createPrismaClient, getPrisma } from "./client.ts";
export * from "./permissions.ts";
export * from "./users.ts";
export * from "./accounts/index.ts";
export * from "./blocks.ts";
export * from "./warnings.ts";
export * from "./search/normalize-arabic.ts";
export * from "./search/search-document.ts";
export * from "./slug.ts";
export * from "./queries/public-articles.ts";
export * from "./queries/article-listings.ts";
export * from "./queries/search-articles.ts";
export * from "./queries/admin-articles.ts";
export * from "./editorial/index.ts";
export * from "./site-signals/pending-site-signals.ts";
export * from "./preview/index.ts";
