// The admin as staff see it: sign-in (refused and accepted), the article list with statuses and warnings, sign-out.
import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient } from "@minbar/db/client";
import { PUBLIC_SITE } from "./public-site.ts";
import { ADMIN_USER, EDITOR_USER } from "./test-users.ts";
import { e2eEnv } from "@minbar/e2e/env";

async function signIn(page: Page, password: string, email: string = ADMIN_USER.email) {
  await page.goto("/login");
  await page.getByLabel("البريد الإلكتروني").fill(email);
  await page.getByLabel("كلمة المرور").fill(password);
  await page.getByRole("button", { name: "دخول" }).click();
}

test("signed-out visitors are sent to /login, in Arabic and right to left", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "تسجيل الدخول" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password is refused with a visible error", async ({ page }) => {
  await signIn(page, "not the password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("البريد الإلكتروني")).toHaveValue(ADMIN_USER.email);
  // Still signed out: the list is not reachable.
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
});

test("the admin signs in and sees every seed article with its status and warnings, then signs out", async ({
  page,
}) => {
  await signIn(page, ADMIN_USER.password);
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByRole("heading", { level: 1, name: "المقالات" })).toBeVisible();

  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(5);
  await expect(page.getByText("٥ نسخ لغوية")).toBeVisible();
  await expect(rows.filter({ hasText: "منشور" })).toHaveCount(4);
  const drafts = rows.filter({ hasText: "مسودة" });
  await expect(drafts).toHaveCount(1);
  await expect(drafts.getByText("(بلا عنوان)")).toBeVisible();
  await expect(drafts.getByText("بلا عنوان", { exact: true })).toBeVisible();
  await expect(drafts.getByText("يمنع النشر")).toBeVisible();

  const published = rows.filter({ hasText: "لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية" });
  await expect(published).toContainText("منشور");
  await expect(published).toContainText("١٠ يونيو ٢٠٢٠");
  await expect(published).toContainText("العربية");
  await expect(published.getByText("لافروف يناقش", { exact: false })).toHaveAttribute("dir", "rtl");
  await expect(rows.filter({ hasText: "تاس" })).toHaveCount(4);
  const siteLink = published.getByRole("link", { name: "عرض في الموقع" });
  await expect(siteLink).toHaveAttribute("href", new RegExp(`^${PUBLIC_SITE}/news/\\d+/%D9%84`));
  await expect(drafts.getByRole("link", { name: "عرض في الموقع" })).toHaveCount(0);

  await page.getByRole("button", { name: "تسجيل الخروج" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
});

test("the interface language can be switched to English and Russian", async ({ page }) => {
  await signIn(page, ADMIN_USER.password);
  await expect(page).toHaveURL(/\/articles$/);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "Published" })).toHaveCount(4);
  await expect(page.getByText("5 language versions")).toBeVisible();
  await expect(rows.filter({ hasText: "Draft" }).getByText("No title")).toBeVisible();
  // Content keeps its own direction inside the left-to-right interface.
  await expect(page.getByText("لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية")).toHaveAttribute(
    "dir",
    "rtl",
  );
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Статьи" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  // The choice is the account's (other specs sign in as this admin and expect Arabic): back to Arabic.
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
});

test("a session stops working as soon as its user is disabled", async ({ page }) => {
  await signIn(page, EDITOR_USER.password, EDITOR_USER.email);
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.locator("tbody tr")).toHaveCount(5);

  // run.ts hands Playwright the test database's URL; the session cookie in the browser stays as it was.
  const prisma = createPrismaClient(e2eEnv.databaseUrl);
  try {
    await prisma.user.update({
      where: { email: EDITOR_USER.email },
      data: { disabledAt: new Date(), authVersion: { increment: 1 } },
    });
  } finally {
    await prisma.$disconnect();
  }
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("tbody tr")).toHaveCount(0);
});
