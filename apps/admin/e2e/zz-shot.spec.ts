import { test } from "@playwright/test";
import { signIn } from "./helpers.ts";
import { DESK_EDITOR_USER } from "./test-users.ts";
test("shot", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page, DESK_EDITOR_USER);
  await page.screenshot({ path: "/tmp/list.png", fullPage: true });
  await page.locator("tbody a").nth(1).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "/tmp/editor.png", fullPage: true });
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "/tmp/editor-en.png", fullPage: true });
});
