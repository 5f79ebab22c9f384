// A translation whose original changed after it was made is still served, as it was made, and says when it was
// itself last updated (its own last save or its publication — never the original's change, nor the row's
// updated_at, which the outdated mark moves), in its own language, with a pointer to the original.
import { expect, test, type Page } from "@playwright/test";
import { formatPublicationDate, type Locale } from "@minbar/i18n";
import { editionsSandbox } from "./editions.ts";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";

test.describe.configure({ mode: "serial" });

const sandbox = editionsSandbox();

const at = (iso: string) => new Date(iso);
// The original changed on 1 December; the translations were made in November.
const ORIGINAL_CHANGED = at("2026-12-01T12:00:00Z");

let fromArabic = { id: 0, slugs: {} as Partial<Record<Locale, string>> };
let fromRussian = { id: 0, slugs: {} as Partial<Record<Locale, string>> };

test.beforeAll(async () => {
  fromArabic = await sandbox.createArticle("ar", [
    {
      locale: "ar",
      title: "الأصل العربي الذي تغيّر بعد الترجمة",
      publishedAt: at("2026-11-19T07:00:00Z"),
      savedAt: [at("2026-11-19T06:50:00Z"), ORIGINAL_CHANGED],
    },
    {
      // Saved again after it was published (21 November); a later wire text was kept aside, not applied.
      locale: "ru",
      title: "Перевод, сделанный до изменения оригинала",
      publishedAt: at("2026-11-20T10:00:00Z"),
      savedAt: [at("2026-11-20T09:30:00Z"), at("2026-11-21T08:00:00Z")],
      notAppliedAt: at("2026-12-02T08:00:00Z"),
      outdatedAt: ORIGINAL_CHANGED,
      rowUpdatedAt: ORIGINAL_CHANGED,
    },
    {
      // Last saved before it was published: its last update is its publication.
      locale: "en",
      title: "A translation made before the original changed",
      publishedAt: at("2026-11-22T10:00:00Z"),
      savedAt: [at("2026-11-22T09:00:00Z")],
      outdatedAt: ORIGINAL_CHANGED,
      rowUpdatedAt: ORIGINAL_CHANGED,
    },
  ]);
  // Written first in Russian: the Arabic edition is the translation.
  fromRussian = await sandbox.createArticle("ru", [
    {
      locale: "ru",
      title: "Русский оригинал, изменённый после перевода",
      publishedAt: at("2026-11-10T07:00:00Z"),
      savedAt: [at("2026-11-10T06:00:00Z"), ORIGINAL_CHANGED],
    },
    {
      locale: "ar",
      title: "ترجمة عربية أُعدّت قبل تغيّر الأصل",
      publishedAt: at("2026-11-11T10:00:00Z"),
      savedAt: [at("2026-11-11T09:00:00Z"), at("2026-11-12T08:00:00Z")],
      outdatedAt: ORIGINAL_CHANGED,
      rowUpdatedAt: ORIGINAL_CHANGED,
    },
  ]);
});

test.afterAll(async ({ request }) => {
  await sandbox.cleanUp(request);
});

const CASES = [
  {
    locale: "ru",
    path: () => `/ru/news/${fromArabic.id}`,
    label: "Перевод обновлён",
    own: "2026-11-21T08:00:00.000Z",
    original: { link: "Оригинал", heading: "الأصل العربي الذي تغيّر بعد الترجمة" },
  },
  {
    locale: "en",
    path: () => `/en/news/${fromArabic.id}`,
    label: "Translation last updated",
    own: "2026-11-22T10:00:00.000Z",
    original: { link: "original", heading: "الأصل العربي الذي تغيّر بعد الترجمة" },
  },
  {
    locale: "ar",
    path: () => `/news/${fromRussian.id}`,
    label: "آخر تحديث للترجمة",
    own: "2026-11-12T08:00:00.000Z",
    original: { link: "النص الأصلي", heading: "Русский оригинал, изменённый после перевода" },
  },
] as const;

async function jsonLdOf(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<
    string,
    unknown
  >;
}

for (const c of CASES) {
  test(`the ${c.locale} translation is served with its own date of last update and a link to the original`, async ({
    page,
  }) => {
    const response = await page.goto(c.path());
    expect(response?.status()).toBe(200);
    const header = page.getByRole("article").locator("header");
    const line = header.getByText(c.label);
    await expect(line).toHaveText(`${c.label} ${formatPublicationDate(new Date(c.own), c.locale)}`);
    // Its own date, not the original's change (1 December) nor the wire text kept aside (2 December).
    await expect(line.locator("time")).toHaveAttribute("datetime", c.own);
    const ld = await jsonLdOf(page);
    expect(ld.dateModified).toBe(c.own);
    expect(await page.locator('meta[property="article:modified_time"]').getAttribute("content")).toBe(c.own);
    // Readers are told the original moved on, in the page's language, and can open it.
    const link = header.getByRole("link", { name: c.original.link, exact: true });
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.original.heading);
  });
}

test("an original, and a translation in step never edited after publication, show no such line", async ({ page }) => {
  await page.goto(`/news/${fromArabic.id}`);
  const header = page.getByRole("article").locator("header");
  await expect(header.locator("time")).toHaveCount(1);
  await expect(header.getByText("آخر تحديث للترجمة")).toHaveCount(0);
  expect((await jsonLdOf(page)).dateModified).toBeUndefined();

  // The run's Russian edition: published in 2020, in step with its original, never saved since.
  await page.goto("/ru");
  await page.getByRole("link", { name: RUSSIAN_EDITION.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
  await expect(page.getByRole("article").locator("header").getByText("Перевод обновлён")).toHaveCount(0);
  await expect(page.getByRole("article").getByRole("link", { name: "Оригинал", exact: true })).toHaveCount(0);
});
