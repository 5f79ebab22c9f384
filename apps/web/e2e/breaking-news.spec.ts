// The breaking-news banner on the public site: its small JSON (short-cached, per edition), the banner every page of
// that edition shows while it is on (each edition its own), and a page that works without JavaScript, bannerless.
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@minbar/db/client";
import { e2eEnv } from "@minbar/e2e/env";

const prisma = createPrismaClient(e2eEnv.databaseUrl);

test.afterAll(async () => {
  await prisma.breakingBanner.deleteMany({});
  await prisma.$disconnect();
});

test("GET /api/breaking/{locale} answers the edition's banner, cached a second, and 404 for an unknown edition", async ({
  request,
}) => {
  await prisma.breakingBanner.deleteMany({});
  const none = await request.get("/api/breaking/ru");
  expect(none.status()).toBe(200);
  expect(none.headers()["cache-control"]).toBe("public, max-age=1, s-maxage=1");
  expect(await none.json()).toEqual({ banner: null });
  expect((await request.get("/api/breaking/fr")).status()).toBe(404);

  await prisma.breakingBanner.create({
    data: { locale: "ru", text: "Срочно: землетрясение", link: "/ru", startedAt: new Date() },
  });
  await expect
    .poll(async () => (await (await request.get("/api/breaking/ru")).json()) as unknown, { timeout: 5_000 })
    .toEqual({ banner: { text: "Срочно: землетрясение", link: "/ru", endsAt: null } });
});

test("the banner shows on the edition's pages only, announced as a labelled region; without JavaScript, none", async ({
  browser,
}) => {
  await prisma.breakingBanner.upsert({
    where: { locale: "ru" },
    create: { locale: "ru", text: "Срочно: землетрясение", link: "/ru", startedAt: new Date() },
    update: { endedAt: null, endsAt: null },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/ru");
  const banner = page.getByRole("region", { name: "Срочно" });
  await expect(banner).toBeVisible({ timeout: 5_000 });
  await expect(banner.getByRole("link", { name: "Срочно: землетрясение" })).toHaveAttribute("href", "/ru");
  await page.goto("/en");
  await page.waitForTimeout(1_500);
  await expect(page.getByRole("region", { name: "Breaking news" })).toBeHidden();
  await context.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  const response = await plain.goto("/ru");
  expect(response?.status()).toBe(200);
  await expect(plain.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(plain.getByRole("region", { name: "Срочно" })).toBeHidden();
  await noScript.close();
});
