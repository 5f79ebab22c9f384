// The production VCL (deploy/varnish/minbar.vcl) in a real varnishd, in front of two small HTTP servers standing in
// for public-site instances: what is cached and what passes, purges by surrogate key and who may send them, the
// request id, and what readers get while instances stop or fail their probes.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureVarnish, startVarnish, type RunningVarnish } from "./varnish.ts";
import { TEST_PORTS } from "./ports.ts";

type Seen = { method: string; url: string; headers: IncomingHttpHeaders };

/** A stand-in instance: pages under /page/<name> tagged by `keys`, versioned so a refetch shows. */
function fakeInstance(name: string, port: number) {
  const seen: Seen[] = [];
  const state = { healthy: true, version: 1, keys: new Map<string, string>() };
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/api/health") {
      res.writeHead(state.healthy ? 200 : 503, { "cache-control": "no-store" });
      return res.end(state.healthy ? "ok" : "failing");
    }
    if (path.startsWith("/page/")) {
      const page = path.slice("/page/".length);
      if (page.startsWith("slow") && !req.headers["x-fast"]) {
        setTimeout(() => {
          res.writeHead(200, { "cache-control": "public, s-maxage=3600", xkey: "slow" });
          res.end(`${page} v${state.version} from ${name}`);
        }, 600);
        return;
      }
      const short = page.startsWith("short");
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": short ? "public, s-maxage=1" : "public, s-maxage=31536000",
        xkey: state.keys.get(page) ?? `page:${page}`,
        "x-request-id": String(req.headers["x-request-id"]),
      });
      return res.end(`${page} v${state.version} from ${name}`);
    }
    if (path === "/untagged") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "public, s-maxage=3600" });
      return res.end("a page without surrogate keys");
    }
    if (path === "/uncached") {
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end(`uncached ${seen.length}`);
    }
    res.writeHead(200, { "content-type": "text/plain", "cache-control": "public, s-maxage=3600" });
    res.end(`${req.method} ${path} from ${name}`);
  });
  return {
    seen,
    state,
    start: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve())),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request from a chosen local address (127.0.0.2 is not in the purge ACL). */
function send(
  origin: string,
  path: string,
  {
    method = "GET",
    headers = {},
    localAddress,
    body,
  }: { method?: string; headers?: Record<string, string>; localAddress?: string; body?: string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, origin), { method, headers, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("minbar.vcl", () => {
  const one = fakeInstance("one", TEST_PORTS.fakeInstances[0]);
  const two = fakeInstance("two", TEST_PORTS.fakeInstances[1]);
  let varnish: RunningVarnish;

  beforeAll(async () => {
    ensureVarnish("the VCL tests");
    await Promise.all([one.start(), two.start()]);
    varnish = await startVarnish({
      port: TEST_PORTS.varnishForVclTests,
      instances: [
        { host: "127.0.0.1", port: TEST_PORTS.fakeInstances[0] },
        { host: "127.0.0.1", port: TEST_PORTS.fakeInstances[1] },
      ],
      // Nobody else: 127.0.0.2 stays outside both ACLs.
      purgers: ["192.0.2.1"],
      memoryMb: 32,
    });
  }, 60_000);

  afterAll(async () => {
    await varnish?.stop();
    await Promise.all([one.stop(), two.stop()]);
  });

  it("caches a page the site marks for shared caches, without its cookie, query or xkey header, under its own request id", async () => {
    const first = await send(varnish.origin, "/page/a?utm_source=x", {
      headers: { cookie: "session=1", "x-request-id": "client-chosen" },
    });
    expect(first.status).toBe(200);
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(first.headers.xkey).toBeUndefined();
    expect(first.headers["x-request-id"]).toMatch(/^varnish-\d+$/);
    const fetched = [...one.seen, ...two.seen].find((request) => request.url.startsWith("/page/a"))!;
    expect(fetched.url).toBe("/page/a");
    expect(fetched.headers.cookie).toBeUndefined();
    expect(fetched.headers["x-request-id"]).toBe(first.headers["x-request-id"]);

    const second = await send(varnish.origin, "/page/a?fbclid=1");
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(second.body).toBe(first.body);
    // Each delivery names itself, not the request that filled the cache.
    expect(second.headers["x-request-id"]).toMatch(/^varnish-\d+$/);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
  });

  it("keeps search's own parameters, sorted", async () => {
    const first = await send(varnish.origin, "/search?q=x&page=2&utm=1");
    const second = await send(varnish.origin, "/search?utm=1&page=2&q=x");
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(second.headers["x-cache"]).toBe("HIT");
    expect((await send(varnish.origin, "/search?q=y")).headers["x-cache"]).toBe("MISS");
  });

  it("purges exactly the pages carrying the keys named, for localhost only", async () => {
    for (const state of [one.state, two.state]) {
      state.keys.set("p1", "article:1 listing:front");
      state.keys.set("p2", "article:2 listing:front");
      state.keys.set("p3", "article:3 tag:x");
    }
    for (const page of ["p1", "p2", "p3"]) await send(varnish.origin, `/page/${page}`);
    for (const page of ["p1", "p2", "p3"])
      expect((await send(varnish.origin, `/page/${page}`)).headers["x-cache"]).toBe("HIT");

    const refused = await send(varnish.origin, "/", {
      method: "PURGE",
      headers: { "xkey-purge": "listing:front" },
      localAddress: "127.0.0.2",
    });
    expect(refused.status).toBe(405);
    expect((await send(varnish.origin, "/page/p1")).headers["x-cache"]).toBe("HIT");

    one.state.version = two.state.version = 2;
    const purged = await send(varnish.origin, "/", {
      method: "PURGE",
      headers: { "xkey-purge": "article:1 article:2" },
    });
    expect(purged.status).toBe(200);
    expect(purged.headers["xkey-purged"]).toBe("2");
    const p1 = await send(varnish.origin, "/page/p1");
    expect(p1.headers["x-cache"]).toBe("MISS");
    expect(p1.body).toMatch(/^p1 v2 /);
    expect((await send(varnish.origin, "/page/p2")).body).toMatch(/^p2 v2 /);
    const p3 = await send(varnish.origin, "/page/p3");
    expect(p3.headers["x-cache"]).toBe("HIT");
    expect(p3.body).toMatch(/^p3 v1 /);

    expect((await send(varnish.origin, "/", { method: "PURGE" })).status).toBe(400);
  });

  it("does not store a page whose fetch a purge overtook", async () => {
    const during = send(varnish.origin, "/page/slow-1");
    await sleep(200);
    expect(
      (await send(varnish.origin, "/", { method: "PURGE", headers: { "xkey-purge": "unrelated:1" } })).status,
    ).toBe(200);
    expect((await during).status).toBe(200);
    expect((await send(varnish.origin, "/page/slow-1", { headers: { "x-fast": "1" } })).headers["x-cache"]).toBe(
      "MISS",
    );
    expect((await send(varnish.origin, "/page/slow-1")).headers["x-cache"]).toBe("HIT");
  });

  it("passes the signal, health, metrics, an Authorization, a page without Cache-Control and one without keys", async () => {
    const count = () => one.seen.length + two.seen.length;
    for (const [method, path, headers] of [
      ["POST", "/api/revalidate", {}],
      ["GET", "/api/health", {}],
      ["GET", "/metrics", {}],
      ["GET", "/page/private", { authorization: "Bearer x" }],
      ["GET", "/uncached", {}],
      ["GET", "/untagged", {}],
      ["GET", "/preview/token", {}],
    ] as const) {
      const before = count();
      await send(varnish.origin, path, { method, headers });
      const again = await send(varnish.origin, path, { method, headers });
      expect(again.headers["x-cache"], `${method} ${path}`).toBe("MISS");
      // Probes add requests of their own meanwhile: at least these two reached an instance.
      expect(count() - before, `${method} ${path}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("answers every request while an instance stops: its fetches go to the other", async () => {
    await two.stop();
    const statuses: number[] = [];
    // Before and after the probes notice (window 3, threshold 2, every second); the signal (a POST) too.
    for (let round = 0; round < 30; round++) {
      statuses.push((await send(varnish.origin, `/page/stopping-${round}`)).status);
      statuses.push(
        (await send(varnish.origin, "/api/revalidate", { method: "POST", body: '{"articleId":1}' })).status,
      );
      await sleep(100);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    await two.start();
  });

  it("tries misses on the instances when every probe fails, and serves cached pages past their time when all are down", async () => {
    const short = await send(varnish.origin, "/page/short-1");
    expect(short.status).toBe(200);
    one.state.healthy = two.state.healthy = false;
    await sleep(3_500);
    const miss = await send(varnish.origin, "/page/while-unhealthy");
    expect(miss.status).toBe(200);
    expect(miss.headers["x-cache"]).toBe("MISS");

    await Promise.all([one.stop(), two.stop()]);
    await sleep(1_500);
    const stale = await send(varnish.origin, "/page/short-1");
    expect(stale.status).toBe(200);
    expect(stale.body).toBe(short.body);
    expect(Number(stale.headers.age)).toBeGreaterThanOrEqual(2);
    expect((await send(varnish.origin, "/page/never-cached")).status).toBe(503);
    await Promise.all([one.start(), two.start()]);
    one.state.healthy = two.state.healthy = true;
  }, 20_000);
});
