// Runs the importer's hand-written SQL either on its own pipelined connections (bulk imports) or through Prisma.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { Prisma, type PrismaClient } from "@minbar/db/client";

/** Parameters only: every value reaches PostgreSQL as a bind parameter, never spliced into the text. */
export type SqlValue = string | number | boolean | null | string[];

/** A statement run many times in a row; `name` lets a pg connection prepare it once instead of planning it per call. */
export type Statement = { name: string; text: string };

/** A statement written with named parameters (`:content_hash`), sent as PostgreSQL's numbered ones. */
export type NamedStatement = Statement & {
  /** The values in the order of the numbered parameters; every name must be given, and no other. */
  values(input: Record<string, SqlValue>): SqlValue[];
};

/**
 * `:name` becomes `$n` (numbered in order of first use; a `::cast` is left alone), so a long statement reads by
 * name, and variants of it built from shared parts need not keep their numbering in step.
 */
export function namedStatement(name: string, text: string): NamedStatement {
  const names: string[] = [];
  const numbered = text.replace(/(?<![:\w]):([a-z_][a-z0-9_]*)/g, (_match, param: string) => {
    const index = names.includes(param) ? names.indexOf(param) : names.push(param) - 1;
    return `$${index + 1}`;
  });
  const known = new Set(names);
  return {
    name,
    text: numbered,
    values(input) {
      const extra = Object.keys(input).filter((key) => !known.has(key));
      const missing = names.filter((param) => input[param] === undefined);
      if (extra.length > 0 || missing.length > 0) {
        throw new Error(
          `statement ${name}: ${[...missing.map((p) => `missing :${p}`), ...extra.map((p) => `unknown :${p}`)].join(", ")}`,
        );
      }
      return names.map((param) => input[param] as SqlValue);
    },
  };
}

export type SqlClient = {
  query<Row>(statement: Statement | string, values: SqlValue[]): Promise<Row[]>;
};

export type ImportPool = SqlClient & { end(): Promise<void> };

/**
 * The same statements through Prisma, for callers that hand the importer only a client (or a transaction).
 * Prisma adds its overhead to every call, which is why bulk imports open a pool instead.
 */
export function sqlThroughPrisma(db: PrismaClient | Prisma.TransactionClient): SqlClient {
  return {
    query: <Row>(statement: Statement | string, values: SqlValue[]) =>
      db.$queryRawUnsafe<Row[]>(typeof statement === "string" ? statement : statement.text, ...values),
  };
}

/**
 * The importer's own connections to `url`: `connections` pg clients in pipeline mode, each query sent to the one with
 * the fewest outstanding and still its own implicit transaction. `synchronous_commit = off` on these sessions only: a
 * crash loses at most the last commits, which re-running the idempotent import restores. A broken connection fails
 * the queries it carried and is replaced. See docs/decisions/0005-import-in-one-statement-pipelined.md.
 */
export function openImportPool(url: string, connections: number): ImportPool {
  const connectionString = new URL(url);
  // Prisma's pool-size parameter means nothing to pg (which would pass it to the server as a setting).
  connectionString.searchParams.delete("connection_limit");
  const config: pg.ClientConfig = {
    connectionString: connectionString.toString(),
    pipeline: true,
    // Named in pg_stat_activity, for whoever wonders what is writing.
    application_name: "minbar-import",
    // Generic plans: the one statement per article is planned once per connection instead of at every call
    // (planning its CTEs cost more than most of their inserts); every lookup in it is an index probe either way.
    options: "-c synchronous_commit=off -c plan_cache_mode=force_generic_plan",
  };
  type Connection = {
    /** Suffix of the names it prepares statements under (see query). */
    id: string;
    prepared: Set<string>;
    client: pg.Client;
    ready: Promise<unknown>;
    outstanding: number;
    broken: boolean;
    corked: boolean;
  };
  const open = (): Connection => {
    const client = new pg.Client(config);
    const id = randomUUID().slice(0, 8);
    const connection: Connection = {
      id,
      prepared: new Set(),
      client,
      ready: client.connect(),
      outstanding: 0,
      broken: false,
      corked: false,
    };
    // An error event without a listener would end the process; the queries in flight reject on their own.
    client.on("error", () => {
      connection.broken = true;
    });
    connection.ready.catch(() => {
      connection.broken = true;
    });
    return connection;
  };
  const pool: Connection[] = Array.from({ length: Math.max(1, connections) }, open);
  // The statements sent to a connection in one turn of the event loop leave in one write: one system call, not one
  // per statement.
  const holdWrites = (connection: Connection) => {
    if (connection.corked) return;
    const { stream } = connection.client.connection;
    connection.corked = true;
    stream.cork();
    setImmediate(() => {
      connection.corked = false;
      stream.uncork();
    });
  };
  let ended = false;

  return {
    async query<Row>(statement: Statement | string, values: SqlValue[]) {
      if (ended) throw new Error("the import's connections are closed");
      let index = 0;
      for (let i = 1; i < pool.length; i++)
        if ((pool[i] as Connection).outstanding < (pool[index] as Connection).outstanding) index = i;
      if ((pool[index] as Connection).broken) {
        void (pool[index] as Connection).client.end().catch(() => {});
        pool[index] = open();
      }
      const connection = pool[index] as Connection;
      connection.outstanding++;
      try {
        await connection.ready;
        holdWrites(connection);
        // Named per connection: PGlite serves every connection from one session, where a name prepared twice fails
        // (docs/decisions/0012-pglite-one-session-many-connections.md).
        let query: pg.QueryConfig = { text: typeof statement === "string" ? statement : statement.text, values };
        if (typeof statement !== "string") {
          query = { ...query, name: `${statement.name}-${connection.id}` };
          connection.prepared.add(query.name as string);
        }
        const result = await connection.client.query(query);
        return result.rows as Row[];
      } finally {
        connection.outstanding--;
      }
    },
    async end() {
      ended = true;
      await Promise.all(
        pool.map(async (connection) => {
          // In a shared session (PGlite) they would outlive the connection.
          if (!connection.broken) {
            for (const name of connection.prepared)
              await connection.client.query(`DEALLOCATE "${name}"`).catch(() => {});
          }
          await connection.client.end().catch(() => {});
        }),
      );
    },
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

/** SQLSTATE 23503: a row refers to one that does not exist (any more). */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === "23503";
}
