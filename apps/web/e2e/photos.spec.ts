// Photos on the public site: the lead photo fetched first at the right size, body photos lazily, captions and credits
// in the edition's language, thumbnails in listings, the social card cropped around the focal point, renditions
// cached for a year.
import { expect, test } from "@playwright/test";
import { pixelAt } from "@minbar/e2e";
import { arabicArticleHref } from "./helpers.ts";
import { BODY_PHOTO, LEAD_PHOTO, WITHOUT_PHOTO } from "./photos.ts";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";
import { SITE_ORIGIN } from "./site-origin.ts";

const RENDITION = /^\/media\/renditions\/[A-Za-z0-9_-]+\//;

test("the lead photo is fetched first at the size the screen needs, with its caption and alt text", async ({
  page,
}) => {
  await page.goto(await arabicArticleHref(page, LEAD_PHOTO.articleTitle));
  const lead = page.getByRole("article").locator("figure").first();
  const img = lead.locator("img");
  await expect(img).toHaveAttribute("alt", LEAD_PHOTO.alts.ar);
  await expect(img).toHaveAttribute("fetchpriority", "high");
  await expect(img).not.toHaveAttribute("loading", "lazy");
  await expect(img).toHaveAttribute("width", "1024");
  await expect(img).toHaveAttribute("height", "1536");
  const srcset = (await img.getAttribute("srcset")) ?? "";
  expect(srcset.split(", ").map((entry) => entry.split(" ")[1])).toEqual(["320w", "640w", "1024w", "1600w"]);
  await expect(lead.locator("source")).toHaveCount(2);
  await expect(lead.locator("source").first()).toHaveAttribute("type", "image/avif");
  await expect(lead.locator("figcaption")).toContainText(LEAD_PHOTO.captions.ar);
  // The browser picked a rendition and it decoded.
  await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  expect(new URL(await img.evaluate((element: HTMLImageElement) => element.currentSrc)).pathname).toMatch(RENDITION);
});

test("a photo in the body loads lazily, between the paragraphs, with its caption and its credit", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, BODY_PHOTO.articleTitle));
  const figure = page.getByRole("article").locator("[data-running-text] figure");
  await expect(figure).toHaveCount(1);
  await expect(figure.locator("img")).toHaveAttribute("loading", "lazy");
  await expect(figure.locator("figcaption")).toContainText(BODY_PHOTO.caption);
  await expect(figure.locator("figcaption")).toContainText(BODY_PHOTO.credit.nameAr);
  // Between the first paragraph and the rest.
  await expect(page.locator("[data-running-text] > *").nth(1)).toHaveJSProperty("tagName", "FIGURE");
});

test("the Russian edition shows the lead photo with its Russian caption and alt text", async ({ page }) => {
  await page.goto(`/ru/news/${/\/news\/(\d+)/.exec(await arabicArticleHref(page, LEAD_PHOTO.articleTitle))![1]}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
  const lead = page.getByRole("article").locator("figure").first();
  await expect(lead.locator("img")).toHaveAttribute("alt", LEAD_PHOTO.alts.ru);
  await expect(lead.locator("figcaption")).toContainText(LEAD_PHOTO.captions.ru);
});

test("shares get the 1200×630 card cropped around the focal point, and structured data describes the photo", async ({
  page,
}) => {
  await page.goto(await arabicArticleHref(page, LEAD_PHOTO.articleTitle));
  const card = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(card).toMatch(new RegExp(`^${SITE_ORIGIN}/media/renditions/[A-Za-z0-9_-]+/card\\.jpeg$`));
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute("content", card!);

  // The red square sits at 85 % of the photo's height, far below the middle: a centred crop would miss it; the
  // crop around the focal point has it in its lower half, in the middle column.
  const cardPath = new URL(card!).pathname;
  const [r, g, b] = await pixelAt(page, cardPath, 600, 360);
  expect(r).toBeGreaterThan(200);
  expect(g).toBeLessThan(60);
  expect(b).toBeLessThan(60);
  const [, , topBlue] = await pixelAt(page, cardPath, 600, 20);
  expect(topBlue).toBeGreaterThan(100);

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(jsonLd.image).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        "@type": "ImageObject",
        width: 1600,
        height: 2400,
        caption: LEAD_PHOTO.captions.ar,
      }),
      expect.objectContaining({ "@type": "ImageObject", url: card, width: 1200, height: 630 }),
    ]),
  );
});

test("renditions are served with a year-long immutable cache; originals and unknown names are not served", async ({
  page,
  request,
}) => {
  await page.goto(await arabicArticleHref(page, LEAD_PHOTO.articleTitle));
  const src = (await page.getByRole("article").locator("figure img").first().getAttribute("src"))!;
  const response = await request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["cache-control"]).toMatch(/max-age=31536000/);
  expect(response.headers()["cache-control"]).toMatch(/immutable/);
  const key = src.split("/")[3];
  expect((await request.get(`/media/renditions/${key}/w99999.jpeg`)).status()).toBe(404);
  expect((await request.get(`/media/renditions/${key}/original.jpeg`)).status()).toBe(404);
  expect((await request.get(`/media/originals/${key}.jpeg`)).status()).toBe(404);
});

test("listings show the lead photo's square thumbnail, lazily; articles without a photo show none", async ({
  page,
}) => {
  for (const path of ["/", "/search?q=لافروف"]) {
    await page.goto(path);
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: LEAD_PHOTO.articleTitle }) });
    const thumbnail = item.locator("img");
    await expect(thumbnail, path).toHaveAttribute("loading", "lazy");
    await expect(thumbnail, path).toHaveAttribute("src", /\/square\.jpeg$/);
    await expect(thumbnail, path).toHaveAttribute("alt", "");
    const without = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: WITHOUT_PHOTO }) });
    await expect(without.locator("img"), path).toHaveCount(0);
  }
});
