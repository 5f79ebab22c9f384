// A name with no Russian spelling yet (a tag, an agency, a photo credit, a contributor) shows on the Russian edition
// as its Arabic name, marked lang="ar" dir="rtl" — never an empty string, even when the stored Russian name is
// empty. The rows are added for this spec and removed afterwards.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eEnv } from "@minbar/e2e/env";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";
import { revalidate } from "./revalidate-secret.ts";

test.describe.configure({ mode: "serial" });

const TAG = { slug: "names-fallback-probe", nameAr: "وسم بلا ترجمة" };
const CREDIT = { nameAr: "مصور بلا ترجمة", matchKey: "names-fallback-probe-credit" };
const CONTRIBUTOR = { nameAr: "كاتب بلا ترجمة" };

let db: pg.Client;
let articleId = 0;
let before: { photo_credit_id: number | null } = { photo_credit_id: null };

test.beforeAll(async ({ request }) => {
  if (!e2eEnv.databaseUrl) throw new Error("DATABASE_URL is not set: run through `npm run test:e2e`");
  db = new pg.Client({ connectionString: e2eEnv.databaseUrl });
  await db.connect();
  const found = await db.query<{ article_id: number; photo_credit_id: number | null }>(
    `SELECT l.article_id, a.photo_credit_id FROM article_localizations l JOIN articles a ON a.id = l.article_id
      WHERE l.locale = 'ru' AND l.slug = $1`,
    [RUSSIAN_EDITION.slug],
  );
  articleId = found.rows[0]!.article_id;
  before = found.rows[0]!;
  // No Russian name at all for the tag; an empty one (as a careless import might store) for the credit.
  const tag = await db.query<{ id: number }>(
    `INSERT INTO tags (slug, name_ar, updated_at) VALUES ($1, $2, now()) RETURNING id`,
    [TAG.slug, TAG.nameAr],
  );
  await db.query(`INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)`, [articleId, tag.rows[0]!.id]);
  const credit = await db.query<{ id: number }>(
    `INSERT INTO photo_credits (name_ar, name_ru, match_key, updated_at) VALUES ($1, '', $2, now()) RETURNING id`,
    [CREDIT.nameAr, CREDIT.matchKey],
  );
  await db.query(`UPDATE articles SET photo_credit_id = $2 WHERE id = $1`, [articleId, credit.rows[0]!.id]);
  const contributor = await db.query<{ id: number }>(
    `INSERT INTO contributors (name_ar, updated_at) VALUES ($1, now()) RETURNING id`,
    [CONTRIBUTOR.nameAr],
  );
  await db.query(`INSERT INTO bylines (article_id, position, contributor_id) VALUES ($1, 100, $2)`, [
    articleId,
    contributor.rows[0]!.id,
  ]);
  expect((await revalidate(request, { articleId })).status()).toBe(200);
});

test.afterAll(async ({ request }) => {
  if (!db) return;
  await db.query(`DELETE FROM bylines WHERE article_id = $1 AND position = 100`, [articleId]);
  await db.query(`DELETE FROM contributors WHERE name_ar = $1`, [CONTRIBUTOR.nameAr]);
  await db.query(`UPDATE articles SET photo_credit_id = $2 WHERE id = $1`, [articleId, before.photo_credit_id]);
  await db.query(`DELETE FROM photo_credits WHERE match_key = $1`, [CREDIT.matchKey]);
  await db.query(`DELETE FROM article_tags WHERE tag_id IN (SELECT id FROM tags WHERE slug = $1)`, [TAG.slug]);
  await db.query(`DELETE FROM tags WHERE slug = $1`, [TAG.slug]);
  await revalidate(request, { articleId });
  await db.end();
});

test("the Russian article page marks the Arabic stand-ins for missing names", async ({ page }) => {
  await page.goto(`/ru/news/${articleId}/${RUSSIAN_EDITION.slug}`);
  const arabic = (text: string) => page.locator(`bdi[lang="ar"][dir="rtl"]`, { hasText: text });

  const tagLink = page.getByRole("navigation", { name: "Теги" }).getByRole("link", { name: TAG.nameAr });
  await expect(tagLink.locator(`bdi[lang="ar"][dir="rtl"]`)).toHaveText(TAG.nameAr);
  // An empty Russian name is no name: the credit is the Arabic one, never "Фото: " and nothing.
  await expect(arabic(CREDIT.nameAr)).toHaveCount(1);
  await expect(page.getByText(`Фото: ${CREDIT.nameAr}`)).toBeVisible();
  await expect(arabic(CONTRIBUTOR.nameAr)).toHaveCount(1);
  // Names that have their Russian spelling are not marked as Arabic.
  await expect(page.getByRole("navigation", { name: "Теги" }).locator(`bdi[lang="ar"]`)).toHaveCount(1);

  // Structured data carries the Arabic name as text, not an empty string.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(JSON.stringify(jsonLd)).toContain(TAG.nameAr);
});

test("the tag's Russian page and feed name it in Arabic, marked as such", async ({ page, request }) => {
  await page.goto(`/ru/tags/${TAG.slug}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(`Тег: ${TAG.nameAr}`);
  await expect(heading.locator("bdi")).toHaveAttribute("lang", "ar");
  await expect(heading.locator("bdi")).toHaveAttribute("dir", "rtl");
  const feed = await (await request.get(`/ru/tags/${TAG.slug}/feed.xml`)).text();
  expect(feed).toContain(`<title>Тег: ${TAG.nameAr}`);
});
