// The public site in a reader's hand: on a 390×844 phone (and on a desktop) every link, button and field is a target
// a finger can hit (WCAG 2.2, 2.5.8: at least 24×24 CSS px; the main controls aim at 44 px), and a date never breaks
// inside itself. Front, article, search, tag and agency pages of each edition.
import { expect, test, type Page } from "@playwright/test";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** WCAG 2.2's minimum target size (2.5.8) and the size it aims at for the main controls (2.5.5). */
const MINIMUM = 24;
const MAIN = 44;

type Edition = { name: string; languages: string; paths: (page: Page) => Promise<string[]> };

const EDITIONS: Edition[] = [
  {
    name: "Arabic",
    languages: "اللغة",
    // The article with a Russian edition ("also in"), tags, an agency and related stories.
    paths: async (page) => [
      "/",
      await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle),
      await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]),
      `/search?q=${encodeURIComponent("كازاخستان")}`,
      "/search",
      "/tags/kazakhstan",
      "/sources/tass",
      "/news/999999/no-such-story",
    ],
  },
  {
    name: "Russian",
    languages: "Язык",
    paths: async (page) => [
      "/ru",
      `/ru/news/${articleIdOf(await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle))}/${RUSSIAN_EDITION.slug}`,
      `/ru/search?q=${encodeURIComponent("партнёрство")}`,
      "/ru/tags/kazakhstan",
      "/ru/sources/tass",
    ],
  },
  {
    name: "English",
    languages: "Language",
    // The article page is the not-translated notice, linking to the editions that exist.
    paths: async (page) => [
      "/en",
      `/en/news/${articleIdOf(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]))}`,
      "/en/search?q=partnership",
      "/en/search?q=Kazakhstan",
      "/en/tags/kazakhstan",
      "/en/sources/tass",
    ],
  },
];

type Target = { what: string; width: number; height: number };

/**
 * Every interactive element the page shows, with its size. Left out: elements not rendered, the skip link while it
 * is visually hidden (checked on focus below), and links inside running text (the article's body), which WCAG's
 * inline exception covers — those only if they really sit inline within a sentence.
 */
function targetsOf(page: Page): Promise<{ targets: Target[]; runningTextLinks: number }> {
  return page.evaluate(() => {
    const targets: Target[] = [];
    let runningTextLinks = 0;
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const { width, height } = element.getBoundingClientRect();
      if (width <= 1 && height <= 1) continue;
      const inline = getComputedStyle(element).display === "inline";
      const sentence = element.parentElement?.textContent ?? "";
      if (inline && element.closest("[data-running-text]") && sentence.length > (element.textContent ?? "").length) {
        runningTextLinks++;
        continue;
      }
      const name = (element.textContent || element.getAttribute("aria-label") || element.getAttribute("name") || "")
        .trim()
        .slice(0, 40);
      targets.push({ what: `<${element.tagName.toLowerCase()}> «${name}»`, width, height });
    }
    return { targets, runningTextLinks };
  });
}

async function heightOf(page: Page, selector: string): Promise<{ what: string; height: number }[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => ({
      what: `<${element.tagName.toLowerCase()}> «${(element.textContent ?? "").trim().slice(0, 40)}»`,
      height: element.getBoundingClientRect().height,
    })),
  );
}

/** The <time> elements whose text runs over more than one line. */
function brokenDates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("time")].flatMap((time) => {
      const [first, ...rest] = [...time.getClientRects()];
      if (!first) return [];
      // Fragments on one line overlap vertically; a fragment on the next line starts below the first one's bottom.
      const oneLine = rest.every((rect) => rect.top < first.bottom - 1 && rect.bottom > first.top + 1);
      return oneLine ? [] : [`«${time.textContent}» in ${rest.length + 1} pieces`];
    }),
  );
}

for (const [viewportName, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  test.describe(`on a ${viewportName} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport, hasTouch: viewportName === "phone" });

    for (const edition of EDITIONS) {
      test(`${edition.name}: every target is at least 24×24 px, the main controls 44 px tall`, async ({ page }) => {
        const small: string[] = [];
        const lowMain: string[] = [];
        for (const path of await edition.paths(page)) {
          await page.goto(path);
          const where = decodeURI(path);
          const { targets } = await targetsOf(page);
          expect(targets.length, path).toBeGreaterThan(5);
          for (const { what, width, height } of targets) {
            if (width < MINIMUM - 0.01 || height < MINIMUM - 0.01) {
              small.push(`${where}: ${what} ${width.toFixed(1)}×${height.toFixed(1)}`);
            }
          }
          // The language switcher, the search field and button, and the page links.
          const main = await heightOf(
            page,
            `nav[aria-label="${edition.languages}"] a, [role=search] input, [role=search] button, a[rel=prev], a[rel=next]`,
          );
          // An article's switcher names only its published editions, so it may offer no other language.
          expect(main.length, path).toBeGreaterThanOrEqual(/\/news\//.test(path) ? 2 : 4);
          for (const { what, height } of main) {
            if (height < MAIN - 0.01) lowMain.push(`${where}: ${what} ${height.toFixed(1)} px tall`);
          }
        }
        expect(small).toEqual([]);
        expect(lowMain).toEqual([]);

        // The skip link, left out above while visually hidden, is a target once focused.
        await page.keyboard.press("Tab");
        const skip = page.locator("a[href='#content']");
        await expect(skip).toBeFocused();
        const box = await skip.boundingBox();
        expect(box?.width).toBeGreaterThanOrEqual(MINIMUM);
        expect(box?.height).toBeGreaterThanOrEqual(MINIMUM);
      });
    }
  });
}

test.describe("dates on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("each date stays on one line, on phones 390, 360 and 320 px wide, in every edition", async ({ page }) => {
    const broken: string[] = [];
    let dates = 0;
    for (const edition of EDITIONS) {
      for (const path of await edition.paths(page)) {
        await page.goto(path);
        for (const width of [390, 360, 320]) {
          await page.setViewportSize({ width, height: PHONE.height });
          dates += await page.locator("time").count();
          for (const date of await brokenDates(page)) broken.push(`${decodeURI(path)} at ${width} px: ${date}`);
        }
        await page.setViewportSize(PHONE);
      }
    }
    expect(dates).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });
});

test.describe("search on a phone", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("the search page has one search box, holding the query, labelled in the page's language", async ({ page }) => {
    for (const [path, query, label, button] of [
      ["/search", "كازاخستان", "البحث في الموقع", "بحث"],
      ["/ru/search", "партнёрство", "Поиск по сайту", "Найти"],
      ["/en/search", "partnership", "Search the site", "Search"],
    ] as const) {
      await page.goto(`${path}?q=${encodeURIComponent(query)}`);
      await expect(page.getByRole("search")).toHaveCount(1);
      await expect(page.getByRole("searchbox")).toHaveCount(1);
      const form = page.getByRole("search", { name: label, exact: true });
      await expect(form.getByRole("searchbox", { name: label, exact: true })).toHaveValue(query);
      await expect(form.getByRole("button", { name: button, exact: true })).toBeVisible();
      // With no query, the one box is empty; every other page keeps the header's box.
      await page.goto(path);
      await expect(page.getByRole("searchbox")).toHaveCount(1);
      await expect(page.getByRole("searchbox")).toHaveValue("");
      await page.goto(path.replace(/\/search$/, "") || "/");
      await expect(page.getByRole("search", { name: label, exact: true })).toHaveCount(1);
    }
  });
});
