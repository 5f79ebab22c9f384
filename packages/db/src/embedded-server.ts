// Runs PGlite (PostgreSQL in WebAssembly) persisted in a folder and serves it over the PostgreSQL wire protocol,
// so the apps, the importer and the migrations all connect to it with plain `pg` as to any PostgreSQL.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { isProcessAlive } from "./local-data.ts";

export type EmbeddedPostgresOptions = {
  /** Folder holding the database files; created (with its parents) if missing. */
  dataDir: string;
  port: number;
  host?: string;
  /** Concurrent client connections the multiplexer accepts; each app's pool counts. */
  maxConnections?: number;
};

export type EmbeddedPostgres = {
  /** postgresql://postgres@<host>:<port>/postgres */
  url: string;
  stop(): Promise<void>;
};

export class EmbeddedPostgresError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddedPostgresError";
  }
}

/**
 * Starts the embedded database. PGlite is a single-session database: the socket server's multiplexer queues
 * statements from all connections and, while one connection is inside a transaction, holds the others back.
 * Session state (SET, temp tables, advisory locks) is therefore shared by every connection.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = path.resolve(options.dataDir);
  const releaseLock = acquireDataDirLock(dataDir, { port: options.port, host });

  let db: PGlite | undefined;
  try {
    // Checked before PGlite starts, which takes seconds on a new folder, so a taken port fails fast.
    await assertPortFree(host, options.port);
    // PGlite does not create missing parent folders.
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({
      db,
      port: options.port,
      host,
      maxConnections: options.maxConnections ?? 20,
    });
    keepExtendedQueriesTogether(server);
    try {
      await server.start();
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw describeListenError(error, host, options.port);
    }
    const pglite = db;
    let stopped = false;
    return {
      url: embeddedUrl(host, options.port),
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await server.stop();
          await pglite.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

type SocketQueue = {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
};

// Extended-protocol messages that PostgreSQL answers only at the next Sync (or Flush).
const PARSE = 0x50;
const BIND = 0x42;
const DESCRIBE = 0x44;
const EXECUTE = 0x45;
const CLOSE = 0x43;
const GROUPED = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE]);

/**
 * WORKAROUND (pglite-socket 0.2.17): its multiplexer queues each protocol message on its own, so with several
 * connections one client's Parse can land between another's Parse and Bind; both use the unnamed statement, and a
 * parameterized query fails with "unnamed prepared statement does not exist" (or runs the other client's SQL).
 * Here a connection's Parse/Bind/Describe/Execute/Close messages are held until its Sync (or any other message)
 * and then queued back to back, so each extended query runs as one unit. Remove when the library groups them.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: SocketQueue }).queryQueue;
  if (!queue || typeof queue.enqueue !== "function") {
    throw new EmbeddedPostgresError("pglite-socket changed: its query queue is not where Minbar expects it");
  }
  const enqueue = queue.enqueue.bind(queue);
  const held = new Map<number, { message: Uint8Array; onData: (data: Uint8Array) => void }[]>();
  queue.enqueue = (handlerId, message, onData) => {
    const group = held.get(handlerId) ?? [];
    group.push({ message, onData });
    if (GROUPED.has(message[0] ?? 0)) {
      held.set(handlerId, group);
      return Promise.resolve(0);
    }
    held.delete(handlerId);
    // Enqueued in one synchronous loop, so no other connection's message can come between them.
    const sent = group.map((part) => enqueue(handlerId, part.message, part.onData));
    return Promise.all(sent).then((bytes) => bytes.reduce((sum, n) => sum + n, 0));
  };
}

const embeddedUrl = (host: string, port: number) => `postgresql://postgres@${host}:${port}/postgres`;

/**
 * The URL of the embedded database another process (`npm start`) is serving from `dataDir`, read from its lock
 * file; undefined when none is running. Lets a command reach the database `npm start` runs without being told.
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const holder = readLock(lockFileFor(path.resolve(dataDir)));
  return holder && isProcessAlive(holder.pid) ? embeddedUrl(holder.host, holder.port) : undefined;
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) => reject(describeListenError(error, host, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function describeListenError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") {
    return new EmbeddedPostgresError(
      `Cannot start the embedded database: ${host}:${port} is already in use (another Minbar, or a PostgreSQL ` +
        `server?). Stop it or choose another port with EMBEDDED_DB_PORT.`,
      { cause: error },
    );
  }
  return new EmbeddedPostgresError(`Cannot start the embedded database on ${host}:${port}: ${String(error)}`, {
    cause: error,
  });
}

type LockContents = { pid: number; host: string; port: number; startedAt: string };

/** Path of the lock file that guards `dataDir`; it sits beside the folder, not inside PostgreSQL's files. */
export function lockFileFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.lock`);
}

/**
 * PGlite takes no lock on its folder, and two PostgreSQL instances writing one data folder corrupt it. The lock
 * file names the owning process; a lock left by a process that no longer exists is taken over.
 */
function acquireDataDirLock(dataDir: string, where: { host: string; port: number }): () => void {
  const lockPath = lockFileFor(dataDir);
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const contents: LockContents = { pid: process.pid, ...where, startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(lockPath, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      if (holder && isProcessAlive(holder.pid)) {
        throw new EmbeddedPostgresError(
          `The embedded database in ${dataDir} is already in use by process ${holder.pid} ` +
            `(serving ${holder.host}:${holder.port} since ${holder.startedAt}). Stop that process first; if no ` +
            `such process is running, delete ${lockPath}.`,
        );
      }
      // Stale (dead owner) or unreadable (a crash while writing): remove it and try again.
      try {
        unlinkSync(lockPath);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== "ENOENT") throw unlinkError;
      }
      continue;
    }
    writeSync(fd, JSON.stringify(contents));
    closeSync(fd);

    const release = () => {
      process.removeListener("exit", release);
      const holder = readLock(lockPath);
      if (holder?.pid === process.pid) {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone; nothing to release.
        }
      }
    };
    process.on("exit", release);
    return release;
  }
  throw new EmbeddedPostgresError(`Could not take the lock ${lockPath} (other processes keep replacing it)`);
}

function readLock(lockPath: string): LockContents | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && typeof (parsed as LockContents).pid === "number") {
      return parsed as LockContents;
    }
  } catch {
    // Missing or half-written: treated as no valid holder.
  }
  return undefined;
}
