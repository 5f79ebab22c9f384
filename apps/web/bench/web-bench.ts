// `npm run bench:web`: requests/s and latency of an Arabic article page (and the home page) under the public site's
// production server (server/serve.ts: Next.js behind its response cache), measured with autocannon, then Lighthouse
// (mobile) on the same article, which carries a library lead photo (a 4000×2667 photo-like JPEG, as a staff
// photographer's would be; --no-photo measures the text alone). Prints figures and asserts nothing.
// Measures the existing production build (`npm run build -w @minbar/web`) on a fresh database holding the seeds.
// Usage: npm run bench:web -- [--duration=12] [--connections=64] [--skip-home] [--skip-lighthouse] [--lighthouse-runs=5]
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { bench, seedsDir } from "@minbar/e2e";
import { importPaths } from "@minbar/importer";
import { e2eEnv, useMediaDir } from "@minbar/e2e/env";
import { addTestPhoto } from "@minbar/e2e/photos";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "12" },
    connections: { type: "string", default: "64" },
    "skip-home": { type: "boolean", default: false },
    "skip-lighthouse": { type: "boolean", default: false },
    "lighthouse-runs": { type: "string", default: "5" },
    "no-photo": { type: "boolean", default: false },
  },
});
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
if (!(DURATION_S > 0) || !(CONNECTIONS > 0)) throw new Error("--duration and --connections must be positive numbers");
const WARMUP_S = 3;
const LIGHTHOUSE_RUNS = Number(args["lighthouse-runs"]);
if (!Number.isInteger(LIGHTHOUSE_RUNS) || LIGHTHOUSE_RUNS < 1)
  throw new Error("--lighthouse-runs must be a positive integer");
const EXPECTED_SEEDS = 5;
const CHROMIUM = e2eEnv.chromiumPath;
// A ceiling on the whole run, so a hung server, database or browser never leaves it running (and holding a port).
const DEADLINE_MS = (4 * (WARMUP_S + DURATION_S) + 120 + 60 * LIGHTHOUSE_RUNS) * 1000;

const appDir = fileURLToPath(new URL("..", import.meta.url));

const { onCleanup, exitAfterCleanup, freePort, serverLog } = bench;
bench.installBenchGuards("bench:web", DEADLINE_MS);

// ---- helpers -------------------------------------------------------------------------------------------------------

async function seededDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  onCleanup(() => db.drop());
  const { results, counts } = await importPaths({ prisma: db.prisma, paths: [seedsDir] });
  if (counts.failed > 0 || counts.created !== EXPECTED_SEEDS) {
    const failures = results.filter((r) => r.outcome === "failed").map((r) => `${r.file}: ${r.detail}`);
    throw new Error(
      `Seed import did not create ${EXPECTED_SEEDS} articles: ${JSON.stringify(counts)} ${failures.join("; ")}`,
    );
  }
  return db;
}

/** A lead photo for the newest Arabic article: the one the home page links first, which the bench measures. */
async function addLeadPhoto(db: TestDatabase): Promise<string> {
  const newest = await db.prisma.articleLocalization.findFirstOrThrow({
    where: { locale: "ar", status: "published" },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  const photo = await addTestPhoto(db, {
    width: 4000,
    height: 2667,
    background: "#5a7d9a",
    noise: true,
    captions: { ar: "صورة للاختبار" },
    alts: { ar: "صورة للاختبار" },
  });
  await db.prisma.article.update({ where: { id: newest.articleId }, data: { leadImageId: photo.id } });
  return `lead photo ${photo.width}×${photo.height}, renditions ${photo.renditionKey}`;
}

/** The first article linked from the Arabic home page, as the canonical (percent-encoded) URL the site links to. */
async function firstArticleUrl(origin: string): Promise<string> {
  const html = await (await fetch(`${origin}/`)).text();
  const href = /href="(\/news\/\d+\/[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error("No /news/{id}/{slug} link on the home page");
  return origin + href.replaceAll("&amp;", "&");
}

// Every browser asks for a compressed page, and so does this bench; uncompressed, autocannon's own decoding of the
// bodies would be what is measured (docs/decisions/0003-response-cache-in-front-of-next.md).
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd", accept: "text/html,application/xhtml+xml" };

/** A response's body as sent, not decoded: fetch would hand over the decompressed bytes. */
function rawResponse(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

async function describePage(url: string): Promise<string> {
  const first = await rawResponse(url);
  // The front cache keeps a page once its compressed forms are ready; the sizes printed are those it serves.
  let plain = first;
  for (let i = 0; i < 40 && plain.headers["x-cache"] === "MISS"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    plain = await rawResponse(url);
  }
  const compressed = await rawResponse(url, { "accept-encoding": "br" });
  const header = (name: string) => first.headers[name] ?? "none";
  return (
    `HTTP ${plain.status}, ${(plain.bytes / 1024).toFixed(1)} KiB (${plain.bytes} bytes; ${compressed.bytes} bytes as ${compressed.headers["content-encoding"] ?? "identity"}), ` +
    `cache-control: ${header("cache-control")}, x-cache: ${header("x-cache")} then ${plain.headers["x-cache"] ?? "none"}, x-nextjs-cache: ${header("x-nextjs-cache")}`
  );
}

async function load(label: string, url: string) {
  // A short untimed run first, so JIT compilation, connection pools and any render cache are warm.
  await autocannon({ url, headers: BROWSER_HEADERS, connections: CONNECTIONS, duration: WARMUP_S });
  const r = await autocannon({ url, headers: BROWSER_HEADERS, connections: CONNECTIONS, duration: DURATION_S });
  const non2xx = r.non2xx;
  console.log(
    `${label.padEnd(8)} ${r.requests.average.toFixed(0).padStart(6)} req/s   ` +
      `latency p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms   ` +
      `${r.requests.total} requests in ${r.duration.toFixed(1)} s, non-2xx ${non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
  );
}

async function lighthouseRuns(url: string, runs: number) {
  // Imported here so `--skip-lighthouse` works even where Lighthouse cannot load.
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
  const results: Lhr[] = [];
  for (let run = 0; run < runs; run++) {
    // A fresh browser each time: nothing cached from the previous run.
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      // The last two flags keep Chromium from reaching for Google's hosts on a machine with no internet.
      chromeFlags: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
      ],
      // Ours, not chrome-launcher's: its handler would exit before the server and database are cleaned up.
      handleSIGINT: false,
      logLevel: "silent",
    });
    try {
      // Mobile form factor, simulated throttling: Lighthouse's defaults.
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        maxWaitForLoad: 45_000,
      });
      if (!result) throw new Error("Lighthouse returned no result");
      results.push(result.lhr);
    } finally {
      chrome.kill();
    }
  }
  const score = (lhr: Lhr, id: string) => {
    const value = lhr.categories[id]?.score;
    return value === null || value === undefined ? Number.NaN : Math.round(value * 100);
  };
  for (const lhr of results) {
    const weight = lhr.audits["total-byte-weight"];
    const lcp = lhr.audits["largest-contentful-paint-element"]?.details;
    const lcpItem = lcp && "items" in lcp ? JSON.stringify(lcp.items[0] ?? {}).slice(0, 160) : "n/a";
    console.log(`  page weight ${weight?.displayValue ?? "n/a"}; LCP element ${lcpItem}`);
  }
  const metrics = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
  ];
  for (const lhr of results) {
    console.log(
      `  run: performance ${score(lhr, "performance")}   ${metrics.map((id) => `${id.replace(/-/g, " ")} ${lhr.audits[id]?.displayValue ?? "n/a"}`).join(", ")}`,
    );
  }
  // Lighthouse's own advice for simulated throttling, whose figures move from run to run: report the median run.
  const median = [...results].sort((a, b) => score(a, "performance") - score(b, "performance"))[
    Math.floor(results.length / 2)
  ]!;
  if (median.runtimeError)
    console.log(`lighthouse runtime error: ${median.runtimeError.code} ${median.runtimeError.message}`);
  for (const warning of median.runWarnings) console.log(`lighthouse warning: ${warning}`);
  console.log(
    `lighthouse ${median.lighthouseVersion} (${median.configSettings.formFactor}, ${median.configSettings.throttlingMethod} throttling), median of ${results.length} runs: ` +
      `performance ${score(median, "performance")}, accessibility ${score(median, "accessibility")}, best practices ${score(median, "best-practices")}, SEO ${score(median, "seo")}`,
  );
  const audits = median.audits;
  console.log(
    `  host benchmark index ${median.environment.benchmarkIndex}, CPU slowdown ${median.configSettings.throttling.cpuSlowdownMultiplier}×`,
  );
  const breakdown = audits["mainthread-work-breakdown"]?.details;
  if (breakdown && "items" in breakdown) {
    const items = breakdown.items as { group?: unknown; duration?: unknown }[];
    console.log(
      `  main thread (simulated): ${items.map((item) => `${String(item.group)} ${Math.round(Number(item.duration))} ms`).join(", ")}`,
    );
  }
  // What cost points, so a score under 100 says where to look.
  for (const category of Object.values(median.categories)) {
    for (const ref of category.auditRefs) {
      const audit = audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        console.log(
          `  ${category.title}: ${audit.title} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""})`,
        );
        const items =
          audit.details && "items" in audit.details && Array.isArray(audit.details.items) ? audit.details.items : [];
        for (const item of items.slice(0, 3)) console.log(`    ${JSON.stringify(item).slice(0, 300)}`);
      }
    }
  }
}

// ---- the run -------------------------------------------------------------------------------------------------------

await bench.requireProductionBuild(appDir, "@minbar/web", "bench:web");

try {
  const mediaDir = mkdtempSync(join(tmpdir(), "minbar-bench-media-"));
  useMediaDir(mediaDir);
  onCleanup(async () => rmSync(mediaDir, { recursive: true, force: true }));
  const db = await seededDatabase();
  const photo = args["no-photo"] ? "no photo (--no-photo)" : await addLeadPhoto(db);
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  await bench.startServer(appDir, port, {
    DATABASE_URL: db.url,
    PUBLIC_SITE_URL: origin,
    // Throwaway secrets: nothing outlives this run.
    REVALIDATE_SECRET: randomBytes(32).toString("base64url"),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    MEDIA_DIR: mediaDir,
  });
  const articleUrl = await firstArticleUrl(origin);
  console.log(
    `server: server/serve.ts (next start's build behind the response cache) on ${origin}, database ${db.name} (${EXPECTED_SEEDS} seed articles)`,
  );
  console.log(`article: ${decodeURI(articleUrl)}, ${photo}\n  ${await describePage(articleUrl)}`);
  console.log(`home:    ${origin}/\n  ${await describePage(`${origin}/`)}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S} s warm-up`);
  // Other work on the machine shares its cores with both the server and autocannon; the load says how much.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min) before`);
  await load("article", articleUrl);
  if (!args["skip-home"]) await load("home", `${origin}/`);
  console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
  if (!args["skip-lighthouse"]) await lighthouseRuns(articleUrl, LIGHTHOUSE_RUNS);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (serverLog.length > 0) console.error(`--- last lines from the server ---\n${serverLog.join("\n")}`);
  await exitAfterCleanup(1);
}
await exitAfterCleanup(0);
