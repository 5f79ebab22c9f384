// Agency and tag pages in the three languages: localized names, published articles of that language only, 404s.
import { expect, test } from "@playwright/test";
import { RUSSIAN_EDITION, TAGS } from "./extra-localizations.ts";
import { expectLocalizedNotFound } from "./helpers.ts";

test("an agency's page names it in each language", async ({ page }) => {
  for (const [path, lang, heading] of [
    ["/sources/tass", "ar", "أخبار تاس"],
    ["/ru/sources/tass", "ru", "Новости: ТАСС"],
    ["/en/sources/tass", "en", "News from TASS"],
  ] as const) {
    expect((await page.goto(path))?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  // No TASS story has a Russian edition: the page says so, with the count in Russian plural form.
  await page.goto("/ru/sources/tass");
  await expect(page.getByText("0 новостей")).toBeVisible();
  await expect(page.getByText("Новостей этого источника на русском пока нет.")).toBeVisible();
  await page.goto("/sources/tass");
  await expect(page.getByText("٣ أخبار")).toBeVisible();
});

test("a tag's page lists the articles published in its language", async ({ page }) => {
  await page.goto("/ru/tags/kazakhstan");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Тег: ${TAGS.kazakhstan.nameRu}`);
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([RUSSIAN_EDITION.title]);
  await expect(page.getByText("1 новость", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: RUSSIAN_EDITION.title }).click();
  await expect(page).toHaveURL(/\/ru\/news\/\d+\/lavrov-i-tleuberdi-obsudili-partnerstvo$/);

  await page.goto("/en/tags/lavrov");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tag: Lavrov");
  await expect(page.getByText("No news with this tag has been published in English yet.")).toBeVisible();
});

test("the Russian edition's agency link leads to the agency page in Russian", async ({ page }) => {
  await page.goto("/ru/tags/kazakhstan");
  await page.getByRole("link", { name: RUSSIAN_EDITION.title }).click();
  await expect(page.getByRole("navigation", { name: "Теги" }).getByRole("link")).toHaveText(
    [TAGS.kazakhstan.nameRu, TAGS.lavrov.nameRu].sort((a, b) => a.localeCompare(b, "ru")),
  );
  await page.locator("article footer").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/ru\/sources\/[^/]+$/);
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([RUSSIAN_EDITION.title]);
});

test("unknown agencies and tags, and pages past the last, are localized 404s", async ({ page }) => {
  await expectLocalizedNotFound(page, [
    ["/sources/no-such-agency", "الصفحة غير موجودة"],
    ["/ru/sources/no-such-agency", "Страница не найдена"],
    ["/en/tags/no-such-tag", "Page not found"],
    ["/sources/tass/page/2", "الصفحة غير موجودة"],
    ["/en/tags/kazakhstan/page/x", "Page not found"],
  ]);
});
