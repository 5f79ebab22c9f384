// A page the signed-in user may not see answers 403 Forbidden, not 200 with a notice: the localized refusal inside
// the admin's frame (language choice, sign-out, the sections they may open), in Arabic right to left, Russian or
// English. The admin opens the same pages with 200; an article that does not exist is still a 404.
import { expect, test, type Page } from "@playwright/test";
import { createUser } from "@minbar/db/accounts";
import { signIn, testDatabase } from "./helpers.ts";
import { ADMIN_USER } from "./test-users.ts";

const prisma = testDatabase();

/** Made here, each with their own interface language, so no other spec's account changes. */
const EDITOR = {
  email: "forbidden-editor@minbar.test",
  name: "محرر بلا حسابات",
  password: "an editor who manages no accounts",
  roleKeys: ["editor"],
  uiLocale: "ar" as const,
};
const WRITER = {
  email: "forbidden-writer@minbar.test",
  name: "Автор без импорта",
  password: "a writer who imports nothing",
  roleKeys: ["writer"],
  uiLocale: "ru" as const,
};
const NO_ROLES = {
  email: "forbidden-no-roles@minbar.test",
  name: "No Roles Yet",
  password: "an account given no roles yet",
  roleKeys: [],
  uiLocale: "en" as const,
};
const ACCOUNTS = [EDITOR, WRITER, NO_ROLES];

/** What the refusal says in each interface language (messages/<locale>.json, Forbidden and App). */
const REFUSAL = {
  ar: { dir: "rtl", title: "الوصول غير مسموح", message: "ليست لديك صلاحية فتح هذه الصفحة.", signOut: "تسجيل الخروج" },
  ru: { dir: "ltr", title: "Доступ запрещён", message: "У вас нет прав на эту страницу.", signOut: "Выйти" },
  en: { dir: "ltr", title: "Access denied", message: "You are not allowed to open this page.", signOut: "Sign out" },
} as const;

let article = "";

test.beforeAll(async () => {
  for (const { uiLocale, ...account } of ACCOUNTS) {
    await createUser(prisma, account);
    await prisma.user.update({ where: { email: account.email }, data: { uiLocale } });
  }
  const seed = await prisma.articleLocalization.findFirstOrThrow({ where: { locale: "ar" }, orderBy: { id: "asc" } });
  article = `/articles/${seed.articleId}/ar`;
});

test.afterAll(async () => {
  await prisma.user.deleteMany({ where: { email: { in: ACCOUNTS.map((account) => account.email) } } });
  await prisma.$disconnect();
});

/** Opens `path` and expects the 403 refusal in `locale`, inside the admin's frame and with nothing of the page. */
async function expectRefused(page: Page, path: string, locale: keyof typeof REFUSAL) {
  const refusal = REFUSAL[locale];
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  // In the server's HTML itself, not only after the page's script runs.
  expect(await response?.text()).toContain(refusal.message);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", refusal.dir);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(refusal.title);
  // Scoped to <main>: Next's route announcer is an alert of its own.
  await expect(main.getByRole("alert")).toHaveText(refusal.message);
  await expect(main.locator("table, form")).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("button", { name: refusal.signOut })).toBeVisible();
}

test("an editor gets 403 on the accounts pages, in Arabic right to left, and can go on to the articles", async ({
  page,
}) => {
  await signIn(page, EDITOR);
  for (const path of ["/users", "/roles", "/audit"]) await expectRefused(page, path, "ar");

  const nav = page.getByRole("navigation", { name: "الأقسام" });
  await expect(nav.getByRole("link", { name: "المستخدمون" })).toHaveCount(0);
  await nav.getByRole("link", { name: "المقالات" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByRole("heading", { level: 1, name: "المقالات" })).toBeVisible();
});

test("a writer gets 403 on the import page in Russian, but may still read an article they cannot edit", async ({
  page,
}) => {
  await signIn(page, WRITER);
  await expectRefused(page, "/import", "ru");

  // Not theirs to edit is not forbidden to read: the editor opens read-only, with 200.
  const response = await page.goto(article);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Вы можете читать этот текст, но не менять его в текущем состоянии.")).toBeVisible();
});

test("an account without roles gets 403 on the article list and the article editor, in English", async ({ page }) => {
  await signIn(page, NO_ROLES);
  await expectRefused(page, "/articles", "en");
  await expectRefused(page, article, "en");
});

test("the admin opens every one of these pages with 200, and an unknown article is still 404", async ({ page }) => {
  await signIn(page, ADMIN_USER);
  for (const path of ["/users", "/roles", "/audit", "/import", "/articles", article]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).not.toHaveText(REFUSAL.ar.title);
  }
  expect((await page.goto("/articles/999999999/ar"))?.status()).toBe(404);
});
