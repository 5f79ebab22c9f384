// The interface language belongs to the person, not the browser: chosen once, it comes back at the next sign-in on
// a browser that has never seen it, while the content keeps its own direction.
import { expect, test } from "@playwright/test";
import { signIn, testDatabase } from "./helpers.ts";
import { SECOND_EDITOR_USER } from "./test-users.ts";

const prisma = testDatabase();
test.afterAll(async () => {
  await prisma.user.update({ where: { email: SECOND_EDITOR_USER.email }, data: { uiLocale: "ar" } });
  await prisma.$disconnect();
});

test("a user's interface language follows them to a new browser", async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, SECOND_EDITOR_USER);
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Статьи" })).toBeVisible();
  expect((await prisma.user.findUniqueOrThrow({ where: { email: SECOND_EDITOR_USER.email } })).uiLocale).toBe("ru");
  await first.close();

  // A fresh browser: the sign-in page is in the default Arabic; after signing in, the account's Russian.
  const second = await browser.newContext();
  const again = await second.newPage();
  await signIn(again, SECOND_EDITOR_USER);
  await expect(again.locator("html")).toHaveAttribute("lang", "ru");
  await expect(again.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(again.getByRole("heading", { level: 1, name: "Статьи" })).toBeVisible();
  // Arabic titles stay right to left inside the Russian interface.
  await expect(again.getByText("لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية")).toHaveAttribute(
    "dir",
    "rtl",
  );
  await second.close();
});
