// Small helpers the specs share: finding a seed article's URL from the front page.
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
