// Accounts as an admin and a new colleague see them: a custom role and a user made with it, the one-time link, the
// sections that role opens, disabling, the audit trail filtered by action, a spent link, the sign-in lock-out, and a
// user manager refused the admin's account.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createPrismaClient } from "@minbar/db/client";
import { createUser } from "@minbar/db/accounts";
import { ADMIN_USER } from "./test-users.ts";
import { e2eEnv } from "@minbar/e2e/env";

const PROOFREADER = {
  email: "proofreader@minbar.test",
  name: "ليلى المدققة",
  password: "proofreading every single line",
};

/** Manages users but holds none of the admin's other powers: the admin's account is out of their reach. */
const USER_DESK = { email: "user-desk@minbar.test", name: "User Desk", password: "managing accounts all day" };

/** Has wrong passwords typed for them until sign-in locks; made here so that no other spec's account is locked. */
const LOCKOUT_USER = { email: "locked-out@minbar.test", name: "Locked Out", password: "a long passphrase never typed" };

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("البريد الإلكتروني").fill(email);
  await page.getByLabel("كلمة المرور").fill(password);
  await page.getByRole("button", { name: "دخول" }).click();
}

/** Fills the new-role form's Arabic, Russian and English names (the key is made from them); returns the form. */
async function fillNewRole(page: Page, [ar, ru, en]: [string, string, string]) {
  const form = page.getByRole("form", { name: "دور جديد" });
  await form.getByLabel("الاسم بالعربية").fill(ar);
  await form.getByLabel("الاسم بالروسية").fill(ru);
  await form.getByLabel("الاسم بالإنجليزية").fill(en);
  return form;
}

async function newSession(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "ar" });
  return { context, page: await context.newPage() };
}

test.describe.configure({ mode: "serial" });
// Arabic browsers throughout: a one-time link's page follows the browser's language when none was chosen.
test.use({ locale: "ar" });

let admin: { context: BrowserContext; page: Page };
let colleague: { context: BrowserContext; page: Page };
let link = "";

test.beforeAll(async ({ browser }) => {
  // run.ts hands Playwright the test database's URL.
  const prisma = createPrismaClient(e2eEnv.databaseUrl);
  try {
    await createUser(prisma, { ...LOCKOUT_USER, roleKeys: ["writer"] });
    await prisma.role.create({
      data: {
        key: "user_desk",
        nameAr: "مكتب المستخدمين",
        nameRu: "Учётные записи",
        nameEn: "User desk",
        permissions: ["article.read", "user.manage"],
      },
    });
    await createUser(prisma, { ...USER_DESK, roleKeys: ["user_desk"] });
  } finally {
    await prisma.$disconnect();
  }
  admin = await newSession(browser);
  colleague = await newSession(browser);
  await signIn(admin.page, ADMIN_USER.email, ADMIN_USER.password);
  await expect(admin.page).toHaveURL(/\/articles$/);
});

test.afterAll(async () => {
  await admin?.context.close();
  await colleague?.context.close();
});

test("the admin creates a proofreader role and a user with it, and gets a one-time link", async () => {
  const page = admin.page;
  await page.getByRole("link", { name: "الأدوار" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "الأدوار" })).toBeVisible();
  await expect(page.locator('tr[data-role-key="admin"]')).toContainText("مدير النظام");

  const form = await fillNewRole(page, ["مدقق لغوي", "Корректор", "Proofreader"]);
  await form.getByRole("checkbox", { name: "قراءة المقالات" }).check();
  await form.getByRole("checkbox", { name: "المراجعة", exact: true }).check();
  await form.getByRole("button", { name: "إنشاء الدور" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "أُنشئ الدور." })).toBeVisible();

  const row = page.locator('tr[data-role-key="proofreader"]');
  await expect(row).toContainText("مدقق لغوي");
  await expect(row).toContainText("مخصص");
  await expect(row.locator("td > ul > li")).toHaveText(["قراءة المقالات", "المراجعة"]);
  // The key was made from the English name, and is not shown: the page names roles.
  await expect(row).not.toContainText("proofreader");

  await page.getByRole("link", { name: "المستخدمون" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "المستخدمون" })).toBeVisible();
  const create = page.locator("section").filter({ has: page.getByRole("heading", { name: "إضافة مستخدم" }) });
  // A name of blanks passes the browser but not the server: refused in place, the rest of the form kept.
  await create.getByLabel("الاسم").fill("   ");
  await create.getByLabel("البريد الإلكتروني").fill(PROOFREADER.email.toUpperCase());
  await create.getByRole("checkbox", { name: "مدقق لغوي" }).check();
  await create.getByRole("button", { name: "إضافة وإنشاء رابط الدخول" }).click();
  await expect(create.getByRole("alert")).toHaveText("تحقق من الحقول المعلّمة.");
  await expect(create.getByText("أدخل اسمًا (حتى ٢٠٠ حرف).")).toBeVisible();
  await expect(create.getByLabel("البريد الإلكتروني")).toHaveValue(PROOFREADER.email.toUpperCase());
  await expect(create.getByRole("checkbox", { name: "مدقق لغوي" })).toBeChecked();

  await create.getByLabel("الاسم").fill(PROOFREADER.name);
  await create.getByRole("button", { name: "إضافة وإنشاء رابط الدخول" }).click();
  const linkField = create.getByRole("textbox", { name: "رابط الدخول لمرة واحدة" });
  await expect(linkField).toBeVisible();
  link = await linkField.inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/login\/link\/[A-Za-z0-9_-]{43}$/);
  // The link's origin is ADMIN_SITE_URL, the address the admin runs at.
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);

  const userRow = page.locator(`tr[data-email="${PROOFREADER.email}"]`);
  await expect(userRow).toContainText(PROOFREADER.name);
  await expect(userRow).toContainText("مدقق لغوي");
  await expect(userRow).toContainText("لم يعيّن كلمة مرور بعد");

  // Shown once: after a reload the link is nowhere on the page.
  await page.reload();
  await expect(page.getByText(link)).toHaveCount(0);
});

test("the new colleague sets a password through the link, signs in and sees only what the role opens", async () => {
  const page = colleague.page;
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "اختيار كلمة المرور" })).toBeVisible();
  await expect(page.getByText(PROOFREADER.email)).toBeVisible();

  await page.getByLabel("كلمة المرور الجديدة").fill(PROOFREADER.password);
  await page.getByLabel("تأكيد كلمة المرور").fill("something else entirely");
  await page.getByRole("button", { name: "حفظ كلمة المرور" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("كلمتا المرور غير متطابقتين.");

  await page.getByLabel("كلمة المرور الجديدة").fill(PROOFREADER.password);
  await page.getByLabel("تأكيد كلمة المرور").fill(PROOFREADER.password);
  await page.getByRole("button", { name: "حفظ كلمة المرور" }).click();
  // Signed in with the new password at once.
  await expect(page).toHaveURL(/\/articles$/);
  const nav = page.getByRole("navigation", { name: "الأقسام" });
  // The photo library is open to everyone who reads articles.
  await expect(nav.getByRole("link")).toHaveText(["المقالات", "قائمة المراجعة", "الصور"]);
  await expect(page.getByRole("heading", { level: 1, name: "المقالات" })).toBeVisible();

  // Sections the role does not open answer 403 with a refusal, whatever the address bar says.
  for (const path of ["/users", "/roles", "/audit"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "الوصول غير مسموح" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("ليست لديك صلاحية فتح هذه الصفحة.");
    await expect(page.locator("table")).toHaveCount(0);
  }
});

test("the link cannot be used twice", async ({ page }) => {
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "استُخدم هذا الرابط من قبل، ولا يصلح إلا مرة واحدة. اطلب رابطًا جديدًا من المدير.",
  );
  await expect(page.getByLabel("كلمة المرور الجديدة")).toHaveCount(0);
  await page.goto("/login/link/not-a-real-token-at-all-0123456789");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("هذا الرابط غير صالح.");
});

test("the admin disables the colleague, whose next request lands on /login", async () => {
  const page = admin.page;
  await page.goto("/users");
  const row = page.locator(`tr[data-email="${PROOFREADER.email}"]`);
  await expect(row).toContainText("نشط");
  await row.getByRole("button", { name: "تعطيل" }).click();
  await expect(row.getByRole("status")).toHaveText("عُطّل الحساب، وانتهت جلساته.");
  await expect(row).toContainText("معطّل");
  await expect(row.getByRole("button", { name: "تفعيل" })).toBeVisible();

  // The admin cannot disable themselves (the server refuses it), so their own row offers no such button.
  const self = page.locator(`tr[data-email="${ADMIN_USER.email}"]`);
  await expect(self.getByRole("button", { name: "رابط لإعادة تعيين كلمة المرور" })).toBeVisible();
  await expect(self.getByRole("button", { name: "تعطيل" })).toHaveCount(0);

  await colleague.page.goto("/articles");
  await expect(colleague.page).toHaveURL(/\/login$/);
  await signIn(colleague.page, PROOFREADER.email, PROOFREADER.password);
  await expect(colleague.page.locator("form").getByRole("alert")).toHaveText(
    "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
  );
});

test("the audit log shows these entries as sentences, filtered by action and person", async () => {
  const page = admin.page;
  await page.getByRole("link", { name: "سجل التدقيق" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "سجل التدقيق" })).toBeVisible();

  await page.getByLabel("الإجراء").selectOption({ label: "إضافة مستخدم" });
  await page.getByRole("button", { name: "تصفية" }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${ADMIN_USER.name}: إضافة المستخدم ${PROOFREADER.name}`);
  await expect(rows.first().getByRole("link", { name: PROOFREADER.name })).toHaveAttribute(
    "href",
    /^\/users#user-\d+$/,
  );

  await page.getByLabel("الإجراء").selectOption({ label: "المستخدمون (الكل)" });
  await page.getByRole("button", { name: "تصفية" }).click();
  await expect(page).toHaveURL(/action=user\.(&|$)/);
  await expect(rows.filter({ hasText: `${ADMIN_USER.name}: تعطيل حساب ${PROOFREADER.name}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `${ADMIN_USER.name}: إضافة المستخدم` })).toHaveCount(1);
  await expect(rows.filter({ hasText: "الدور" })).toHaveCount(0);

  await page.getByLabel("الإجراء").selectOption({ label: "إنشاء دور" });
  await page.getByRole("button", { name: "تصفية" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${ADMIN_USER.name}: إنشاء الدور مدقق لغوي`);

  // The colleague's own trail: the password set through the link, the sign-in it led to, and the refused one after.
  await page.getByLabel("الشخص").selectOption({ label: PROOFREADER.name });
  await page.getByLabel("الإجراء").selectOption({ label: "تسجيل الدخول (الكل)" });
  await page.getByRole("button", { name: "تصفية" }).click();
  await expect(rows.filter({ hasText: `${PROOFREADER.name}: تعيين كلمة مرور عبر رابط لمرة واحدة` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `${PROOFREADER.name}: تسجيل الدخول` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `محاولة دخول فاشلة باسم ${PROOFREADER.email}: الحساب معطّل` })).toHaveCount(1);
  // The codes are there for whoever needs them, folded away.
  await expect(page.getByText("auth.sign_in", { exact: true }).first()).toBeHidden();
});

test("repeated wrong passwords end in the lock-out message, and then even the right one is refused", async ({
  page,
}) => {
  test.slow(); // the 4th and 5th failures are slowed by 1 s and 2 s on purpose
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, LOCKOUT_USER.email, `wrong guess number ${attempt}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
  }
  await signIn(page, LOCKOUT_USER.email, "wrong guess number 5");
  const locked = page.locator("form").getByRole("alert");
  await expect(locked).toContainText("أُوقف تسجيل الدخول مؤقتًا بعد محاولات فاشلة كثيرة");
  await expect(locked).toContainText("١٥ دقيقة");

  await signIn(page, LOCKOUT_USER.email, LOCKOUT_USER.password);
  await expect(page.locator("form").getByRole("alert")).toContainText("أُوقف تسجيل الدخول مؤقتًا");
  await expect(page).toHaveURL(/\/login$/);
});

test("a user manager is offered nothing on the admin's account, and told why; nothing changes", async ({ page }) => {
  await signIn(page, USER_DESK.email, USER_DESK.password);
  await expect(page).toHaveURL(/\/articles$/);
  await page.goto("/users");
  const row = page.locator(`tr[data-email="${ADMIN_USER.email}"]`);
  // The admin's account is out of reach: the row says why, and offers no button the server would refuse.
  await expect(row).toContainText("يملك هذا المستخدم صلاحيات لا تملكها");
  await expect(row).toContainText("النشر");
  await expect(row.getByRole("button")).toHaveCount(0);
  await expect(row.getByText("تعديل الأدوار")).toHaveCount(0);

  const prisma = createPrismaClient(e2eEnv.databaseUrl);
  try {
    const stored = await prisma.user.findUniqueOrThrow({
      where: { email: ADMIN_USER.email },
      include: { signInTokens: true, roles: { include: { role: true } } },
    });
    expect(stored.disabledAt).toBeNull();
    expect(stored.passwordHash).not.toBeNull();
    expect(stored.signInTokens).toHaveLength(0);
    expect(stored.roles.map(({ role }) => role.key)).toEqual(["admin"]);
  } finally {
    await prisma.$disconnect();
  }
});
