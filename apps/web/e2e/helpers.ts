// Small helpers the specs share: finding a seed article's URL from the front page, checking localized 404s.
import { expect, type Page } from "@playwright/test";

/** The Arabic article path (/news/{id}/{slug}) of a published seed article, read from the front page. */
export async function arabicArticleHref(page: Page, title: string): Promise<string> {
  await page.goto("/");
  const href = await page.getByRole("link", { name: title, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/news\/\d+\//);
  return href ?? "";
}

export function articleIdOf(href: string): number {
  return Number(/\/news\/(\d+)/.exec(href)?.[1]);
}

/** Each path answers 404 with the not-found page of its own language (its heading). */
export async function expectLocalizedNotFound(
  page: Page,
  cases: readonly (readonly [path: string, heading: string])[],
): Promise<void> {
  for (const [path, heading] of cases) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    // In the HTML the server sent, not filled in by script (see server/plain-html.ts).
    expect(await response?.text(), path).toContain(`${heading}</h1>`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
}
