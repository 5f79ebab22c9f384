// Reader search on the embedded database (PGlite, the default for `npm start`): its build must carry PostgreSQL's
// `russian` and `english` text-search configurations, or Russian and English search would find only exact words.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../client.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded-server.ts";
import { applyMigrations } from "../migrate.ts";
import { searchPublishedArticles } from "./search-articles.ts";

let root: string;
let server: EmbeddedPostgres;
let prisma: PrismaClient;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "minbar-embedded-search-"));
  server = await startEmbeddedPostgres({ dataDir: path.join(root, "db"), port: await freePort() });
  await applyMigrations({ url: server.url });
  prisma = createPrismaClient(server.url);
  for (const [locale, title, text] of [
    ["en", "Kazakhstan votes", "The election was held on Sunday."],
    ["ru", "Итоги голосования", "Итоги выборов подведены в понедельник."],
  ] as const) {
    await prisma.article.create({
      data: {
        originalLocale: locale,
        localizations: {
          create: {
            locale,
            title,
            slug: `embedded-${locale}`,
            body: [{ type: "paragraph", text }],
            status: "published",
            publishedAt: new Date(Date.UTC(2024, 0, 1)),
          },
        },
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const highlighted = async (locale: "ru" | "en", query: string) => {
  const result = await searchPublishedArticles(prisma, { locale, query });
  if (result.kind !== "results") throw new Error(`expected results for ${query}`);
  return result.items.map((item) => item.snippet.filter((s) => s.highlighted).map((s) => s.text));
};

it("stems Russian and English on the embedded database as on PostgreSQL", async () => {
  expect(await highlighted("en", "elections")).toEqual([["election"]]);
  expect(await highlighted("ru", "выборы")).toEqual([["выборов"]]);
  expect(await highlighted("ru", "elections")).toEqual([]);
});
