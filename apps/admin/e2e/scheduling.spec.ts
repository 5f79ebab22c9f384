// Scheduling an article: the time an editor types is the newsroom's time (Moscow), named next to the field, whatever
// zone their computer is set to; the article then shows when it goes out, in the editor and in the list.
import { expect, test, type Locator } from "@playwright/test";
import { formatDateTime } from "@minbar/i18n";
import { callAction, createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { DESK_EDITOR_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

/** Types a day (YYYY-MM-DD) and an hour of the morning into the Arabic date-time field's boxes. */
async function fillMorning(field: Locator, day: string, hour: number) {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  await field.getByLabel("اليوم", { exact: true }).fill(String(d));
  await field.getByLabel("الشهر", { exact: true }).selectOption(String(m));
  await field.getByLabel("السنة", { exact: true }).fill(String(y));
  await field.getByLabel("الساعة", { exact: true }).fill(String(hour));
  await field.getByLabel("الدقيقة", { exact: true }).fill("00");
  await field.getByLabel("صباحًا أو مساءً", { exact: true }).selectOption("am");
}

/** The calendar day `days` from now in Moscow, as YYYY-MM-DD. */
function moscowDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

test("an editor in New York schedules for 10:00 Moscow time; the article goes out at 07:00 UTC and says so", async ({
  browser,
}) => {
  const article = await createPublishedArticle(
    prisma,
    "مقال للجدولة في موعد محدد",
    ["فقرة أولى من المقال المجدول."],
    "approved",
  );
  // The editor's computer is five hours behind UTC, eight behind Moscow.
  const context = await browser.newContext({ timezoneId: "America/New_York" });
  const page = await context.newPage();
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.articleId}/ar`);

  const field = page.getByRole("group", { name: "موعد النشر (توقيت موسكو الرسمي)" });
  const schedule = page.getByRole("button", { name: "جدول النشر" });
  // A time already past is refused, in the interface language, and nothing moves.
  await fillMorning(field, moscowDay(-1), 10);
  await schedule.click();
  await page.getByRole("dialog").getByRole("button", { name: "جدول النشر" }).click();
  await expect(page.locator("section[aria-labelledby=workflow-title]").getByRole("alert")).toHaveText(
    "اختر موعدًا قادمًا للنشر.",
  );
  expect((await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("approved");

  const day = moscowDay(1);
  await fillMorning(field, day, 10);
  await schedule.click();
  await page.getByRole("dialog").getByRole("button", { name: "جدول النشر" }).click();
  const expected = new Date(`${day}T07:00:00.000Z`);
  await expect(page.getByTestId("scheduled-for")).toHaveText(
    `يُنشر في ${formatDateTime(expected, "ar")} (توقيت موسكو الرسمي)`,
  );
  const stored = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } });
  expect(stored.status).toBe("scheduled");
  expect(stored.scheduledAt?.toISOString()).toBe(expected.toISOString());

  // The list shows the same time in its status column.
  await page.goto("/articles?status=scheduled");
  const row = page.getByRole("row").filter({ hasText: "مقال للجدولة في موعد محدد" });
  await expect(row.locator("time")).toHaveText(formatDateTime(expected, "ar"));
  await context.close();
});

test("the schedule action, called directly, takes only a wall-clock time in the newsroom's zone", async ({
  browser,
}) => {
  const article = await createPublishedArticle(prisma, "مقال لاختبار حقل الموعد", ["فقرة."], "approved");
  const context = await browser.newContext();
  await signIn(await context.newPage(), DESK_EDITOR_USER);
  const move = (fields: Record<string, unknown>) =>
    callAction(context.request, `/articles/${article.articleId}/ar`, "moveAction", [
      { localizationId: article.id, to: "scheduled", expectedVersion: article.version, ...fields },
    ]);

  for (const fields of [
    { scheduledFor: "not a time" },
    { scheduledFor: `${moscowDay(1)}T25:00` },
    { scheduledFor: 1_900_000_000_000 },
    { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
  ]) {
    expect(await move(fields), JSON.stringify(fields)).toEqual({ ok: false, code: "schedule_time" });
  }
  expect((await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("approved");
  await context.close();
});
