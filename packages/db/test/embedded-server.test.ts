// The embedded database as the apps see it: PGlite behind the wire protocol, reached with pg and Prisma.
import { spawnSync } from "node:child_process";
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../src/client.ts";
import {
  type EmbeddedPostgres,
  EmbeddedPostgresError,
  lockFileFor,
  passwordFileFor,
  runningEmbeddedUrl,
  startEmbeddedPostgres,
} from "../src/embedded-server.ts";
import { applyMigrations } from "../src/migrate.ts";
import { normalizeArabicForSearch } from "../src/search/normalize-arabic.ts";
import { findFreePort, makeTempDir, query, removeTempDirs, writeMigrations } from "./helpers.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function frontendMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const cString = (text: string) => Buffer.from(`${text}\0`);
// Unnamed statement and portal, no parameters, text results.
const parseMessage = (sql: string) =>
  frontendMessage("P", Buffer.concat([cString(""), cString(sql), Buffer.from([0, 0])]));
const bindMessage = () => frontendMessage("B", Buffer.concat([cString(""), cString(""), Buffer.alloc(6)]));
const executeMessage = () => frontendMessage("E", Buffer.concat([cString(""), Buffer.alloc(4)]));
const syncMessage = () => frontendMessage("S", Buffer.alloc(0));

const startupMessage = () => {
  const params = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    cString("user"),
    cString("postgres"),
    cString("database"),
    cString("postgres"),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(params.length + 4);
  return Buffer.concat([length, params]);
};
const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();

/**
 * A wire-protocol connection that sends exactly the bytes given, when given; replies are collected as text. It signs
 * in with SCRAM-SHA-256 (written out here rather than through pg, so the server is checked against the RFC, not
 * against one client) when given a password, and otherwise only sends its startup packet.
 */
async function openRawConnection(port: number, password: string | null) {
  const socket = connect(port, "127.0.0.1");
  let replies = Buffer.alloc(0);
  socket.on("data", (data) => (replies = Buffer.concat([replies, data])));
  await new Promise((resolve) => socket.once("connect", resolve));
  /** Waits for the next complete backend message and takes it off the front of the replies. */
  const nextMessage = async () => {
    for (let waited = 0; waited < 5000; waited += 20) {
      if (replies.length >= 5 && replies.length >= replies.readInt32BE(1) + 1) {
        const message = {
          type: String.fromCharCode(replies[0] ?? 0),
          body: replies.subarray(5, replies.readInt32BE(1) + 1),
        };
        replies = replies.subarray(replies.readInt32BE(1) + 1);
        return message;
      }
      await delay(20);
    }
    throw new Error(`no complete message; received ${JSON.stringify(replies.toString("latin1"))}`);
  };
  const connection = {
    send: (...messages: Buffer[]) => socket.write(Buffer.concat(messages)),
    nextMessage,
    /** Waits until a message of this type (e.g. "Z", ReadyForQuery) has arrived. */
    async until(type: string) {
      for (let waited = 0; !replies.includes(Buffer.from(type)) && waited < 5000; waited += 20) await delay(20);
    },
    received: () => replies.toString("latin1"),
    close: () => socket.destroy(),
  };
  connection.send(startupMessage());
  if (password === null) return connection;

  const offer = await nextMessage();
  expect(offer.type).toBe("R");
  expect(offer.body.readInt32BE(0)).toBe(10);
  expect(offer.body.subarray(4).toString()).toBe("SCRAM-SHA-256\0\0");
  const clientNonce = randomBytes(18).toString("base64");
  const clientFirstBare = `n=*,r=${clientNonce}`;
  const initial = Buffer.from(`n,,${clientFirstBare}`);
  const initialLength = Buffer.alloc(4);
  initialLength.writeInt32BE(initial.length);
  connection.send(frontendMessage("p", Buffer.concat([cString("SCRAM-SHA-256"), initialLength, initial])));

  const challenge = await nextMessage();
  expect(challenge.body.readInt32BE(0)).toBe(11);
  const serverFirst = challenge.body.subarray(4).toString();
  const fields = Object.fromEntries(serverFirst.split(",").map((field) => [field[0], field.slice(2)]));
  expect(fields.r?.startsWith(clientNonce)).toBe(true);
  const salted = pbkdf2Sync(password, Buffer.from(fields.s ?? "", "base64"), Number(fields.i), 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  const withoutProof = `c=biws,r=${fields.r}`;
  const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(createHash("sha256").update(clientKey).digest(), authMessage);
  const proof = Buffer.from(clientKey.map((byte, i) => byte ^ (signature[i] ?? 0))).toString("base64");
  connection.send(frontendMessage("p", Buffer.from(`${withoutProof},p=${proof}`)));

  const final = await nextMessage();
  expect(final.body.readInt32BE(0)).toBe(12);
  expect(final.body.subarray(4).toString()).toBe(
    `v=${hmac(hmac(salted, "Server Key"), authMessage).toString("base64")}`,
  );
  await connection.until("Z");
  replies = Buffer.alloc(0);
  return connection;
}

describe("embedded PostgreSQL server", () => {
  let dataDir: string;
  let port: number;
  let server: EmbeddedPostgres | undefined;

  beforeAll(async () => {
    // A nested, not yet existing folder: the server must create its parents.
    dataDir = path.join(await makeTempDir("embedded"), "state", "pglite");
    port = await findFreePort();
    server = await startEmbeddedPostgres({ dataDir, port });
  });
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });

  const url = () => server!.url;

  const password = () => new URL(url()).password;

  it("serves postgresql://postgres:<password>@127.0.0.1:<port>/postgres from a folder it created", async () => {
    expect(url()).toBe(`postgresql://postgres:${password()}@127.0.0.1:${port}/postgres`);
    expect(existsSync(dataDir)).toBe(true);
    expect(await query(url(), "SELECT current_database() AS db")).toEqual([{ db: "postgres" }]);
    // What `npm run import` finds from the lock file: the same address, with the password.
    expect(runningEmbeddedUrl(dataDir)).toBe(url());
  });

  it("generates its password into the data folder, readable by its owner only, as are the folders", async () => {
    expect(password()).toMatch(/^[\w-]{40,}$/);
    expect((await readFile(passwordFileFor(dataDir), "utf8")).trim()).toBe(password());
    expect(path.dirname(passwordFileFor(dataDir))).toBe(path.dirname(dataDir));
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(passwordFileFor(dataDir))).toBe(0o600);
    // The data folder (`state`, created here) and PGlite's own.
    expect(mode(path.dirname(dataDir))).toBe(0o700);
    expect(mode(dataDir)).toBe(0o700);
  });

  it("refuses a connection without the password or with a wrong one", async () => {
    const withPassword = (value: string) => {
      const address = new URL(url());
      address.password = value;
      return address.toString();
    };
    await expect(query(withPassword(""), "SELECT 1")).rejects.toThrow();
    await expect(query(withPassword(`${password()}x`), "SELECT 1")).rejects.toThrow(
      'password authentication failed for user "postgres"',
    );
    await expect(query(withPassword("postgres"), "SELECT 1")).rejects.toThrow("password authentication failed");
    expect(await query(url(), "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  it("runs nothing for a client that sends a query instead of signing in", async () => {
    const intruder = await openRawConnection(port, null);
    try {
      intruder.send(frontendMessage("Q", cString("SELECT 'leaked' AS secret")));
      await intruder.until("E");
      await delay(100);
      expect(intruder.received()).toContain("SCRAM-SHA-256");
      expect(intruder.received()).toContain("FATAL");
      expect(intruder.received()).not.toContain("leaked");
    } finally {
      intruder.close();
    }
  });

  it("keeps two clients' concurrent transactions apart", async () => {
    await query(url(), `CREATE TABLE visits (id SERIAL PRIMARY KEY, who TEXT NOT NULL)`);
    const a = new pg.Client({ connectionString: url() });
    const b = new pg.Client({ connectionString: url() });
    await Promise.all([a.connect(), b.connect()]);
    try {
      const visit = async (client: pg.Client, who: string, rollback: boolean) => {
        await client.query("BEGIN");
        for (let i = 0; i < 3; i += 1) {
          await client.query("INSERT INTO visits (who) VALUES ($1)", [who]);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const { rows } = await client.query<{ who: string; n: number }>(
          "SELECT who, count(*)::int AS n FROM visits GROUP BY who ORDER BY who",
        );
        await client.query(rollback ? "ROLLBACK" : "COMMIT");
        return rows;
      };
      const [seenByA, seenByB] = await Promise.all([visit(a, "a", false), visit(b, "b", true)]);
      // Each transaction sees only its own rows, or the other's once committed: never half of them.
      for (const seen of [seenByA, seenByB]) {
        for (const row of seen) expect(row.n).toBe(3);
      }
      expect(seenByA.map((row) => row.who)).toContain("a");
      expect(seenByB.map((row) => row.who)).toContain("b");
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect(await query(url(), "SELECT who, count(*)::int AS n FROM visits GROUP BY who")).toEqual([{ who: "a", n: 3 }]);
  });

  it("keeps one connection's extended query whole while another runs between its Parse and its Bind", async () => {
    // Raw wire protocol, because pg sends Parse…Sync in one write and so never leaves the gap this needs.
    const a = await openRawConnection(port, password());
    const b = await openRawConnection(port, password());
    try {
      a.send(parseMessage("SELECT 'from-a' AS who"));
      await delay(150);
      b.send(parseMessage("SELECT 'from-b' AS who"), bindMessage(), executeMessage(), syncMessage());
      await b.until("Z");
      a.send(bindMessage(), executeMessage(), syncMessage());
      await a.until("Z");
      expect(a.received()).toContain("from-a");
      expect(a.received()).not.toContain("from-b");
      expect(b.received()).toContain("from-b");
    } finally {
      a.close();
      b.close();
    }
  });

  it("works with Prisma over adapter-pg, including interactive transactions", async () => {
    const prisma = createPrismaClient(`${url()}?connection_limit=3`);
    try {
      await prisma.$executeRawUnsafe(`CREATE TABLE ledger (id SERIAL PRIMARY KEY, note TEXT NOT NULL)`);
      const inserted = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO ledger (note) VALUES (${"first"})`;
        await tx.$executeRaw`INSERT INTO ledger (note) VALUES (${"second"})`;
        const rows = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ledger`;
        return rows[0]?.n;
      });
      expect(inserted).toBe(2);

      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO ledger (note) VALUES (${"rolled back"})`;
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");

      const notes = await prisma.$queryRaw<{ note: string }[]>`SELECT note FROM ledger ORDER BY id`;
      expect(notes.map((row) => row.note)).toEqual(["first", "second"]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("has the arabic text-search configuration", async () => {
    const rows = await query<{ v: string }>(url(), `SELECT to_tsvector('arabic', 'والشراكة الاستراتيجية')::text AS v`);
    expect(rows[0]?.v).toContain("استراتيج");
  });

  it("lets concurrent migration appliers apply each migration once, though they share one session", async () => {
    const dir = await makeTempDir("embedded-migrations");
    await writeMigrations(dir, {
      "20240101000000_init": `CREATE TABLE sources (id SERIAL PRIMARY KEY, name TEXT NOT NULL);`,
      "20240102000000_seed": `INSERT INTO sources (name) VALUES ('TASS');`,
    });
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations({ url: url(), migrationsDir: dir })));
    expect(results.flatMap((result) => result.applied).sort()).toEqual(["20240101000000_init", "20240102000000_seed"]);
    expect(await query(url(), "SELECT name FROM sources")).toEqual([{ name: "TASS" }]);
  });

  it("fails clearly when the port is taken", async () => {
    const blocker = createServer();
    const takenPort = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(takenPort, "127.0.0.1", resolve));
    try {
      const other = path.join(path.dirname(dataDir), "other");
      const start = startEmbeddedPostgres({ dataDir: other, port: takenPort });
      await expect(start).rejects.toThrow(EmbeddedPostgresError);
      await expect(start).rejects.toThrow(`127.0.0.1:${takenPort} is already in use`);
      expect(existsSync(lockFileFor(other))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("refuses a second server on the same folder", async () => {
    const start = startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    await expect(start).rejects.toThrow(`already in use by process ${process.pid}`);
    // The running server is untouched.
    expect(await query(url(), "SELECT count(*)::int AS n FROM visits")).toEqual([{ n: 3 }]);
  });

  it("keeps the data across stop and start, taking over a lock left by a dead process", async () => {
    await server!.stop();
    expect(existsSync(lockFileFor(dataDir))).toBe(false);
    await expect(query(url(), "SELECT 1")).rejects.toThrow();

    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(lockFileFor(dataDir), JSON.stringify({ pid: deadPid, host: "127.0.0.1", port, startedAt: "x" }));

    server = await startEmbeddedPostgres({ dataDir, port });
    const lock = JSON.parse(await readFile(lockFileFor(dataDir), "utf8")) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    expect(await query(url(), "SELECT who, count(*)::int AS n FROM visits GROUP BY who")).toEqual([{ who: "a", n: 3 }]);
    expect(await query(url(), "SELECT note FROM ledger ORDER BY id")).toEqual([{ note: "first" }, { note: "second" }]);
  });
});

describe("the committed migrations on the embedded server", () => {
  let server: EmbeddedPostgres | undefined;
  beforeAll(async () => {
    server = await startEmbeddedPostgres({
      dataDir: path.join(await makeTempDir("embedded-real"), "pglite"),
      port: await findFreePort(),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await removeTempDirs();
  });

  it("apply, and normalize Arabic for search exactly as the TypeScript mirror does", async () => {
    const { applied } = await applyMigrations({ url: server!.url });
    expect(applied.length).toBeGreaterThan(1);
    for (const sample of [
      "الإستراتيجية",
      "والشراكة وبالتعاون",
      "مُحَمَّدٌ كازاخســـتان",
      "شراكه مستشفى",
      "٢٠٢٤ مسؤول رئيس",
    ]) {
      const rows = await query<{ n: string }>(server!.url, `SELECT minbar_normalize_ar('${sample}') AS n`);
      expect(rows[0]?.n, sample).toBe(normalizeArabicForSearch(sample));
    }
  });
});
