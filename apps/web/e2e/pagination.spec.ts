// Listings past one page: twelve more TASS stories are imported (through the importer, as wire copy arrives), the
// site is told through POST /api/revalidate, and the front page and the agency's page grow a /page/2 that readers can
// page through and that is cached like the first. The stories are deleted again afterwards.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@minbar/db/client";
import { importPaths } from "@minbar/importer";
import { revalidate } from "./revalidate-secret.ts";
import { e2eEnv } from "@minbar/e2e/env";

test.describe.configure({ mode: "serial" });

const EXTRA = 12;
const titleOf = (n: number) => `خبر تجريبي عن التعاون الإقليمي رقم ${n}`;
// Newest first on every listing: story 12 is dated 12 November 2026, story 1 the 1st.
const wireText = (n: number) =>
  [
    "Ru En",
    titleOf(n),
    `${n} نوفمبر ٢٠٢٦`,
    `أعلنت وزارة الخارجية الروسية اليوم أن المحادثات الإقليمية رقم ${n} جرت في أجواء بناءة.`,
    "\u00a0",
    "وأضاف البيان أن الجانبين اتفقا على مواصلة الحوار في الأشهر المقبلة.",
    "",
    "الصورة: أرشيف",
    "المصدر: تاس",
  ].join("\n");

const prisma = createPrismaClient(e2eEnv.databaseUrl);
let createdIds: number[] = [];
let seedArticleId = 0;

test.beforeAll(async ({ request }) => {
  // Before the stories arrive there is no second page, and that answer is cached too; revalidation must drop it.
  for (const path of ["/page/2", "/sources/tass/page/2"]) expect((await request.get(path)).status(), path).toBe(404);
  const before = (await prisma.article.aggregate({ _max: { id: true } }))._max.id ?? 0;
  seedArticleId = (await prisma.article.findFirstOrThrow({ where: { source: { slug: "tass" } }, select: { id: true } }))
    .id;
  const dir = await mkdtemp(join(tmpdir(), "minbar-pagination-"));
  try {
    for (let n = 1; n <= EXTRA; n++) await writeFile(join(dir, `extra-${String(n).padStart(2, "0")}.txt`), wireText(n));
    const { counts } = await importPaths({ prisma, paths: [dir] });
    expect(counts.created).toBe(EXTRA);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  createdIds = (await prisma.article.findMany({ where: { id: { gt: before } }, select: { id: true } })).map(
    ({ id }) => id,
  );
  expect((await revalidate(request, { articleId: createdIds[0] })).status()).toBe(200);
});

test.afterAll(async ({ request }) => {
  await prisma.article.deleteMany({ where: { id: { in: createdIds } } });
  // A seed article citing TASS: revalidating it drops the front page, the agency's pages and the feeds.
  await revalidate(request, { articleId: seedArticleId });
  await prisma.$disconnect();
});

test("the front page pages through /page/2 and back, and each page is cached", async ({ page, request }) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2 })).toHaveCount(10);
  await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText(titleOf(12));
  await expect(main.getByText("الصفحة ١ من ٢")).toBeVisible();

  await main.getByRole("link", { name: "التالي", exact: false }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  // 4 published seed stories + 12 new ones: 6 on the second page, the oldest last.
  await expect(main.getByRole("heading", { level: 2 })).toHaveCount(6);
  await expect(main.getByRole("link", { name: titleOf(1) })).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/page\/2$/);

  // Switching language from page 2 leads to the other edition's front page, which has a single page.
  await expect(page.getByRole("link", { name: "Русский" })).toHaveAttribute("href", "/ru");

  await main.getByRole("link", { name: "السابق", exact: false }).click();
  await expect(page).toHaveURL(/\/$/);

  await expect.poll(async () => (await request.get("/page/2")).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
  await expect.poll(async () => (await request.get("/")).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
});

test("the agency's page has a second page too", async ({ page }) => {
  await page.goto("/sources/tass");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2 })).toHaveCount(10);
  await main.getByRole("link", { name: "التالي", exact: false }).click();
  await expect(page).toHaveURL(/\/sources\/tass\/page\/2$/);
  await expect(main.getByRole("heading", { level: 2 })).not.toHaveCount(0);
  expect((await page.goto("/sources/tass/page/1"))?.url()).toMatch(/\/sources\/tass$/);
});

test("on a phone the page links are 44 px tall targets", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/page/2", "/sources/tass"]) {
    await page.goto(path);
    const links = page.getByRole("navigation", { name: "التنقل بين الصفحات" }).getByRole("link");
    await expect(links.first(), path).toBeVisible();
    for (const box of await links.evaluateAll((all) => all.map((link) => link.getBoundingClientRect().toJSON()))) {
      expect(box.height, path).toBeGreaterThanOrEqual(44);
      expect(box.width, path).toBeGreaterThanOrEqual(44);
    }
  }
});
