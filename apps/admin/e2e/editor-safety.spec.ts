// The editor never loses words and never runs what people type: two editors on one text get a conflict with the
// other change shown, revisions diff and restore, leaving with unsaved text asks first, and HTML typed into any
// field stays text in the admin and on the public site.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { isolate } from "@minbar/i18n";
import { createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, SECOND_EDITOR_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
}

/** A published Arabic article of the test's own (the seeds stay as other specs expect them). */
function ownArticle(index: number) {
  return createPublishedArticle(prisma, `مقال اختبار المحرر رقم ${index + 1}`, [
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت بناءة.",
    "وأضاف أن البلدين سيواصلان التعاون في مجالات الطاقة والنقل والتعليم.",
  ]);
}

/** The text as the editor holds it: a published text's edits wait as pending changes (the live text is unchanged). */
async function editingText(id: number) {
  const row = await prisma.articleLocalization.findUniqueOrThrow({ where: { id } });
  return row.pendingSince
    ? {
        ...row,
        title: row.pendingTitle,
        summary: row.pendingSummary,
        body: row.pendingBody,
        slug: row.pendingSlug ?? row.slug,
      }
    : row;
}

async function openAs(browser: Browser, user: { email: string; password: string }, articleId: number) {
  const page = await browser.newPage();
  await signIn(page, user);
  await page.goto(`/articles/${articleId}/ar`);
  await expect(page.getByRole("textbox", { name: "النص" })).toBeVisible();
  return page;
}

test("two editors on one text: the second save is refused with the other change shown, and nothing is lost", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const article = await ownArticle(0);
  const first = await openAs(browser, DESK_EDITOR_USER, article.articleId);
  const second = await openAs(browser, SECOND_EDITOR_USER, article.articleId);
  // Each sees the other (the heartbeat runs on open).
  await second.reload();
  await expect(second.getByText(`يحرّره الآن أيضاً: ${isolate(DESK_EDITOR_USER.name)}`)).toBeVisible();

  const theirTitle = "عنوان كتبه المحرر الأول";
  await first.getByLabel("العنوان", { exact: true }).fill(theirTitle);
  await waitSaved(first);

  const myLine = "فقرة أضافها المحرر الثاني دون أن يرى التعديل الأول.";
  await second.getByRole("textbox", { name: "النص" }).click();
  await second.keyboard.press("Control+End");
  await second.keyboard.press("Enter");
  await second.keyboard.type(myLine);
  const conflict = second
    .getByRole("alert")
    .filter({ hasText: `حفظ ${isolate(DESK_EDITOR_USER.name)} هذا النص أثناء تحريرك` });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText(theirTitle);
  // Refused: the stored text is still the first editor's.
  expect((await editingText(article.id)).title).toBe(theirTitle);

  await second.getByRole("button", { name: "أبقِ نسختي" }).click();
  await waitSaved(second);
  const stored = await editingText(article.id);
  expect(JSON.stringify(stored.body)).toContain(myLine);
  // The first editor's title, replaced by an explicit choice, is still in the history.
  const titles = (
    await prisma.revision.findMany({ where: { localizationId: article.id }, orderBy: { number: "asc" } })
  ).map((r) => r.title);
  expect(titles).toContain(theirTitle);
  expect(titles.at(-1)).toBe(article.title);
  await first.close();
  await second.close();
});

test("revisions: a readable word diff, right to left, and restoring an old one makes a new revision", async ({
  browser,
}) => {
  const article = await ownArticle(1);
  const page = await openAs(browser, DESK_EDITOR_USER, article.articleId);
  await page.getByLabel("العنوان", { exact: true }).fill(`${article.title} المحدّث`);
  await waitSaved(page);
  const revisions = await prisma.revision.findMany({
    where: { localizationId: article.id },
    orderBy: { number: "asc" },
  });
  expect(revisions).toHaveLength(2);

  await page.goto(`/articles/${article.articleId}/ar?from=${revisions[0]!.id}&to=${revisions[1]!.id}`);
  const diff = page.getByTestId("revision-diff");
  await expect(diff).toHaveAttribute("dir", "rtl");
  await expect(diff.locator("ins")).toHaveCount(1);
  await expect(diff.locator("ins")).toContainText("المحدّث");
  await expect(diff.locator("del")).toHaveCount(0);

  const first = page.getByTestId("revision-list").locator("li", { hasText: "الإصدار 1" });
  await first.getByRole("button", { name: "استعد هذا الإصدار" }).click();
  await first.getByRole("button", { name: "نعم، استعده" }).click();
  await expect(page.getByLabel("العنوان", { exact: true })).toHaveValue(article.title ?? "");
  const after = await prisma.revision.findMany({ where: { localizationId: article.id }, orderBy: { number: "asc" } });
  expect(after).toHaveLength(3);
  expect(after[2]).toMatchObject({ origin: "restore", title: article.title });
  await page.close();
});

test("leaving with unsaved changes asks first", async ({ browser }) => {
  const article = await ownArticle(2);
  const page = await openAs(browser, DESK_EDITOR_USER, article.articleId);
  // Typed, not filled: browsers ask before unloading only pages the user has interacted with.
  await page.getByLabel("الملخص").click();
  await page.keyboard.type("ملخص لم يُحفظ بعد");
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "dirty");
  // Following a link elsewhere: the editor asks; staying keeps the text, which then autosaves.
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(`${dialog.type()}: ${dialog.message()}`))),
  );
  await page.getByRole("link", { name: "→ كل المقالات" }).click({ noWaitAfter: true });
  expect(await asked).toBe("confirm: لديك تغييرات لم تُحفظ بعد. هل تغادر الصفحة رغم ذلك؟");
  await waitSaved(page);
  await expect(page).toHaveURL(new RegExp(`/articles/${article.articleId}/ar$`));
  expect((await editingText(article.id)).summary).toBe("ملخص لم يُحفظ بعد");
  await page.close();
});

test("HTML and script typed into the editor stay text, in the admin and on the public site", async ({ browser }) => {
  test.setTimeout(90_000);
  const article = await ownArticle(3);
  const title = `<img src=x onerror="window.__xss='title'"> عنوان`;
  const summary = `<script>window.__xss='summary'</script>`;
  const paragraph = `<b onmouseover="window.__xss='body'">نص</b> <a href="javascript:window.__xss='link'">رابط</a>`;
  const page = await openAs(browser, DESK_EDITOR_USER, article.articleId);
  await page.getByLabel("العنوان", { exact: true }).fill(title);
  await page.getByLabel("الملخص").fill(summary);
  await page.getByRole("textbox", { name: "النص" }).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(paragraph);
  await waitSaved(page);
  const stored = await editingText(article.id);
  expect(stored.title).toBe(title);
  expect(JSON.stringify(stored.body)).toContain("javascript:window.__xss");
  // The article is live: the changes go out when published (the list and the site show the live text).
  await page.getByTestId("pending-changes").getByRole("button", { name: "نشر التعديلات" }).click();
  await expect(page.getByRole("status").filter({ hasText: "نُشرت التعديلات." })).toBeVisible();

  // In the admin: the editor, the list.
  await page.reload();
  await expect(page.locator("h1")).toHaveText(title);
  await expect(page.getByRole("textbox", { name: "النص" })).toContainText(paragraph);
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();

  // On the public site, where this article is live.
  const reader = await browser.newPage();
  await reader.goto(`${PUBLIC_SITE}/news/${article.articleId}/${stored.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByText(paragraph)).toBeVisible();
  await reader.getByText(paragraph).hover();
  await expect(reader.locator("main img[src=x], main a[href^='javascript']")).toHaveCount(0);
  expect(await reader.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await reader.close();
  await page.close();
});
