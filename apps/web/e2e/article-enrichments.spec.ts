// The article page around the story: agency and tag links, related stories, JSON-LD NewsArticle, OpenGraph/Twitter.
import { expect, test } from "@playwright/test";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { TAGS } from "./extra-localizations.ts";
import { arabicArticleHref } from "./helpers.ts";
import { SITE_ORIGIN } from "./site-origin.ts";

test("the agency links to its page, which lists its articles under its Arabic name", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]));
  const footer = page.getByRole("article").locator("footer");
  await footer.getByRole("link", { name: "تاس", exact: true }).click();
  await expect(page).toHaveURL(`${SITE_ORIGIN}/sources/tass`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أخبار تاس");
  // Seeds 000–002 cite تاس; 003 cites the ministry's press office and 004 is a draft.
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
    PUBLISHED_SEED_TITLES[2],
    PUBLISHED_SEED_TITLES[0],
    PUBLISHED_SEED_TITLES[1],
  ]);
});

test("tags link to their pages", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[3]));
  const tags = page.getByRole("navigation", { name: "الوسوم" });
  await expect(tags.getByRole("link")).toHaveCount(2);
  await tags.getByRole("link", { name: TAGS.kazakhstan.nameAr }).click();
  await expect(page).toHaveURL(`${SITE_ORIGIN}/tags/kazakhstan`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الوسم: كازاخستان");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
    PUBLISHED_SEED_TITLES[0],
    PUBLISHED_SEED_TITLES[1],
    PUBLISHED_SEED_TITLES[3],
  ]);
});

test("related articles share a tag or words of the title, shared tags first, never the article itself", async ({
  page,
}) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]));
  const related = page.getByRole("complementary", { name: "أخبار ذات صلة" });
  // [0] and [3] share the Kazakhstan tag ([0] a word more: ميشوستين); [2] shares three title words (بين روسيا
  // وكازاخستان) and no tag.
  await expect(related.getByRole("link")).toHaveText([
    PUBLISHED_SEED_TITLES[0],
    PUBLISHED_SEED_TITLES[3],
    PUBLISHED_SEED_TITLES[2],
  ]);
  await related.getByRole("link", { name: PUBLISHED_SEED_TITLES[3] }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PUBLISHED_SEED_TITLES[3]);
});

test("a story sharing only the agency is not related; one sharing words of the title is", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[2]));
  const related = page.getByRole("complementary", { name: "أخبار ذات صلة" });
  // [3] shares the Lavrov tag; [1] shares بين روسيا وكازاخستان. [0] comes from the same agency (تاس) but shares one
  // word of its title (كازاخستان) and no tag: not about the same thing.
  await expect(related.getByRole("link")).toHaveText([PUBLISHED_SEED_TITLES[3], PUBLISHED_SEED_TITLES[1]]);
  await expect(related.getByRole("link", { name: PUBLISHED_SEED_TITLES[0] })).toHaveCount(0);
});

test("JSON-LD describes a NewsArticle with language, date, agency and photo credit", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]));
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const data = JSON.parse((await scripts.textContent()) ?? "null");
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: PUBLISHED_SEED_TITLES[1],
    inLanguage: "ar",
    url: page.url(),
    mainEntityOfPage: { "@id": page.url() },
    sourceOrganization: { name: "تاس", url: `${SITE_ORIGIN}/sources/tass` },
    keywords: [TAGS.kazakhstan.nameAr],
  });
  expect(data.creditText).toMatch(/^مجلس ال[اإ]تحاد الروسي$/);
  // The wire gives only the day: a date, not an invented time of day.
  expect(data.datePublished).toBe("2022-05-30");
});

test("a story the wire dates only by its day shows that date, without a time, on the page and in the feed", async ({
  page,
  request,
}) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]));
  const published = page.getByRole("article").locator("header time");
  await expect(published).toHaveAttribute("datetime", "2022-05-30");
  await expect(published).toHaveText("٣٠ مايو ٢٠٢٢");
  const feed = await (await request.get("/feed.xml")).text();
  const item = feed.split("<item>").find((part) => part.includes(`<title>${PUBLISHED_SEED_TITLES[1]}</title>`));
  // RSS wants a date-time: the day's midnight UTC (docs/decisions/0021-date-only-publication.md), never noon.
  expect(item).toContain("<pubDate>Mon, 30 May 2022 00:00:00 GMT</pubDate>");
  // The same in the lists: the front page, a related list, search results.
  const timeOf = (title: string) =>
    page
      .locator("li")
      .filter({ has: page.getByRole("link", { name: title }) })
      .locator("time");
  await page.goto("/");
  await expect(timeOf(PUBLISHED_SEED_TITLES[1])).toHaveAttribute("datetime", "2022-05-30");
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]));
  await expect(timeOf(PUBLISHED_SEED_TITLES[1])).toHaveAttribute("datetime", "2022-05-30");
  await page.goto(`/search?q=${encodeURIComponent("العقوبات")}`);
  await expect(timeOf(PUBLISHED_SEED_TITLES[1])).toHaveAttribute("datetime", "2022-05-30");
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("<lastmod>2022-05-30</lastmod>");
  expect(sitemap).not.toContain("T12:00:00");
});

test("a </script> in the data stays inside the JSON-LD", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]));
  await expect(page).toHaveTitle(new RegExp(`^${PUBLISHED_SEED_TITLES[0]}`));
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  expect(JSON.parse((await scripts.textContent()) ?? "null").keywords).toContain(TAGS.scriptProbe.nameAr);
  // Shown as text in the tag list, not run.
  await expect(page.getByRole("navigation", { name: "الوسوم" }).getByText(TAGS.scriptProbe.nameAr)).toBeVisible();
});

test("OpenGraph and Twitter tags describe the article", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]));
  const meta = (attribute: string, value: string) => page.locator(`meta[${attribute}="${value}"]`);
  await expect(meta("property", "og:type")).toHaveAttribute("content", "article");
  await expect(meta("property", "og:title")).toHaveAttribute("content", PUBLISHED_SEED_TITLES[1]);
  await expect(meta("property", "og:url")).toHaveAttribute("content", page.url());
  await expect(meta("property", "og:locale")).toHaveAttribute("content", "ar_AR");
  await expect(meta("property", "og:site_name")).toHaveAttribute("content", "منبر");
  await expect(meta("property", "article:published_time")).toHaveAttribute("content", "2022-05-30");
  await expect(meta("property", "og:description")).toHaveAttribute("content", /.+/);
  await expect(meta("name", "twitter:card")).toHaveAttribute("content", "summary");
  await expect(meta("name", "twitter:title")).toHaveAttribute("content", PUBLISHED_SEED_TITLES[1]);
});
