// The database half of the apps' /api/health: can this process run a query on DATABASE_URL right now? One small pool
// of its own (never the Prisma pool the pages wait on), and every step bounded, so a probe answers within its timeout
// even when PostgreSQL is down or hangs.
import pg from "pg";
import { splitConnectionLimit } from "./client.ts";

export type DatabaseProbe = {
  /** "ok", or why not in one line (refused, timed out, authentication failed…). */
  check(): Promise<string>;
  close(): Promise<void>;
};

export function createDatabaseProbe(url: string, { timeoutMs = 1_000 }: { timeoutMs?: number } = {}): DatabaseProbe {
  const { connectionString } = splitConnectionLimit(url);
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // A connection the server drops while idle is an error on the pool; the next check reconnects.
  pool.on("error", () => {});
  return {
    async check() {
      try {
        await pool.query("SELECT 1");
        return "ok";
      } catch (error) {
        return describe(error);
      }
    },
    close: () => pool.end(),
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // pg's connection errors are AggregateErrors (one per address tried) with an empty message.
  if (error instanceof AggregateError && !error.message) return error.errors.map((e: Error) => e.message).join("; ");
  return error.message || error.name;
}
