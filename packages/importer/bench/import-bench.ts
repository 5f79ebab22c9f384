// `npm run bench:import`: imports a generated corpus into a fresh PostgreSQL database and prints articles/s.
// Usage: npm run bench:import -- [count=2000] [concurrency]   (default: the CLI's; the pool has that many connections)
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import { DEFAULT_CONCURRENCY, importPaths } from "../src/index.ts";

const count = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? DEFAULT_CONCURRENCY);
const seedsDir = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const seeds = await Promise.all((await readdir(seedsDir)).sort().map((name) => readFile(join(seedsDir, name), "utf8")));

// Each generated file is a seed with its title, first paragraph and date changed, so every one is a new article.
const dir = await mkdtemp(join(tmpdir(), "minbar-bench-import-"));
for (let i = 0; i < count; i++) {
  const seed = seeds[i % seeds.length] as string;
  const day = String((i % 28) + 1).padStart(2, "0");
  const text = seed
    .replace(/^(Ru En\s*\n\s*\n)?([^\n]+)/, (_m, nav: string | undefined, title: string) => `${nav ?? ""}${title} ${i}`)
    .replace(/اليوم (\S+) \d+/, `اليوم $1 ${Number(day)}`)
    .replace("رئيس", `رئيس (${i})`);
  await writeFile(join(dir, `bench_${String(i).padStart(6, "0")}.txt`), text);
}

const corpusBytes = (await Promise.all((await readdir(dir)).map((name) => stat(join(dir, name))))).reduce((sum, info) => sum + info.size, 0);

// createTestDatabase makes a fresh, migrated database; drop() below removes it whatever happens.
const db = await createTestDatabase();
try {
  const started = performance.now();
  const first = await importPaths({ prisma: db.prisma, databaseUrl: db.url, paths: [dir], concurrency });
  const firstMs = performance.now() - started;
  const againStarted = performance.now();
  const again = await importPaths({ prisma: db.prisma, databaseUrl: db.url, paths: [dir], concurrency });
  const againMs = performance.now() - againStarted;
  for (const failure of [...first.results, ...again.results].filter((r) => r.outcome === "failed").slice(0, 5)) {
    console.log(`failed: ${failure.file}: ${failure.detail}`);
  }
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
  console.log(`corpus: ${count} generated articles, ${(corpusBytes / 1024 / 1024).toFixed(1)} MiB (${seeds.length} seeds varied)`);
  console.log(`database: PostgreSQL, fresh database ${db.name}; importer pool ${concurrency} connection(s), concurrency ${concurrency}`);
  console.log(`first import:  ${first.counts.created} created, ${first.counts.failed} failed in ${(firstMs / 1000).toFixed(2)} s → ${rate(count, firstMs)} articles/s`);
  console.log(`second import: ${again.counts.unchanged} unchanged in ${(againMs / 1000).toFixed(2)} s → ${rate(count, againMs)} articles/s`);
} finally {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
