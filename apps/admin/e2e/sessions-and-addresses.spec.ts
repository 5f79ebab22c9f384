// Sessions end on the server and the client's address is the connection's: a cookie copied before sign-out no
// longer opens anything after it, and forwarded headers a client writes move neither the throttles nor the audit log.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, testDatabase } from "./helpers.ts";
import { WRITER_USER } from "./test-users.ts";

const LOOPBACK = ["127.0.0.1", "::1"];
const SPOOFED = {
  "X-Forwarded-For": "198.51.100.66",
  "X-Real-IP": "198.51.100.67",
  "X-Minbar-Client-Address": "198.51.100.68",
};

// An Arabic browser: a one-time link's page follows the browser's language when none was chosen.
test.use({ locale: "ar" });

test("a session cookie copied before sign-out gets the sign-in page after it", async ({ browser }) => {
  test.slow(); // two browsers, each rendering the article list on a server that has just started
  const baseURL = test.info().project.use.baseURL;
  const original = await browser.newContext({ baseURL });
  const page = await original.newPage();
  await signIn(page, WRITER_USER);
  const copy = await browser.newContext({ baseURL });
  await copy.addCookies(await original.cookies());
  const copied = await copy.newPage();
  await copied.goto("/articles");
  await expect(copied).toHaveURL(/\/articles$/);

  await page.getByRole("button", { name: "تسجيل الخروج" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await copied.goto("/articles");
  await expect(copied).toHaveURL(/\/login$/);
  await expect(copied.getByRole("button", { name: "دخول" })).toBeVisible();
  expect(await (await copy.request.get("/api/auth/session")).json()).toBeNull();
  await original.close();
  await copy.close();
});

/** One sign-in through Auth.js's own endpoint, as a script would post it; returns where it redirects. */
async function postSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string>,
): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/articles" },
    headers,
    maxRedirects: 0,
  });
  return response.headers()["location"] ?? "";
}

test("forwarded headers a client writes move neither the sign-in throttle nor the audit log", async ({ request }) => {
  const prisma = testDatabase();
  const email = `spoofer-${Date.now()}@minbar.test`;
  let realAddress = "";
  try {
    await postSignIn(request, email, "a wrong guess", SPOOFED);
    const attempt = await prisma.loginAttempt.findFirstOrThrow({ where: { email } });
    realAddress = attempt.address;
    expect(LOOPBACK).toContain(realAddress);
    const spoofedAddresses = { in: Object.values(SPOOFED) };
    expect(await prisma.auditLog.count({ where: { address: spoofedAddresses } })).toBe(0);
    expect(await prisma.loginAttempt.count({ where: { address: spoofedAddresses } })).toBe(0);
    expect(
      await prisma.auditLog.count({ where: { action: "auth.sign_in_failed", address: realAddress, actorId: null } }),
    ).toBeGreaterThan(0);

    // The real address has failed 30 times: naming another one does not get anyone past the lock, even with the
    // right password.
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        email: `filler-${i}@minbar.test`,
        address: realAddress,
        succeeded: false,
        at: new Date(),
      })),
    });
    const location = await postSignIn(request, WRITER_USER.email, WRITER_USER.password, {
      ...SPOOFED,
      "X-Forwarded-For": "198.51.100.69",
    });
    expect(location).toContain("code=locked");
  } finally {
    // Later specs sign in from this address.
    if (realAddress) await prisma.loginAttempt.deleteMany({ where: { address: realAddress } });
    await prisma.$disconnect();
  }
});

test("an address opening too many links that do not work is asked to wait, whatever it forwards", async ({
  page,
  request,
}) => {
  const prisma = testDatabase();
  try {
    for (let i = 0; i < 20; i++) {
      const response = await request.get(`/login/link/${"Z".repeat(40)}${String(i).padStart(3, "0")}`, {
        headers: { ...SPOOFED, "X-Forwarded-For": `198.51.100.${i}` },
      });
      expect(response.status()).toBe(200);
    }
    await page.goto(`/login/link/${"Z".repeat(43)}`);
    await expect(page.locator("p[role=alert]")).toHaveText(
      "وردت من شبكتك محاولات كثيرة بروابط لا تعمل. حاول مجددًا بعد 15 دقيقة.",
    );
  } finally {
    await prisma.signInLinkAttempt.deleteMany({});
    await prisma.$disconnect();
  }
});
