// Creates Prisma clients over TCP with @prisma/adapter-pg, and the process-wide client the apps share.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { readDbEnv } from "./env.ts";

export type { PrismaClient } from "./generated/prisma/client.ts";

/** Small on purpose: the embedded server multiplexes at most 20 connections across both apps and the importer. */
const DEFAULT_POOL_SIZE = 5;

/**
 * A Prisma client on its own pg pool. The pool size comes from the URL's `connection_limit` (Prisma's own
 * spelling, so URLs written for the stock engine keep their meaning); the parameter is removed before pg sees it.
 */
export function createPrismaClient(url: string): PrismaClient {
  const { connectionString, poolSize } = splitConnectionLimit(url);
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}

export function splitConnectionLimit(url: string): { connectionString: string; poolSize: number } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Database URL is not a valid URL (expected postgresql://user@host:port/database)");
  }
  const limit = parsed.searchParams.get("connection_limit");
  parsed.searchParams.delete("connection_limit");
  if (limit === null) return { connectionString: parsed.toString(), poolSize: DEFAULT_POOL_SIZE };
  const poolSize = Number(limit);
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new Error(`connection_limit must be a positive integer, got "${limit}"`);
  }
  return { connectionString: parsed.toString(), poolSize };
}

type PrismaCache = { url: string; client: PrismaClient };

// Next.js dev re-evaluates modules on every edit; keeping the client on globalThis stops each reload from
// opening another pool until the database refuses connections.
const cacheHolder = globalThis as typeof globalThis & { __minbarPrisma?: PrismaCache };

/** The process-wide client on DATABASE_URL, created on first use. */
export function getPrisma(): PrismaClient {
  const url = readDbEnv().databaseUrl;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. `npm start` sets it to the embedded database; otherwise point it at PostgreSQL, " +
        "e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/minbar",
    );
  }
  const cached = cacheHolder.__minbarPrisma;
  if (cached && cached.url === url) return cached.client;
  if (cached) void cached.client.$disconnect();
  const client = createPrismaClient(url);
  cacheHolder.__minbarPrisma = { url, client };
  return client;
}

/** Closes the shared client (scripts call this before exiting so the pool does not keep the process alive). */
export async function disconnectPrisma(): Promise<void> {
  const cached = cacheHolder.__minbarPrisma;
  cacheHolder.__minbarPrisma = undefined;
  if (cached) await cached.client.$disconnect();
}
