// `npm run bench:web`: requests/s and latency of an Arabic article page (and the home page) under the public site's
// production server (server/serve.ts: Next.js behind its response cache), measured with autocannon, then Lighthouse
// (mobile) on the same article. Prints figures and asserts nothing.
// Measures the existing production build (`npm run build -w @minbar/web`) on a fresh database holding the seeds.
// Usage: npm run bench:web -- [--duration=12] [--connections=64] [--skip-home] [--skip-lighthouse]
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { bench, seedsDir } from "@minbar/e2e";
import { importPaths } from "@minbar/importer";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "12" },
    connections: { type: "string", default: "64" },
    "skip-home": { type: "boolean", default: false },
    "skip-lighthouse": { type: "boolean", default: false },
  },
});
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
if (!(DURATION_S > 0) || !(CONNECTIONS > 0)) throw new Error("--duration and --connections must be positive numbers");
const WARMUP_S = 3;
const EXPECTED_SEEDS = 5;
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
// A ceiling on the whole run, so a hung server, database or browser never leaves it running (and holding a port).
const DEADLINE_MS = (4 * (WARMUP_S + DURATION_S) + 240) * 1000;

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
    throw new Error(`Seed import did not create ${EXPECTED_SEEDS} articles: ${JSON.stringify(counts)} ${failures.join("; ")}`);
  }
  return db;
}

/** The first article linked from the Arabic home page, as the canonical (percent-encoded) URL the site links to. */
async function firstArticleUrl(origin: string): Promise<string> {
  const html = await (await fetch(`${origin}/`)).text();
  const href = /href="(\/news\/\d+\/[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error("No /news/{id}/{slug} link on the home page");
  return origin + href.replaceAll("&amp;", "&");
}

// Every browser asks for a compressed page, and so does this bench. It matters for the client too: autocannon turns
// each response body into a JS string, and for 100 KiB of Arabic HTML that costs it more CPU than the server spends
// (a trivial server sending the same bytes uncompressed tops out near 400 req/s under autocannon on this machine).
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd", accept: "text/html,application/xhtml+xml" };

async function describePage(url: string): Promise<string> {
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.arrayBuffer();
  const compressed = await fetch(url, { redirect: "manual", headers: { "accept-encoding": "br" } });
  const sent = (await compressed.arrayBuffer()).byteLength;
  const header = (name: string) => response.headers.get(name) ?? "none";
  return (
    `HTTP ${response.status}, ${(body.byteLength / 1024).toFixed(1)} KiB (${compressed.headers.get("content-length") ?? sent} bytes as ${compressed.headers.get("content-encoding") ?? "identity"}), ` +
    `cache-control: ${header("cache-control")}, x-cache: ${header("x-cache")}, x-nextjs-cache: ${header("x-nextjs-cache")}`
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

async function lighthouseRun(url: string) {
  // Imported here so `--skip-lighthouse` works even where Lighthouse cannot load.
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    // The last two flags keep Chromium from reaching for Google's hosts on a machine with no internet.
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"],
    // Ours, not chrome-launcher's: its handler would exit before the server and database are cleaned up.
    handleSIGINT: false,
    logLevel: "silent",
  });
  onCleanup(async () => void chrome.kill());
  // Mobile form factor, simulated throttling: Lighthouse's defaults.
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    maxWaitForLoad: 45_000,
  });
  if (!result) throw new Error("Lighthouse returned no result");
  const { lhr } = result;
  if (lhr.runtimeError) console.log(`lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const warning of lhr.runWarnings) console.log(`lighthouse warning: ${warning}`);
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    return value === null || value === undefined ? "n/a" : String(Math.round(value * 100));
  };
  console.log(
    `lighthouse ${lhr.lighthouseVersion} (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling): ` +
      `performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}, SEO ${score("seo")}`,
  );
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
  console.log(`  ${metrics.map((id) => `${lhr.audits[id]?.title}: ${lhr.audits[id]?.displayValue ?? "n/a"}`).join(", ")}`);
  // Where the time goes, even when no single audit fails.
  const opportunities = Object.values(lhr.audits)
    .filter((audit) => audit.details?.type === "opportunity" && (audit.numericValue ?? 0) > 0)
    .map((audit) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
  if (opportunities.length > 0) console.log(`  opportunities: ${opportunities.join("; ")}`);
  // What cost points, so a score under 100 says where to look.
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        console.log(`  ${category.title}: ${audit.title} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""})`);
        const items = audit.details && "items" in audit.details && Array.isArray(audit.details.items) ? audit.details.items : [];
        for (const item of items.slice(0, 3)) console.log(`    ${JSON.stringify(item).slice(0, 300)}`);
      }
    }
  }
}

// ---- the run -------------------------------------------------------------------------------------------------------

await bench.requireProductionBuild(appDir, "@minbar/web", "bench:web");

try {
  const db = await seededDatabase();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  await bench.startServer(appDir, port, {
    DATABASE_URL: db.url,
    PUBLIC_SITE_URL: origin,
    // Throwaway secrets: nothing outlives this run.
    REVALIDATE_SECRET: randomBytes(32).toString("base64url"),
    AUTH_SECRET: randomBytes(32).toString("base64"),
  });
  const articleUrl = await firstArticleUrl(origin);
  console.log(`server: server/serve.ts (next start's build behind the response cache) on ${origin}, database ${db.name} (${EXPECTED_SEEDS} seed articles)`);
  console.log(`article: ${decodeURI(articleUrl)}\n  ${await describePage(articleUrl)}`);
  console.log(`home:    ${origin}/\n  ${await describePage(`${origin}/`)}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S} s warm-up`);
  // Other work on the machine shares its cores with both the server and autocannon; the load says how much.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min) before`);
  await load("article", articleUrl);
  if (!args["skip-home"]) await load("home", `${origin}/`);
  console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
  if (!args["skip-lighthouse"]) await lighthouseRun(articleUrl);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (serverLog.length > 0) console.error(`--- last lines from the server ---\n${serverLog.join("\n")}`);
  await exitAfterCleanup(1);
}
await exitAfterCleanup(0);
