// `npm run bench:admin`: how the editor feels with a full archive. On a fresh database holding 100,000 articles
// (plus the five seeds), against the admin's production build under `next start`, it prints:
//   - save latency: the editor's save action over HTTP, signed in as an editor (what autosave waits for), for a
//     seed-sized article and for a 5,000-word one, and the same use case called directly (no HTTP) for comparison;
//   - typing: keystrokes typed in bursts into the 5,000-word Arabic article in Debian's Chromium, with the Event
//     Timing API's input delay and duration of every slow keystroke event (autosaves run between the bursts).
// Prints figures and asserts nothing. Usage: npm run bench:admin -- [--articles=100000] [--saves=100]
import { randomBytes } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type APIRequestContext } from "@playwright/test";
import { createArticle, saveLocalization, type ArticleBlock } from "@minbar/db/editorial";
import { createUser, ensureBuiltInRoles, loadActor } from "@minbar/db/accounts";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { bench, seedsDir } from "@minbar/e2e";
import { importPaths } from "@minbar/importer";
import { parseArticle } from "@minbar/parser";
import { e2eEnv } from "@minbar/e2e/env";

const { values: args } = parseArgs({
  options: { articles: { type: "string", default: "100000" }, saves: { type: "string", default: "100" } },
});
const ARTICLES = Number(args.articles);
const SAVES = Number(args.saves);
if (!(ARTICLES >= 0) || !(SAVES > 0)) throw new Error("--articles must be ≥ 0 and --saves positive");
const LONG_ARTICLE_WORDS = 5000;
const CHROMIUM = e2eEnv.chromiumPath;
const EDITOR = {
  email: "bench-editor@minbar.test",
  name: "محرر القياس",
  password: `bench-${randomBytes(8).toString("hex")}`,
};
const { onCleanup, exitAfterCleanup, serverLog, percentile } = bench;
bench.installBenchGuards("bench:admin", 20 * 60_000);

const appDir = fileURLToPath(new URL("..", import.meta.url));

const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) =>
  `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, p99 ${ms(percentile(values, 99))}, max ${ms(Math.max(...values))} (${values.length} saves)`;

/** The seeds' own blocks, repeated until the text is long enough: real Arabic wire copy, not lorem ipsum. */
async function seedBlocks(): Promise<ArticleBlock[]> {
  const blocks: ArticleBlock[] = [];
  for (const name of (await readdir(seedsDir)).sort()) {
    const parsed = parseArticle(await readFile(join(seedsDir, name)), { filename: name });
    if (parsed.ok) blocks.push(...parsed.article.blocks);
  }
  return blocks;
}

const wordsIn = (blocks: ArticleBlock[]) =>
  blocks.reduce((sum, block) => sum + block.text.split(/\s+/).filter(Boolean).length, 0);

function longBody(blocks: ArticleBlock[], words: number): ArticleBlock[] {
  const body: ArticleBlock[] = [];
  while (wordsIn(body) < words) body.push(...blocks);
  return body;
}

/** 100,000 published articles in one language, written set-wise so filling takes seconds, not hours. */
async function fillArchive(db: TestDatabase, count: number, paragraph: string) {
  const batch = 20_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.prisma.$executeRawUnsafe(
      `WITH a AS (
         INSERT INTO articles (updated_at) SELECT now() FROM generate_series($1::int, $2::int) RETURNING id
       ), l AS (
         INSERT INTO article_localizations (article_id, locale, title, slug, body, status, published_at, updated_at)
         SELECT id, 'ar', 'خبر الأرشيف رقم ' || id, 'archive-' || id,
                jsonb_build_array(jsonb_build_object('type', 'paragraph', 'text', $3::text || ' ' || id)),
                'published', now() - make_interval(mins => id), now()
         FROM a RETURNING id, title, slug, body
       )
       INSERT INTO revisions (localization_id, number, title, slug, body, origin) SELECT id, 1, title, slug, body, 'import' FROM l`,
      from,
      to,
      paragraph,
    );
    process.stdout.write(`\r  archive: ${to.toLocaleString("en")} / ${count.toLocaleString("en")} articles`);
  }
  if (count > 0) process.stdout.write("\n");
  await db.prisma.$executeRawUnsafe("ANALYZE");
}

function serverActionId(exportedName: string, manifest: { node: Record<string, { exportedName?: string }> }): string {
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in this build`);
  return found[0];
}

/** The action's answer is React's flight format; line `1:` holds the JSON value the action returned. */
function actionValue(text: string): { ok: boolean; value?: { status: string; version?: number } } {
  const line = text.split("\n").find((l) => l.startsWith("1:"));
  if (!line) throw new Error(`unexpected action answer: ${text.slice(0, 200)}`);
  return JSON.parse(line.slice(2));
}

async function timeHttpSaves(
  request: APIRequestContext,
  actionId: string,
  page: string,
  target: { id: number; version: number; slug: string; body: ArticleBlock[] },
  n: number,
) {
  const times: number[] = [];
  let version = target.version;
  for (let i = 0; i < n; i++) {
    const input = {
      localizationId: target.id,
      expectedVersion: version,
      title: `عنوان محدّث رقم ${i}`,
      summary: null,
      slug: target.slug,
      body: target.body,
      photoAlt: null,
    };
    const started = performance.now();
    const response = await request.post(page, {
      headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([input]),
    });
    const text = await response.text();
    times.push(performance.now() - started);
    const result = actionValue(text);
    if (!result.ok || result.value?.status !== "saved" || result.value.version === undefined)
      throw new Error(`save ${i} was not saved: ${text.slice(0, 300)}`);
    version = result.value.version;
  }
  return times;
}

try {
  await bench.requireProductionBuild(appDir, "@minbar/admin", "bench:admin");
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} (1 min)`);
  const db = await createTestDatabase();
  onCleanup(() => db.drop());
  const blocks = await seedBlocks();
  const started = performance.now();
  await fillArchive(db, ARTICLES, blocks.find((b) => b.type === "paragraph")?.text ?? "نص");
  await importPaths({ prisma: db.prisma, paths: [seedsDir] });
  console.log(
    `database ${db.name}: ${(await db.prisma.articleLocalization.count()).toLocaleString("en")} localizations, filled in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  await ensureBuiltInRoles(db.prisma);
  const user = await createUser(db.prisma, { ...EDITOR, roleKeys: ["editor"] });
  const actor = await loadActor(db.prisma, user.id, user.authVersion);
  const long = longBody(blocks, LONG_ARTICLE_WORDS);
  const created = await createArticle(db.prisma, actor, { title: "مقال طويل للقياس", body: long });
  if (created.status !== "created") throw new Error("could not create the long article");
  const seed = await db.prisma.articleLocalization.findFirstOrThrow({
    where: { slug: { not: { startsWith: "archive-" } }, status: "published" },
    orderBy: { id: "asc" },
  });
  const seedBody = blocks.slice(0, 12);
  console.log(
    `articles: seed-sized ${wordsIn(seedBody)} words (localization ${seed.id}); long ${wordsIn(long)} words in ${long.length} blocks`,
  );

  // ---- the use case alone, no HTTP ----
  const direct: number[] = [];
  let version = seed.version;
  for (let i = 0; i < SAVES; i++) {
    const t0 = performance.now();
    const result = await saveLocalization(db.prisma, actor, {
      localizationId: seed.id,
      expectedVersion: version,
      title: `عنوان مباشر ${i}`,
      summary: null,
      slug: seed.slug,
      body: seedBody,
    });
    direct.push(performance.now() - t0);
    if (result.status !== "saved") throw new Error(`direct save ${i}: ${result.status}`);
    version = result.localization.version;
  }
  console.log(`save, use case (no HTTP), seed-sized:   ${summary(direct)}`);

  // ---- the server ----
  const port = await bench.freePort();
  const origin = `http://localhost:${port}`;
  await bench.startServer(
    appDir,
    port,
    {
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PREVIEW_SECRET: randomBytes(32).toString("base64url"),
      ADMIN_SITE_URL: origin,
    },
    "/login",
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
    ],
  });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(EDITOR.email);
  await page.locator('input[name="password"]').fill(EDITOR.password);
  await page.getByRole("button", { name: "دخول" }).click();
  await page.waitForURL(/\/articles$/);

  const manifest = JSON.parse(
    await readFile(join(appDir, ".next", "server", "server-reference-manifest.json"), "utf8"),
  );
  const saveId = serverActionId("saveTextAction", manifest);
  const editorPage = `/articles/${created.articleId}/ar`;
  const fresh = await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: seed.id } });
  await timeHttpSaves(
    context.request,
    saveId,
    editorPage,
    { id: seed.id, version: fresh.version, slug: fresh.slug, body: seedBody },
    5,
  ); // warm-up
  const warmed = await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: seed.id } });
  const http = await timeHttpSaves(
    context.request,
    saveId,
    editorPage,
    { id: seed.id, version: warmed.version, slug: warmed.slug, body: seedBody },
    SAVES,
  );
  console.log(`save, HTTP server action, seed-sized:   ${summary(http)}`);
  const longRow = await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: created.localizationId } });
  const httpLong = await timeHttpSaves(
    context.request,
    saveId,
    editorPage,
    { id: longRow.id, version: longRow.version, slug: longRow.slug, body: long },
    Math.min(SAVES, 30),
  );
  console.log(`save, HTTP server action, ${LONG_ARTICLE_WORDS}-word:  ${summary(httpLong)}`);

  // ---- typing in the long article ----
  await page.goto(editorPage);
  const body = page.getByRole("textbox", { name: "النص" });
  await body.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __slow: { name: string; delay: number; duration: number }[] };
    w.__slow = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        w.__slow.push({ name: entry.name, delay: entry.processingStart - entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  await body.click();
  await page.keyboard.press("Control+End");
  const burst = " وأضاف المتحدث أن المحادثات تناولت التعاون في مجالات الطاقة والنقل";
  const bursts = 6;
  const typedStart = performance.now();
  for (let i = 0; i < bursts; i++) {
    await page.keyboard.type(burst, { delay: 35 });
    // A pause, as writers make: autosave serializes the whole article and saves it while the next burst starts.
    await page.waitForTimeout(2500);
  }
  const typedFor = (performance.now() - typedStart) / 1000;
  const slow = await page.evaluate(
    () => (window as unknown as { __slow: { name: string; delay: number; duration: number }[] }).__slow,
  );
  const keyEvents = slow.filter((e) => ["keydown", "keyup", "keypress", "beforeinput", "input"].includes(e.name));
  const saveState = await page.locator("[data-save-state]").getAttribute("data-save-state");
  const keystrokes = burst.length * bursts;
  console.log(
    `typing, ${LONG_ARTICLE_WORDS}-word article: ${keystrokes} keystrokes in ${bursts} bursts over ${typedFor.toFixed(1)} s; ` +
      `${keyEvents.length} key events took ≥ 16 ms; ` +
      `max input delay ${ms(Math.max(0, ...keyEvents.map((e) => e.delay)))}, max event duration ${ms(Math.max(0, ...keyEvents.map((e) => e.duration)))}` +
      (keyEvents.length > 0
        ? `, p95 duration of those ${ms(
            percentile(
              keyEvents.map((e) => e.duration),
              95,
            ),
          )}`
        : "") +
      `; save state afterwards: ${saveState}`,
  );
  console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} (1 min) after`);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  if (serverLog.length > 0) console.error(`--- last lines from next start ---\n${serverLog.join("\n")}`);
  await exitAfterCleanup(1);
}
await exitAfterCleanup(0);
