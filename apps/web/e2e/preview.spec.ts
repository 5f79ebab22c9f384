// Preview links on the public site: a signed token shows a draft exactly as its page will look, marked as a preview
// and never indexed or cached; an altered, foreign or expired token is a 404, and the draft's public URL stays one.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPrismaClient } from "@minbar/db/client";
import { createPreviewToken, signPreviewToken } from "@minbar/db/editorial";
import { createUser, ensureBuiltInRoles, loadActor } from "@minbar/db/accounts";
import { DRAFT_SEED_OPENING, PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";
import { e2eEnv } from "@minbar/e2e/env";

// runEndToEnd hands the same secret to the server under test and to this process.
const SECRET = e2eEnv.previewSecret ?? "";
const NOT_FOUND_TITLE = "الصفحة غير موجودة";

type Localization = { id: number; articleId: number; slug: string };
let draft: Localization;

async function query<Row>(text: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: e2eEnv.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

const token = (localizationId: number, expiresInMs = 30 * 60_000, secret = SECRET) =>
  signPreviewToken({ localizationId, expiresAt: new Date(Date.now() + expiresInMs) }, secret);

test.beforeAll(async () => {
  expect(SECRET.length, "PREVIEW_SECRET is not set: run through `npm run test:e2e`").toBeGreaterThanOrEqual(32);
  // Seed 004 has no title, so it was imported as an Arabic draft.
  const [row] = await query<Localization>(
    `SELECT id, article_id AS "articleId", slug FROM article_localizations WHERE locale = 'ar' AND status = 'draft' AND title IS NULL`,
    [],
  );
  if (!row) throw new Error("the seed draft is missing");
  draft = row;
});

test("a valid token shows the draft as readers would see it, marked as a preview, not indexed, not cached", async ({
  page,
}) => {
  const response = await page.goto(`/preview/${token(draft.id)}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toMatch(/private/);
  expect(response?.headers()["cache-control"]).toMatch(/no-store/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("status")).toContainText("معاينة — غير منشور");
  await expect(page.locator("article")).toContainText(DRAFT_SEED_OPENING);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("(بلا عنوان)");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("a link made by the admin's use case for an editor opens the draft", async ({ page }) => {
  const prisma = createPrismaClient(e2eEnv.databaseUrl);
  try {
    await ensureBuiltInRoles(prisma);
    const user = await createUser(prisma, {
      email: "preview-editor@minbar.test",
      name: "Preview editor",
      roleKeys: ["editor"],
    });
    const actor = await loadActor(prisma, user.id, user.authVersion);
    const link = await createPreviewToken(prisma, actor, { articleId: draft.articleId, locale: "ar" }, SECRET);
    await page.goto(`/preview/${link.token}`);
    await expect(page.locator("article")).toContainText(DRAFT_SEED_OPENING);
    expect(await prisma.auditLog.count({ where: { action: "article.preview_link", actorId: user.id } })).toBe(1);
  } finally {
    await prisma.$disconnect();
  }
});

test("a published article's preview renders the same article as its public page", async ({ page }) => {
  const href = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]);
  const publicText = await page.goto(href).then(() => page.locator("article").innerText());
  const [row] = await query<{ id: number }>(
    `SELECT id FROM article_localizations WHERE article_id = $1 AND locale = 'ar'`,
    [articleIdOf(href)],
  );
  await page.goto(`/preview/${token(row!.id)}`);
  expect(await page.locator("article").innerText()).toBe(publicText);
});

test("an altered, foreign or expired token is a 404", async ({ page }) => {
  const genuine = token(draft.id);
  const [payload = "", signature = ""] = genuine.split(".");
  const otherLocalization = Buffer.from(
    JSON.stringify({ v: 1, l: draft.id + 1, e: Math.floor(Date.now() / 1000) + 600 }),
  ).toString("base64url");
  const flip = (text: string) => `${text.slice(0, -2)}${text.at(-2) === "A" ? "B" : "A"}${text.slice(-1)}`;
  const refused = [
    `${otherLocalization}.${signature}`,
    `${payload}.${flip(signature)}`,
    `${flip(payload)}.${signature}`,
    token(draft.id, 30 * 60_000, "another-secret-that-is-at-least-32-characters"),
    token(draft.id, -1000),
    "not-a-token",
  ];
  for (const bad of refused) {
    const response = await page.goto(`/preview/${bad}`);
    expect(response?.status(), bad).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_TITLE);
    await expect(page.locator("body")).not.toContainText(DRAFT_SEED_OPENING);
  }
});

test("the draft's public URL is still a 404 for readers", async ({ page }) => {
  for (const path of [`/news/${draft.articleId}/${encodeURIComponent(draft.slug)}`, `/news/${draft.articleId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("body")).not.toContainText(DRAFT_SEED_OPENING);
  }
});
