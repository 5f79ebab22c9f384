// The edited front page and breaking news, end to end: an editor arranges the Arabic front page (lead, two top
// stories moved by keyboard, a section row, a pin), previews and publishes it, and readers see that order; the pin
// ends and its story falls back into the flow; a breaking banner appears on an article page and the front page within
// 5 s of being set and is gone within 5 s of its end. A writer is refused by the server.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { newsroomTimeZoneName } from "@minbar/i18n";
import { callAction, createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { E2E_REVALIDATE_SECRET, PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, WRITER_USER } from "./test-users.ts";

const prisma = useArticleSandbox();
const ZONE = newsroomTimeZoneName("ar");

test.afterAll(async ({ request }) => {
  await prisma.frontPageArrangement.deleteMany({});
  await prisma.breakingBanner.deleteMany({});
  // The specs after this one read the public front page as the newest-first list again.
  const response = await request.post(`${PUBLIC_SITE}/api/revalidate`, {
    headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
    data: { frontPages: ["ar", "ru", "en"] },
  });
  expect(response.status()).toBe(200);
});

/** Types an instant into the Arabic date-time field's boxes, as Moscow's clock reads it. */
async function fillMoscowTime(field: Locator, at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "Europe/Moscow",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      hour12: true,
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  await field.getByLabel("اليوم", { exact: true }).fill(parts.day!);
  await field.getByLabel("الشهر", { exact: true }).selectOption(parts.month!);
  await field.getByLabel("السنة", { exact: true }).fill(parts.year!);
  await field.getByLabel("الساعة", { exact: true }).fill(parts.hour!);
  await field.getByLabel("الدقيقة", { exact: true }).fill(parts.minute!);
  await field.getByLabel("صباحًا أو مساءً", { exact: true }).selectOption(parts.dayPeriod === "PM" ? "pm" : "am");
}

async function addStory(page: Page, title: string) {
  await page.getByLabel("ابحث في الأخبار المنشورة في هذه النسخة").fill(title);
  await page.getByRole("button", { name: "بحث", exact: true }).click();
  await page.getByRole("button", { name: `إضافة «${title}»` }).click();
}

/** The titles the public front page shows in its lead and top-stories slots, in order. */
async function publicOrder(page: Page): Promise<{ lead: string; top: string[] }> {
  await page.goto(`${PUBLIC_SITE}/`);
  const lead = (await page.locator("[data-slot=lead] h2").textContent())?.trim() ?? "";
  const top = (await page.locator("[data-slot=top] li h2").allTextContents()).map((text) => text.trim());
  return { lead, top };
}

test("an editor arranges, previews and publishes the Arabic front page; a pin ends; a breaking banner comes and goes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A minute boundary at least a minute ahead (the date-time field has minutes): when the pin and the banner end.
  const ends = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);

  const culture = await prisma.section.findFirstOrThrow({ where: { slugEn: "culture" } });
  const cultureStory = await createPublishedArticle(prisma, "معرض الكتاب يفتح أبوابه", ["فقرة عن المعرض."]);
  // Older than every other story, so only the culture row shows it, not the slots that fill themselves.
  await prisma.articleLocalization.update({
    where: { id: cultureStory.id },
    data: { publishedAt: new Date("2001-01-01T00:00:00Z") },
  });
  await prisma.article.update({ where: { id: cultureStory.articleId }, data: { sectionId: culture.id } });
  const [a, b, c] = ["قمة إقليمية في الرياض", "اتفاق تجاري جديد", "افتتاح جسر على النيل"];
  for (const title of [a, b, c]) await createPublishedArticle(prisma, title, [`فقرة عن ${title}.`]);
  const newest = "أحدث خبر منشور";
  await createPublishedArticle(prisma, newest, ["فقرة."]);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DESK_EDITOR_USER);
  await page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "الصفحة الأولى" }).click();
  await expect(page).toHaveURL(/\/front-page$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة الأولى");

  // C, A, B added in that order, then B moved to the top with the keyboard: B is the lead, C and A the top stories.
  for (const title of [c, a, b]) await addStory(page, title);
  const handle = page.getByRole("button", { name: `نقل «${b}»` });
  await handle.focus();
  // One key at a time, as a person presses them: each move is measured against the list as it now stands.
  for (const key of ["Space", "ArrowUp", "ArrowUp", "Space"]) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  const slots = page.getByRole("list", { name: "الخبر الرئيسي والأخبار البارزة" }).getByTestId("slot-title");
  await expect(slots).toHaveText([b, c, a]);
  // The move was announced to screen readers in the interface language.
  await expect(page.locator("#DndLiveRegion-0")).toHaveText(`وُضع «${b}» في موضع الخبر الرئيسي.`);

  // A is pinned until `ends`; a row for the culture section.
  await page.getByLabel(`تثبيت «${a}» حتى موعد`).check();
  await fillMoscowTime(page.getByRole("group", { name: `مثبّت حتى (${ZONE})` }), ends);
  await page.getByLabel("إضافة صف لقسم").selectOption({ label: "ثقافة" });
  await page.getByRole("button", { name: "إضافة صف" }).click();

  await page.getByRole("button", { name: "معاينة" }).click();
  const preview = page.getByTestId("front-page-preview");
  await expect(preview.locator("[data-slot=lead]")).toHaveText(b);
  await expect(preview.locator("[data-slot=top]").first()).toHaveText(c);
  await expect(preview.locator("[data-slot=top]").nth(1)).toHaveText(a);
  await expect(preview).toContainText("معرض الكتاب يفتح أبوابه");

  await page.getByRole("button", { name: "انشر الآن" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "نُشر: تعرض الصفحة الأولى في الموقع هذا الترتيب الآن." }),
  ).toBeVisible();

  const reader = await context.newPage();
  const order = await publicOrder(reader);
  expect(order.lead).toBe(b);
  expect(order.top.slice(0, 3)).toEqual([c, a, newest]);
  const row = reader.getByRole("region", { name: "ثقافة" });
  await expect(row.getByRole("link", { name: "ثقافة" })).toHaveAttribute(
    "href",
    `/sections/${encodeURIComponent("ثقافة")}`,
  );
  await expect(row).toContainText("معرض الكتاب يفتح أبوابه");

  // The breaking banner, ending at `ends`: on an open article page and the open front page within 5 s.
  const articlePage = await context.newPage();
  await articlePage.goto(`${PUBLIC_SITE}/news/${cultureStory.articleId}`);
  const bannerOn = (p: Page) => p.getByRole("region", { name: "عاجل" });
  await expect(bannerOn(articlePage)).toBeHidden();
  await page.getByLabel("النص", { exact: true }).fill("زلزال بقوة 6 درجات");
  await page.getByLabel("الرابط", { exact: true }).fill(`/news/${cultureStory.articleId}`);
  await fillMoscowTime(page.getByRole("group", { name: `ينتهي في (${ZONE}، اختياري)` }), ends);
  await page.getByRole("button", { name: "اعرض الشريط" }).click();
  const setAt = Date.now();
  await expect(page.getByRole("region", { name: "الأخبار العاجلة" }).getByRole("status")).toHaveText(
    "الشريط معروض: يراه القراء خلال ثوانٍ.",
  );
  for (const p of [articlePage, reader]) {
    await expect(bannerOn(p)).toBeVisible({ timeout: Math.max(0, setAt + 5_000 - Date.now()) });
    await expect(bannerOn(p).getByRole("link")).toHaveText("زلزال بقوة 6 درجات");
  }
  await expect(bannerOn(reader)).toHaveAttribute("aria-labelledby", "breaking-news-label");
  expect(await reader.evaluate(() => document.documentElement.dir)).toBe("rtl");

  // Gone within 5 s of its end, without a reload.
  await articlePage.waitForTimeout(Math.max(0, ends.getTime() - Date.now()));
  for (const p of [articlePage, reader])
    await expect(bannerOn(p)).toBeHidden({ timeout: Math.max(0, ends.getTime() + 5_000 - Date.now()) });

  // The pin has ended too: the job queued for its end refreshes the front page, where A is back in the flow, after
  // the newest story, and C stays where the editor put it.
  await expect
    .poll(async () => (await publicOrder(reader)).top.slice(0, 3), { timeout: 40_000, intervals: [2_000] })
    .toEqual([c, newest, a]);
  await context.close();
});

test("a writer cannot open the front page desk, and the server refuses the desk's actions", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, WRITER_USER);
  await expect(
    page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "الصفحة الأولى" }),
  ).toHaveCount(0);
  const response = await page.goto("/front-page");
  expect(response?.status()).toBe(403);
  const before = await prisma.auditLog.count();
  const layout = { stories: [], sections: [] };
  expect(await callAction(context.request, "/front-page", "publishAction", ["ar", 0, layout, null])).toEqual({
    ok: false,
    code: "forbidden",
  });
  expect(
    await callAction(context.request, "/front-page", "setBreakingAction", [
      "ar",
      { text: "خبر", link: "/", endsAt: "" },
    ]),
  ).toEqual({ ok: false, code: "forbidden" });
  expect(await callAction(context.request, "/front-page", "endBreakingAction", ["ar"])).toEqual({
    ok: false,
    code: "forbidden",
  });
  expect(await prisma.auditLog.count()).toBe(before);
  await context.close();
});
