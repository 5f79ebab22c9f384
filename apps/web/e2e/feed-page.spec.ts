// A feed opened in a browser: the XSL stylesheet it names renders it as a page in the edition's language and
// direction (what a feed is, the address to copy, the stories), under the feed's own security headers; feed readers
// still get the same RSS (issue 18, point 18).
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectSecurityHeaders, watchPolicyViolations } from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { ENGLISH_DRAFT } from "./extra-localizations.ts";
import { revalidate } from "./revalidate-secret.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";
import { SITE_ORIGIN } from "./site-origin.ts";

// The English edition gets a story for a while: nothing else may run alongside.
test.describe.configure({ mode: "serial" });

const EDITIONS = [
  {
    path: "/feed.xml",
    lang: "ar",
    dir: "rtl",
    heading: "منبر — آخر الأخبار",
    about: "هذه خلاصة RSS",
    latest: "أحدث الأخبار في الخلاصة",
  },
  {
    path: "/ru/feed.xml",
    lang: "ru",
    dir: "ltr",
    heading: "Минбар — последние новости",
    about: "Это RSS-лента",
    latest: "Последние материалы ленты",
  },
  {
    path: "/en/feed.xml",
    lang: "en",
    dir: "ltr",
    heading: "Minbar — latest news",
    about: "This is an RSS feed",
    latest: "Latest stories in this feed",
  },
] as const;

/** The feed as a feed reader reads it: its content type and its items. */
async function readAsFeedReader(page: Page, path: string) {
  const response = await page.request.get(path, { headers: { Accept: "application/rss+xml, application/xml;q=0.9" } });
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const feed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    return {
      error: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      root: doc.documentElement.nodeName,
      version: doc.documentElement.getAttribute("version"),
      items: [...doc.getElementsByTagName("item")].map((item) => ({
        title: item.getElementsByTagName("title")[0]?.textContent ?? "",
        link: item.getElementsByTagName("link")[0]?.textContent ?? "",
      })),
    };
  }, xml);
  return { contentType: response.headers()["content-type"] ?? "", xml, feed };
}

let db: pg.Client;

test.beforeAll(async () => {
  const url = e2eEnv.databaseUrl;
  if (!url) throw new Error("DATABASE_URL is not set: run through `npm run test:e2e`");
  db = new pg.Client({ connectionString: url });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
});

async function setEnglishDraft(status: "published" | "draft") {
  const { rowCount } = await db.query(
    `UPDATE article_localizations
        SET status = $2::"ArticleStatus",
            published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, now()) ELSE NULL END
      WHERE locale = 'en' AND slug = $1`,
    [ENGLISH_DRAFT.slug, status],
  );
  expect(rowCount).toBe(1);
}

test("each edition's feed opens as a readable page in its language and direction, listing the feed's stories", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const englishId = articleIdOf(await arabicArticleHref(page, ENGLISH_DRAFT.originalTitle));
  // The English edition has only a draft: publish it for a while, so that every edition's feed has a story.
  await setEnglishDraft("published");
  try {
    expect((await revalidate(page.request, { articleId: englishId })).status()).toBe(200);
    const violations = await watchPolicyViolations(context);
    for (const edition of EDITIONS) {
      const reader = await readAsFeedReader(page, edition.path);
      // What feed readers receive: RSS 2.0 with its type, naming the stylesheet that browsers apply.
      expect(reader.contentType).toContain("application/rss+xml");
      expect([reader.feed.error, reader.feed.root, reader.feed.version]).toEqual([null, "rss", "2.0"]);
      expect(reader.xml).toContain(`<?xml-stylesheet type="text/xsl" href="${edition.path.replace(/xml$/, "xsl")}"?>`);
      expect(reader.feed.items.length).toBeGreaterThan(0);

      const response = await page.goto(edition.path);
      expectSecurityHeaders(response!.headers(), { https: false });
      const html = page.locator("html");
      await expect(html).toHaveAttribute("lang", edition.lang);
      await expect(html).toHaveAttribute("dir", edition.dir);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(edition.heading);
      await expect(page.getByText(edition.about)).toBeVisible();
      // The address to copy into a feed reader.
      await expect(page.locator("code")).toHaveText(`${SITE_ORIGIN}${edition.path}`);
      // The same stories as the feed, each a link to its article.
      const stories = page.getByRole("region", { name: edition.latest }).getByRole("listitem").getByRole("link");
      await expect(stories).toHaveText(reader.feed.items.map((item) => item.title));
      for (const [index, item] of reader.feed.items.entries())
        await expect(stories.nth(index)).toHaveAttribute("href", item.link);
      // Styled by /feed.css under the feed's policy (no inline style is allowed there).
      await expect(page.getByRole("heading", { level: 1 })).toHaveCSS("color", "rgb(127, 29, 29)");
    }
    // Chromium adds a banner of its own to any page made by XSLT (deprecated there), styled inline; the policy refuses
    // those styles and its inline handler. Nothing of the site's own is refused.
    expect(
      violations.filter((line) => !/style-src-attr|script-src-attr|inline style|inline event handler/i.test(line)),
    ).toEqual([]);
  } finally {
    await setEnglishDraft("draft");
    expect((await revalidate(page.request, { articleId: englishId })).status()).toBe(200);
  }
});

test("an agency's and a tag's feeds carry their edition's stylesheet, and show their own stories", async ({ page }) => {
  for (const [path, stylesheet, lang] of [
    ["/sources/tass/feed.xml", "/feed.xsl", "ar"],
    ["/ru/tags/kazakhstan/feed.xml", "/ru/feed.xsl", "ru"],
  ] as const) {
    const reader = await readAsFeedReader(page, path);
    expect(reader.xml).toContain(`href="${stylesheet}"`);
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("listitem").getByRole("link")).toHaveText(reader.feed.items.map((item) => item.title));
  }
});
