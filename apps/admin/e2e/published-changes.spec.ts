// Changing a published story safely: edits wait as pending changes while readers keep the published text; an editor
// publishes them as a correction that readers see; a writer cannot publish their own; a story set to come down is
// gone (410) at its time with nobody signed in.
import { expect, test, type Page } from "@playwright/test";
import { callAction, createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, WRITER_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });
}

/** The public page's HTML and status, fetched as a reader with no session. */
async function publicPage(articleId: number) {
  const response = await fetch(`${PUBLIC_SITE}/news/${articleId}`, { redirect: "follow" });
  return { status: response.status, html: await response.text() };
}

test("an editor's change to a published story stays off the site until published as a correction, which readers see", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const article = await createPublishedArticle(prisma, "وزير الخارجية يزور أستانا", [
    "وصل وزير الخارجية إلى أستانا صباح الاثنين.",
  ]);
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  await expect(page.getByTestId("published-note")).toBeVisible();

  const body = page.getByRole("textbox", { name: "النص" });
  await body.getByText("صباح الاثنين").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" في زيارة تستمر يومين");
  await waitSaved(page);

  // Autosave kept it as pending changes: readers still get the published text.
  const pending = page.getByTestId("pending-changes");
  await expect(pending.getByRole("heading", { name: "تعديلات غير منشورة" })).toBeVisible();
  await expect(page.getByTestId("pending-diff").locator("ins")).toContainText("تستمر يومين");
  const before = await publicPage(article.articleId);
  expect(before.status).toBe(200);
  expect(before.html).toContain("وصل وزير الخارجية إلى أستانا صباح الاثنين.");
  expect(before.html).not.toContain("تستمر يومين");

  await pending.getByLabel("تصويب: تُظهر الصفحة الملاحظة أسفل الخبر").check();
  await pending.getByLabel("ملاحظة للقرّاء، بلغة النص").fill("أُضيفت مدة الزيارة.");
  await pending.getByRole("button", { name: "نشر التعديلات" }).click();
  await expect(page.getByRole("status").filter({ hasText: "نُشرت التعديلات." })).toBeVisible();
  await expect(pending).toHaveCount(0);

  // Readers: the new text, "Updated" with its time, the correction's note, and dateModified in the JSON-LD.
  await expect
    .poll(async () => (await publicPage(article.articleId)).html, { timeout: 10_000 })
    .toContain("تستمر يومين");
  const reader = await page.context().browser()!.newPage();
  await reader.goto(`${PUBLIC_SITE}/news/${article.articleId}`);
  await expect(reader.getByTestId("updated-on")).toContainText("حُدّث في");
  await expect(reader.getByTestId("corrections")).toContainText("أُضيفت مدة الزيارة.");
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(jsonLd.dateModified).toEqual(expect.any(String));
  expect(new Date(jsonLd.dateModified).getTime()).toBeGreaterThan(new Date(jsonLd.datePublished).getTime());
  expect(jsonLd.correction).toEqual([expect.objectContaining({ text: "أُضيفت مدة الزيارة." })]);
  await reader.close();
});

test("a writer's pending change to their own published story goes to review; publishing it is refused on the server", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const article = await createPublishedArticle(prisma, "خبر كتبه الكاتب ونُشر", ["الفقرة المنشورة للكاتب."]);
  const writerUser = await prisma.user.findUniqueOrThrow({ where: { email: WRITER_USER.email } });
  await prisma.article.update({ where: { id: article.articleId }, data: { createdById: writerUser.id } });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, WRITER_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const body = page.getByRole("textbox", { name: "النص" });
  await body.getByText("الفقرة المنشورة للكاتب.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" مع تصحيح");
  await waitSaved(page);

  const pending = page.getByTestId("pending-changes");
  await expect(pending).toBeVisible();
  await expect(pending.getByRole("button", { name: "نشر التعديلات" })).toHaveCount(0);

  // The action called directly with the writer's session: refused, nothing goes live.
  const stored = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } });
  const direct = await callAction(context.request, `/articles/${article.articleId}/ar`, "publishChangesAction", [
    { localizationId: article.id, expectedVersion: stored.version, mark: "none" },
  ]);
  expect(direct).toEqual({ ok: false, code: "forbidden" });
  const after = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } });
  expect(after.body).toEqual([expect.objectContaining({ text: "الفقرة المنشورة للكاتب." })]);
  expect((await publicPage(article.articleId)).html).not.toContain("مع تصحيح");

  // Sent to review, the changes are the reviewers' to publish.
  await pending.getByRole("button", { name: "إرسال التعديلات للمراجعة" }).click();
  await expect(pending).toContainText("أُرسلت للمراجعة");
  expect(
    (await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).pendingSubmittedAt,
  ).not.toBeNull();
  await context.close();
});

test("a story set to come down is gone at its time (410 Gone) with nobody signed in", async ({ browser }) => {
  test.setTimeout(90_000);
  const article = await createPublishedArticle(prisma, "إعلان محدود المدة", ["يسري هذا الإعلان حتى نهاية اليوم."]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);
  const stored = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } });
  // The time is set through the action the form calls; a minute from now is the field's finest step, so the time is
  // then brought forward in the database to keep the test short.
  const inAMinute = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Moscow",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(Date.now() + 120_000))
    .replace(" ", "T");
  const set = await callAction(context.request, `/articles/${article.articleId}/ar`, "setUnpublishAtAction", [
    { localizationId: article.id, expectedVersion: stored.version, unpublishFor: inAMinute },
  ]);
  expect(set).toMatchObject({ ok: true });
  await page.reload();
  await expect(page.getByTestId("unpublish-at")).toContainText("يُسحب تلقائيًا");
  await context.close();
  expect((await publicPage(article.articleId)).status).toBe(200);

  await prisma.articleLocalization.update({
    where: { id: article.id },
    data: { unpublishAt: new Date(Date.now() + 3_000) },
  });
  // The admin's scheduler (every 15 s) takes it down; the public site then answers 410 with a page saying so.
  await expect.poll(async () => (await publicPage(article.articleId)).status, { timeout: 45_000 }).toBe(410);
  const gone = await publicPage(article.articleId);
  expect(gone.html).toContain("حُذف هذا الخبر");
  expect(gone.html).not.toContain("يسري هذا الإعلان");
  const transitions = await prisma.workflowTransition.findMany({ where: { localizationId: article.id } });
  expect(transitions.map((t) => [t.toStatus, t.action, t.actorId])).toEqual([
    ["unpublished", "article.unpublish_scheduled", null],
  ]);
});
