// The response cache of the built site under requests meant to get around it: junk query strings, tracking
// parameters and a client's no-cache are all answered from the one stored page.
import { expect, test } from "@playwright/test";

test("junk and tracking query strings and a client's no-cache are answered from the stored front page", async ({
  request,
}) => {
  await request.get("/en");
  await expect.poll(async () => (await request.get("/en")).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
  for (const query of ["?x=1", "?x=2&utm_source=news", "?fbclid=abc", "?page=3"]) {
    const answer = await request.get(`/en${query}`, { headers: { "cache-control": "no-cache", pragma: "no-cache" } });
    expect(answer.status(), query).toBe(200);
    expect(answer.headers()["x-cache"], query).toBe("HIT");
  }
});

test("search keeps the parameters it reads and ignores the others", async ({ page }) => {
  await page.goto("/ru/search?utm_source=mail&q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2&x=1");
  await expect(page.locator("#search-page-q")).toHaveValue("Лавров");
});
