// Security headers of the admin: the sign-in page, every admin page and the editor carry them with a nonce of their
// own, and work under the policy in Chromium — signing in, typing with autosave, a preview link opened on the public
// site — with no violation reported; the session cookie is Secure and HSTS sent when ADMIN_SITE_URL is https,
// whatever X-Forwarded-Proto says.
import { fileURLToPath } from "node:url";
import { expect, test, type Response } from "@playwright/test";
import { expectSecurityHeaders, parsePolicy, startProductionServer, watchPolicyViolations } from "@minbar/e2e";
import { signIn, useArticleSandbox } from "./helpers.ts";
import { ADMIN_USER } from "./test-users.ts";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const TITLE = "اختبار سياسة أمان المحتوى";
const LINE = "نص كُتب في المحرر تحت سياسة أمان المحتوى.";

const prisma = useArticleSandbox();

/** The response's nonce, after checking its headers; the page's HTML carries it on Next's scripts. */
async function nonceOf(response: Response | null): Promise<string> {
  expect(response, "no response").not.toBeNull();
  const headers = response!.headers();
  expectSecurityHeaders(headers, { https: false });
  const scripts = parsePolicy(headers["content-security-policy"] ?? "").get("script-src") ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  const nonce = /^'nonce-(.+)'$/.exec(scripts.find((source) => source.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, "a nonce in script-src").toBeDefined();
  if ((headers["content-type"] ?? "").startsWith("text/html"))
    expect(await response!.text()).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("every page works under its policy: sign-in, the admin pages, the editor with autosave, a preview", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const violations = await watchPolicyViolations(context);

  // Each response its own nonce.
  const first = await nonceOf(await page.goto("/login"));
  const second = await nonceOf(await page.reload());
  expect(second).not.toBe(first);
  await signIn(page, ADMIN_USER);

  for (const path of ["/articles", "/users", "/roles", "/audit", "/import"]) {
    await test.step(path, async () => {
      await nonceOf(await page.goto(path));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await nonceOf(missing);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");

  // The editor, reached by a client-side navigation (the document keeps the nonce of /articles): a new article,
  // typed into, saved by itself.
  // (Hydrated first: the button works only by script.)
  await page.goto("/articles", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "مقال جديد" }).click();
  await expect(page).toHaveURL(/\/articles\/new$/, { timeout: 30_000 });
  await page.getByLabel("العنوان", { exact: true }).fill(TITLE);
  await expect(page).toHaveURL(/\/articles\/\d+\/ar$/, { timeout: 30_000 });
  const articleId = Number(/\/articles\/(\d+)\/ar$/.exec(page.url())?.[1]);
  const body = page.getByRole("textbox", { name: "النص" });
  // The editor's own stylesheet, which it inserts with the document's nonce, applies.
  await expect(body).toHaveCSS("white-space", "break-spaces");
  await body.click();
  await page.keyboard.type(LINE);
  await expect(page.getByText("حُفظت كل التغييرات")).toBeVisible({ timeout: 15_000 });
  await nonceOf(await page.reload());
  await expect(body).toHaveCSS("white-space", "break-spaces");
  await expect(body).toContainText(LINE);
  const stored = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
  expect(stored.title).toBe(TITLE);
  expect(JSON.stringify(stored.body)).toContain(LINE);

  // The preview link opens the draft on the public site, under the site's own policy.
  await page.getByRole("button", { name: "أنشئ رابط معاينة" }).click();
  const [preview] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: "افتح المعاينة ↗" }).click(),
  ]);
  await expect(preview.locator("article")).toContainText(LINE);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const previewResponse = await preview.reload();
  expectSecurityHeaders(previewResponse!.headers(), { https: false });

  expect(violations).toEqual([]);
});

test("with an https ADMIN_SITE_URL, the session cookie is Secure and HSTS is sent, whatever X-Forwarded-Proto says", async ({
  request,
}) => {
  // The server under test has no https origin: a client claiming https gets no HSTS.
  expectSecurityHeaders((await request.get("/login", { headers: { "x-forwarded-proto": "https" } })).headers(), {
    https: false,
  });

  test.setTimeout(120_000);
  const admin = await startProductionServer(APP_DIR, { ADMIN_SITE_URL: "https://admin.minbar.example" }, "/login");
  try {
    // A proxy forwarding plain http, or a client writing the header itself.
    const forwarded = { "x-forwarded-proto": "http" };
    const login = await fetch(`${admin.origin}/login`, { headers: forwarded });
    expectSecurityHeaders(Object.fromEntries(login.headers), { https: true });

    const csrf = await fetch(`${admin.origin}/api/auth/csrf`, { headers: forwarded });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.every((cookie) => /;\s*Secure/i.test(cookie))).toBe(true);
    const signedIn = await fetch(`${admin.origin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        ...forwarded,
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrfCookies.map((cookie) => cookie.split(";")[0]).join("; "),
      },
      body: new URLSearchParams({ csrfToken, email: ADMIN_USER.email, password: ADMIN_USER.password }),
    });
    const session = signedIn.headers.getSetCookie().find((cookie) => /session-token=/.test(cookie));
    expect(session, "a session cookie").toBeDefined();
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
  } finally {
    await admin.stop();
  }
});
