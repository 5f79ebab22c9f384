// Operations, on the admin's production server beside a public site of its own (own database): /api/health from the
// database (503 without one), /metrics behind METRICS_TOKEN counting the job queue's runs, its depth and the signals
// sent and the site confirmed, one JSON log line per request and per job, the job's id passed to the site with its signal
// (both logs name it), and none of the run's passwords or secrets in either server's output.
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { bench, E2E_PREVIEW_SECRET, jsonLogLines, sampleValue, startProductionServer } from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { callAction, createPublishedArticle, signIn, startOwnSiteAndAdmin, withOwnDatabase } from "./helpers.ts";
import { DESK_EDITOR_USER } from "./test-users.ts";

const ADMIN_DIR = fileURLToPath(new URL("..", import.meta.url));
const METRICS_TOKEN = "e2e-admin-metrics-token-never-logged-7d1e";
const REVALIDATE_SECRET = "e2e-ops-admin-revalidate-secret-never-logged-42";

test("/api/health is 200 on the run's database and 503 naming PostgreSQL without one; /metrics is hidden without a token", async ({
  request,
}) => {
  const healthy = await request.get("/api/health");
  expect(healthy.status()).toBe(200);
  expect(healthy.headers()["cache-control"]).toBe("no-store");
  expect(healthy.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await healthy.json()).toEqual({ status: "ok", checks: { postgres: "ok" } });
  expect((await request.get("/metrics")).status()).toBe(404);

  const port = await bench.freePort();
  const down = await startProductionServer(
    ADMIN_DIR,
    { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/minbar", ADMIN_SITE_URL: `http://localhost:${port}` },
    "/api/health",
    port,
  );
  try {
    const response = await fetch(`${down.origin}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "failing",
      checks: { postgres: expect.stringMatching(/ECONNREFUSED/) },
    });
  } finally {
    await down.stop();
  }
});

test("a due-work job and an editor's publish are logged and counted; their signals carry their ids to the site's log; no secret is logged", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await withOwnDatabase(async (db, servers) => {
    // Due to come down already: the due-work job the admin queues at its start takes it down and tells the site.
    const article = await createPublishedArticle(db.prisma, "إعلان انتهت مدته", ["انتهت مدة هذا الإعلان."]);
    await db.prisma.articleLocalization.update({
      where: { id: article.id },
      data: { unpublishAt: new Date(Date.now() - 1_000) },
    });
    const approved = await createPublishedArticle(db.prisma, "خبر ينتظر النشر", ["فقرة الخبر."], "approved");
    const { site, web, startAdmin } = await startOwnSiteAndAdmin(
      servers,
      { DATABASE_URL: db.url, REVALIDATE_SECRET, LOG_LEVEL: "info" },
      { METRICS_TOKEN },
    );
    const admin = await startAdmin();

    // Every request of this editor's browser names itself, as Varnish would name it.
    const context = await browser.newContext({
      baseURL: admin.origin,
      extraHTTPHeaders: { "x-request-id": "e2e-editor-publish-1" },
    });
    await signIn(await context.newPage(), DESK_EDITOR_USER);

    const scrape = async () =>
      (await fetch(`${admin.origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    await expect
      .poll(async () => sampleValue(await scrape(), "minbar_revalidations_confirmed_total", { kind: "articles" }), {
        timeout: 45_000,
      })
      .toBe(1);
    const metrics = await scrape();
    expect(sampleValue(metrics, "minbar_revalidations_sent_total", { kind: "articles" })).toBe(1);
    // The start's job, and perhaps the minute's sweep: one of them took the story down.
    expect(sampleValue(metrics, "minbar_jobs_total", { job: "due-work" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(metrics, "minbar_job_items_total", { job: "due-work", what: "taken-down" })).toBe(1);
    expect(sampleValue(metrics, "minbar_jobs_failed_total", { job: "due-work" })).toBe(0);
    // The queue's depth, read from pg-boss on each scrape: nothing is left waiting to run now.
    expect(metrics).toMatch(/^minbar_job_queue_depth\{queue="due-work",state="ready"\} \d+$/m);
    expect(sampleValue(metrics, "minbar_job_queue_depth", { queue: "site-signal", state: "active" })).toBe(0);
    expect(
      sampleValue(metrics, "minbar_http_requests_total", { method: "GET", route: "admin-page", status: "200" }),
    ).toBeGreaterThan(0);
    expect((await fetch(`${admin.origin}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(`${site}/news/${article.articleId}`)).status).toBe(410);

    // The editor publishes: the action's signal carries the editor's request id.
    const published = await callAction(context.request, `/articles/${approved.articleId}/ar`, "moveAction", [
      { localizationId: approved.id, to: "published", expectedVersion: approved.version },
    ]);
    expect(published).toMatchObject({ ok: true });
    await context.close();
    expect(sampleValue(await scrape(), "minbar_revalidations_confirmed_total", { kind: "articles" })).toBe(2);

    // A one-time sign-in link's path is its token.
    await (await fetch(`${admin.origin}/login/link/e2e-sign-in-token-never-logged`, { redirect: "manual" })).text();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const adminLines = jsonLogLines(admin.output());
    const job = adminLines.find((line) => line.msg === "job" && line.takenDown === 1);
    expect(job).toMatchObject({
      app: "admin",
      job: "due-work",
      outcome: "ok",
      takenDown: 1,
      reqId: expect.stringMatching(/^job-/),
    });
    // The sign-in: a request line of its own, with its id; the password it carried is nowhere.
    expect(adminLines.some((line) => line.msg === "request" && line.route === "auth" && line.method === "POST")).toBe(
      true,
    );
    const webLines = jsonLogLines(web.output());
    for (const reqId of [job?.reqId, "e2e-editor-publish-1"])
      expect(webLines.find((line) => line.reqId === reqId)).toMatchObject({
        app: "web",
        method: "POST",
        path: "/api/revalidate",
        status: 200,
      });
    expect(adminLines.find((line) => line.reqId === "e2e-editor-publish-1" && line.route === "action")).toMatchObject({
      method: "POST",
      status: 200,
    });
    const secrets = [
      DESK_EDITOR_USER.password,
      REVALIDATE_SECRET,
      METRICS_TOKEN,
      e2eEnv.authSecret ?? REVALIDATE_SECRET,
      E2E_PREVIEW_SECRET,
      "e2e-sign-in-token-never-logged",
    ];
    for (const output of [admin.output(), web.output()])
      for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
