// Section pages in each edition: the header's navigation (current section marked), a section's page with its own
// slug per edition, paging, its feed, hreflang alternates, the breadcrumb on articles (visible and as JSON-LD), the
// sitemap; another edition's slug redirects, a retired section is a 404; and revalidation drops what a change touches.
import { expect, test, type Page } from "@playwright/test";
import { editionsSandbox } from "./editions.ts";
import { expectLocalizedNotFound } from "./helpers.ts";
import { revalidate } from "./revalidate-secret.ts";

test.describe.configure({ mode: "serial" });

const sandbox = editionsSandbox();
const run = Date.now().toString(36);
const SECTION = {
  slugAr: `رياضة-${run}`,
  slugRu: `sport-ru-${run}`,
  slugEn: `sport-${run}`,
  nameAr: `رياضة ${run}`,
  nameRu: `Спорт ${run}`,
  nameEn: `Sport ${run}`,
};
const AR_PATH = `/sections/${encodeURIComponent(SECTION.slugAr)}`;
const RU_PATH = `/ru/sections/${SECTION.slugRu}`;
let sectionId = 0;
/** The eleven Arabic stories, newest first, and the one with a Russian edition. */
const arabicTitles: string[] = [];
let withRussian = { id: 0, slugs: {} as Record<string, string | undefined> };
const RUSSIAN_TITLE = `Спортивная новость ${run}`;

test.beforeAll(async ({ request }) => {
  const { prisma } = sandbox;
  const section = await prisma.section.create({ data: { ...SECTION, position: 50 } });
  sectionId = section.id;
  const base = Date.UTC(2026, 0, 1);
  // Eleven published Arabic stories: ten on page 1, one on page 2 (oldest last).
  for (let n = 0; n < 11; n++) {
    const title = `خبر رياضي ${n} ${run}`;
    const created =
      n === 10
        ? await sandbox.createArticle("ar", [
            { locale: "ar", title, publishedAt: new Date(base + n * 60_000) },
            { locale: "ru", title: RUSSIAN_TITLE, publishedAt: new Date(base + n * 60_000) },
          ])
        : await sandbox.createArticle("ar", [{ locale: "ar", title, publishedAt: new Date(base + n * 60_000) }]);
    if (n === 10) withRussian = created;
    await prisma.article.update({ where: { id: created.id }, data: { sectionId } });
    arabicTitles.unshift(title);
  }
  // As the admin does after a change to sections: every page's navigation, and the new articles' section pages.
  expect((await revalidate(request, { sectionIds: [sectionId], navigation: true })).status()).toBe(200);
});

test.afterAll(async ({ request }) => {
  await sandbox.prisma.article.updateMany({ where: { sectionId }, data: { sectionId: null } });
  await sandbox.prisma.section.delete({ where: { id: sectionId } });
  await revalidate(request, { sectionIds: [sectionId], navigation: true });
  await sandbox.cleanUp(request);
});

const sectionNav = (page: Page, label: string) => page.getByRole("banner").getByRole("navigation", { name: label });

test("the header lists the sections in each edition's names, the current one marked", async ({ page }) => {
  await page.goto("/");
  const nav = sectionNav(page, "الأقسام");
  await expect(nav.getByRole("link")).toContainText(["أخبار", "ثقافة", "فعاليات", SECTION.nameAr]);
  await expect(nav.locator("[aria-current]")).toHaveCount(0);

  await nav.getByRole("link", { name: SECTION.nameAr }).click();
  await expect(page).toHaveURL(new RegExp(`${AR_PATH}$`));
  await expect(sectionNav(page, "الأقسام").getByRole("link", { name: SECTION.nameAr })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await page.goto("/ru");
  const ru = sectionNav(page, "Разделы");
  await expect(ru.getByRole("link")).toContainText(["Новости", "Культура", "События", SECTION.nameRu]);
  await expect(ru.getByRole("link", { name: "Новости" })).toHaveAttribute("href", "/ru/sections/novosti");
});

test("an Arabic section page: title, right to left, ten stories a page, its feed and its other editions", async ({
  page,
  request,
}) => {
  const response = await page.goto(AR_PATH);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page).toHaveTitle(`${SECTION.nameAr} — منبر`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SECTION.nameAr);
  const headlines = page.getByRole("main").getByRole("heading", { level: 2 });
  await expect(headlines).toHaveText(arabicTitles.slice(0, 10));
  await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveAttribute("href", new RegExp(`${RU_PATH}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    "href",
    new RegExp(`/en/sections/${SECTION.slugEn}$`),
  );
  const feedLink = page.locator('link[rel="alternate"][type="application/rss+xml"]').first();
  await expect(feedLink).toHaveAttribute("href", new RegExp(`${AR_PATH}/feed.xml$`));

  await page.goto(`${AR_PATH}/page/2`);
  await expect(headlines).toHaveText(arabicTitles.slice(10));
  await expectLocalizedNotFound(page, [[`${AR_PATH}/page/3`, "الصفحة غير موجودة"]]);

  const feed = await request.get(`${AR_PATH}/feed.xml`);
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).toContain(`<title>${SECTION.nameAr} — منبر</title>`);
  for (const title of arabicTitles) expect(xml).toContain(title);
});

test("the Russian section page uses its Russian slug; another edition's slug redirects, an unknown one is 404", async ({
  page,
  request,
}) => {
  await page.goto(RU_PATH);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SECTION.nameRu);
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([RUSSIAN_TITLE]);

  const moved = await request.get(`/ru/sections/${SECTION.slugEn}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers().location).toMatch(new RegExp(`${RU_PATH}$`));
  // The language switcher goes straight to each edition's own slug.
  await page.goto(AR_PATH);
  await page.getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(new RegExp(`${RU_PATH}$`));

  const feed = await request.get(`${RU_PATH}/feed.xml`);
  expect(await feed.text()).toContain(RUSSIAN_TITLE);
  await expectLocalizedNotFound(page, [
    ["/ru/sections/no-such-section", "Страница не найдена"],
    ["/sections/no-such-section", "الصفحة غير موجودة"],
  ]);
});

test("an article shows its section as a breadcrumb, and as BreadcrumbList JSON-LD", async ({ page }) => {
  const slug = withRussian.slugs.ru!;
  await page.goto(`/ru/news/${withRussian.id}/${slug}`);
  const crumbs = page.getByRole("navigation", { name: "Навигационная цепочка" });
  await expect(crumbs.getByRole("link")).toHaveText(["Главная", SECTION.nameRu]);
  await expect(crumbs.getByRole("link", { name: SECTION.nameRu })).toHaveAttribute("href", RU_PATH);

  // One JSON-LD script: the NewsArticle, its page's breadcrumb inside (schema.org's WebPage.breadcrumb).
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const data = JSON.parse((await scripts.textContent()) ?? "null") as {
    "@type": string;
    mainEntityOfPage: { breadcrumb?: { "@type": string; itemListElement: unknown[] } };
  };
  expect(data["@type"]).toBe("NewsArticle");
  const breadcrumb = data.mainEntityOfPage.breadcrumb;
  expect(breadcrumb?.["@type"]).toBe("BreadcrumbList");
  expect(breadcrumb?.itemListElement).toEqual([
    { "@type": "ListItem", position: 1, name: "Минбар", item: expect.stringMatching(/\/ru$/) },
    { "@type": "ListItem", position: 2, name: SECTION.nameRu, item: expect.stringMatching(new RegExp(`${RU_PATH}$`)) },
    {
      "@type": "ListItem",
      position: 3,
      name: RUSSIAN_TITLE,
      item: expect.stringMatching(new RegExp(`/ru/news/${withRussian.id}/${slug}$`)),
    },
  ]);
});

test("the sitemap lists each section in each edition", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  expect(xml).toContain(`/ru/sections/${SECTION.slugRu}</loc>`);
  expect(xml).toContain(`/en/sections/${SECTION.slugEn}</loc>`);
  expect(xml).toContain(`${AR_PATH}</loc>`);
});

test("moving an article out, and retiring the section, refresh the pages that showed them", async ({
  page,
  request,
}) => {
  const { prisma } = sandbox;
  // Cached now, with the Russian story.
  await page.goto(RU_PATH);
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([RUSSIAN_TITLE]);
  // Filed under news instead, as the admin does: the article's signal reaches news, the old section's its own.
  const news = await prisma.section.findUniqueOrThrow({ where: { slugEn: "news" } });
  await prisma.article.update({ where: { id: withRussian.id }, data: { sectionId: news.id } });
  expect((await revalidate(request, { articleId: withRussian.id })).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([RUSSIAN_TITLE]);
  expect((await revalidate(request, { sectionIds: [sectionId] })).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(0);
  await page.goto("/ru/sections/novosti");
  await expect(page.getByRole("main").getByRole("link", { name: RUSSIAN_TITLE })).toBeVisible();

  // Retired: gone from the navigation of every page, its pages 404, its articles still answer.
  await prisma.section.update({ where: { id: sectionId }, data: { retiredAt: new Date() } });
  expect((await revalidate(request, { sectionIds: [sectionId], navigation: true })).status()).toBe(200);
  await expectLocalizedNotFound(page, [
    [AR_PATH, "الصفحة غير موجودة"],
    [RU_PATH, "Страница не найдена"],
  ]);
  await page.goto("/");
  await expect(sectionNav(page, "الأقسام").getByRole("link", { name: SECTION.nameAr })).toHaveCount(0);
  expect((await request.get(`${AR_PATH}/feed.xml`)).status()).toBe(404);
});
