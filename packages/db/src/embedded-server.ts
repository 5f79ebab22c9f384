// Runs PGlite (PostgreSQL in WebAssembly) persisted in a folder and serves it over the PostgreSQL wire protocol,
// so the apps, the importer and the migrations all connect to it with plain `pg` as to any PostgreSQL, with the
// password generated into the data folder.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ensurePrivateDir, isProcessAlive, persistentSecret, storedSecret } from "./local-data.ts";

export type EmbeddedPostgresOptions = {
  /**
   * Folder holding the database files; created (with its parents, readable by their owner only) if missing. The
   * password clients must give is generated once into `<folder>-password` beside it (see passwordFileFor).
   */
  dataDir: string;
  port: number;
  host?: string;
  /** Concurrent client connections the multiplexer accepts; each app's pool counts. */
  maxConnections?: number;
};

export type EmbeddedPostgres = {
  /** postgresql://postgres:<password>@<host>:<port>/postgres */
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
    const password = persistentSecret(path.dirname(dataDir), passwordFileName(dataDir));
    // PGlite does not create missing parent folders.
    ensurePrivateDir(dataDir);
    // Extensions the migrations create must be loaded on every start (the near-spelling lexicon's).
    db = await PGlite.create(dataDir, { extensions: { pg_trgm, fuzzystrmatch } });
    const server = new PGLiteSocketServer({
      db,
      port: options.port,
      host,
      maxConnections: options.maxConnections ?? 20,
    });
    keepExtendedQueriesTogether(server);
    const authenticating = requirePassword(server, password);
    try {
      await server.start();
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw describeListenError(error, host, options.port);
    }
    const pglite = db;
    let stopped = false;
    return {
      url: embeddedUrl(host, options.port, password),
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          // The socket server waits for every open connection, including those still signing in.
          for (const socket of authenticating) socket.destroy();
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
 * WORKAROUND (pglite-socket 0.2.17): its multiplexer queues messages one by one, so two clients' unnamed Parse/Bind
 * could interleave; each connection's extended query is held until its Sync and queued as one unit. Remove when the
 * library groups them (docs/decisions/0012-pglite-one-session-many-connections.md).
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

/** How long a client may take to sign in before its connection is closed (PostgreSQL's authentication_timeout). */
const AUTHENTICATION_TIMEOUT_MS = 10_000;
/** A startup packet longer than this is refused, as PostgreSQL does (MAX_STARTUP_PACKET_LENGTH). */
const MAX_STARTUP_LENGTH = 10_000;
const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
const SCRAM_ITERATIONS = 4096;

/**
 * WORKAROUND (pglite-socket 0.2.17, PGlite 0.5): neither checks a password, so each connection signs in here with
 * SCRAM-SHA-256 first and then reaches the socket server with its startup packet put back. Returns the connections
 * still signing in, for stop() to close. Remove when pglite-socket authenticates clients itself
 * (docs/decisions/0007-embedded-postgres-by-default.md).
 */
function requirePassword(server: PGLiteSocketServer, password: string): Set<Socket> {
  const internals = server as unknown as { handleConnection?: (socket: Socket) => Promise<void> };
  const handleConnection = internals.handleConnection;
  if (typeof handleConnection !== "function") {
    throw new EmbeddedPostgresError("pglite-socket changed: its connection handler is not where Minbar expects it");
  }
  const verifier = scramVerifier(password);
  const authenticating = new Set<Socket>();
  internals.handleConnection = async (socket) => {
    authenticating.add(socket);
    const signedIn = await signIn(socket, verifier).finally(() => authenticating.delete(socket));
    if (!signedIn) return;
    // The socket is paused (see signIn), so the bytes put back reach the listener the socket server adds
    // synchronously when it takes the connection.
    socket.unshift(signedIn);
    const handled = handleConnection.call(server, socket);
    socket.resume();
    await handled.catch(() => socket.destroy());
  };
  return authenticating;
}

type ScramVerifier = { salt: Buffer; storedKey: Buffer; serverKey: Buffer };

/** What a PostgreSQL server keeps of a SCRAM password (RFC 5802): enough to check a proof, not the password. */
function scramVerifier(password: string): ScramVerifier {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, SCRAM_ITERATIONS, 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  return { salt, storedKey: sha256(clientKey), serverKey: hmac(salted, "Server Key") };
}

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();

/**
 * The server's side of a connection's start: SSL and GSS encryption declined (loopback only), the startup packet
 * read, then a SCRAM-SHA-256 exchange. Resolves with the startup packet and any bytes after it once the client has
 * proved it knows the password; otherwise sends PostgreSQL's error, closes the connection and resolves null.
 */
function signIn(socket: Socket, verifier: ScramVerifier): Promise<Buffer | null> {
  return new Promise((resolve) => {
    let buffered = Buffer.alloc(0);
    let startup: Buffer | null = null;
    let clientFirstBare = "";
    let serverFirst = "";
    let combinedNonce = "";
    const finish = (result: Buffer | null) => {
      clearTimeout(timer);
      socket.removeListener("data", onData);
      socket.removeListener("error", onEnd);
      socket.removeListener("close", onEnd);
      // Paused, so that nothing the client sends next is emitted before the socket server listens for it.
      if (result) socket.pause();
      resolve(result);
    };
    const refuse = (code: string, message: string) => {
      finish(null);
      socket.on("error", () => socket.destroy());
      if (socket.writable) socket.end(errorResponse(code, message), () => socket.destroy());
      else socket.destroy();
    };
    const onEnd = () => finish(null);
    const timer = setTimeout(() => refuse("08006", "authentication timed out"), AUTHENTICATION_TIMEOUT_MS);

    /** Handles one complete message from the front of `buffered`; false when more bytes are needed. */
    const step = (): boolean => {
      if (!startup) {
        if (buffered.length < 8) return false;
        const length = buffered.readInt32BE(0);
        if (length < 8 || length > MAX_STARTUP_LENGTH) {
          refuse("08P01", "invalid length of startup packet");
          return false;
        }
        if (buffered.length < length) return false;
        const packet = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        const code = packet.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write("N");
          return true;
        }
        if (code === CANCEL_REQUEST) {
          // PGlite has no backend to cancel; the protocol expects no answer.
          finish(null);
          socket.destroy();
          return false;
        }
        if (code !== PROTOCOL_3) {
          refuse("08P01", `unsupported frontend protocol ${code >>> 16}.${code & 0xffff}`);
          return false;
        }
        startup = Buffer.from(packet);
        socket.write(authentication(10, Buffer.from("SCRAM-SHA-256\0\0")));
        return true;
      }
      if (buffered.length < 5) return false;
      const length = buffered.readInt32BE(1);
      if (buffered[0] !== 0x70 /* p */ || length < 4 || length > MAX_STARTUP_LENGTH) {
        refuse("08P01", "expected a SASL response");
        return false;
      }
      if (buffered.length < length + 1) return false;
      const body = buffered.subarray(5, length + 1);
      buffered = buffered.subarray(length + 1);
      if (!serverFirst) {
        const nameEnd = body.indexOf(0);
        const mechanism = body.subarray(0, Math.max(nameEnd, 0)).toString();
        const clientFirst = nameEnd < 0 ? "" : body.subarray(nameEnd + 5).toString();
        // gs2 header "n,," (or "y,,": the client could bind to a channel, but this server offers none).
        const match = /^[ny],,(n=[^,]*,r=([!-+\--~]+)(?:,.*)?)$/.exec(clientFirst);
        if (mechanism !== "SCRAM-SHA-256" || !match) {
          refuse("28000", "malformed SCRAM-SHA-256 client-first-message");
          return false;
        }
        clientFirstBare = match[1] ?? "";
        combinedNonce = `${match[2] ?? ""}${randomBytes(18).toString("base64")}`;
        serverFirst = `r=${combinedNonce},s=${verifier.salt.toString("base64")},i=${SCRAM_ITERATIONS}`;
        socket.write(authentication(11, Buffer.from(serverFirst)));
        return true;
      }
      const clientFinal = body.toString();
      const match = /^(c=[^,]*,r=([^,]*))(?:,[^p][^,]*)*,p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
      const withoutProof = match?.[1] ?? "";
      const proof = Buffer.from(match?.[3] ?? "", "base64");
      const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
      const signature = hmac(verifier.storedKey, authMessage);
      const proves =
        match?.[2] === combinedNonce &&
        proof.length === signature.length &&
        timingSafeEqual(sha256(xor(proof, signature)), verifier.storedKey);
      if (!proves) {
        refuse("28P01", `password authentication failed for user "${startupUser(startup)}"`);
        return false;
      }
      const serverSignature = hmac(verifier.serverKey, authMessage).toString("base64");
      socket.write(authentication(12, Buffer.from(`v=${serverSignature}`)));
      // PGlite answers the startup packet with AuthenticationOk and the session's parameters.
      finish(Buffer.concat([startup, buffered]));
      return false;
    };
    const onData = (data: Buffer) => {
      buffered = Buffer.concat([buffered, data]);
      while (step());
    };
    socket.on("data", onData);
    socket.once("error", onEnd);
    socket.once("close", onEnd);
  });
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ (b[i] ?? 0)));
}

/** The `user` parameter of a startup packet (for the error message). */
function startupUser(startup: Buffer): string {
  const fields = startup.subarray(8).toString().split("\0");
  const at = fields.indexOf("user");
  return at >= 0 ? (fields[at + 1] ?? "") : "";
}

function authentication(kind: number, data: Buffer): Buffer {
  const message = Buffer.alloc(9 + data.length);
  message.write("R", 0);
  message.writeInt32BE(8 + data.length, 1);
  message.writeInt32BE(kind, 5);
  data.copy(message, 9);
  return message;
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

const embeddedUrl = (host: string, port: number, password: string | undefined) =>
  `postgresql://postgres${password ? `:${encodeURIComponent(password)}` : ""}@${host}:${port}/postgres`;

/** The file beside `dataDir` holding the password of the embedded database served from it. */
export function passwordFileFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), passwordFileName(resolved));
}

const passwordFileName = (dataDir: string) => `${path.basename(dataDir)}-password`;

/**
 * The URL (with its password) of the embedded database another process (`npm start`) is serving from `dataDir`,
 * read from its lock and password files; undefined when none is running. Lets a command reach the database
 * `npm start` runs without being told.
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const resolved = path.resolve(dataDir);
  const holder = readLock(lockFileFor(resolved));
  if (!holder || !isProcessAlive(holder.pid)) return undefined;
  return embeddedUrl(holder.host, holder.port, storedSecret(path.dirname(resolved), passwordFileName(resolved)));
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
  // The data folder: it holds the database's password and the other generated secrets.
  ensurePrivateDir(path.dirname(lockPath));
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
