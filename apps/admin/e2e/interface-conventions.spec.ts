// The interface speaks one language at a time (issue 18, points 8, 9 and 15): in Arabic, Russian and English, the
// warning chips explain themselves in that language, dates and times are shown and typed in its order, digits and
// clock (read as the newsroom's Moscow time, the editor's own clock beside it), names of another script are isolated,
// and an agency or tag shows its name in the interface language, or its Arabic name marked as such.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { isolate, type Locale } from "@minbar/i18n";
import { createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { ADMIN_USER, DESK_EDITOR_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

type Catalogue = {
  WarningHints: Record<string, string>;
  DateTimeField: Record<string, string>;
  Names: { inArabic: string };
  ArticleDateFilter: { from: string; to: string };
};
const catalogue = (locale: Locale): Catalogue =>
  JSON.parse(readFileSync(new URL(`../messages/conventions/${locale}.json`, import.meta.url), "utf8")) as Catalogue;
const editorCatalogue = (locale: Locale) =>
  JSON.parse(readFileSync(new URL(`../messages/editor/${locale}.json`, import.meta.url), "utf8")) as {
    Editor: {
      fields: { slug: string; storyDate: string };
      workflow: { scheduleAt: string; moves: { schedule: string } };
      attribution: { source: string };
    };
  };

const ZONE_NAME: Record<Locale, string> = {
  ar: "توقيت موسكو الرسمي",
  ru: "Москва, стандартное время",
  en: "Moscow Standard Time",
};
const TASS: Record<Locale, string> = { ar: "تاس", ru: "ТАСС", en: "TASS" };
const LOCAL_AGENCY = "وكالة الاختبار المحلية للأسماء";

/** A signed-in desk editor whose interface is in `locale`, on a computer whose clock is set to `timezoneId`. */
async function editorIn(browser: Browser, locale: Locale, timezoneId = "Europe/Moscow"): Promise<Page> {
  const context = await browser.newContext({ timezoneId });
  const page = await context.newPage();
  await signIn(page, DESK_EDITOR_USER);
  await context.addCookies([{ name: "minbar_admin_locale", value: locale, url: new URL(page.url()).origin }]);
  return page;
}

/** The Moscow calendar day `days` from now. */
function moscowDay(days: number): { year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" })
    .format(new Date(Date.now() + days * 86_400_000))
    .split("-")
    .map(Number) as [number, number, number];
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, "0");

let localAgencyId = 0;
let tagId = 0;
test.beforeAll(async () => {
  localAgencyId = (
    await prisma.source.upsert({
      where: { slug: "e2e-local-agency" },
      update: {},
      create: { slug: "e2e-local-agency", nameAr: LOCAL_AGENCY, matchKey: "e2e-local-agency" },
    })
  ).id;
  tagId = (
    await prisma.tag.upsert({
      where: { slug: "e2e-economy" },
      update: {},
      create: { slug: "e2e-economy", nameAr: "اقتصاد الاختبار", nameRu: "Экономика (тест)", nameEn: "Economy (test)" },
    })
  ).id;
});
test.afterAll(async () => {
  await prisma.article.updateMany({ where: { sourceId: localAgencyId }, data: { sourceId: null } });
  await prisma.articleTag.deleteMany({ where: { tagId } });
  await prisma.source.deleteMany({ where: { id: localAgencyId } });
  await prisma.tag.deleteMany({ where: { id: tagId } });
});

for (const locale of ["ar", "ru", "en"] as const) {
  test(`${locale}: warning chips, labels and names speak the interface language, isolated`, async ({ browser }) => {
    const title = `مقال تحذيرات الواجهة ${locale}`;
    const row = await createPublishedArticle(prisma, title, ["فقرة."], "approved");
    await prisma.articleLocalization.update({
      where: { id: row.id },
      data: {
        warnings: [
          { code: "weekday_mismatch", message: "the date line names Tuesday but 2026-11-24 is a Monday" },
          { code: "date_from_body", message: 'no date line; date taken from the body: "24 نوفمبر"' },
          { code: "something_new", message: "an importer message nobody translated" },
        ],
      },
    });
    const tass = await prisma.source.findUniqueOrThrow({ where: { slug: "tass" } });
    await prisma.article.update({ where: { id: row.articleId }, data: { sourceId: tass.id } });
    const other = await createPublishedArticle(prisma, `مقال وكالة محلية ${locale}`, ["فقرة."], "approved");
    await prisma.article.update({ where: { id: other.articleId }, data: { sourceId: localAgencyId } });

    const texts = catalogue(locale);
    const page = await editorIn(browser, locale);
    await page.goto(`/articles?q=${encodeURIComponent(title)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);

    // Each chip's tooltip is the catalogue's explanation; an unknown code gets the generic note, never English.
    const chips = page.getByRole("row").filter({ hasText: title }).locator("li[data-warning-code]");
    await expect(chips).toHaveCount(3);
    await expect(chips.nth(0)).toHaveAttribute("title", texts.WarningHints.weekday_mismatch!);
    await expect(chips.nth(1)).toHaveAttribute("title", texts.WarningHints.date_from_body!);
    await expect(chips.nth(2)).toHaveAttribute("title", texts.WarningHints.otherHint!);
    await expect(chips.nth(2)).toHaveText(texts.WarningHints.other!);
    if (locale !== "en") {
      for (const chip of await chips.all()) {
        expect(await chip.getAttribute("title")).not.toMatch(/[A-Za-z]{3,}/);
        expect(await chip.textContent()).not.toMatch(/[A-Za-z]{3,}/);
      }
    }

    // The agency column: TASS by its name in this language, isolated.
    const source = page.getByRole("row").filter({ hasText: title }).locator("td").last().locator("bdi");
    await expect(source).toHaveText(TASS[locale]);
    await expect(source).toHaveAttribute("lang", locale);

    // Options of another script are isolated (U+2068 … U+2069); an agency with no name in this language shows its
    // Arabic name, marked.
    const sourceOptions = await page.locator("select[name=sourceId] option").allTextContents();
    expect(sourceOptions).toContain(isolate(TASS[locale]));
    expect(sourceOptions).not.toContain("تاس / ТАСС / TASS");
    expect(sourceOptions).toContain(
      locale === "ar" ? isolate(LOCAL_AGENCY) : `${isolate(LOCAL_AGENCY)} (${texts.Names.inArabic})`,
    );
    expect(await page.locator("select[name=authorId] option").allTextContents()).toContain(
      isolate(DESK_EDITOR_USER.name),
    );
    const tagOptions = await page.locator("#tag-options option").allTextContents();
    expect(tagOptions).toContain(
      isolate({ ar: "اقتصاد الاختبار", ru: "Экономика (тест)", en: "Economy (test)" }[locale]),
    );

    await page.goto(`/articles?q=${encodeURIComponent(`مقال وكالة محلية ${locale}`)}`);
    const fallback = page
      .getByRole("row")
      .filter({ hasText: `مقال وكالة محلية ${locale}` })
      .locator("td")
      .last();
    await expect(fallback.locator("bdi")).toHaveAttribute("lang", "ar");
    await expect(fallback.locator("bdi")).toHaveAttribute("dir", "rtl");
    if (locale === "ar") await expect(fallback).toHaveText(LOCAL_AGENCY);
    else await expect(fallback).toHaveText(`${LOCAL_AGENCY}(${texts.Names.inArabic})`);

    // In the editor: no "(slug)", no browser date pickers, and the agency picker in this language.
    await page.goto(`/articles/${row.articleId}/ar`);
    const { fields, attribution } = editorCatalogue(locale).Editor;
    await expect(page.getByText(fields.slug, { exact: true })).toBeVisible();
    await expect(page.getByText("(slug)")).toHaveCount(0);
    await expect(page.locator('input[type="date"], input[type="datetime-local"]')).toHaveCount(0);
    const agencyPicker = page.getByRole("combobox", { name: attribution.source, exact: true });
    await expect(agencyPicker).toHaveValue(String(tass.id));
    await expect
      .poll(() => agencyPicker.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text))
      .toBe(isolate(TASS[locale]));
    await page.context().close();
  });
}

const CLOCK: Record<Locale, { order: string[]; period?: string; monthName: string }> = {
  ar: { order: ["day", "month", "year"], period: "ص", monthName: "نوفمبر" },
  ru: { order: ["day", "month", "year"], monthName: "ноябрь" },
  en: { order: ["month", "day", "year"], period: "AM", monthName: "November" },
};
const DIGITS: Record<Locale, (text: string) => string> = {
  ar: (text) => text.replace(/\d/g, (d) => String.fromCodePoint(0x660 + Number(d))),
  ru: (text) => text,
  en: (text) => text,
};

for (const locale of ["ar", "ru", "en"] as const) {
  test(`${locale}: a schedule typed in the language's order and digits is 10:00 Moscow time, the device's time beside`, async ({
    browser,
  }) => {
    const article = await createPublishedArticle(prisma, `مقال الجدولة بلغة الواجهة ${locale}`, ["فقرة."], "approved");
    const texts = catalogue(locale).DateTimeField;
    const workflow = editorCatalogue(locale).Editor.workflow;
    // Dubai is an hour ahead of Moscow all year: the device's reading is shown beside.
    const page = await editorIn(browser, locale, "Asia/Dubai");
    await page.goto(`/articles/${article.articleId}/ar`);

    const field = page.getByRole("group", { name: workflow.scheduleAt.replace("{zone}", ZONE_NAME[locale]) });
    await expect(field).toBeVisible();
    const boxes = {
      day: field.getByLabel(texts.day!, { exact: true }),
      month: field.getByLabel(texts.month!, { exact: true }),
      year: field.getByLabel(texts.year!, { exact: true }),
      hour: field.getByLabel(texts.hour!, { exact: true }),
      minute: field.getByLabel(texts.minute!, { exact: true }),
    };
    // Day, month and year in the language's order (reading order: right to left in Arabic).
    const xs = await Promise.all(
      CLOCK[locale].order.map(async (part) => (await boxes[part as "day"].boundingBox())!.x),
    );
    expect(xs).toEqual([...xs].sort((a, b) => (locale === "ar" ? b - a : a - b)));
    await expect(boxes.month.locator("option").nth(12)).toHaveText(
      locale === "ar" ? "ديسمبر" : locale === "ru" ? "декабрь" : "December",
    );
    await expect(boxes.month.locator("option", { hasText: CLOCK[locale].monthName })).toHaveCount(1);

    const { year, month, day } = moscowDay(2);
    await boxes.day.pressSequentially(String(day));
    await expect(boxes.day).toHaveValue(DIGITS[locale](String(day)));
    await boxes.month.selectOption(String(month));
    await boxes.year.fill(String(year));
    await expect(boxes.year).toHaveValue(DIGITS[locale](String(year)));
    await boxes.hour.fill("10");
    await boxes.minute.fill("00");
    await expect(boxes.minute).toHaveValue(DIGITS[locale]("00"));
    const period = field.getByLabel(texts.period!, { exact: true });
    if (CLOCK[locale].period) {
      await expect(period.locator("option:checked")).toHaveText(CLOCK[locale].period);
    } else await expect(period).toHaveCount(0);

    // The device (Dubai) reads 11:00 at that instant, shown beside in the interface's digits.
    const expected = new Date(`${year}-${pad(month)}-${pad(day)}T07:00:00.000Z`);
    const local = field.getByTestId("local-time");
    await expect(local).toContainText(texts.localTime!.replace("{when}", "").trim());
    await expect(local).toContainText(DIGITS[locale]("11:00"));

    await page.getByRole("button", { name: workflow.moves.schedule }).click();
    await page.getByRole("dialog").getByRole("button", { name: workflow.moves.schedule }).click();
    await expect
      .poll(async () => (await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).scheduledAt)
      .toEqual(expected);
    // Once scheduled, the heading and the list give the device's reading beside the Moscow time too.
    await page.reload();
    await expect(page.locator("header").getByTestId("local-time")).toContainText(DIGITS[locale]("11:00"));
    await page.goto(`/articles?status=scheduled&q=${encodeURIComponent(`مقال الجدولة بلغة الواجهة ${locale}`)}`);
    await expect(page.getByRole("row").getByTestId("local-time")).toContainText(DIGITS[locale]("11:00"));
    await page.context().close();
  });
}

test("on a computer set to Moscow time, no second reading is shown; typed Arabic-Indic digits are read", async ({
  browser,
}) => {
  const article = await createPublishedArticle(prisma, "مقال الجدولة بتوقيت موسكو", ["فقرة."], "approved");
  const page = await editorIn(browser, "ar", "Europe/Moscow");
  await page.goto(`/articles/${article.articleId}/ar`);
  const texts = catalogue("ar").DateTimeField;
  const field = page.getByRole("group", { name: `موعد النشر (${ZONE_NAME.ar})` });
  const { year, month, day } = moscowDay(3);
  await field.getByLabel(texts.day!, { exact: true }).fill(DIGITS.ar(String(day)));
  await field.getByLabel(texts.month!, { exact: true }).selectOption(String(month));
  await field.getByLabel(texts.year!, { exact: true }).fill(DIGITS.ar(String(year)));
  await field.getByLabel(texts.hour!, { exact: true }).fill("٣");
  await field.getByLabel(texts.minute!, { exact: true }).fill("٣٠");
  await field.getByLabel(texts.period!, { exact: true }).selectOption({ label: "م" });
  await expect(field.getByTestId("local-time")).toHaveCount(0);
  await page.getByRole("button", { name: "جدول النشر" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "جدول النشر" }).click();
  await expect
    .poll(async () => (await prisma.articleLocalization.findUniqueOrThrow({ where: { id: article.id } })).scheduledAt)
    .toEqual(new Date(`${year}-${pad(month)}-${pad(day)}T12:30:00.000Z`));
  await page.context().close();
});

test("the list's story-date filter reads days in the newsroom's time zone", async ({ browser }) => {
  const title = "مقال تصفية بتاريخ الخبر";
  const row = await createPublishedArticle(prisma, title, ["فقرة."]);
  // 21:30 UTC on 4 March is already 5 March in Moscow.
  await prisma.articleLocalization.update({
    where: { id: row.id },
    data: { publishedAt: new Date("2026-03-04T21:30:00Z") },
  });
  const page = await editorIn(browser, "ru");
  const texts = catalogue("ru");
  await page.goto(`/articles?q=${encodeURIComponent(title)}`);
  const fill = async (which: "from" | "to", day: number) => {
    const group = page.getByRole("group", { name: texts.ArticleDateFilter[which] });
    await group.getByLabel(texts.DateTimeField.day!, { exact: true }).fill(String(day));
    await group.getByLabel(texts.DateTimeField.month!, { exact: true }).selectOption({ label: "март" });
    await group.getByLabel(texts.DateTimeField.year!, { exact: true }).fill("2026");
  };
  await fill("from", 5);
  await fill("to", 5);
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page).toHaveURL(/from=2026-03-05&to=2026-03-05/);
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);

  await fill("from", 4);
  await fill("to", 4);
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page).toHaveURL(/from=2026-03-04&to=2026-03-04/);
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await page.context().close();
});

test("the audit log's date filters are the same localized field, read as Moscow days", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "America/New_York" });
  const page = await context.newPage();
  await signIn(page, ADMIN_USER);
  await context.addCookies([{ name: "minbar_admin_locale", value: "ru", url: new URL(page.url()).origin }]);
  await page.goto("/audit");
  await expect(page.locator('input[type="date"], input[type="datetime-local"]')).toHaveCount(0);
  const texts = catalogue("ru").DateTimeField;
  const fill = async (name: string, day: number) => {
    const group = page.getByRole("group", { name });
    await expect(group.locator("input, select").first()).toHaveAttribute("aria-label", texts.day!);
    await group.getByLabel(texts.day!, { exact: true }).fill(String(day));
    await group.getByLabel(texts.month!, { exact: true }).selectOption({ label: "март" });
    await group.getByLabel(texts.year!, { exact: true }).fill("2026");
  };
  await fill("С даты", 4);
  await fill("По дату (включительно)", 5);
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page).toHaveURL(/from=2026-03-04/);
  await expect(page).toHaveURL(/to=2026-03-05/);
  // The days come back into the boxes, in the page's order.
  await expect(page.getByRole("group", { name: "С даты" }).getByLabel(texts.day!, { exact: true })).toHaveValue("4");
  await context.close();
});
