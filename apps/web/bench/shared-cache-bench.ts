// `npm run bench:shared-cache`: what sharing Next's cache on Redis costs (docs/decisions/0038-shared-next-cache.md).
// 1. The time a revalidation takes to expire a signal's tags on Redis (server/next-cache.ts, through the library's
//    redis-strings handler, which scans its whole tag index per tag) as the number of cached entries grows.
// 2. Article pages answered by Next itself (the response cache off, FRONT_CACHE_MB=0, as behind Varnish): its cache in
//    memory, then shared on Redis (each request reads the page from Redis), measured with autocannon.
// Runs its own redis-server (--redis-port, default 6402) and a fresh seeded database; prints figures, asserts nothing.
// Usage: npm run bench:shared-cache -- [--entries=1000,10000,30000] [--duration=10] [--connections=32] [--skip-serving]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createTestDatabase } from "@minbar/db/testing";
import { bench, seedsDir } from "@minbar/e2e";
import { importPaths } from "@minbar/importer";
import { createNextCache } from "../server/next-cache.ts";

const { values: args } = parseArgs({
  options: {
    entries: { type: "string", default: "1000,10000,30000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    "redis-port": { type: "string", default: "6402" },
    port: { type: "string", default: "3470" },
    "skip-serving": { type: "boolean", default: false },
  },
});
const SIZES = args.entries.split(",").map(Number);
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const REDIS_PORT = Number(args["redis-port"]);
const SITE_PORT = Number(args.port);
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
const appDir = fileURLToPath(new URL("..", import.meta.url));

const { onCleanup, exitAfterCleanup } = bench;
bench.installBenchGuards("bench:shared-cache", 15 * 60 * 1000);

async function startRedis(): Promise<void> {
  const child = spawn(
    "redis-server",
    ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  onCleanup(async () => {
    child.kill("SIGTERM");
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

const median = (values: number[]) => bench.percentile(values, 50);

/** A data entry as the library's CacheHandler hands it over, tagged like an article page's data. */
function entry(i: number) {
  return {
    lastModified: Date.now(),
    lifespan: null,
    tags: [`article:${i}`, "sections", `source:agency-${i % 20}`, `tag:tag-${i % 300}`, `tag:tag-${(i * 7) % 300}`],
    value: { kind: "FETCH", data: { headers: {}, body: "x".repeat(2_000), status: 200, url: "" }, revalidate: false },
  } as unknown as Parameters<ReturnType<typeof createNextCache>["config"]["handlers"][number]["set"]>[1];
}

async function expiryCost() {
  console.log("Expiring one signal's tags (an article: 10 tags) on Redis, median of 5:");
  for (const size of SIZES) {
    const cache = createNextCache({ redisUrl: REDIS_URL, keyPrefix: `bench:${size}:`, memoryBytes: 1024 });
    const handler = cache.config.handlers[0]!;
    for (
      let tries = 0;
      tries < 50 &&
      !(await cache.expireTags([]).then(
        () => true,
        () => false,
      ));
      tries++
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    for (let start = 0; start < size; start += 100)
      await Promise.all(
        Array.from({ length: Math.min(100, size - start) }, (_, j) => handler.set(`k${start + j}`, entry(start + j))),
      );
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const tags = [
        `article:${run}`,
        "listing:front",
        "feed:ar",
        "feed:ru",
        "feed:en",
        "sitemap",
        `source:agency-${run}`,
        `tag:tag-${run}`,
        `tag:tag-${run + 1}`,
        "section:1",
      ];
      const started = performance.now();
      await cache.expireTags(tags);
      times.push(performance.now() - started);
    }
    console.log(`  ${String(size).padStart(6)} entries: ${median(times).toFixed(1)} ms`);
    await cache.close();
  }
}

async function serving() {
  const db = await createTestDatabase();
  onCleanup(() => db.drop());
  await importPaths({ prisma: db.prisma, paths: [seedsDir] });
  console.log(
    `Article page answered by Next (FRONT_CACHE_MB=0), ${CONNECTIONS} connections, ${DURATION_S} s, gzip accepted:`,
  );
  for (const [label, extra] of [
    ["memory", {}],
    ["redis", { REDIS_URL }],
    ["memory", {}],
  ] as const) {
    const server = await bench.startServer(appDir, SITE_PORT, {
      DATABASE_URL: db.url,
      PUBLIC_SITE_URL: `http://localhost:${SITE_PORT}`,
      FRONT_CACHE_MB: "0",
      LOG_LEVEL: "warn",
      ...extra,
    });
    const html = await (await fetch(`http://localhost:${SITE_PORT}/`)).text();
    const href = /href="(\/news\/\d+\/[^"]+)"/.exec(html)?.[1];
    if (!href) throw new Error("no article link on the front page");
    const url = `http://localhost:${SITE_PORT}${href}`;
    const headers = { "accept-encoding": "gzip" };
    await autocannon({ url, headers, connections: CONNECTIONS, duration: 3 });
    const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
    // Once the requests the load left under way are answered.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await fetch(url, { headers });
    await after.arrayBuffer();
    console.log(
      `  ${label.padEnd(6)} ${r.requests.average.toFixed(0).padStart(5)} req/s, latency p50 ${r.latency.p50} ms, ` +
        `p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}; then x-nextjs-cache: ` +
        `${after.headers.get("x-nextjs-cache")}, xkey: ${after.headers.get("xkey")}, ` +
        `cache-control: ${after.headers.get("cache-control")}`,
    );
    const exited = new Promise((resolve) => server.once("exit", resolve));
    process.kill(-server.pid!, "SIGTERM");
    await exited;
  }
}

try {
  await startRedis();
  await expiryCost();
  if (!args["skip-serving"]) await serving();
  await exitAfterCleanup(0);
} catch (error) {
  await exitAfterCleanup(1, error instanceof Error ? (error.stack ?? error.message) : String(error));
}
