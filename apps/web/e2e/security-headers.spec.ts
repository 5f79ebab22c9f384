// Security headers of the public site: every kind of page, first rendered and then from the response cache, carries
// them and works under its own policy in Chromium with no violation reported; React's streaming scripts run under it
// while a script injected into a page does not; HSTS follows the configured origin, never a request header.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { expect, test, type Page, type Response } from "@playwright/test";
import { createPrismaClient } from "@minbar/db/client";
import { signPreviewToken } from "@minbar/db/editorial";
import { expectSecurityHeaders, startProductionServer, watchPolicyViolations } from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { servePlainHtml } from "../server/plain-html.ts";
import { siteSecurity } from "../server/security-headers.ts";
import { LATE_STYLESHEET, renderStreamed } from "../server/streamed-page.ts";
import { arabicArticleHref } from "./helpers.ts";
import { DRAFT_SEED_OPENING, PUBLISHED_SEED_TITLES } from "./seed-articles.ts";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

async function previewPath(): Promise<string> {
  const prisma = createPrismaClient(e2eEnv.databaseUrl);
  try {
    // Seed 004 has no title, so it was imported as an Arabic draft.
    const draft = await prisma.articleLocalization.findFirstOrThrow({
      where: { locale: "ar", status: "draft", title: null },
    });
    const token = signPreviewToken(
      { localizationId: draft.id, expiresAt: new Date(Date.now() + 30 * 60_000) },
      e2eEnv.previewSecret ?? "",
    );
    return `/preview/${token}`;
  } finally {
    await prisma.$disconnect();
  }
}

/** The site's stylesheet (inlined into the page, allowed by its hash) applies: the header's thick bottom border. */
async function expectStyled(page: Page) {
  await expect(page.locator("body > header")).toHaveCSS("border-bottom-width", "4px");
}

function headersOf(response: Response | null): Record<string, string> {
  expect(response, "no response").not.toBeNull();
  return response!.headers();
}

test("every kind of page carries the headers and works under its policy, from Next and from the cache", async ({
  page,
  context,
}) => {
  // Eight kinds of page, each twice.
  test.setTimeout(120_000);
  const violations = await watchPolicyViolations(context);
  const articleHref = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[2]);
  const pages: { path: string; status?: number; works: () => Promise<void> }[] = [
    { path: "/", works: () => expect(page.getByRole("link", { name: PUBLISHED_SEED_TITLES[0] })).toBeVisible() },
    { path: "/ru", works: () => expect(page.locator("html")).toHaveAttribute("lang", "ru") },
    {
      path: articleHref,
      works: async () => {
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(PUBLISHED_SEED_TITLES[2]);
        await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
      },
    },
    { path: "/sources/tass", works: () => expect(page.getByRole("heading", { level: 1 })).toHaveText("أخبار تاس") },
    { path: "/ru/tags/kazakhstan", works: () => expect(page.getByRole("heading", { level: 1 })).toContainText("Тег") },
    {
      path: `/search?q=${encodeURIComponent("الاستراتيجية")}`,
      works: () => expect(page.getByRole("link", { name: PUBLISHED_SEED_TITLES[3] })).toBeVisible(),
    },
    {
      path: "/en/no-such-page",
      status: 404,
      works: () => expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found"),
    },
    {
      path: await previewPath(),
      works: () => expect(page.locator("article")).toContainText(DRAFT_SEED_OPENING),
    },
  ];
  for (const { path, status = 200, works } of pages) {
    await test.step(path, async () => {
      const first = await page.goto(path);
      expect(first?.status()).toBe(status);
      expectSecurityHeaders(headersOf(first), { https: false });
      await works();
      await expectStyled(page);
      // Again: the cached pages come from memory now, with the policy stored beside them.
      const again = await page.reload();
      expect(headersOf(again)["content-security-policy"]).toBe(headersOf(first)["content-security-policy"]);
      await works();
      await expectStyled(page);
    });
  }

  // The header's search form submits under form-action.
  await page.goto("/");
  await page.getByRole("search", { name: "البحث في الموقع" }).getByRole("searchbox").fill("الاستراتيجية");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("link", { name: PUBLISHED_SEED_TITLES[3] })).toBeVisible();

  expect(violations).toEqual([]);

  // The feed, as a browser opens it: XML its stylesheet renders as a page (feed-page.spec.ts). Chromium adds a
  // deprecation banner of its own to pages made by XSLT, styled inline: the policy refuses that, and only that.
  const feed = await page.goto("/feed.xml");
  expect(headersOf(feed)["content-type"]).toMatch(/^application\/xml/);
  expectSecurityHeaders(headersOf(feed), { https: false });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("منبر — آخر الأخبار");
  expect(
    violations.filter((line) => !/style-src-attr|script-src-attr|inline style|inline event handler/i.test(line)),
  ).toEqual([]);
});

test.describe("React's streaming scripts under the policy", () => {
  let server: Server;
  let origin: string;
  let injected = "";

  test.beforeAll(async () => {
    const security = siteSecurity({ https: false, scriptFiles: false, distDir: `${APP_DIR}/.next` });
    const render = servePlainHtml(
      async (req, res) => {
        if (req.url === LATE_STYLESHEET) {
          res.setHeader("content-type", "text/css");
          res.end("p { color: rgb(0, 128, 0) }");
          return;
        }
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end((await renderStreamed()).replace("</body>", `${injected}</body>`));
      },
      { contentSecurityPolicy: (html) => security.pagePolicy(html) },
    );
    server = createServer((req, res) => {
      security.apply(res);
      void render(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => server.close());

  test("move content streamed after the shell into place, with no violation", async ({ page, context }) => {
    const violations = await watchPolicyViolations(context);
    injected = "";
    await page.goto(`${origin}/`);
    // Both boundaries revealed: the plain one ($RC) and the one waiting for its stylesheet ($RR).
    await expect(page.getByText("streamed late")).toHaveCount(2);
    await expect(page.getByText("streamed late").first()).toBeVisible();
    await expect(page.getByText("streamed late").nth(1)).toHaveCSS("color", "rgb(0, 128, 0)");
    expect(violations).toEqual([]);
  });

  test("a script injected into the page is refused", async ({ page, context }) => {
    const violations = await watchPolicyViolations(context);
    injected = '<script>document.documentElement.dataset.injected = "ran"</script>';
    await page.goto(`${origin}/`);
    await expect(page.getByText("streamed late")).toHaveCount(2);
    await expect.poll(() => violations.some((line) => /script-src/.test(line))).toBe(true);
    expect(await page.locator("html").getAttribute("data-injected")).toBeNull();
  });
});

test("Strict-Transport-Security and upgrade-insecure-requests follow PUBLIC_SITE_URL, not X-Forwarded-Proto", async ({
  request,
}) => {
  // The server under test is configured with an http origin: a client claiming https changes nothing.
  const spoofed = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expectSecurityHeaders(spoofed.headers(), { https: false });

  test.setTimeout(120_000);
  const https = await startProductionServer(APP_DIR, { PUBLIC_SITE_URL: "https://minbar.example" });
  try {
    for (const path of ["/", "/feed.xml"]) {
      const response = await fetch(new URL(path, https.origin), { headers: { "x-forwarded-proto": "http" } });
      expectSecurityHeaders(Object.fromEntries(response.headers), { https: true });
    }
  } finally {
    await https.stop();
  }
});
