// `npm run bench:lexicon`: the near-spelling lexicon (docs/decisions/0031-near-spelling-lexicon.md) on a fresh
// PostgreSQL database filled with generated published articles (src/bench/search-corpus.ts), over a vocabulary made
// as large as a real edition's: the corpus's words with clitics and endings, and invented names. Prints how long
// counting the queued articles takes, what keeping it current costs a writer, and p50/p95/p99 of findNearSpellings
// per query word. Prints figures and asserts nothing (docs/decisions/0015-benchmarks-print-figures.md).
// Usage: npm run bench:lexicon -- [--per-locale=100000] [--names=60000] [--queries=1000] [--keep]
import { readdir, readFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../src/client.ts";
import {
  benchVocabulary,
  benchWordList,
  fillSearchCorpus,
  inventedName,
  misspell,
} from "../src/bench/search-corpus.ts";
import type { Locale } from "../src/generated/prisma/client.ts";
import { findNearSpellings, normalizeLexiconWord, refreshSearchLexicon } from "../src/search/near-spellings.ts";
import { readDbEnv } from "../src/env.ts";
import { applyMigrations, dropDatabase, ensureDatabase, withDatabase } from "../src/migrate.ts";
import { createTestDatabase } from "../src/testing.ts";

const { values: args } = parseArgs({
  options: {
    "per-locale": { type: "string", default: "100000" },
    names: { type: "string", default: "60000" },
    queries: { type: "string", default: "1000" },
    /** Fills `minbar_lexicon_bench` instead of a test database and leaves it for a closer look (EXPLAIN). */
    keep: { type: "boolean", default: false },
  },
});
const PER_LOCALE = Number(args["per-locale"]);
const NAMES = Number(args.names);
const QUERIES = Number(args.queries);
for (const [name, value] of [
  ["--per-locale", PER_LOCALE],
  ["--names", NAMES],
  ["--queries", QUERIES],
] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
}
const WARMUP = 50;
const LOCALES = ["ar", "ru", "en"] as const;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function figures(label: string, times: number[], extra = ""): string {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (p: number) => percentile(sorted, p).toFixed(2).padStart(6);
  return `${label.padEnd(22)} p50 ${f(50)} ms  p95 ${f(95)} ms  p99 ${f(99)} ms  (${times.length}${extra})`;
}

const seedsDir = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const seeds = await Promise.all((await readdir(seedsDir)).sort().map((name) => readFile(join(seedsDir, name), "utf8")));
const KEPT = "minbar_lexicon_bench";
const adminUrl = readDbEnv().testDatabaseUrl;
if (args.keep) await dropDatabase(adminUrl, KEPT);
const db = args.keep
  ? await ensureDatabase(adminUrl, KEPT).then(async () => {
      const url = withDatabase(adminUrl, KEPT);
      await applyMigrations({ url });
      return { url, drop: () => dropDatabase(adminUrl, KEPT) };
    })
  : await createTestDatabase();
const prisma = createPrismaClient(db.url);
try {
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min) before`);
  const words = {} as Record<Locale, string[]>;
  for (const locale of LOCALES) {
    words[locale] = benchVocabulary(locale, benchWordList(locale, seeds), NAMES);
    const start = performance.now();
    await fillSearchCorpus(db.url, {
      locale,
      count: PER_LOCALE,
      words: words[locale],
      onBatch: (done) => process.stdout.write(`\rfilling ${locale}: ${done}/${PER_LOCALE}`),
    });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `\rfilled ${locale}: ${PER_LOCALE} published articles from ${words[locale].length} words in ${seconds.toFixed(0)} s`,
    );
  }

  const queued = await prisma.searchLexiconQueue.count();
  let start = performance.now();
  let counted = 0;
  while (counted < queued) {
    const taken = await refreshSearchLexicon(prisma, { batchSize: 1_000, maxBatches: 10 });
    if (taken === 0) break;
    counted += taken;
    process.stdout.write(`\rcounting: ${counted}/${queued}`);
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `\rcounted ${counted} queued articles in ${seconds.toFixed(0)} s (${(counted / seconds).toFixed(0)} articles/s, batches of 1,000)`,
  );
  const sizes = await prisma.searchLexiconWord.groupBy({ by: ["locale"], _count: true });
  const [size] = await prisma.$queryRaw<{ table: string; index: string }[]>`
    SELECT pg_size_pretty(pg_table_size('search_lexicon')) AS table,
      pg_size_pretty(pg_indexes_size('search_lexicon')) AS index`;
  console.log(
    `lexicon: ${sizes.map((s) => `${s.locale} ${s._count} words`).join(", ")}; table ${size?.table}, indexes ${size?.index}`,
  );
  await prisma.$executeRaw`VACUUM ANALYZE search_lexicon`;

  // A writer's share: publishing queues (the import's cost), unpublishing uncounts at once, one refresh counts one.
  const ids = (
    await prisma.articleLocalization.findMany({ where: { locale: "ar" }, select: { id: true }, take: 100 })
  ).map((row) => row.id);
  const unpublish: number[] = [];
  const publish: number[] = [];
  const refresh: number[] = [];
  for (const id of ids) {
    start = performance.now();
    await prisma.articleLocalization.update({ where: { id }, data: { status: "unpublished" } });
    unpublish.push(performance.now() - start);
    start = performance.now();
    await prisma.articleLocalization.update({ where: { id }, data: { status: "published" } });
    publish.push(performance.now() - start);
    start = performance.now();
    await refreshSearchLexicon(prisma);
    refresh.push(performance.now() - start);
  }
  console.log("writers (ar, ~200-word articles, through Prisma):");
  console.log(figures("  unpublish (uncounts)", unpublish, " updates"));
  console.log(figures("  publish (queues)", publish, " updates"));
  console.log(figures("  refresh of one", refresh, " refreshes"));

  console.log(`findNearSpellings, one query word per call, one call at a time after ${WARMUP} untimed:`);
  for (const locale of LOCALES) {
    const lexicon = words[locale].filter((word) => Array.from(word).length >= 4);
    const kinds: [string, () => string][] = [
      ["in the lexicon", () => pick(lexicon)],
      ["misspelt", () => misspell(locale, pick(lexicon))],
      ["invented", () => inventedName(locale)],
    ];
    for (const [kind, draw] of kinds) {
      const queries = Array.from({ length: QUERIES + WARMUP }, draw);
      const times: number[] = [];
      let found = 0;
      let offered = 0;
      for (const [i, word] of queries.entries()) {
        start = performance.now();
        const [result] = await findNearSpellings(prisma, { locale, words: [normalizeLexiconWord(locale, word)] });
        if (i < WARMUP) continue;
        times.push(performance.now() - start);
        found += result && result.nearSpellings.length > 0 ? 1 : 0;
        offered += result?.nearSpellings.length ?? 0;
      }
      console.log(
        figures(
          `${locale} ${kind}`,
          times,
          ` words, ${found} with near spellings, ${(offered / QUERIES).toFixed(1)} each`,
        ),
      );
    }
  }
  console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
} finally {
  await prisma.$disconnect();
  if (args.keep) console.log(`kept: ${db.url}`);
  else await db.drop();
}
