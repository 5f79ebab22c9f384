// A change the public site has not confirmed (it was down): the article list says so, and the admin's job queue
// sends the signal again on its own — here to the real public site of the test run, which confirms it.
import { expect, test } from "@playwright/test";
import { createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { ADMIN_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

test("the article list says the public site is behind, until the job queue's retry is confirmed", async ({ page }) => {
  test.setTimeout(120_000);
  const article = await createPublishedArticle(prisma, "مقال لم يؤكده الموقع العام", ["فقرة."]);
  const failedAt = new Date(Date.now() - 60_000);
  // As a publish leaves it when the site does not answer; the retry is not due for an hour yet.
  await prisma.pendingSiteSignal.create({
    data: {
      articleId: article.articleId,
      since: failedAt,
      failedAt,
      nextAttemptAt: new Date(Date.now() + 3_600_000),
      lastError: "unreachable",
    },
  });
  try {
    await signIn(page, ADMIN_USER);
    const note = page.getByRole("status").filter({ hasText: "الموقع العام" });
    await expect(note).toContainText("لم يؤكد الموقع العام بعدُ تغيير مقال واحد");

    // Its retry job was lost (nothing was tried for 20 minutes): the minute's sweep queues it again, the job sends
    // it, the public site confirms, and the note goes.
    const lost = new Date(Date.now() - 20 * 60_000);
    await prisma.pendingSiteSignal.update({
      where: { articleId: article.articleId },
      data: { failedAt: lost, nextAttemptAt: lost },
    });
    await expect
      .poll(() => prisma.pendingSiteSignal.count({ where: { articleId: article.articleId } }), { timeout: 80_000 })
      .toBe(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "المقالات" })).toBeVisible();
    await expect(note).toHaveCount(0);
  } finally {
    await prisma.pendingSiteSignal.deleteMany({ where: { articleId: article.articleId } });
  }
});
