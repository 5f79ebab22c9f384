// Runs the importer's hand-written SQL either on its own pg pool (bulk imports) or through a Prisma client.
import pg from "pg";
import { Prisma, type PrismaClient } from "@minbar/db";

/** Parameters only: every value reaches PostgreSQL as a bind parameter, never spliced into the text. */
export type SqlValue = string | number | boolean | null | string[];

/** A statement run many times in a row; `name` lets a pg connection prepare it once instead of planning it per call. */
export type Statement = { name: string; text: string };

export type SqlClient = {
  query<Row>(statement: Statement | string, values: SqlValue[]): Promise<Row[]>;
};

export type ImportPool = SqlClient & { size: number; end(): Promise<void> };

/**
 * The same statements through Prisma, for callers that hand the importer only a client (or a transaction).
 * Each call costs about a millisecond of Prisma overhead, which is why bulk imports open a pool instead.
 */
export function sqlThroughPrisma(db: PrismaClient | Prisma.TransactionClient): SqlClient {
  return {
    query: <Row>(statement: Statement | string, values: SqlValue[]) =>
      db.$queryRawUnsafe<Row[]>(typeof statement === "string" ? statement : statement.text, ...values),
  };
}

/**
 * A pg pool of the importer's own on `url`. Its sessions run with `synchronous_commit = off`: a commit returns
 * before its WAL reaches the disk, which is what makes one-statement-per-article imports fast (an fsync costs
 * ~4 ms here). Atomicity and consistency are untouched; a crash of the database server can lose only the last
 * fraction of a second of commits, and running the same import again restores them because imports are idempotent
 * (a lost file simply was never recorded as seen). Only this pool is affected, not the apps' connections.
 */
export function openImportPool(url: string, size: number): ImportPool {
  const connectionString = new URL(url);
  // Prisma's pool-size parameter means nothing to pg (which would pass it to the server as a setting).
  connectionString.searchParams.delete("connection_limit");
  const pool = new pg.Pool({
    connectionString: connectionString.toString(),
    max: size,
    // Generic plans: the one statement per article is planned once per connection instead of at every call
    // (planning its CTEs cost more than most of their inserts); every lookup in it is an index probe either way.
    options: "-c synchronous_commit=off -c plan_cache_mode=force_generic_plan",
  });
  return {
    size,
    async query<Row>(statement: Statement | string, values: SqlValue[]) {
      const result = await pool.query(typeof statement === "string" ? { text: statement, values } : { ...statement, values });
      return result.rows as Row[];
    },
    end: () => pool.end(),
  };
}

/** SQLSTATEs that mean "a concurrent import got in the way; try again": unique violation, deadlock. */
const CONFLICT_CODES = ["23505", "40P01"];

/**
 * A unique violation (a concurrent import committed the same file, slug or agency first) or a deadlock between
 * imports (PostgreSQL rolled this one back). Either way the attempt left nothing behind and may be retried.
 */
export function isConcurrencyConflict(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return CONFLICT_CODES.includes(error.code ?? "");
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002" || error.code === "P2034") return true;
    // Raw queries report the driver's error under P2010, with PostgreSQL's SQLSTATE in the message.
    return error.code === "P2010" && CONFLICT_CODES.some((code) => error.message.includes(`\`${code}\``));
  }
  return false;
}
