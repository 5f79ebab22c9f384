// Operations, on the production server: /api/health answers from the database (and 503 without one), /metrics is
// hidden without METRICS_TOKEN and refuses a wrong one, counts requests, cache outcomes and revalidations, and the
// request log is one JSON line per request, with its request id and none of the run's secrets.
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { E2E_PREVIEW_SECRET, jsonLogLines, sampleValue, startProductionServer, type ExtraServer } from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { SITE_ORIGIN } from "./site-origin.ts";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const METRICS_TOKEN = "e2e-metrics-token-do-not-log-4f9c2a";
const OTHER_SECRET = "e2e-ops-revalidate-secret-never-logged-0123456789";

test("/api/health is 200 on the run's database, uncached and outside the page cache", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-cache"]).toBeUndefined();
  expect(await response.json()).toEqual({ status: "ok", checks: { postgres: "ok" } });
});

test("/api/health is 503 naming PostgreSQL, within its timeout, when the database does not answer", async () => {
  const server = await startProductionServer(
    appDir,
    { PUBLIC_SITE_URL: SITE_ORIGIN, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/minbar" },
    "/api/health",
  );
  try {
    const started = Date.now();
    const response = await fetch(`${server.origin}/api/health`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "failing",
      checks: { postgres: expect.stringMatching(/ECONNREFUSED/) },
    });
  } finally {
    await server.stop();
  }
});

test("/metrics does not exist while METRICS_TOKEN is unset", async ({ request }) => {
  expect((await request.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status()).toBe(404);
});

test.describe("with METRICS_TOKEN and request logs", () => {
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startProductionServer(appDir, {
      PUBLIC_SITE_URL: SITE_ORIGIN,
      DATABASE_URL: e2eEnv.databaseUrl,
      METRICS_TOKEN,
      REVALIDATE_SECRET: OTHER_SECRET,
      LOG_LEVEL: "info",
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  const scrape = async (token = METRICS_TOKEN) =>
    fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });

  test("metrics refuse a wrong or missing token, count pages, cache outcomes and revalidations; logs keep no secret", async () => {
    expect((await scrape("not-the-metrics-token")).status).toBe(401);
    expect((await fetch(`${server.origin}/metrics`)).status).toBe(401);

    const before = await (await scrape()).text();
    const listing = { method: "GET", route: "listing", status: "200" };
    // An edition's front page nothing has asked for yet (the server's readiness check asked for /): a miss, rendered.
    const first = await fetch(`${server.origin}/ru`, { headers: { "x-request-id": "e2e-ops-first" } });
    expect(first.headers.get("x-request-id")).toBe("e2e-ops-first");
    await first.text();
    // Answered from the front cache: its own id, never the one of the request that filled the cache.
    const second = await fetch(`${server.origin}/ru`, { headers: { "x-request-id": "e2e-ops-second" } });
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("x-request-id")).toBe("e2e-ops-second");
    await second.text();
    const forged = await fetch(`${server.origin}/`, { headers: { "x-request-id": 'forged" id' } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await forged.text();

    const signal = await fetch(`${server.origin}/api/revalidate`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${OTHER_SECRET}`,
        "content-type": "application/json",
        "x-request-id": "job-e2e-signal",
      },
      body: JSON.stringify({ articleIds: [1] }),
    });
    expect(signal.status).toBe(200);
    const refused = await fetch(`${server.origin}/api/revalidate`, {
      method: "POST",
      headers: { authorization: "Bearer a-wrong-revalidate-secret", "content-type": "application/json" },
      body: JSON.stringify({ articleIds: [1] }),
    });
    expect(refused.status).toBe(401);
    await Promise.all([signal.text(), refused.text()]);
    // Counted when each response has closed, which may be just after the client read it.
    await new Promise((resolve) => setTimeout(resolve, 200));

    // A preview link's path is its token; a query can carry one too.
    await (await fetch(`${server.origin}/preview/e2e-preview-token-never-logged`)).text();
    await (await fetch(`${server.origin}/search?q=x&token=e2e-query-token-never-logged`)).text();
    const metrics = await scrape();
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = await metrics.text();
    expect(sampleValue(after, "minbar_http_requests_total", listing)).toBe(
      sampleValue(before, "minbar_http_requests_total", listing) + 3,
    );
    expect(
      sampleValue(after, "minbar_cache_requests_total", { layer: "front", outcome: "hit" }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sampleValue(after, "minbar_cache_requests_total", { layer: "front", outcome: "miss" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, "minbar_render_duration_seconds_count", { route: "listing" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, "minbar_revalidations_received_total", { outcome: "confirmed" })).toBe(1);
    expect(sampleValue(after, "minbar_revalidations_received_total", { outcome: "refused" })).toBe(1);
    expect(after).toContain("nodejs_heap_size_used_bytes");

    await new Promise((resolve) => setTimeout(resolve, 200));
    const output = server.output();
    const lines = jsonLogLines(output);
    expect(lines.find((line) => line.reqId === "e2e-ops-first")).toMatchObject({
      app: "web",
      msg: "request",
      method: "GET",
      path: "/ru",
      route: "listing",
      status: 200,
      cache: "miss",
      ms: expect.any(Number),
    });
    expect(lines.find((line) => line.reqId === "e2e-ops-second")).toMatchObject({ cache: "hit", status: 200 });
    expect(lines.find((line) => line.reqId === "job-e2e-signal")).toMatchObject({
      method: "POST",
      path: "/api/revalidate",
      route: "api",
      status: 200,
    });
    expect(output).not.toContain("forged");
    expect(lines.some((line) => line.path === "/preview/redacted")).toBe(true);
    for (const secret of [
      METRICS_TOKEN,
      OTHER_SECRET,
      "not-the-metrics-token",
      "a-wrong-revalidate-secret",
      E2E_PREVIEW_SECRET,
      "e2e-preview-token-never-logged",
      "e2e-query-token-never-logged",
    ])
      expect(output).not.toContain(secret);
  });
});
