// @minbar/db/client: the Prisma client, its connection, and the editorial model's generated types.
export * from "../generated/prisma/client.ts";
export { createPrismaClient, getPrisma } from "../client.ts";
