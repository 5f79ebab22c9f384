// The bulk path against the embedded database (PGlite behind the wire protocol), which `npm start` runs when no
// DATABASE_URL is set: there every connection shares one session, so what one connection prepares the other sees.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@minbar/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@minbar/db/embedded";
import { applyMigrations } from "@minbar/db/migrate";
import { importPaths } from "../src/index.ts";
import { execFile } from "node:child_process";
import { inheritedEnv } from "@minbar/db/env";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));

let dataDir: string;
let db: EmbeddedPostgres;
let prisma: PrismaClient;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "minbar-import-embedded-"));
  // Where `npm start` keeps it when MINBAR_DATA_DIR names `dataDir` (see embeddedDataDir).
  db = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite"), port: await freePort() });
  await applyMigrations({ url: db.url });
  prisma = createPrismaClient(db.url);
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it("imports through the pipelined connections into the embedded database, then finds every file unchanged", async () => {
  const dir = join(dataDir, "files");
  await mkdir(dir);
  for (const name of await readdir(SEEDS)) {
    const text = await readFile(join(SEEDS, name), "utf8");
    for (let i = 0; i < 12; i++) {
      await writeFile(
        join(dir, `${i}_${name}`),
        text.replace(
          /^(Ru En\s*\n\s*\n)?([^\n]+)/,
          (_m, nav: string | undefined, title: string) => `${nav ?? ""}${title} ${i}`,
        ),
      );
    }
  }
  const first = await importPaths({ prisma, databaseUrl: db.url, paths: [dir] });
  expect(first.results.filter((r) => r.outcome === "failed")).toEqual([]);
  expect(first.counts.created).toBe(60);
  expect(await prisma.source.count({ where: { slug: "tass" } })).toBe(1);
  const again = await importPaths({ prisma, databaseUrl: db.url, paths: [dir] });
  expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 60, failed: 0 });
  // The session is shared by every connection: what the import prepared is gone with its connections.
  const left = await prisma.$queryRaw<
    { name: string }[]
  >`SELECT name FROM pg_prepared_statements WHERE name LIKE 'minbar-import-%'`;
  expect(left).toEqual([]);
}, 120_000);

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
/** Runs the CLI without DATABASE_URL. Asynchronously: the embedded database answers from this very process. */
function runImport(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", CLI, ...args],
      { encoding: "utf8", env: inheritedEnv({ DATABASE_URL: undefined, INIT_CWD: "", ...env }) },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

it("`npm run import` without DATABASE_URL imports into the embedded database `npm start` is running", async () => {
  const result = await runImport([SEEDS], { MINBAR_DATA_DIR: dataDir });
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/5 file\(s\): \d+ created, 0 updated, \d+ unchanged, 0 failed/);
  expect(result.status).toBe(0);
}, 60_000);

it("`npm run import` says where it could import when there is neither DATABASE_URL nor a running embedded database", async () => {
  const empty = await mkdtemp(join(tmpdir(), "minbar-no-db-"));
  const result = await runImport([SEEDS], { MINBAR_DATA_DIR: empty });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(
    /^No database to import into: DATABASE_URL is not set and the embedded database is not running/,
  );
  expect(result.stderr).not.toMatch(/\bat /);
  await rm(empty, { recursive: true, force: true });
});
