// Search, RSS feeds, the sitemap and robots.txt as readers and their software see them, on the seed articles plus
// the Russian edition and English draft that run.ts adds.
import { expect, test, type Page } from "@playwright/test";
import { DRAFT_SEED_OPENING, PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { ENGLISH_DRAFT, RUSSIAN_EDITION, TAGS } from "./extra-localizations.ts";
import { SITE_ORIGIN } from "./site-origin.ts";

const [NOV_2024, MAR_2024, MAY_2022, JUN_2020] = [
  PUBLISHED_SEED_TITLES[2],
  PUBLISHED_SEED_TITLES[0],
  PUBLISHED_SEED_TITLES[1],
  PUBLISHED_SEED_TITLES[3],
];
/** The seed articles whose text has الاستراتيجية (the draft has it too, and must not be found). */
const STRATEGIC = [JUN_2020, MAR_2024, MAY_2022];

const searchUrl = (query: string, prefix = "") => `${prefix}/search?q=${encodeURIComponent(query)}`;
const results = (page: Page, name = "نتائج البحث") =>
  page.getByRole("list", { name }).getByRole("heading", { level: 2 });

test.describe("search", () => {
  test("the header search box finds الاستراتيجية when asked for الإستراتيجية, best match first, noindex", async ({
    page,
  }) => {
    await page.goto("/");
    const box = page.getByRole("search", { name: "البحث في الموقع" });
    await box.getByRole("searchbox").fill("الإستراتيجية");
    await box.getByRole("button", { name: "بحث" }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    expect(new URL(page.url()).pathname).toBe("/search");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
    await expect(page.getByRole("status")).toContainText("٣ نتائج");

    await expect(results(page)).toHaveCount(3);
    // The title match ranks first.
    await expect(results(page).first()).toHaveText(JUN_2020);
    expect((await results(page).allTextContents()).sort()).toEqual([...STRATEGIC].sort());
    await expect(page.getByText(DRAFT_SEED_OPENING)).toHaveCount(0);
    // Highlighted as the text spells it, in <mark>.
    await expect(results(page).first().locator("mark")).toHaveText("الاستراتيجية");
    await expect(page.locator("main li p mark").first()).toHaveText(/^الاستراتيجي/);
    // The page's one search box keeps the query.
    await expect(page.getByRole("search", { name: "البحث في الموقع" }).getByRole("searchbox")).toHaveValue(
      "الإستراتيجية",
    );
  });

  test("the spelling without hamza, and with diacritics and tatweel, finds the same articles", async ({ page }) => {
    for (const query of ["الاستراتيجية", "الإِسْتـــرَاتِيجِيَّة"]) {
      expect((await page.goto(searchUrl(query)))?.status()).toBe(200);
      expect((await results(page).allTextContents()).sort()).toEqual([...STRATEGIC].sort());
    }
  });

  test("a word is found after the clitic و, also before a hamza (وأستراخان), with diacritics and tatweel", async ({
    page,
  }) => {
    for (const query of ["أستراخان", "أَسْتـــراخَان"]) {
      await page.goto(searchUrl(query));
      await expect(results(page)).toHaveText([NOV_2024]);
      await expect(page.locator("main li p mark")).toHaveText(["وأستراخان"]);
    }
    // The November 2024 article has Moscow only as وموسكو.
    await page.goto(searchUrl("موسكو"));
    expect((await results(page).allTextContents()).sort()).toEqual([...PUBLISHED_SEED_TITLES].sort());
  });

  test("a query word with a clitic and a misspelt name find the article, and the page says which spelling it used", async ({
    page,
  }) => {
    // The June 2020 article has أوروبا bare; the reader pasted وأوروبا from another sentence.
    await page.goto(searchUrl("وأوروبا"));
    await expect(results(page)).toHaveText([JUN_2020]);
    await expect(page.locator("main li p mark")).toHaveText(["أوروبا"]);
    await expect(page.getByTestId("near-spellings")).toHaveCount(0);

    // It spells the Kazakh minister تيلوبيردي and تليوبيردي; the reader, a third way.
    await page.goto(searchUrl("تيليوبيردي"));
    await expect(results(page)).toHaveText([JUN_2020]);
    const note = page.getByTestId("near-spellings");
    await expect(note).toContainText(/^تشمل النتائج أيضًا «(تيلوبيردي|تليوبيردي)» أو «(تيلوبيردي|تليوبيردي)»/);
    await expect(note).toContainText("وهي كتابات قريبة من «تيليوبيردي»");
    await expect(note.locator("bdi").last()).toHaveText("تيليوبيردي");
    await expect(page.locator("main li p mark").first()).toHaveText(/^(تيلوبيردي|تليوبيردي)$/);
  });

  test("each edition searches its own published articles", async ({ page }) => {
    await page.goto("/ru");
    const box = page.getByRole("search", { name: "Поиск по сайту" });
    await box.getByRole("searchbox").fill("стратегическое партнёрство");
    await box.getByRole("button", { name: "Найти" }).click();
    await expect(page).toHaveURL(/\/ru\/search\?q=/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(results(page, "Результаты поиска")).toHaveText([RUSSIAN_EDITION.title]);
    // Another form of the word (Russian stemming) finds it too, the forms in the text highlighted.
    await page.goto(searchUrl("партнёрством", "/ru"));
    await expect(results(page, "Результаты поиска")).toHaveText([RUSSIAN_EDITION.title]);
    await expect(page.getByRole("main").locator("mark")).toContainText(["партнёрство", "партнёрства"]);

    // The English edition is a draft; Arabic words find nothing outside the Arabic edition.
    await page.goto(searchUrl("strategic partnership", "/en"));
    await expect(page.getByText(/^Nothing was found for/)).toBeVisible();
    await page.goto(searchUrl("الاستراتيجية", "/ru"));
    await expect(page.getByText(/^По запросу .* ничего не найдено/)).toBeVisible();
  });

  test("no query gets an invitation to search, not an error", async ({ page }) => {
    for (const path of ["/search", "/search?q=", "/search?q=%20%20%20", "/en/search"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(path.startsWith("/en") ? "Search" : "البحث");
    }
    await expect(page.getByText("Type one or more words to find news published in English.")).toBeVisible();
  });

  test.describe("hostile queries get a friendly page", () => {
    const dialogs: string[] = [];
    test.beforeEach(({ page }) => {
      dialogs.length = 0;
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });
    // Any alert() means a query ran as script.
    test.afterEach(() => expect(dialogs).toEqual([]));

    test("10,000 characters: searched as its first 200", async ({ page }) => {
      const response = await page.goto(searchUrl("x".repeat(10_000)));
      expect(response?.status()).toBe(200);
      const shown = page.getByText(/^لم نعثر على نتائج/).locator("bdi");
      await expect(shown).toHaveText("x".repeat(200));
    });

    test("punctuation only", async ({ page }) => {
      const response = await page.goto(searchUrl(`!!! ... ؟؟ ،، --- «» (*) "' ;`));
      expect(response?.status()).toBe(200);
      await expect(page.getByText(/^لا يحتوي .* على كلمات يمكن البحث عنها/)).toBeVisible();
    });

    test("malformed parameters: bad percent-encoding, NUL, repeated q, odd page numbers", async ({ page }) => {
      for (const path of [
        "/search?q=%FF%FE",
        "/search?q=%00",
        "/search?q=%E0%A4%A",
        "/search?q=a&q=b",
        "/search?q=x&page=-1",
        "/search?q=x&page=1e99",
      ]) {
        expect((await page.goto(path))?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث");
      }
    });

    test("an SQL fragment is just words", async ({ page }) => {
      const query = "'; DROP TABLE article_localizations;--";
      expect((await page.goto(searchUrl(query)))?.status()).toBe(200);
      await expect(page.getByText(/^لم نعثر على نتائج/).locator("bdi")).toHaveText(query);
      // And the table is still there.
      await page.goto(searchUrl("الاستراتيجية"));
      await expect(results(page)).toHaveCount(3);
    });

    test("markup is shown as text, never run", async ({ page }) => {
      for (const prefix of ["", "/en"]) {
        const query = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        expect((await page.goto(searchUrl(query, prefix)))?.status()).toBe(200);
        await expect(page.locator("main bdi")).toHaveText(query);
        await expect(page.locator("main img, main script")).toHaveCount(0);
        await expect(
          page.getByRole("search", { name: prefix ? "Search the site" : "البحث في الموقع" }).getByRole("searchbox"),
        ).toHaveValue(query);
      }
    });
  });

  test("a page beyond the results says so and links back to the first", async ({ page }) => {
    expect((await page.goto(`${searchUrl("كازاخستان")}&page=7`))?.status()).toBe(200);
    await expect(page.getByText("لا توجد نتائج في هذه الصفحة.")).toBeVisible();
    await page.getByRole("link", { name: "العودة إلى الصفحة الأولى من النتائج" }).click();
    await expect(results(page)).toHaveCount(4);
  });
});

// Both parse with the browser's strict XML parser, which reports anything not well-formed as a <parsererror>.

async function parseRss(page: Page, xml: string) {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const text = (parent: Element, name: string) => parent.getElementsByTagName(name)[0]?.textContent ?? null;
    const channel = doc.getElementsByTagName("channel")[0];
    return {
      error: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      root: doc.documentElement.nodeName,
      version: doc.documentElement.getAttribute("version"),
      language: channel ? text(channel, "language") : null,
      // The channel's own title comes before any item's.
      title: channel ? text(channel, "title") : null,
      self: doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")[0]?.getAttribute("href") ?? null,
      items: [...doc.getElementsByTagName("item")].map((item) => ({
        title: text(item, "title"),
        link: text(item, "link"),
        guid: text(item, "guid"),
        pubDate: text(item, "pubDate"),
        description: text(item, "description"),
      })),
    };
  }, xml);
}

async function parseSitemap(page: Page, xml: string) {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    return {
      error: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      root: doc.documentElement.nodeName,
      urls: [...doc.getElementsByTagName("url")].map((url) => ({
        loc: url.getElementsByTagName("loc")[0]?.textContent ?? null,
        alternates: [...url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link")].map((link) => ({
          rel: link.getAttribute("rel"),
          hreflang: link.getAttribute("hreflang"),
          href: link.getAttribute("href"),
        })),
      })),
    };
  }, xml);
}

test.describe("RSS feeds", () => {
  test("/feed.xml: the four published Arabic articles, newest first, absolute links", async ({ page, request }) => {
    const response = await request.get("/feed.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/rss+xml");
    const xml = await response.text();
    const feed = await parseRss(page, xml);
    expect(feed.error).toBeNull();
    expect([feed.root, feed.version, feed.language, feed.self]).toEqual([
      "rss",
      "2.0",
      "ar",
      `${SITE_ORIGIN}/feed.xml`,
    ]);
    expect(feed.items.map((item) => item.title)).toEqual([NOV_2024, MAR_2024, MAY_2022, JUN_2020]);
    expect(xml).not.toContain(DRAFT_SEED_OPENING);
    for (const item of feed.items) {
      expect(item.link).toMatch(new RegExp(`^${SITE_ORIGIN}/news/\\d+/[^/]+$`));
      expect(item.guid).toMatch(new RegExp(`^${SITE_ORIGIN}/news/\\d+$`));
      expect(Number.isNaN(Date.parse(item.pubDate ?? ""))).toBe(false);
      expect(item.description).toBeTruthy();
    }
    // The links lead to the articles.
    await page.goto(feed.items[0]?.link ?? "");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOV_2024);
  });

  test("/ru/feed.xml: only the Russian edition, its markup characters escaped", async ({ page, request }) => {
    const response = await request.get("/ru/feed.xml");
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toContain("Лавров &amp; Тлеуберди обсудили &lt;стратегическое&gt; партнёрство");
    const feed = await parseRss(page, xml);
    expect(feed.error).toBeNull();
    expect(feed.language).toBe("ru");
    expect(feed.items.map((item) => [item.title, item.description])).toEqual([
      [RUSSIAN_EDITION.title, RUSSIAN_EDITION.summary],
    ]);
    expect(feed.items[0]?.link).toBe(
      `${SITE_ORIGIN}/ru/news/${/\/news\/(\d+)$/.exec(feed.items[0]?.guid ?? "")?.[1]}/${RUSSIAN_EDITION.slug}`,
    );
  });

  test("/en/feed.xml: a well-formed feed without the English draft", async ({ page, request }) => {
    const xml = await (await request.get("/en/feed.xml")).text();
    const feed = await parseRss(page, xml);
    expect([feed.error, feed.language, feed.items.length]).toEqual([null, "en", 0]);
    expect(xml).not.toContain(ENGLISH_DRAFT.title);
  });

  test("/ar/feed.xml redirects to /feed.xml, an unknown language is 404", async ({ request }) => {
    const redirect = await request.get("/ar/feed.xml", { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(new URL(redirect.headers()["location"] ?? "", SITE_ORIGIN).pathname).toBe("/feed.xml");
    expect((await request.get("/xx/feed.xml")).status()).toBe(404);
  });

  test("an agency's and a tag's feeds, in each edition: only their published articles", async ({ page, request }) => {
    const tass = await request.get("/sources/tass/feed.xml");
    expect([tass.status(), tass.headers()["content-type"]]).toEqual([
      200,
      expect.stringContaining("application/rss+xml"),
    ]);
    const arabic = await parseRss(page, await tass.text());
    expect([arabic.error, arabic.language, arabic.title, arabic.self]).toEqual([
      null,
      "ar",
      "أخبار تاس — منبر",
      `${SITE_ORIGIN}/sources/tass/feed.xml`,
    ]);
    expect(arabic.items.map((item) => item.title)).toEqual([NOV_2024, MAR_2024, MAY_2022]);

    const kazakhstan = await parseRss(page, await (await request.get("/ru/tags/kazakhstan/feed.xml")).text());
    expect([kazakhstan.error, kazakhstan.language, kazakhstan.title]).toEqual([
      null,
      "ru",
      `Тег: ${TAGS.kazakhstan.nameRu} — Минбар`,
    ]);
    expect(kazakhstan.items.map((item) => item.title)).toEqual([RUSSIAN_EDITION.title]);
    expect(kazakhstan.items[0]?.link).toMatch(new RegExp(`^${SITE_ORIGIN}/ru/news/\\d+/${RUSSIAN_EDITION.slug}$`));
    const english = await parseRss(page, await (await request.get("/en/sources/tass/feed.xml")).text());
    expect([english.error, english.language, english.items.length]).toEqual([null, "en", 0]);

    const redirect = await request.get("/ar/tags/kazakhstan/feed.xml", { maxRedirects: 0 });
    expect([redirect.status(), new URL(redirect.headers()["location"] ?? "", SITE_ORIGIN).pathname]).toEqual([
      308,
      "/tags/kazakhstan/feed.xml",
    ]);
    for (const missing of [
      "/sources/no-such-agency/feed.xml",
      "/ru/tags/no-such-tag/feed.xml",
      "/en/sources/%E0%A4%A/feed.xml",
      "/xx/tags/kazakhstan/feed.xml",
    ]) {
      expect((await request.get(missing)).status(), missing).toBe(404);
    }
  });

  test("every page points feed readers to its edition's feed, and agency and tag pages to their own first", async ({
    page,
  }) => {
    const feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]');
    await page.goto("/ru/tags/kazakhstan");
    await expect(feeds).toHaveCount(2);
    expect(
      await feeds.evaluateAll((links) => links.map((link) => [link.getAttribute("href"), link.getAttribute("title")])),
    ).toEqual([
      [`${SITE_ORIGIN}/ru/tags/kazakhstan/feed.xml`, `Тег: ${TAGS.kazakhstan.nameRu} — Минбар`],
      [`${SITE_ORIGIN}/ru/feed.xml`, "Минбар — последние новости"],
    ]);
    await page.goto("/sources/tass");
    await expect(feeds.first()).toHaveAttribute("href", `${SITE_ORIGIN}/sources/tass/feed.xml`);
    await page.getByRole("main").getByRole("link", { name: NOV_2024, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOV_2024);
    await expect(feeds).toHaveCount(1);
    await expect(feeds).toHaveAttribute("href", `${SITE_ORIGIN}/feed.xml`);
  });

  test("each edition's pages point feed readers to its feed", async ({ page }) => {
    await page.goto("/ru");
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      `${SITE_ORIGIN}/ru/feed.xml`,
    );
    await page.goto("/");
    await expect(page.getByRole("link", { name: "خلاصة RSS" })).toHaveAttribute("href", "/feed.xml");
  });
});

test("/sitemap.xml lists the front pages and every published article, with hreflang between editions", async ({
  page,
  request,
}) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  const sitemap = await parseSitemap(page, xml);
  expect(sitemap.error).toBeNull();
  expect(sitemap.root).toBe("urlset");
  const locs = sitemap.urls.map((url) => url.loc ?? "");
  for (const loc of locs) expect(loc.startsWith(`${SITE_ORIGIN}/`)).toBe(true);

  // The front pages, and the three seeded sections' pages in each edition, each edition with its own slug.
  const sectionPages = [
    ...["أخبار", "ثقافة", "فعاليات"].map((slug) => `/sections/${encodeURIComponent(slug)}`),
    ...["novosti", "kultura", "sobytiya"].map((slug) => `/ru/sections/${slug}`),
    ...["news", "culture", "events"].map((slug) => `/en/sections/${slug}`),
  ];
  expect(locs.filter((loc) => !loc.includes("/news/")).sort()).toEqual(
    ["/", "/en", "/ru", ...sectionPages].map((path) => `${SITE_ORIGIN}${path}`).sort(),
  );
  const arabic = locs.filter((loc) => loc.startsWith(`${SITE_ORIGIN}/news/`));
  const russian = locs.filter((loc) => loc.startsWith(`${SITE_ORIGIN}/ru/news/`));
  expect(arabic).toHaveLength(4);
  expect(russian).toEqual([expect.stringMatching(new RegExp(`/ru/news/\\d+/${RUSSIAN_EDITION.slug}$`))]);
  // The English draft is not listed.
  expect(locs.filter((loc) => loc.startsWith(`${SITE_ORIGIN}/en/news/`))).toEqual([]);

  // The Russian edition and its Arabic original point to each other; the other articles have no other language.
  const id = /\/ru\/news\/(\d+)\//.exec(russian[0] ?? "")?.[1];
  const original = arabic.find((loc) => loc.startsWith(`${SITE_ORIGIN}/news/${id}/`));
  expect(original).toBeTruthy();
  const expected = [
    { rel: "alternate", hreflang: "ar", href: original },
    { rel: "alternate", hreflang: "ru", href: russian[0] },
  ];
  for (const loc of [original, russian[0]]) {
    const entry = sitemap.urls.find((url) => url.loc === loc);
    expect(entry?.alternates.sort((a, b) => (a.hreflang ?? "").localeCompare(b.hreflang ?? ""))).toEqual(expected);
  }
  for (const loc of arabic.filter((loc) => loc !== original)) {
    expect(sitemap.urls.find((url) => url.loc === loc)?.alternates).toEqual([]);
  }

  // Every listed article answers.
  await page.goto(original ?? "");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(JUN_2020);
  await page.goto(russian[0] ?? "");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
});

test("/robots.txt allows crawling and names the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body).toContain(`Sitemap: ${SITE_ORIGIN}/sitemap.xml`);
  expect(body).toMatch(/User-Agent: \*\s+Allow: \//i);
});
