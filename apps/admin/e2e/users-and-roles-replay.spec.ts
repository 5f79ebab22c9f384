// The accounts pages' server actions posted directly by people who may not use them. The admin's browser fills
// the real forms (create a user, disable one, give roles, define a role); each request is caught before it leaves
// and replayed byte for byte with the sessions of a signed-out visitor, a disabled admin, a writer, a translator
// and an editor, none of which changes anything. The same bytes sent with the admin's session do what the forms
// asked, which proves the replays were sound requests, refused by the server rather than malformed.
// (Named to run after accounts.spec, whose audit-log checks count the entries its own steps made.)
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { createUser } from "@minbar/db/accounts";
import { catchSubmission, replaySubmission, signIn, testDatabase, type CaughtSubmission } from "./helpers.ts";
import { ADMIN_USER, DESK_EDITOR_USER, TRANSLATOR_USER, WRITER_USER } from "./test-users.ts";

const prisma = testDatabase();
const contexts: BrowserContext[] = [];
const TARGET = { email: "accounts-target@minbar.test", name: "هدف اختبار الحسابات", password: "target passphrase 123" };
const DISABLED_ADMIN = {
  email: "accounts-disabled@minbar.test",
  name: "مدير معطّل",
  password: "disabled passphrase 123",
};
const NEW_USER = "intruder@minbar.test";
/** The key the server derives from the role's English name. */
const NEW_ROLE = "direct-superuser";

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await prisma.user.deleteMany({ where: { email: { in: [TARGET.email, DISABLED_ADMIN.email, NEW_USER] } } });
  await prisma.role.deleteMany({ where: { key: NEW_ROLE } });
  await prisma.$disconnect();
});

async function session(browser: Browser, user: { email: string; password: string } | null): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  contexts.push(context);
  if (user) await signIn(await context.newPage(), user);
  return context.request;
}

async function snapshot() {
  const target = await prisma.user.findUniqueOrThrow({
    where: { email: TARGET.email },
    include: { roles: { include: { role: true } } },
  });
  return {
    users: await prisma.user.count(),
    roles: await prisma.role.findMany({
      orderBy: { id: "asc" },
      select: { key: true, version: true, permissions: true },
    }),
    target: {
      disabledAt: target.disabledAt,
      authVersion: target.authVersion,
      roles: target.roles.map((r) => r.role.key).sort(),
    },
    tokens: await prisma.signInToken.count(),
  };
}

test("users and roles actions replayed by the wrong people change nothing; the admin's go through", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await createUser(prisma, { ...TARGET, roleKeys: ["writer"] });
  await createUser(prisma, { ...DISABLED_ADMIN, roleKeys: ["admin"] });
  const disabled = await session(browser, DISABLED_ADMIN);
  await prisma.user.update({
    where: { email: DISABLED_ADMIN.email },
    data: { disabledAt: new Date(), authVersion: { increment: 1 } },
  });
  const others = {
    anonymous: await session(browser, null),
    "disabled admin": disabled,
    writer: await session(browser, WRITER_USER),
    translator: await session(browser, TRANSLATOR_USER),
    editor: await session(browser, DESK_EDITOR_USER),
  };

  const adminContext = await browser.newContext();
  contexts.push(adminContext);
  const page = await adminContext.newPage();
  await signIn(page, ADMIN_USER);

  const submissions: { name: string; caught: CaughtSubmission }[] = [];
  await page.goto("/users");
  const createForm = page.locator("form").filter({ has: page.locator('input[name="email"]') });
  await createForm.locator('input[name="email"]').fill(NEW_USER);
  await createForm.locator('input[name="name"]').fill("Intruder");
  await createForm.locator('input[name="roleKeys"][value="admin"]').check();
  submissions.push({
    name: "create a user",
    caught: await catchSubmission(page, () => createForm.locator('button[type="submit"]').click()),
  });

  await page.goto("/users");
  const targetRow = page.locator("tr", { hasText: TARGET.email });
  await targetRow.locator("details > summary").click();
  const rolesForm = targetRow.locator("form").filter({ has: page.locator('input[name="roleKeys"]') });
  await rolesForm.locator('input[name="roleKeys"][value="admin"]').check();
  submissions.push({
    name: "give roles",
    caught: await catchSubmission(page, () => rolesForm.locator('button[type="submit"]').click()),
  });

  await page.goto("/users");
  const toggleForm = page
    .locator("tr", { hasText: TARGET.email })
    .locator("form")
    .filter({ has: page.locator('input[name="intent"]') });
  submissions.push({
    name: "disable a user",
    caught: await catchSubmission(page, () => toggleForm.locator('button[type="submit"]').click()),
  });

  await page.goto("/roles");
  const roleForm = page.getByRole("form", { name: "دور جديد" });
  await roleForm.locator('input[name="nameAr"]').fill("دور مباشر");
  await roleForm.locator('input[name="nameRu"]').fill("Прямая роль");
  await roleForm.locator('input[name="nameEn"]').fill("Direct superuser");
  await roleForm.locator('input[name="permissions"][value="user.manage"]').check();
  submissions.push({
    name: "define a role",
    caught: await catchSubmission(page, () => roleForm.locator('button[type="submit"]').click()),
  });

  for (const { name, caught } of submissions) {
    for (const [who, request] of Object.entries(others)) {
      const before = await snapshot();
      expect(await replaySubmission(request, caught), `${name} as ${who}`).toBeLessThan(500);
      expect(await snapshot(), `${name} as ${who} changed nothing`).toEqual(before);
    }
  }

  // The control: the same bytes with the admin's session do what the forms asked.
  const before = await snapshot();
  for (const { caught } of submissions) expect(await replaySubmission(adminContext.request, caught)).toBeLessThan(500);
  const after = await snapshot();
  expect(after.users).toBe(before.users + 1);
  expect(after.target.roles).toContain("admin");
  expect(after.target.disabledAt).not.toBeNull();
  expect(after.roles.map((role) => role.key)).toContain(NEW_ROLE);
});
