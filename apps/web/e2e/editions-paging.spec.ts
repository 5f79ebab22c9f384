// The Russian and English editions page through their own published stories: twelve articles published in all
// three languages (the Arabic ones the newest, so a leak would show first), plus Russian and English texts that are
// drafts, in review or unpublished, are added for this spec and removed after it.
import { expect, test, type Page } from "@playwright/test";
import { editionsSandbox } from "./editions.ts";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";
import { revalidate } from "./revalidate-secret.ts";

test.describe.configure({ mode: "serial" });

const sandbox = editionsSandbox();
const EXTRA = 12;
const TAG = { slug: "editions-paging", nameAr: "وسم التصفح", nameRu: "Листание", nameEn: "Paging" };

const title = {
  ar: (n: number) => `خبر عربي للتصفح رقم ${n}`,
  ru: (n: number) => `Русская новость для листания № ${n}`,
  en: (n: number) => `English story for paging No. ${n}`,
};
const NOT_PUBLIC = ["Черновик для листания", "Снятая с публикации новость", "English draft for paging", "In review"];
const day = (n: number, hour: number) => new Date(Date.UTC(2026, 10, n, hour));

test.beforeAll(async ({ request }) => {
  await sandbox.prisma.tag.create({ data: TAG });
  for (let n = 1; n <= EXTRA; n++) {
    const created = await sandbox.createArticle(
      "ar",
      [
        { locale: "ar", title: title.ar(n), publishedAt: day(n, 20) },
        { locale: "ru", title: title.ru(n), publishedAt: day(n, 10) },
        { locale: "en", title: title.en(n), publishedAt: day(n, 11) },
      ],
      TAG.slug,
    );
    if (n === EXTRA) expect((await revalidate(request, { articleId: created.id })).status()).toBe(200);
  }
  // Newer than every published one, yet not for readers: dated (once published, or scheduled) but not published.
  await sandbox.createArticle(
    "ar",
    [
      { locale: "ar", title: "أصل لنسخ غير منشورة", publishedAt: day(13, 20) },
      { locale: "ru", title: NOT_PUBLIC[0]!, status: "draft", publishedAt: day(14, 10) },
      { locale: "en", title: NOT_PUBLIC[2]!, status: "in_review", publishedAt: day(14, 10) },
    ],
    TAG.slug,
  );
  const last = await sandbox.createArticle(
    "ar",
    [
      { locale: "ar", title: "أصل آخر لنسخ غير منشورة", publishedAt: day(13, 21) },
      { locale: "ru", title: NOT_PUBLIC[1]!, status: "unpublished", publishedAt: day(15, 10) },
      { locale: "en", title: NOT_PUBLIC[3]!, status: "draft", publishedAt: null },
    ],
    TAG.slug,
  );
  expect((await revalidate(request, { articleId: last.id })).status()).toBe(200);
});

test.afterAll(async ({ request }) => {
  await sandbox.cleanUp(request);
  await sandbox.prisma.tag.deleteMany({ where: { slug: TAG.slug } });
});

async function headings(page: Page): Promise<string[]> {
  return page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
}

const ARABIC = /[\u0600-\u06FF]/;

const EDITIONS = [
  {
    locale: "ru",
    home: "/ru",
    next: "Следующая страница",
    previous: "Предыдущая страница",
    pageOf: (page: number) => `Страница ${page} из 2`,
    // Twelve new ones and the run's Russian edition of 2020, the oldest.
    firstPage: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(title.ru),
    secondPage: [title.ru(2), title.ru(1), RUSSIAN_EDITION.title],
  },
  {
    locale: "en",
    home: "/en",
    next: "Next page",
    previous: "Previous page",
    pageOf: (page: number) => `Page ${page} of 2`,
    firstPage: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(title.en),
    secondPage: [title.en(2), title.en(1)],
  },
] as const;

for (const edition of EDITIONS) {
  test(`${edition.home} pages through its own published stories, left to right, and back`, async ({ page }) => {
    await page.goto(edition.home);
    await expect(page.locator("html")).toHaveAttribute("lang", edition.locale);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    const main = page.getByRole("main");
    await expect(main.getByText(edition.pageOf(1))).toBeVisible();
    expect(await headings(page)).toEqual(edition.firstPage);

    await main.getByRole("link", { name: edition.next }).click();
    await expect(page).toHaveURL(new RegExp(`${edition.home}/page/2$`));
    await expect(main.getByText(edition.pageOf(2))).toBeVisible();
    expect(await headings(page)).toEqual(edition.secondPage);
    await expect(main.getByRole("link", { name: edition.next })).toHaveCount(0);

    await main.getByRole("link", { name: edition.previous }).click();
    await expect(page).toHaveURL(new RegExp(`${edition.home}$`));
    expect(await headings(page)).toEqual(edition.firstPage);

    // Never an Arabic story, never a text that is not published, on either page.
    for (const path of [edition.home, `${edition.home}/page/2`]) {
      await page.goto(path);
      for (const text of await headings(page)) {
        expect(text, path).not.toMatch(ARABIC);
        expect(NOT_PUBLIC, path).not.toContain(text);
      }
    }
    expect((await page.goto(`${edition.home}/page/3`))?.status()).toBe(404);
  });
}

test("a tag's Russian page pages through the tag's Russian stories only", async ({ page }) => {
  await page.goto(`/ru/tags/${TAG.slug}`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toContainText(TAG.nameRu);
  expect(await headings(page)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(title.ru));
  await main.getByRole("link", { name: "Следующая страница" }).click();
  await expect(page).toHaveURL(new RegExp(`/ru/tags/${TAG.slug}/page/2$`));
  expect(await headings(page)).toEqual([title.ru(2), title.ru(1)]);
  await main.getByRole("link", { name: "Предыдущая страница" }).click();
  await expect(page).toHaveURL(new RegExp(`/ru/tags/${TAG.slug}$`));
});
