// Changing a published story safely: edits wait as pending changes while readers keep the published text; an editor
// publishes them as a correction that readers see; a writer cannot publish their own; a story set to come down is
// gone (410) at its time with nobody signed in, also when the admin was restarted in between.
import { expect, test, type Page } from "@playwright/test";
import {
  callAction,
  createPublishedArticle,
  signIn,
  startOwnSiteAndAdmin,
  useArticleSandbox,
  withOwnDatabase,
} from "./helpers.ts";
import { E2E_REVALIDATE_SECRET, PUBLIC_SITE } from "./public-site.ts";
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

test("a story set to come down is gone at its time (410 Gone) with nobody signed in, after the admin restarts", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Its own database, public site and admin: the suite's admin would take the story down itself, and this admin is
  // stopped and started again between setting the time and the time.
  await withOwnDatabase(async (db, servers) => {
    const article = await createPublishedArticle(db.prisma, "إعلان محدود المدة", ["يسري هذا الإعلان حتى نهاية اليوم."]);
    const { site, startAdmin } = await startOwnSiteAndAdmin(servers, {
      DATABASE_URL: db.url,
      REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
    });
    const status = async () => (await fetch(`${site}/news/${article.articleId}`)).status;

    const firstAdmin = await startAdmin();
    const context = await browser.newContext({ baseURL: firstAdmin.origin });
    const page = await context.newPage();
    await signIn(page, DESK_EDITOR_USER);
    await page.goto(`/articles/${article.articleId}/ar`);
    const stored = await db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } });
    // The time is set through the action the form calls; a minute from now is the field's finest step, so the time
    // is brought forward in the database while the admin is down, to keep the test short.
    const inTwoMinutes = new Intl.DateTimeFormat("sv-SE", {
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
      { localizationId: article.id, expectedVersion: stored.version, unpublishFor: inTwoMinutes },
    ]);
    expect(set).toMatchObject({ ok: true });
    await page.reload();
    await expect(page.getByTestId("unpublish-at")).toContainText("يُسحب تلقائيًا");
    await context.close();
    expect(await status()).toBe(200);

    await firstAdmin.stop();
    const dueAt = new Date(Date.now() + 2_000);
    await db.prisma.articleLocalization.update({ where: { id: article.id }, data: { unpublishAt: dueAt } });
    await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() - Date.now() + 500));
    // Due, but no admin is running: nothing took it down yet.
    expect(await status()).toBe(200);

    // The restarted admin's job queue does what came due while it was down, at once; readers get 410.
    await startAdmin();
    await expect.poll(status, { timeout: 45_000 }).toBe(410);
    const gone = await (await fetch(`${site}/news/${article.articleId}`)).text();
    expect(gone).toContain("حُذف هذا الخبر");
    expect(gone).not.toContain("يسري هذا الإعلان");
    const transitions = await db.prisma.workflowTransition.findMany({ where: { localizationId: article.id } });
    expect(transitions.map((t) => [t.toStatus, t.action, t.actorId])).toEqual([
      ["unpublished", "article.unpublish_scheduled", null],
    ]);
  });
});
