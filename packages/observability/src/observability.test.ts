import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, loggablePath, messagesThrough } from "./log.ts";
import { createMetrics } from "./metrics.ts";
import {
  hasBearerToken,
  observedServer,
  type FinishedRequest,
  type HealthChecks,
  type ObservedServerOptions,
} from "./http.ts";
import { requestIdFrom } from "./request-id.ts";

const TOKEN = "metrics-token-for-the-test-0123456789";

/** A logger whose lines land in an array, parsed. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = createLogger("test", { level: "info", destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function serve({
  metricsToken,
  health = { postgres: async () => "ok" },
  ...more
}: { metricsToken?: string; health?: HealthChecks } & Pick<
  ObservedServerOptions,
  "redactPath" | "onFinish" | "headers"
> = {}) {
  const log = capturedLogger();
  const metrics = createMetrics();
  let appCalls = 0;
  server = createServer(
    observedServer(
      (req, res) => {
        appCalls++;
        res.setHeader("x-seen-request-id", String(req.headers["x-request-id"]));
        res.end("page");
      },
      { logger: log.logger, metrics, metricsToken, health, routeOf: () => "article", ...more },
    ),
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { ...log, metrics, origin, appCalls: () => appCalls };
}

describe("request ids", () => {
  it("takes an id-like X-Request-Id and replaces anything else with a fresh UUID", () => {
    expect(requestIdFrom({ "x-request-id": "32770" })).toBe("32770");
    expect(requestIdFrom({ "x-request-id": "job-3f1c.a_b:c" })).toBe("job-3f1c.a_b:c");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of ["", "a b", 'x"}', "x\ny", "x".repeat(101), "ид"])
      expect(requestIdFrom({ "x-request-id": bad })).toMatch(uuid);
    expect(requestIdFrom({})).toMatch(uuid);
    expect(requestIdFrom({})).not.toBe(requestIdFrom({}));
  });

  it("is echoed in the response, handed to the app and written in the request's log line", async () => {
    const site = await serve();
    const given = await fetch(`${site.origin}/news/1?utm=x`, { headers: { "x-request-id": "varnish-1234" } });
    expect(given.headers.get("x-request-id")).toBe("varnish-1234");
    expect(given.headers.get("x-seen-request-id")).toBe("varnish-1234");
    const forged = await fetch(`${site.origin}/news/2`, { headers: { "x-request-id": `bad id"}${"x".repeat(100)}` } });
    const fresh = forged.headers.get("x-request-id");
    expect(fresh).not.toContain("bad");
    expect(forged.headers.get("x-seen-request-id")).toBe(fresh);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = site.records().filter((line) => line.msg === "request");
    expect(lines).toEqual([
      expect.objectContaining({
        app: "test",
        reqId: "varnish-1234",
        method: "GET",
        path: "/news/1?utm=x",
        route: "article",
        status: 200,
      }),
      expect.objectContaining({ reqId: fresh, path: "/news/2", status: 200 }),
    ]);
    expect(typeof lines[0]?.ms).toBe("number");
  });
});

describe("the app's part", () => {
  it("logs the path as the app redacts it, and tells the app how each request ended", async () => {
    const finished: FinishedRequest[] = [];
    const site = await serve({
      redactPath: (url) => url.replace(/^\/preview\/[^?]+/, "/preview/redacted"),
      onFinish: (details) => finished.push(details),
    });
    await (await fetch(`${site.origin}/preview/secret-preview-token?lang=ru`)).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(site.lines.join("")).not.toContain("secret-preview-token");
    expect(site.records()).toEqual([expect.objectContaining({ path: "/preview/redacted?lang=ru" })]);
    expect(finished).toEqual([
      {
        method: "GET",
        path: "/preview/secret-preview-token",
        route: "article",
        status: 200,
        seconds: expect.any(Number),
      },
    ]);
  });
});

describe("/metrics", () => {
  it("is a 404 when no token is configured, and never reaches the app", async () => {
    const site = await serve();
    expect((await fetch(`${site.origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect(site.appCalls()).toBe(0);
  });

  it("refuses a missing or wrong token with 401", async () => {
    const site = await serve({ metricsToken: TOKEN });
    expect((await fetch(`${site.origin}/metrics`)).status).toBe(401);
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, "Bearer "])
      expect((await fetch(`${site.origin}/metrics`, { headers: { authorization } })).status).toBe(401);
  });

  it("answers Prometheus text with the requests counted by route kind, default metrics included", async () => {
    const site = await serve({ metricsToken: TOKEN });
    const scrape = async () => {
      const response = await fetch(`${site.origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      return response.text();
    };
    const counted = (text: string) =>
      Number(/^minbar_http_requests_total\{method="GET",route="article",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = counted(await scrape());
    await fetch(`${site.origin}/news/7/any-slug`);
    await fetch(`${site.origin}/news/8/another`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = await scrape();
    expect(counted(text)).toBe(before + 2);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toMatch(/minbar_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="article"\}/);
    expect(text).not.toContain("any-slug");
  });
});

describe("the job queue's depth", () => {
  it("is read from its source on each scrape, by queue and state; a failing source leaves it empty", async () => {
    const metrics = createMetrics();
    expect(await metrics.registry.metrics()).not.toMatch(/^minbar_job_queue_depth\{/m);
    let depths = [{ queue: "due-work", ready: 2, deferred: 5, active: 1 }];
    metrics.setQueueDepthSource(async () => depths);
    const first = await metrics.registry.metrics();
    expect(first).toMatch(/^minbar_job_queue_depth\{queue="due-work",state="ready"\} 2$/m);
    expect(first).toMatch(/^minbar_job_queue_depth\{queue="due-work",state="deferred"\} 5$/m);
    expect(first).toMatch(/^minbar_job_queue_depth\{queue="due-work",state="active"\} 1$/m);
    depths = [{ queue: "site-signal", ready: 0, deferred: 3, active: 0 }];
    const second = await metrics.registry.metrics();
    expect(second).toMatch(/^minbar_job_queue_depth\{queue="site-signal",state="deferred"\} 3$/m);
    expect(second).not.toContain('queue="due-work"');
    metrics.setQueueDepthSource(() => Promise.reject(new Error("database down")));
    expect(await metrics.registry.metrics()).not.toMatch(/^minbar_job_queue_depth\{/m);
  });
});

describe("/api/health", () => {
  it("is 200 with every check ok, not cached, without entering the app", async () => {
    const site = await serve();
    const response = await fetch(`${site.origin}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", checks: { postgres: "ok" } });
    expect(site.appCalls()).toBe(0);
  });

  it("is 503 naming the failing part and why", async () => {
    const site = await serve({
      health: { postgres: async () => "connect ECONNREFUSED 127.0.0.1:1", redis: async () => "ok" },
    });
    const response = await fetch(`${site.origin}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "failing",
      checks: { postgres: "connect ECONNREFUSED 127.0.0.1:1", redis: "ok" },
    });
  });

  it("carries the app's security headers, as do /metrics' answers", async () => {
    const headers = { "x-content-type-options": "nosniff", "x-frame-options": "DENY" };
    const site = await serve({ headers, metricsToken: "t".repeat(32) });
    for (const path of ["/api/health", "/metrics"]) {
      const response = await fetch(`${site.origin}${path}`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("reports a check that throws as failing", async () => {
    const site = await serve({
      health: {
        postgres: async () => {
          throw new Error("boom");
        },
      },
    });
    const response = await fetch(`${site.origin}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "failing", checks: { postgres: "boom" } });
  });
});

describe("the code's own messages", () => {
  it("are JSON lines at their level, an error with its type, message and stack", () => {
    const log = capturedLogger();
    const messages = messagesThrough(() => log.logger);
    messages.warn("[next-cache] Redis unreachable");
    messages.error("[front-cache] request failed", new TypeError("render failed"));
    messages.info("[jobs] published article 7");
    const [warned, failed, told] = log.records();
    expect(warned).toMatchObject({ level: 40, app: "test", msg: "[next-cache] Redis unreachable" });
    expect(failed).toMatchObject({
      level: 50,
      msg: "[front-cache] request failed",
      err: { type: "TypeError", message: "render failed", stack: expect.stringContaining("TypeError: render failed") },
    });
    expect(told).toMatchObject({ level: 30, msg: "[jobs] published article 7" });
  });
});

describe("secrets in logs", () => {
  it("redacts authorization, cookies, passwords, tokens and secrets wherever they are logged", () => {
    const log = capturedLogger();
    log.logger.info({
      headers: {
        authorization: "Bearer header-secret-1",
        cookie: "session=cookie-secret-2",
        "set-cookie": "a=set-cookie-secret-3",
      },
      password: "password-secret-4",
      input: { token: "token-secret-5", secret: "secret-secret-6", email: "editor@example.org" },
    });
    const text = log.lines.join("");
    for (let n = 1; n <= 6; n++) expect(text).not.toMatch(new RegExp(`secret-${n}`));
    expect(text).toContain("editor@example.org");
    expect(text).toContain("[Redacted]");
  });

  it("leaves credential-like query values out of logged paths", () => {
    expect(loggablePath("/login?callbackUrl=%2F&token=abc123&code=xyz&q=war")).toBe(
      "/login?callbackUrl=%2F&token=redacted&code=redacted&q=war",
    );
    expect(loggablePath("/search?q=syria")).toBe("/search?q=syria");
    expect(loggablePath("/news/1")).toBe("/news/1");
  });

  it("compares the bearer token exactly", () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`Bearer ${TOKEN} `, TOKEN)).toBe(false);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
    expect(hasBearerToken(`Basic ${TOKEN}`, TOKEN)).toBe(false);
  });
});
