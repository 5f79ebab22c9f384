// `npm run bench:media`: the media library on this machine. Prints how long storing an upload takes (p50/p95 for a
// 6 MB, 24-megapixel JPEG: checks, hash, original stored, record written), how long making all renditions of one
// image takes, the memory peak while doing either, and how fast a cached rendition is served (requests/s and p99 at
// 64 connections with wrk) by the public site's production server (apps/web/server/serve.ts; without Next's build,
// its rendition handler in a plain server), beside nginx serving the same file in the same run. Prints figures and
// PASS/FAIL against the targets, and asserts nothing (docs/decisions/0015-benchmarks-print-figures.md). Needs
// `wrk` and `nginx` for the serving part (Debian: apt-get install wrk nginx); without them it says so and measures
// the rest. Figures and why: docs/decisions/0033-media-serving-and-bench.md.
// Usage: npm run bench:media -- [--uploads=20] [--renditions=5] [--duration=10] [--connections=64]
import { execFile, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { createRenditionHandler, FileSystemMediaStorage } from "@minbar/media";
import sharp from "sharp";
import { inheritedEnv } from "../src/env.ts";
import { makeImageRenditions, uploadImage } from "../src/media/upload-image.ts";
import { PERMISSIONS, type Actor } from "../src/permissions.ts";
import { createTestDatabase } from "../src/testing.ts";

const { values: args } = parseArgs({
  options: {
    uploads: { type: "string", default: "20" },
    renditions: { type: "string", default: "5" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "64" },
  },
});
const UPLOADS = Number(args.uploads);
const RENDITION_RUNS = Number(args.renditions);
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const TARGETS = { uploadP95Ms: 1000, renditionsMs: 5000, servingRatio: 0.5 };
/** What the public site's securityHeaders({ https: false, scriptFiles: false }) gives every response. */
const SITE_SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data: https: http:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
};

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

/** The resident memory peak while `run` runs, sampled every 10 ms. */
async function withMemoryPeak<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const value = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** A photo-like 6000×4000 JPEG of about 6 MB: blurred noise (detail everywhere, as a sharp photo has). */
async function photo(): Promise<Buffer> {
  const pixels = await sharp({
    create: {
      width: 6000,
      height: 4000,
      channels: 3,
      background: "#5a7d9a",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .blur(1.2)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(pixels.data, { raw: pixels.info }).jpeg({ quality: 90 }).toBuffer();
}

/** The same picture with a JPEG comment of its own after SOI: different bytes (a new upload), same decoding work. */
function variant(jpeg: Buffer, n: number): Buffer {
  const text = Buffer.from(`bench upload ${n} ${Date.now()}`);
  const marker = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), marker, text, jpeg.subarray(2)]);
}

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

type WrkResult = { requestsPerSecond: number; p99Ms: number; non2xx: number; line: string };

// Asynchronous: the server under test answers from this very process, whose event loop must stay free.
const run = promisify(execFile);

async function wrk(url: string, seconds = DURATION_S): Promise<WrkResult> {
  const { stdout: out } = await run("wrk", [
    "-t2",
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    "--latency",
    "-H",
    "Accept-Encoding: identity",
    url,
  ]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99Ms = p99 ? Number(p99[1]) * (p99[2] === "us" ? 0.001 : p99[2] === "s" ? 1000 : 1) : Number.NaN;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { requestsPerSecond: rps, p99Ms, non2xx, line: `${rps.toFixed(0)} req/s, p99 ${p99Ms.toFixed(2)} ms` };
}

const webDir = fileURLToPath(new URL("../../../apps/web/", import.meta.url));

/**
 * Starts the public site's production server (apps/web/server/serve.ts, as `npm start -w @minbar/web` does) on
 * `port`, serving this bench's media folder; null when Next's build is missing or the server does not come up.
 */
async function startWebServer(port: number, path: string): Promise<{ label: string } | null> {
  if (!existsSync(join(webDir, ".next", "BUILD_ID"))) return null;
  // The bench's database and media folder; no bucket, default cache sizes.
  const env = inheritedEnv({
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: db.url,
    PUBLIC_SITE_URL: `http://localhost:${port}`,
    MEDIA_DIR: join(work, "media"),
    MEDIA_S3_BUCKET: undefined,
    MEDIA_CACHE_MB: undefined,
    FRONT_CACHE_MB: undefined,
  });
  const child = spawn(process.execPath, ["--import", "tsx", "server/serve.ts", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: webDir,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  cleanups.push(stop);
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).status === 200)
        return { label: `the public site's production server, apps/web/server/serve.ts, Node ${process.version}` };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  console.log("  (the public site's server did not start: measuring the handler in a plain server instead)");
  return null;
}

async function startNginx(root: string, port: number, work: string): Promise<() => void> {
  const conf = join(work, "nginx.conf");
  // As one would serve a folder of renditions: sendfile, keep-alive, the same cache header; one worker per core.
  writeFileSync(
    conf,
    `worker_processes auto;
pid ${join(work, "nginx.pid")};
error_log ${join(work, "nginx-error.log")};
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { image/webp webp; image/avif avif; image/jpeg jpeg; }
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${port};
    location /media/ { alias ${root}/; add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
`,
  );
  const child = spawn("nginx", ["-c", conf, "-p", work], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return () => child.kill("SIGQUIT");
}

const work = mkdtempSync(join(tmpdir(), "minbar-bench-media-"));
// nginx's workers run as an unprivileged user when started by root: they must be able to read the files.
chmodSync(work, 0o755);
const storage = new FileSystemMediaStorage(join(work, "media"));
const db = await createTestDatabase();
const cleanups: (() => unknown)[] = [() => db.drop(), () => rmSync(work, { recursive: true, force: true })];
let server: Server | undefined;

try {
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min)`);
  const user = await db.prisma.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, permissions: new Set(PERMISSIONS) };
  const base = await photo();
  const meta = await sharp(base).metadata();
  console.log(
    `upload: a ${meta.width}×${meta.height} JPEG (${((meta.width * meta.height) / 1e6).toFixed(0)} MP) of ${(base.length / 1024 / 1024).toFixed(1)} MB, ${UPLOADS} uploads, each with new bytes`,
  );

  // --- Storing an upload ----------------------------------------------------------------------------------------
  const uploads = Array.from({ length: UPLOADS + 2 }, (_, n) => variant(base, n));
  const ids: number[] = [];
  const uploadTimes: number[] = [];
  const uploadRun = await withMemoryPeak(async () => {
    for (const [n, data] of uploads.entries()) {
      const started = performance.now();
      const { image } = await uploadImage(db.prisma, storage, actor, { fileName: `bench-${n}.jpg`, data });
      // The first two warm up the JIT, sharp and the connection pool.
      if (n >= 2) uploadTimes.push(performance.now() - started);
      ids.push(image.id);
    }
  });
  const uploadP95 = percentile(uploadTimes, 95);
  console.log(
    `  time to store:   p50 ${percentile(uploadTimes, 50).toFixed(0)} ms, p95 ${uploadP95.toFixed(0)} ms, max ${Math.max(...uploadTimes).toFixed(0)} ms   ` +
      `(target p95 ≤ ${TARGETS.uploadP95Ms} ms: ${verdict(uploadP95 <= TARGETS.uploadP95Ms)})`,
  );
  console.log(`  memory peak while storing: ${uploadRun.peakMb.toFixed(0)} MB resident`);

  // --- Renditions ---------------------------------------------------------------------------------------------
  const renditionTimes: number[] = [];
  let key: string | null = null;
  const renditionRun = await withMemoryPeak(async () => {
    for (const id of ids.slice(0, RENDITION_RUNS)) {
      const started = performance.now();
      key = await makeImageRenditions(db.prisma, storage, id);
      renditionTimes.push(performance.now() - started);
    }
  });
  const renditionsP95 = percentile(renditionTimes, 95);
  console.log(
    `renditions of one image (4 widths × AVIF/WebP/JPEG, card, 3 squares), ${RENDITION_RUNS} images:\n` +
      `  p50 ${percentile(renditionTimes, 50).toFixed(0)} ms, p95 ${renditionsP95.toFixed(0)} ms   ` +
      `(target ≤ ${TARGETS.renditionsMs} ms: ${verdict(renditionsP95 <= TARGETS.renditionsMs)})`,
  );
  console.log(`  memory peak while rendering: ${renditionRun.peakMb.toFixed(0)} MB resident`);

  // --- Serving ------------------------------------------------------------------------------------------------
  if (!has("wrk") || !has("nginx")) {
    console.log("serving: skipped: needs wrk and nginx (Debian: apt-get install wrk nginx)");
  } else {
    const name = "w1024.webp";
    const size = (await storage.get(`renditions/${key}/${name}`))!.length;
    const path = `/media/renditions/${key}/${name}`;
    const ourPort = await freePort();
    // The public site's production server itself when Next's build is there (the handler runs from source, by tsx,
    // so the build's age does not matter); otherwise the handler mounted the same way in a plain node:http server.
    let ours: { label: string } | null = await startWebServer(ourPort, path);
    if (!ours) {
      const handler = createRenditionHandler(storage, { headers: SITE_SECURITY_HEADERS });
      server = createServer((req, res) => {
        if (!handler(req, res)) res.writeHead(404).end();
      });
      server.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => server!.listen(ourPort, "127.0.0.1", resolve));
      ours = {
        label:
          "a plain node:http server with createRenditionHandler mounted as apps/web/server/serve.ts mounts it, " +
          "with the site's security headers (no build of the web app found, so not the full server)",
      };
    }
    const nginxPort = await freePort();
    const stopNginx = await startNginx(join(work, "media"), nginxPort, work);
    cleanups.push(stopNginx);
    const check = await fetch(`http://127.0.0.1:${ourPort}${path}`);
    const checkNginx = await fetch(`http://127.0.0.1:${nginxPort}${path}`);
    if (check.status !== 200 || checkNginx.status !== 200)
      throw new Error(`the rendition is not served: ours ${check.status}, nginx ${checkNginx.status}`);
    console.log(
      `serving ${name} (${(size / 1024).toFixed(1)} KiB), wrk: 2 threads, ${CONNECTIONS} connections, ${DURATION_S} s each, after a 2 s warm-up`,
    );
    await wrk(`http://127.0.0.1:${ourPort}${path}`, 2);
    const measured = await wrk(`http://127.0.0.1:${ourPort}${path}`);
    await wrk(`http://127.0.0.1:${nginxPort}${path}`, 2);
    const reference = await wrk(`http://127.0.0.1:${nginxPort}${path}`);
    const ratio = measured.requestsPerSecond / reference.requestsPerSecond;
    console.log(`  ours: ${measured.line}, non-2xx ${measured.non2xx}\n    (${ours.label})`);
    console.log(
      `  nginx: ${reference.line}, non-2xx ${reference.non2xx}\n    (the same file, sendfile, ${cpus().length} workers)`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)}× nginx (target ≥ ${TARGETS.servingRatio}×: ${verdict(ratio >= TARGETS.servingRatio)})`,
    );
  }
  console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
} finally {
  server?.close();
  server?.closeAllConnections();
  for (const cleanup of cleanups.reverse()) await cleanup();
}
