// `npm run bench:cluster`: article pages through Varnish (the cluster's, two public-site instances behind it) beside
// nginx serving the same bytes from a file, 64 connections for 30 s each (wrk), and the time from publishing a change
// in the admin to the new text through Varnish, over 50 publishes. Targets (docs/decisions/0039): at least 0.8× nginx's
// requests/s, p99 at most 20 ms, publish-to-visible p95 at most 1 s.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser, ensureBuiltInRoles } from "@minbar/db/accounts";
import { bench, createSeededDatabase } from "@minbar/e2e";
import {
  approvedThroughAdmin,
  publishNewBody,
  publishThroughAdmin,
  signInToAdmin,
  type AdminText,
} from "../src/admin-client.ts";
import { ADMIN_DIR, startCluster, WEB_DIR } from "../src/cluster.ts";
import { TEST_PORTS } from "../src/ports.ts";
import { startRedis } from "@minbar/e2e/redis";
import { ensureVarnish } from "../src/varnish.ts";

const CONNECTIONS = 64;
const SECONDS = 30;
const PUBLISHES = 50;
const TITLE = "خبر قياس الأداء";
const EDITOR = { email: "bench-editor@minbar.test", name: "Bench Editor", password: "bench editor passphrase" };

type WrkFigures = { requestsPerSecond: number; p50Ms: number; p99Ms: number; failed: number; requests: number };

/** The bytes a reader gets for `url` with gzip accepted, and the headers that describe them. */
function rawPage(url: string): Promise<{ body: Buffer; type: string; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          body: Buffer.concat(chunks),
          type: String(res.headers["content-type"]),
          encoding: res.headers["content-encoding"],
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

function milliseconds(value: string, unit: string): number {
  return Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? Number.NaN);
}

/** wrk with latency percentiles; gzip accepted, as browsers do. */
function wrk(url: string): WrkFigures {
  const run = spawnSync(
    "wrk",
    ["-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", "-H", "Accept-Encoding: gzip", url],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const out = run.stdout;
  const latency = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, "m").exec(out);
    return match ? milliseconds(match[1]!, match[2]!) : Number.NaN;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50Ms: latency("50"),
    p99Ms: latency("99"),
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    failed:
      Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
      (errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

/** nginx on `port` serving `page` (with the given type and encoding) for every path; stopped at cleanup. */
async function startNginx(port: number, page: { body: Buffer; type: string; encoding: string | undefined }) {
  const dir = mkdtempSync(join(tmpdir(), "minbar-bench-nginx-"));
  // nginx's workers run unprivileged and read the page from here.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "page"), page.body);
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { }
  default_type "${page.type}";
  server {
    listen 127.0.0.1:${port};
    location / {
      ${page.encoding ? `add_header Content-Encoding ${page.encoding};` : ""}
      try_files /page =404;
      root ${dir};
    }
  }
}
`,
  );
  const child = spawn("nginx", ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: "inherit" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  bench.onCleanup(async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
  for (let attempt = 0; attempt < 50; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (response) => response.arrayBuffer().then(() => response.ok),
      () => false,
    );
    if (ok) return `http://127.0.0.1:${port}/`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("nginx did not start (see above)");
}

async function main() {
  bench.installBenchGuards("bench:cluster", 15 * 60_000);
  ensureVarnish("npm run bench:cluster");
  await bench.requireProductionBuild(WEB_DIR, "@minbar/web", "bench:cluster");
  await bench.requireProductionBuild(ADMIN_DIR, "@minbar/admin", "bench:cluster");
  const redis = await startRedis(TEST_PORTS.bench.redis);
  bench.onCleanup(() => redis.stop());
  const db = await createSeededDatabase(async ({ prisma }) => {
    await ensureBuiltInRoles(prisma);
    await createUser(prisma, { ...EDITOR, roleKeys: ["editor"] });
  });
  bench.onCleanup(() => db.drop());
  const cluster = await startCluster({
    databaseUrl: db.url,
    redisUrl: redis.url,
    ports: { varnish: TEST_PORTS.varnishForBench, web: TEST_PORTS.bench.web, admin: TEST_PORTS.bench.admin },
    secrets: {
      auth: randomBytes(32).toString("base64"),
      revalidate: randomBytes(24).toString("base64url"),
      preview: randomBytes(32).toString("base64"),
    },
    env: { LOG_LEVEL: "warn", MEDIA_DIR: mkdtempSync(join(tmpdir(), "minbar-bench-media-")) },
  });
  bench.onCleanup(() => cluster.stop());
  const admins = await Promise.all(
    cluster.admin.map((admin) => signInToAdmin(admin.origin, EDITOR.email, EDITOR.password)),
  );

  // The page under load: a story published through the admin, then changed 50 times for the second measure.
  const live = await publishThroughAdmin(
    admins[0]!,
    await approvedThroughAdmin(admins[0]!, TITLE, ["bench-version-0"]),
  );
  const path = new URL(live.url).pathname;
  const varnishUrl = `http://127.0.0.1:${TEST_PORTS.varnishForBench}${path}`;
  for (let warm = 0; warm < 3; warm++) await rawPage(varnishUrl);
  const page = await rawPage(varnishUrl);
  const nginxUrl = await startNginx(TEST_PORTS.nginx, page);

  console.log(
    `page ${path}: ${page.body.length} bytes (${page.encoding ?? "identity"}), ${CONNECTIONS} connections, ${SECONDS} s each`,
  );
  const varnish = wrk(varnishUrl);
  const nginx = wrk(nginxUrl);
  const row = (name: string, f: WrkFigures) =>
    `${name.padEnd(8)} ${f.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${f.p50Ms.toFixed(2)} ms   p99 ${f.p99Ms.toFixed(2)} ms   failed ${f.failed} of ${f.requests}`;
  console.log(row("varnish", varnish));
  console.log(row("nginx", nginx));
  console.log(
    `ratio    ${(varnish.requestsPerSecond / nginx.requestsPerSecond).toFixed(2)}× nginx (target ≥ 0.8×; p99 target ≤ 20 ms)`,
  );

  // Publish to visible: each change published through an admin (alternately the two), then the page through Varnish
  // polled every 10 ms until it shows the change; the page is cached (HIT) before each publish.
  let text: AdminText = live.text;
  const times: number[] = [];
  for (let index = 1; index <= PUBLISHES; index++) {
    await fetch(varnishUrl).then((response) => response.arrayBuffer());
    const started = performance.now();
    text = await publishNewBody(admins[index % 2]!, text, TITLE, [`bench-version-${index}`]);
    for (;;) {
      const body = await fetch(varnishUrl).then((response) => response.text());
      if (body.includes(`bench-version-${index}<`)) break;
      if (performance.now() - started > 30_000) throw new Error(`publish ${index} not visible after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    times.push(performance.now() - started);
  }
  console.log(
    `publish → visible through Varnish (${PUBLISHES} publishes, save + publish changes in the admin): p50 ${bench.percentile(times, 50).toFixed(0)} ms, p95 ${bench.percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (target p95 ≤ 1 s)`,
  );
  await bench.exitAfterCleanup(0);
}

main().catch((error: unknown) => bench.exitAfterCleanup(1, error instanceof Error ? error.stack : String(error)));
