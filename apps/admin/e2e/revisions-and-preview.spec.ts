// Revisions, preview links and withdrawing a submission, as an Arabic-speaking editor and writer use them: the list
// follows autosaves, the selectors never compare a revision with itself, "compare" brings the diff into view, a
// restore asks first and says which revision came back; a preview link is shown to copy, lives as long as chosen and
// can be revoked; a writer pulls a submission back to draft until it is approved.
import { expect, test, type Page } from "@playwright/test";
import { createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { DESK_EDITOR_USER, WRITER_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
}

/** Enough paragraphs that the page is far taller than the window, as a real article's is. */
const LONG_TEXT = Array.from(
  { length: 40 },
  (_, i) => `الفقرة ${i + 1}: قال المتحدث إن المحادثات تناولت التعاون الاقتصادي والطاقة والنقل.`,
);

test("revisions: the list follows autosaves, compare shows the diff in view, restore asks and names the revision", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const article = await createPublishedArticle(prisma, "عنوان الإصدار الأول", LONG_TEXT);
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const panel = page.locator("section", { has: page.getByRole("heading", { name: "الإصدارات" }) });
  const list = panel.getByTestId("revision-list");
  const from = panel.getByRole("combobox", { name: "من" });
  const to = panel.getByRole("combobox", { name: "إلى" });
  // One revision: nothing to compare it with, so no selectors that could pick it twice.
  await expect(list.locator("li")).toHaveCount(1);
  await expect(panel).toContainText("المقارنة تحتاج إصدارين");
  await expect(from).toHaveCount(0);

  // A marker that a reload would wipe: nothing below reloads the page.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  const title = page.getByLabel("العنوان", { exact: true });
  await title.fill("عنوان الإصدار الثاني");
  await waitSaved(page);
  await expect(list.locator("li")).toHaveCount(2);
  await expect(list.locator("li").first()).toContainText("الإصدار 2");
  const ids = async () =>
    (await prisma.revision.findMany({ where: { localizationId: article.id }, orderBy: { number: "asc" } })).map((r) =>
      String(r.id),
    );
  let revisionIds = await ids();
  await expect(from).toHaveValue(revisionIds[0]!);
  await expect(to).toHaveValue(revisionIds[1]!);

  await title.fill("عنوان الإصدار الثالث");
  await waitSaved(page);
  await expect(list.locator("li")).toHaveCount(3);
  revisionIds = await ids();
  // Previous against latest, following the list.
  await expect(from).toHaveValue(revisionIds[1]!);
  await expect(to).toHaveValue(revisionIds[2]!);

  // The same revision twice cannot be compared.
  await from.selectOption(revisionIds[2]!);
  await expect(panel.getByRole("button", { name: "قارن" })).toBeDisabled();
  await expect(panel).toContainText("اختر إصدارين مختلفين");

  await from.selectOption(revisionIds[0]!);
  await panel.getByRole("button", { name: "قارن" }).click();
  const diff = page.locator("section", {
    has: page.getByRole("heading", { name: "التغييرات من الإصدار 1 إلى الإصدار 3" }),
  });
  await expect(diff).toBeInViewport();
  await expect(diff).toBeFocused();
  await expect(diff.getByTestId("revision-diff").locator("ins")).toContainText("الثالث");

  // Restoring asks first, naming the revision; cancelling changes nothing.
  const first = list.locator("li", { hasText: "الإصدار 1" });
  await first.getByRole("button", { name: "استعد هذا الإصدار" }).click();
  await expect(first).toContainText("أتستعيد الإصدار 1؟");
  await first.getByRole("button", { name: "إلغاء" }).click();
  await expect(first.getByRole("button", { name: "نعم، استعده" })).toHaveCount(0);
  expect(await prisma.revision.count({ where: { localizationId: article.id } })).toBe(3);

  await first.getByRole("button", { name: "استعد هذا الإصدار" }).click();
  await first.getByRole("button", { name: "نعم، استعده" }).click();
  await expect(panel.getByRole("status")).toHaveText("استُعيد الإصدار 1: صار الإصدار 4.");
  await expect(title).toHaveValue("عنوان الإصدار الأول");
  await expect(list.locator("li").first()).toContainText("الإصدار 4");
  await expect(list.locator("li").first()).toContainText("يعيد الإصدار 1");
  const history = page.locator("section", { has: page.getByRole("heading", { name: "السجل والتعليقات" }) });
  await expect(history).toContainText("استعاد الإصدار 1 (بوصفه الإصدار 4)");
  await expect(history).toContainText(DESK_EDITOR_USER.name);
  expect(await prisma.revision.findFirstOrThrow({ where: { localizationId: article.id, number: 4 } })).toMatchObject({
    origin: "restore",
    restoredFromNumber: 1,
    title: "عنوان الإصدار الأول",
  });
  expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
});

test("preview: the link is shown to copy, lives as long as chosen (30 minutes by default), and revoking stops it", async ({
  browser,
}) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const article = await createPublishedArticle(prisma, "مقال للمعاينة", ["نص يظهر في المعاينة."], "approved");
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const box = page.locator("section", { has: page.getByRole("heading", { name: "المعاينة" }) });
  const lifetime = box.getByRole("combobox", { name: "مدة صلاحية الرابط" });
  await expect(lifetime.locator("option:checked")).toHaveText("٣٠ دقيقة");

  const lastLinkExpiry = async () => {
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "article.preview_link", entityId: String(article.id) },
      orderBy: { id: "desc" },
    });
    return new Date((audit.data as { expiresAt: string }).expiresAt).getTime();
  };

  let before = Date.now();
  await box.getByRole("button", { name: "أنشئ رابط معاينة" }).click();
  const field = box.getByRole("textbox", { name: "رابط المعاينة" });
  await expect(field).toHaveValue(/\/preview\/[\w-]+\.[\w-]+$/);
  await expect(field).toHaveAttribute("readonly", "");
  await expect(box).toContainText("يعمل حتى");
  expect(Math.abs((await lastLinkExpiry()) - before - 30 * 60_000)).toBeLessThan(60_000);
  await box.getByRole("button", { name: "نسخ الرابط" }).click();
  await expect(box.getByRole("button", { name: "نُسخ" })).toBeVisible();
  const url = await field.inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  await lifetime.selectOption({ label: "٧ أيام" });
  before = Date.now();
  await box.getByRole("button", { name: "أنشئ رابط معاينة" }).click();
  await expect(field).not.toHaveValue(url);
  expect(Math.abs((await lastLinkExpiry()) - before - 7 * 24 * 60 * 60_000)).toBeLessThan(60_000);
  const weekLink = await field.inputValue();

  const reader = await context.newPage();
  expect((await reader.goto(url))?.status()).toBe(200);
  await expect(reader.locator("article")).toContainText("نص يظهر في المعاينة.");

  await box.getByRole("button", { name: "ألغِ روابط معاينة هذا المقال" }).click();
  await expect(box.getByRole("status")).toHaveText("توقفت كل روابط معاينة هذا المقال، بكل لغاته، عن العمل.");
  await expect(field).toHaveCount(0);
  for (const revoked of [url, weekLink]) expect((await reader.goto(revoked))?.status()).toBe(404);

  // A new link works again.
  await box.getByRole("button", { name: "أنشئ رابط معاينة" }).click();
  expect((await reader.goto(await field.inputValue()))?.status()).toBe(200);
  await context.close();
});

test("a writer withdraws their submission to draft (in the history) until it is approved", async ({ page }) => {
  const writer = await prisma.user.findUniqueOrThrow({ where: { email: WRITER_USER.email } });
  const submitted = async (status: "in_review" | "approved", title: string) => {
    const body = [{ type: "paragraph", text: "نص فيه خطأ مطبعي." }];
    const slug = `withdraw-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const created = await prisma.article.create({
      data: {
        createdById: writer.id,
        localizations: {
          create: {
            locale: "ar",
            title,
            slug,
            body,
            status,
            revisions: { create: { number: 1, title, slug, body, origin: "editor", authorId: writer.id } },
          },
        },
      },
      include: { localizations: true },
    });
    return created.localizations[0]!;
  };
  const inReview = await submitted("in_review", "مقال أرسلته الكاتبة");
  const approved = await submitted("approved", "مقال اعتمده المحرر");

  await signIn(page, WRITER_USER);
  await page.goto(`/articles/${inReview.articleId}/ar`);
  await expect(page.locator("header").getByText("قيد المراجعة")).toBeVisible();
  await page.getByRole("button", { name: "اسحب من المراجعة" }).click();
  await expect(page.locator("header").getByText("مسودة", { exact: true })).toBeVisible();
  const history = page.locator("section", { has: page.getByRole("heading", { name: "السجل والتعليقات" }) });
  await expect(history).toContainText("سحبه من المراجعة: قيد المراجعة ← مسودة");
  await expect(history).toContainText(WRITER_USER.name);
  expect(await prisma.articleLocalization.findUniqueOrThrow({ where: { id: inReview.id } })).toMatchObject({
    status: "draft",
  });
  expect(
    await prisma.workflowTransition.findFirstOrThrow({
      where: { localizationId: inReview.id },
      orderBy: { id: "desc" },
    }),
  ).toMatchObject({ fromStatus: "in_review", toStatus: "draft", action: "article.withdraw", actorId: writer.id });

  // Once approved it is the editors' own: nothing to withdraw.
  await page.goto(`/articles/${approved.articleId}/ar`);
  await expect(page.locator("header").getByText("معتمد")).toBeVisible();
  await expect(page.getByRole("button", { name: "اسحب من المراجعة" })).toHaveCount(0);
});
