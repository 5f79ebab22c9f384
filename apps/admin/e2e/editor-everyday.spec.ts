// An editor's everyday writing and publishing, as they see it: "new article" stores nothing until something is
// written, the page follows each save, the slug follows the title until edited by hand, and publishing or scheduling
// is confirmed first and then said, with the live page or the time, without the page jumping.
import { expect, test, type Page } from "@playwright/test";
import { formatDateTime } from "@minbar/i18n";
import { createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, TRANSLATOR_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

test.afterAll(async () => {
  await prisma.user.update({ where: { email: TRANSLATOR_USER.email }, data: { uiLocale: "ar" } });
});

const saveState = (page: Page) => page.locator("[data-save-state]");
const body = (page: Page) => page.getByRole("textbox", { name: "النص" });
const title = (page: Page) => page.getByLabel("العنوان", { exact: true });
const slug = (page: Page) => page.getByRole("textbox", { name: /^العنوان في الرابط/ });

async function waitSaved(page: Page) {
  await expect(saveState(page)).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
}

async function articleIdOf(page: Page): Promise<number> {
  await expect(page).toHaveURL(/\/articles\/\d+\/ar$/, { timeout: 15_000 });
  return Number(/\/articles\/(\d+)\/ar$/.exec(page.url())?.[1]);
}

test("“new article” stores nothing until something is written, then becomes the article without losing a keystroke", async ({
  page,
}) => {
  await signIn(page, DESK_EDITOR_USER);
  const before = await prisma.article.count();

  // Opened and abandoned: nothing is stored, and the page says so.
  await page.getByRole("link", { name: "مقال جديد" }).click();
  await expect(page).toHaveURL(/\/articles\/new$/);
  await expect(saveState(page)).toHaveText("لم يُحفظ شيء بعد: يُنشأ المقال حين تكتب فيه.");
  // The same warning an untitled import carries, for the same state.
  await expect(page.getByTestId("blocked-note")).toContainText("بلا عنوان");
  await page.getByRole("link", { name: "كل المقالات" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  expect(await prisma.article.count()).toBe(before);

  // Written in (the body first, no title yet): created on that save, at its own address, typing never interrupted.
  await page.getByRole("link", { name: "مقال جديد" }).click();
  await body(page).click();
  await page.keyboard.type("السطر الأول");
  const articleId = await articleIdOf(page);
  await page.keyboard.type(" ثم الثاني");
  await expect(body(page)).toBeFocused();
  await expect
    .poll(async () => (await prisma.articleLocalization.findFirst({ where: { articleId, locale: "ar" } }))?.body, {
      timeout: 15_000,
    })
    // Each block carries its stable id (see docs/decisions/0026-translations-in-step.md).
    .toEqual([{ type: "paragraph", text: "السطر الأول ثم الثاني", id: expect.any(String) }]);
  expect(await prisma.article.count()).toBe(before + 1);
  await waitSaved(page);

  // In the list it carries the missing-title warning an untitled import shows.
  await page.goto("/articles?warnings=blocking");
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="/articles/${articleId}/ar"]`) });
  await expect(row.getByRole("listitem").filter({ hasText: "بلا عنوان" })).toBeVisible();
});

test("heading, warnings and the moves offered follow each save, without a reload", async ({ page }) => {
  // A text in review with no title: the editor may return it, not approve it, until it has one.
  const article = await createPublishedArticle(prisma, "مؤقت", ["فقرة في نص بلا عنوان."], "approved");
  await prisma.articleLocalization.update({
    where: { id: article.id },
    data: { status: "in_review", title: null, warnings: [{ code: "missing_title", message: "no title line" }] },
  });
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("(بلا عنوان)");
  await expect(page.getByTestId("blocked-note")).toBeVisible();
  await expect(page.getByRole("button", { name: "وافق" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "أعد إلى المسودة" })).toBeVisible();

  await title(page).fill("عنوان كُتب للتو");
  await waitSaved(page);
  await expect(heading).toHaveText("عنوان كُتب للتو");
  await expect(page.getByTestId("blocked-note")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "وافق" })).toBeVisible();
  // The title field kept its focus and caret through the page's refresh.
  await expect(title(page)).toBeFocused();
  await page.keyboard.type("!");
  await expect(title(page)).toHaveValue("عنوان كُتب للتو!");
});

test("a new article's slug follows its title, in Arabic letters, until edited by hand; a translation's too", async ({
  page,
}) => {
  await signIn(page, DESK_EDITOR_USER);
  await page.getByRole("link", { name: "مقال جديد" }).click();
  await title(page).fill("قمة الرياض");
  const articleId = await articleIdOf(page);
  // The title field kept its focus and caret through the move to the article's address.
  await expect(title(page)).toBeFocused();
  await page.keyboard.type(" الاقتصادية");
  await expect(title(page)).toHaveValue("قمة الرياض الاقتصادية");
  await waitSaved(page);
  await expect(slug(page)).toHaveValue("قمة-الرياض-الاقتصادية");
  await expect(page.getByText("يُصنع من العنوان ما لم تغيّره بنفسك.", { exact: false })).toBeVisible();

  await title(page).fill("قمة الرياض");
  await waitSaved(page);
  await expect(slug(page)).toHaveValue("قمة-الرياض");

  await slug(page).fill("riyadh-summit");
  await waitSaved(page);
  await title(page).fill("عنوان آخر تماماً");
  await waitSaved(page);
  await expect(slug(page)).toHaveValue("riyadh-summit");
  const stored = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
  expect(stored).toMatchObject({ title: "عنوان آخر تماماً", slug: "riyadh-summit" });

  // The English edition starts with a placeholder slug that gives way to its title's.
  await page.getByRole("button", { name: /الإنجليزية/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}/en$`));
  await title(page).fill("Summit in Riyadh");
  await waitSaved(page);
  await expect(slug(page)).toHaveValue("summit-in-riyadh");
});

test("the slug's hint says what it accepts, in each interface language", async ({ page }) => {
  const article = await createPublishedArticle(prisma, "مقال لقراءة التلميح", ["فقرة."]);
  await signIn(page, TRANSLATOR_USER);
  const hints = [
    ["ar", "العربية", "أحرف أي لغة (والعربية منها) وأرقام"],
    ["ru", "Русский", "Буквы любого алфавита (в том числе арабские) и цифры"],
    ["en", "English", "Letters of any alphabet (Arabic included) and digits"],
  ] as const;
  for (const [code, language, hint] of hints) {
    await page.getByRole("button", { name: language }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", code);
    await page.goto(`/articles/${article.articleId}/ar`);
    await expect(page.locator("#slug-hint")).toContainText(hint);
  }
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
});

test("publishing asks first, then says so with a link to the live page; the page does not jump", async ({ page }) => {
  const article = await createPublishedArticle(prisma, "مقال ينتظر النشر", ["فقرة أولى.", "فقرة ثانية."], "approved");
  await page.setViewportSize({ width: 1280, height: 600 });
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const publish = page.getByRole("button", { name: "انشر" });
  await publish.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);

  // Asked first; cancelling changes nothing.
  await publish.click();
  const dialog = page.getByRole("dialog", { name: "هل تنشر هذا النص الآن؟" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("مقال ينتظر النشر");
  await dialog.getByRole("button", { name: "إلغاء" }).click();
  await expect(dialog).toBeHidden();
  expect((await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("approved");

  await publish.click();
  await dialog.getByRole("button", { name: "انشر" }).click();
  const notice = page.getByRole("status").filter({ hasText: "نُشر النص." });
  await expect(notice).toBeVisible();
  await expect(page.locator("header").getByText("منشور")).toBeVisible();
  await expect(notice.getByRole("link", { name: "افتح صفحته على الموقع" })).toHaveAttribute(
    "href",
    `${PUBLIC_SITE}/news/${article.articleId}/${article.slug}`,
  );
  expect((await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("published");
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test("scheduling asks first, naming the time, then says when the text goes out", async ({ page }) => {
  const article = await createPublishedArticle(prisma, "مقال ينتظر موعده", ["فقرة."], "approved");
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(
    new Date(Date.now() + 2 * 86_400_000),
  );
  const expected = new Date(`${day}T06:30:00.000Z`); // 09:30 in Moscow
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const field = page.getByRole("group", { name: "موعد النشر (توقيت موسكو الرسمي)" });
  await field.getByLabel("اليوم", { exact: true }).fill(String(d));
  await field.getByLabel("الشهر", { exact: true }).selectOption(String(m));
  await field.getByLabel("السنة", { exact: true }).fill(String(y));
  await field.getByLabel("الساعة", { exact: true }).fill("9");
  await field.getByLabel("الدقيقة", { exact: true }).fill("30");
  await field.getByLabel("صباحًا أو مساءً", { exact: true }).selectOption("am");
  await page.getByRole("button", { name: "جدول النشر" }).click();
  const dialog = page.getByRole("dialog", { name: "هل تجدول نشر هذا النص؟" });
  await expect(dialog).toContainText(formatDateTime(expected, "ar"));
  await dialog.getByRole("button", { name: "جدول النشر" }).click();
  await expect(page.getByRole("status").filter({ hasText: "جُدول النشر" })).toContainText(
    formatDateTime(expected, "ar"),
  );
  const stored = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } });
  expect(stored.status).toBe("scheduled");
  expect(stored.scheduledAt?.toISOString()).toBe(expected.toISOString());
});

test("on a phone, the confirmation fits the screen and its buttons can be tapped", async ({ page }) => {
  const article = await createPublishedArticle(prisma, "مقال يُنشر من الهاتف", ["فقرة."], "approved");
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  await page.getByRole("button", { name: "انشر" }).click();
  const dialog = page.getByRole("dialog", { name: "هل تنشر هذا النص الآن؟" });
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  for (const name of ["انشر", "إلغاء"]) {
    const button = await dialog.getByRole("button", { name }).boundingBox();
    expect(button!.height, name).toBeGreaterThanOrEqual(24);
    expect(button!.width, name).toBeGreaterThanOrEqual(24);
  }
  await dialog.getByRole("button", { name: "انشر" }).click();
  await expect(page.getByRole("status").filter({ hasText: "نُشر النص." })).toBeVisible();
});

test("the article list's search finds what a reader's would: a word with a clitic, a name spelt otherwise, the text's words", async ({
  page,
}) => {
  await signIn(page, DESK_EDITOR_USER);
  await page.goto("/articles");
  const juneSeed = "لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية";
  const titles = page.locator("tbody tr td:first-child a");
  // Seed 003 has أوروبا and تيلوبيردي/تليوبيردي in its text only, never in its title.
  for (const query of ["وأوروبا", "تيليوبيردي"]) {
    await page.getByRole("searchbox", { name: "ابحث في العناوين والنصوص" }).fill(query);
    await page.getByRole("button", { name: "طبّق" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query)}`));
    await expect(titles.first()).toHaveText(juneSeed);
  }
});
