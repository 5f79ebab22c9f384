// `npm run bench:search`: latency of the public search per language, on a fresh PostgreSQL database filled with
// generated articles (packages/db/src/bench/search-corpus.ts: Arabic from the seeds' words, Russian and English from
// a list of news words, with their clitics and endings, and invented names as an edition's vocabulary has). Prints
// p50/p95/p99 over one- to three-word queries, at the use case (searchPublishedArticles, as the search page calls
// it), apart for queries answered exactly and those whose rare or misspelt words fell back to near spellings, and
// over HTTP (the production build of apps/web behind server/serve.ts, page and all). Prints figures and asserts
// nothing (docs/decisions/0015-benchmarks-print-figures.md).
// Usage: npm run bench:search -- [--per-locale=100000] [--names=60000] [--queries=1000] [--skip-http]
//        npm run bench:search -- --arabic 1000000      (Arabic only, that many articles)
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@minbar/db/client";
import { searchPublishedArticles } from "@minbar/db/public";
import {
  benchVocabulary,
  benchWordList,
  fillSearchCorpus,
  misspell,
  refreshSearchLexicon,
} from "@minbar/db/search-bench";
import { createTestDatabase } from "@minbar/db/testing";
import { bench, seedsDir } from "@minbar/e2e";

type Locale = "ar" | "ru" | "en";

const { values: args } = parseArgs({
  options: {
    "per-locale": { type: "string", default: "100000" },
    names: { type: "string", default: "60000" },
    arabic: { type: "string" },
    queries: { type: "string", default: "1000" },
    "skip-http": { type: "boolean", default: false },
  },
});
const PER_LOCALE = Number(args["per-locale"]);
const ARABIC_ONLY = args.arabic === undefined ? null : Number(args.arabic);
const QUERIES = Number(args.queries);
const NAMES = Number(args.names);
for (const [name, value] of [
  ["--per-locale", PER_LOCALE],
  ["--names", NAMES],
  ["--arabic", ARABIC_ONLY ?? 1],
  ["--queries", QUERIES],
] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
}
const WARMUP_QUERIES = 50;
const PAGE_SIZE = 10;
const corpus: [Locale, number][] =
  ARABIC_ONLY === null
    ? [
        ["ar", PER_LOCALE],
        ["ru", PER_LOCALE],
        ["en", PER_LOCALE],
      ]
    : [["ar", ARABIC_ONLY]];
const totalArticles = corpus.reduce((sum, [, count]) => sum + count, 0);
// Filling runs at a few thousand articles/s on a shared 2-core machine; the ceiling keeps a hung run from lingering.
const DEADLINE_MS = (600 + totalArticles / 200 + 3 * 2 * QUERIES * 0.5) * 1000;

const appDir = fileURLToPath(new URL("..", import.meta.url));
const { onCleanup, exitAfterCleanup, freePort, percentile, serverLog } = bench;
bench.installBenchGuards("bench:search", DEADLINE_MS);

/**
 * One to three words of the edition's vocabulary, drawn evenly (readers ask for rare words as often as common ones);
 * in every other query one word misspelt, as a name spelt by another desk is.
 */
function queriesFor(locale: Locale, words: readonly string[], count: number): string[] {
  const pick = () => words[Math.floor(Math.random() * words.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const query = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, pick);
    if (i % 2 === 1) query[0] = misspell(locale, query[0]!);
    return query.join(" ");
  });
}

function figures(label: string, timesMs: number[], extra = ""): string {
  const f = (p: number) => percentile(timesMs, p).toFixed(1).padStart(6);
  return `${label.padEnd(18)} p50 ${f(50)} ms  p95 ${f(95)} ms  p99 ${f(99)} ms  (${timesMs.length} queries${extra})`;
}

async function timed(queries: string[], run: (query: string) => Promise<number>) {
  for (const query of queries.slice(0, WARMUP_QUERIES)) await run(query);
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const start = performance.now();
    hits += (await run(query)) > 0 ? 1 : 0;
    times.push(performance.now() - start);
  }
  return { times, hits };
}

const searchPath = (locale: Locale, query: string) =>
  `${locale === "ar" ? "" : `/${locale}`}/search?q=${encodeURIComponent(query)}`;

if (!args["skip-http"]) await bench.requireProductionBuild(appDir, "@minbar/web", "bench:search");

try {
  const seeds = await Promise.all(
    (await readdir(seedsDir)).sort().map((name) => readFile(join(seedsDir, name), "utf8")),
  );
  const db = await createTestDatabase();
  onCleanup(() => db.drop());
  const words = Object.fromEntries(
    (["ar", "ru", "en"] as const).map((locale) => [
      locale,
      benchVocabulary(locale, benchWordList(locale, seeds), NAMES),
    ]),
  ) as Record<Locale, string[]>;
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min) before`);
  for (const [locale, count] of corpus) {
    const start = performance.now();
    await fillSearchCorpus(db.url, {
      locale,
      count,
      words: words[locale],
      onBatch: (done) => process.stdout.write(`\rfilling ${locale}: ${done}/${count}`),
    });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `\rfilled ${locale}: ${count} articles from ${words[locale].length} words in ${seconds.toFixed(0)} s (${(count / seconds).toFixed(0)}/s)`,
    );
  }

  const prisma = createPrismaClient(db.url);
  onCleanup(() => prisma.$disconnect());
  const counting = performance.now();
  const counted = await refreshSearchLexicon(prisma, { batchSize: 1_000 });
  console.log(`lexicon: counted ${counted} articles in ${((performance.now() - counting) / 1000).toFixed(0)} s`);
  // What autovacuum does within a minute of a bulk load, done before timing rather than raced.
  await prisma.$executeRaw`VACUUM ANALYZE`;
  const queries = Object.fromEntries(corpus.map(([locale]) => [locale, queriesFor(locale, words[locale], QUERIES)]));

  console.log(
    `use case: searchPublishedArticles, page 1 of ${PAGE_SIZE}, one query at a time after ${WARMUP_QUERIES} untimed`,
  );
  for (const [locale, count] of corpus) {
    const byKind = { exact: [] as number[], fallback: [] as number[] };
    let hits = 0;
    const list = queries[locale]!;
    for (const [i, query] of [...list.slice(0, WARMUP_QUERIES), ...list].entries()) {
      const start = performance.now();
      const result = await searchPublishedArticles(prisma, { locale, query, page: 1, pageSize: PAGE_SIZE });
      const elapsed = performance.now() - start;
      if (i < WARMUP_QUERIES || result.kind !== "results") continue;
      byKind[result.nearSpellings.length > 0 ? "fallback" : "exact"].push(elapsed);
      hits += result.total > 0 ? 1 : 0;
    }
    const label = `${locale} (${count / 1000}k)`;
    console.log(figures(`${label} all`, [...byKind.exact, ...byKind.fallback], `, ${hits} with results`));
    console.log(figures(`${label} exact`, byKind.exact));
    console.log(figures(`${label} near`, byKind.fallback, ", fell back to near spellings"));
  }

  if (!args["skip-http"]) {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    await bench.startServer(appDir, port, {
      DATABASE_URL: db.url,
      PUBLIC_SITE_URL: origin,
      // Throwaway secrets: nothing outlives this run.
      REVALIDATE_SECRET: randomBytes(32).toString("base64url"),
      AUTH_SECRET: randomBytes(32).toString("base64"),
    });
    console.log(`HTTP: GET {edition}/search?q=… on ${origin} (server/serve.ts), whole page read, one at a time`);
    for (const [locale, count] of corpus) {
      const { times, hits } = await timed(queries[locale]!, async (query) => {
        const response = await fetch(origin + searchPath(locale, query), {
          headers: { "accept-encoding": "gzip, br" },
        });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${searchPath(locale, query)}`);
        return html.includes("<mark") ? 1 : 0;
      });
      console.log(figures(`${locale} (${count / 1000}k)`, times, `, ${hits} pages with a highlight`));
    }
  }
  console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (serverLog.length > 0) console.error(`--- last lines from the server ---\n${serverLog.join("\n")}`);
  await exitAfterCleanup(1);
}
await exitAfterCleanup(0);
