// Integration-test helper for what must behave alike on both databases Minbar runs on: a fresh database on the real
// PostgreSQL (TEST_DATABASE_URL) and on the embedded one (PGlite, the default for `npm start`).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "./client.ts";
import { startEmbeddedPostgres } from "./embedded-server.ts";
import { applyMigrations } from "./migrate.ts";
import { createTestDatabase } from "./testing.ts";

export type TestBackend = { prisma: PrismaClient; close(): Promise<void> };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** A fresh, migrated embedded database in a temporary folder, removed by `close`. */
export async function openEmbeddedTestBackend(): Promise<TestBackend> {
  const root = mkdtempSync(path.join(tmpdir(), "minbar-embedded-test-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "db"), port: await freePort() });
  await applyMigrations({ url: server.url });
  const prisma = createPrismaClient(server.url);
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** For `describe.each`: both databases, by name, each opened fresh by its test file. */
export const TEST_BACKENDS: [string, () => Promise<TestBackend>][] = [
  [
    "PostgreSQL",
    async () => {
      const db = await createTestDatabase();
      return { prisma: db.prisma, close: () => db.drop() };
    },
  ],
  ["PGlite", openEmbeddedTestBackend],
];
