// `npm run bench:import`: imports a generated corpus into a fresh PostgreSQL database and prints articles/s.
// Usage: npm run bench:import -- [count=10000] [concurrency]   (statements in flight; default: the CLI's)
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import { DEFAULT_CONCURRENCY, IMPORT_CONNECTIONS, importPaths } from "../src/index.ts";

const count = Number(process.argv[2] ?? 10_000);
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

const corpusBytes = (await Promise.all((await readdir(dir)).map((name) => stat(join(dir, name))))).reduce(
  (sum, info) => sum + info.size,
  0,
);

/*
 * CPU time, which a shared machine does not blur the way it blurs wall-clock time: this process's (all its threads)
 * and that of the PostgreSQL backends serving the bench database, read from /proc when the server runs on this
 * machine (a backend's process title names its database). Background processes (WAL writer, checkpointer) are
 * counted apart: they serve every database on the server.
 */
type CpuSnapshot = { node: number; backends: Map<number, number>; background: number };

function processCpuMs(pid: string): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

function cpuSnapshot(database: string): CpuSnapshot {
  const node = process.cpuUsage();
  const snapshot: CpuSnapshot = { node: (node.user + node.system) / 1000, backends: new Map(), background: 0 };
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return snapshot;
  }
  for (const pid of pids) {
    let title: string;
    try {
      title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      continue;
    }
    if (!title.startsWith("postgres: ")) continue;
    const ms = processCpuMs(pid);
    if (ms === null) continue;
    if (title.includes(` ${database} `)) snapshot.backends.set(Number(pid), ms);
    else if (/: (walwriter|checkpointer|background writer|autovacuum)/.test(title)) snapshot.background += ms;
  }
  return snapshot;
}

/**
 * The machine's two kinds of lost time over a run, from /proc/stat: the share of CPU time the hypervisor gave to
 * other guests (steal), which slows everything here without showing in any process's figures, and how busy the
 * cores were. Null where /proc/stat is not readable.
 */
function hostTimes(): { steal: number; idle: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { steal, idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return null;
  }
}

function describeHost(before: ReturnType<typeof hostTimes>, after: ReturnType<typeof hostTimes>): string {
  if (!before || !after || after.total === before.total) return "host: not measured";
  const share = (ticks: number) => `${Math.round((100 * ticks) / (after.total - before.total))}%`;
  return `host: cores busy ${share(after.total - before.total - (after.idle - before.idle) - (after.steal - before.steal))}, stolen by the hypervisor ${share(after.steal - before.steal)}`;
}

function cpuPerArticle(before: CpuSnapshot, after: CpuSnapshot, articles: number) {
  let backends = 0;
  for (const [pid, ms] of after.backends) backends += ms - (before.backends.get(pid) ?? 0);
  const per = (ms: number) => (ms / articles).toFixed(2);
  const seen = after.backends.size > 0;
  return (
    `CPU per article: node ${per(after.node - before.node)} ms, PostgreSQL backends ${seen ? `${per(backends)} ms` : "not visible (server not local?)"}` +
    (seen ? ` (+ background ${per(after.background - before.background)} ms)` : "")
  );
}

// createTestDatabase makes a fresh, migrated database; drop() below removes it whatever happens.
const db = await createTestDatabase();
try {
  // The closing snapshot is taken when the last result arrives, while the import's connections are still open.
  const measured = async () => {
    const before = cpuSnapshot(db.name);
    const hostBefore = hostTimes();
    let after: CpuSnapshot | null = null;
    let hostAfter: ReturnType<typeof hostTimes> = null;
    let seen = 0;
    const onResult = () => {
      if (++seen === count) {
        after = cpuSnapshot(db.name);
        hostAfter = hostTimes();
      }
    };
    const started = performance.now();
    const summary = await importPaths({ prisma: db.prisma, databaseUrl: db.url, paths: [dir], concurrency, onResult });
    const ms = performance.now() - started;
    return {
      summary,
      ms,
      cpu: `${cpuPerArticle(before, after ?? cpuSnapshot(db.name), count)}\n               ${describeHost(hostBefore, hostAfter ?? hostTimes())}`,
    };
  };
  const { summary: first, ms: firstMs, cpu: firstCpu } = await measured();
  const { summary: again, ms: againMs, cpu: againCpu } = await measured();
  for (const failure of [...first.results, ...again.results].filter((r) => r.outcome === "failed").slice(0, 5)) {
    console.log(`failed: ${failure.file}: ${failure.detail}`);
  }
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
  console.log(
    `corpus: ${count} generated articles, ${(corpusBytes / 1024 / 1024).toFixed(1)} MiB (${seeds.length} seeds varied)`,
  );
  console.log(
    `database: PostgreSQL, fresh database ${db.name}; importer ${Math.min(IMPORT_CONNECTIONS, concurrency)} pipelined connection(s), ${concurrency} statements in flight`,
  );
  console.log(
    `first import:  ${first.counts.created} created, ${first.counts.failed} failed in ${(firstMs / 1000).toFixed(2)} s → ${rate(count, firstMs)} articles/s`,
  );
  console.log(`               ${firstCpu}`);
  console.log(
    `second import: ${again.counts.unchanged} unchanged in ${(againMs / 1000).toFixed(2)} s → ${rate(count, againMs)} articles/s`,
  );
  console.log(`               ${againCpu}`);
} finally {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
