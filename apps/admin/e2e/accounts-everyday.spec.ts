// Accounts as people use them every day, in more than one interface language: the audit log read as sentences with
// links and filters (addresses kept left to right), the language chosen on the sign-in or link page (or the
// browser's) becoming the account's, a one-time link that signs in and answers mistakes in the app's own words, and
// roles grouped by area with keys nobody has to type, on a users page offering only the buttons that work.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createUser, createUserWithSignInLink, loadActor } from "@minbar/db/accounts";
import { testDatabase, useArticleSandbox } from "./helpers.ts";

test.describe.configure({ mode: "serial" });

const prisma = useArticleSandbox();
const database = testDatabase();
const STAMP = Date.now().toString(36);
const ADMIN = {
  email: `everyday-admin-${STAMP}@minbar.test`,
  name: "Omar Admin",
  password: "everyday admin passphrase",
};
const LAYLA = { email: `layla-${STAMP}@minbar.test`, name: "Layla Haddad", password: "layla writes every day" };
const TITLE = "Ministers meet in Astana";
const made = { users: [] as number[], roles: [] as string[], auditAfter: 0n };
const contexts: BrowserContext[] = [];

async function newPage(browser: Browser, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale });
  contexts.push(context);
  return context.newPage();
}

/** Signs in through the form, whatever the interface language (the language buttons are another form). */
async function signInAs(page: Page, user: { email: string; password: string }) {
  if (!page.url().endsWith("/login")) await page.goto("/login");
  const form = page.locator("form", { has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(user.email);
  await form.locator('input[name="password"]').fill(user.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/articles$/);
}

async function chooseLanguage(page: Page, autonym: "English" | "Русский" | "العربية") {
  await page.getByRole("button", { name: autonym, exact: true }).click();
  await expect(page.getByRole("button", { name: autonym, exact: true })).toHaveAttribute("aria-pressed", "true");
}

async function storedLocale(email: string) {
  return (await database.user.findUniqueOrThrow({ where: { email } })).uiLocale;
}

/** A one-time link for a new writer, issued by this spec's admin. */
async function inviteLink(email: string, name: string): Promise<string> {
  const adminUser = await database.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
  const actor = await loadActor(database, adminUser.id, adminUser.authVersion);
  const created = await createUserWithSignInLink(database, actor, { email, name, roleKeys: ["writer"] });
  if (created.status !== "created") throw new Error(`not created: ${created.status}`);
  made.users.push(created.userId);
  return `/login/link/${created.token}`;
}

let articleId = 0;
let laylaId = 0;

test.beforeAll(async () => {
  made.auditAfter = (await database.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const admin = await createUser(database, { ...ADMIN, roleKeys: ["admin"] });
  const layla = await createUser(database, { ...LAYLA, roleKeys: ["writer"] });
  made.users.push(admin.id, layla.id);
  laylaId = layla.id;
  const article = await prisma.article.create({
    data: {
      localizations: {
        create: { locale: "en", title: TITLE, slug: `ministers-${STAMP}`, body: [], status: "in_review" },
      },
    },
    include: { localizations: true },
  });
  articleId = article.id;
  const at = new Date();
  await database.auditLog.createMany({
    data: [
      {
        actorId: layla.id,
        action: "article.submit",
        entityType: "article_localization",
        entityId: String(article.localizations[0]!.id),
        data: { articleId: article.id, locale: "en", from: "draft", to: "in_review" },
        address: "::1",
        at,
      },
      {
        actorId: layla.id,
        action: "import.file",
        entityType: "article",
        entityId: String(article.id),
        data: { file: "/srv/minbar/incoming/tass/wire-0077.txt", outcome: "created", contentHash: "ab12" },
        address: "::1",
        at,
      },
    ],
  });
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  // Other specs count audit entries and roles: leave neither behind.
  await database.auditLog.deleteMany({ where: { id: { gt: made.auditAfter } } });
  await database.user.deleteMany({ where: { id: { in: made.users } } });
  await database.role.deleteMany({ where: { key: { in: made.roles } } });
  await database.$disconnect();
});

test("the audit log reads as sentences with links, in English, Arabic and Russian, the details folded away", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto("/login");
  await chooseLanguage(page, "English");
  await signInAs(page, ADMIN);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  // Filters that match the sentences: a person by name, an action in words, a date range.
  await page.getByLabel("Person").selectOption({ label: LAYLA.name });
  await page.getByLabel("Action").selectOption({ label: "Submitted for review" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`person=${laylaId}`));
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Layla Haddad submitted «${TITLE}» for review`);
  await expect(rows.first().getByRole("link", { name: TITLE })).toHaveAttribute("href", `/articles/${articleId}/en`);
  // No codes, ids or JSON in sight; they are under "Technical details".
  const code = rows.first().getByText("article.submit", { exact: true });
  await expect(code).toBeHidden();
  await rows.first().getByText("Technical details").click();
  await expect(code).toBeVisible();

  // The import entry names the file, never the server's folders.
  await page.getByLabel("Action").selectOption({ label: "Import (all)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Layla Haddad imported the wire file wire-0077.txt: new article «${TITLE}»`);
  await expect(page.locator("main")).not.toContainText("/srv/");
  await rows.first().getByText("Technical details").click();
  await expect(rows.first()).toContainText('"file":"wire-0077.txt"');

  // A date range that ends before the entries leaves none.
  await page.getByLabel("Action").selectOption({ label: "All actions" });
  const to = page.getByRole("group", { name: "To (inclusive)" });
  await to.getByLabel("Month", { exact: true }).selectOption({ label: "January" });
  await to.getByLabel("Day", { exact: true }).fill("31");
  await to.getByLabel("Year", { exact: true }).fill("2020");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No matching entries.")).toBeVisible();

  // The same entry in Arabic: a sentence, and the address ::1 kept left to right (not 1::).
  await page.goto(`/audit?person=${laylaId}&action=article.submit`);
  await chooseLanguage(page, "العربية");
  await expect(rows.first()).toContainText(`Layla Haddad: إرسال «${TITLE}» إلى المراجعة`);
  await expect(rows.first().getByTestId("audit-sentence")).not.toContainText("article");
  const address = rows.first().getByTestId("audit-address");
  await expect(address).toHaveText("::1");
  await expect(address).toHaveAttribute("dir", "ltr");
  const [colon, one] = await address.evaluate((element) => {
    const text = element.firstChild!;
    const x = (index: number) => {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().left;
    };
    return [x(0), x(2)];
  });
  expect(colon).toBeLessThan(one);

  await chooseLanguage(page, "Русский");
  await expect(rows.first()).toContainText(`Layla Haddad: статья «${TITLE}» отправлена на проверку`);
  // Back to English for the account, as the tests below expect.
  await chooseLanguage(page, "English");
});

test("the language chosen on the sign-in page becomes the account's, and follows it to another browser", async ({
  browser,
}) => {
  expect(await storedLocale(LAYLA.email)).toBe("ar");
  const page = await newPage(browser);
  await page.goto("/login");
  await chooseLanguage(page, "Русский");
  await signInAs(page, LAYLA);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1, name: "Статьи" })).toBeVisible();
  expect(await storedLocale(LAYLA.email)).toBe("ru");

  // Another browser, no choice made: the sign-in page is Arabic, and the account's Russian comes back.
  const elsewhere = await newPage(browser, "ar");
  await signInAs(elsewhere, LAYLA);
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "ru");

  // A fresh choice wins over the saved one.
  const third = await newPage(browser);
  await third.goto("/login");
  await chooseLanguage(third, "English");
  await signInAs(third, LAYLA);
  await expect(third.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  expect(await storedLocale(LAYLA.email)).toBe("en");
});

test("a one-time link's page speaks the browser's language, answers mistakes in it, and signs in (Russian)", async ({
  browser,
}) => {
  const email = `ru-colleague-${STAMP}@minbar.test`;
  const link = await inviteLink(email, "Анна Петрова");
  const page = await newPage(browser, "ru-RU");
  await page.goto(link);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { name: "Выбор пароля" })).toBeVisible();
  await expect(page.locator("form", { has: page.locator('input[name="confirm"]') })).toHaveAttribute("novalidate", "");

  // Too short: the app's own message, in Russian; nothing typed is lost.
  await page.getByLabel("Новый пароль").fill("short");
  await page.getByLabel("Повторите пароль").fill("short");
  await page.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Пароль слишком короткий: не менее 12 символов.");
  await expect(page.getByLabel("Новый пароль")).toHaveValue("short");
  await expect(page.getByLabel("Новый пароль")).toHaveAttribute("aria-invalid", "true");

  // A mismatch keeps the first field as typed.
  await page.getByLabel("Новый пароль").fill("a long enough passphrase");
  await page.getByLabel("Повторите пароль").fill("a long enough passphrasf");
  await page.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Пароли не совпадают.");
  await expect(page.getByLabel("Новый пароль")).toHaveValue("a long enough passphrase");

  await page.getByLabel("Повторите пароль").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Сохранить пароль" }).click();
  // Signed in directly, in the language the page was in, which is now the account's.
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByRole("heading", { level: 1, name: "Статьи" })).toBeVisible();
  expect(await storedLocale(email)).toBe("ru");
});

test("a language chosen on the link page becomes the account's (English, from an Arabic browser)", async ({
  browser,
}) => {
  const email = `en-colleague-${STAMP}@minbar.test`;
  const link = await inviteLink(email, "سارة");
  const page = await newPage(browser, "ar");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "اختيار كلمة المرور" })).toBeVisible();
  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The password is too short: at least 12 characters.",
  );
  await page.getByLabel("New password").fill("sara chooses english");
  await page.getByLabel("Confirm password").fill("sara chooses english");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  expect(await storedLocale(email)).toBe("en");
});

test("the sign-in form answers a malformed email in the interface language, not the browser's", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/login");
  await chooseLanguage(page, "Русский");
  const form = page.locator("form", { has: page.locator('input[name="password"]') });
  await form.getByLabel("Электронная почта").fill("layla at minbar");
  await form.getByLabel("Пароль").fill("whatever");
  await form.getByRole("button", { name: "Войти" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Введите правильный адрес электронной почты, например name@example.org.",
  );
  await expect(form.getByLabel("Электронная почта")).toHaveValue("layla at minbar");
});

test("roles: permissions grouped by area and explained, the key made from any name, no raw keys", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInAs(page, ADMIN);
  await page.goto("/roles");
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  const form = page.getByRole("form", { name: "New role" });
  const publishing = form.getByRole("group", { name: "Publishing" });
  await expect(publishing.getByRole("checkbox")).toHaveCount(4);
  await expect(publishing.getByRole("checkbox", { name: "Schedule" })).toHaveAccessibleDescription(
    "Set an approved article to go out at a chosen time.",
  );
  await expect(form.getByRole("group", { name: "People and oversight" }).getByRole("checkbox")).toHaveCount(3);
  await expect(form.getByLabel("Key")).toHaveCount(0);

  // Names as people type them, with no Latin in two of them: the role is made, its key derived.
  await form.getByLabel("Name in Arabic").fill("محرر الليل");
  await form.getByLabel("Name in Russian").fill("Ночной редактор");
  await form.getByLabel("Name in English").fill("Night editor (weekends)");
  await form.getByRole("checkbox", { name: "Read articles" }).check();
  await form.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Role created." })).toBeVisible();
  const role = await database.role.findFirstOrThrow({ where: { nameEn: "Night editor (weekends)" } });
  made.roles.push(role.key);
  expect(role.key).toBe("night-editor-weekends");

  // In Arabic, the built-in roles are named, never shown by their keys.
  await chooseLanguage(page, "العربية");
  const table = page.locator("table");
  await expect(page.locator('tr[data-role-key="admin"]')).toContainText("مدير النظام");
  for (const key of ["admin", "editor", "writer", role.key]) await expect(table).not.toContainText(key);
  await expect(page.locator(`tr[data-role-key="${role.key}"]`)).toContainText("محرر الليل");
  await chooseLanguage(page, "English");
});

test("users: one's own row offers no disabling; others' rows do; a malformed email gets the app's message", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInAs(page, ADMIN);
  await page.goto("/users");
  const own = page.locator(`tr[data-email="${ADMIN.email}"]`);
  await expect(own).toContainText("(you)");
  await expect(own.getByRole("button", { name: "Password reset link" })).toBeVisible();
  await expect(own.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await expect(page.locator(`tr[data-email="${LAYLA.email}"]`).getByRole("button", { name: "Disable" })).toBeVisible();

  const create = page.locator("section").filter({ has: page.getByRole("heading", { name: "Add a user" }) });
  await expect(create.locator("form")).toHaveAttribute("novalidate", "");
  await create.getByLabel("Name").fill("Nadia");
  await create.getByLabel("Email").fill("nadia at minbar");
  await create.getByRole("button", { name: "Add and create sign-in link" }).click();
  await expect(create.getByText("Enter a valid email address.")).toBeVisible();
  await expect(create.getByLabel("Email")).toHaveValue("nadia at minbar");
});
