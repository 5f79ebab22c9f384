// Russian and English wire texts in the admin's import: an English text attached to an Arabic article found by its
// title (its English edition then holds that text), and a Russian text imported as a new, Russian-first article.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { createPublishedArticle, signIn, useArticleSandbox } from "./helpers.ts";
import { ADMIN_USER } from "./test-users.ts";

const FIXTURES = fileURLToPath(new URL("../../../packages/parser/test/fixtures/", import.meta.url));
const ARABIC_TITLE = "مقال تجريبي تُرفق به ترجمة إنجليزية من ملف وكالة";
const ENGLISH_TITLE = "E2E: the English wire text of an Arabic article";
const RUSSIAN_TITLE = "E2E: русский текст агентства как новая статья";
const english = readFileSync(`${FIXTURES}en-full-date.txt`, "utf8").replace(
  "Lavrov: joint solutions strengthen the relations between Russia and Kazakhstan",
  ENGLISH_TITLE,
);
const russian = readFileSync(`${FIXTURES}ru-full-date.txt`, "utf8").replace(
  "Лавров обсудил с министром иностранных дел Казахстана вопросы стратегического партнёрства",
  RUSSIAN_TITLE,
);
const NAMES = ["e2e-attach-en.txt", "e2e-new-ru.txt"];

const prisma = useArticleSandbox();
test.afterAll(async () => {
  // The sandbox removes the articles; the files' records go too, so a second run imports them afresh.
  await prisma.wireFile.deleteMany({ where: { fileName: { in: NAMES } } });
});

test("attaches an English text to an Arabic article found by title, and imports a Russian text as a new article", async ({
  page,
}) => {
  const original = await createPublishedArticle(prisma, ARABIC_TITLE, ["فقرة أولى.", "فقرة ثانية.", "فقرة ثالثة."]);
  await signIn(page, ADMIN_USER);
  await page.goto("/import");

  // Attach: find the article by a word of its title, choose it, then preview and import the English text.
  await page.getByRole("radio", { name: "إرفاقها ترجمةً لمقال موجود" }).check();
  await page.getByRole("searchbox", { name: "ابحث عن المقال بعنوانه" }).fill("تُرفق به ترجمة");
  await page.getByRole("button", { name: "بحث" }).click();
  await page.getByRole("radio", { name: new RegExp(ARABIC_TITLE) }).check();
  await expect(page.getByTestId("import-target")).toBeVisible();
  await page.getByLabel(/ملفات الوكالات/).setInputFiles({
    name: NAMES[0]!,
    mimeType: "text/plain",
    buffer: Buffer.from(english),
  });
  await page.getByRole("button", { name: "معاينة" }).click();
  const item = page.getByTestId("import-file").filter({ hasText: NAMES[0]! });
  await expect(item.getByTestId("import-outcome")).toHaveText("سيُرفق ترجمةً");
  await expect(item.getByRole("heading", { level: 3, name: ENGLISH_TITLE })).toHaveAttribute("dir", "ltr");
  await page.getByRole("button", { name: "استيراد", exact: true }).click();
  await expect(item.getByTestId("import-outcome")).toHaveText("أُرفق ترجمةً");

  const edition = await prisma.articleLocalization.findUnique({
    where: { articleId_locale: { articleId: original.articleId, locale: "en" } },
  });
  expect(edition).toMatchObject({ title: ENGLISH_TITLE, status: "published", outdatedAt: null });
  expect(JSON.stringify(edition?.body)).toContain("Areas of cooperation");
  await item.getByRole("link", { name: "فتح النسخة" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${original.articleId}/en$`));
  await expect(page.getByLabel("العنوان", { exact: true })).toHaveValue(ENGLISH_TITLE);

  // New articles: the Russian text becomes an article whose original is Russian.
  await page.goto("/import");
  await expect(page.getByRole("radio", { name: /استيرادها مقالات جديدة/ })).toBeChecked();
  await page.getByLabel(/ملفات الوكالات/).setInputFiles({
    name: NAMES[1]!,
    mimeType: "text/plain",
    buffer: Buffer.from(russian),
  });
  await page.getByRole("button", { name: "معاينة" }).click();
  const ru = page.getByTestId("import-file").filter({ hasText: NAMES[1]! });
  await expect(ru.getByTestId("import-outcome")).toHaveText("سيُنشأ");
  await page.getByRole("button", { name: "استيراد", exact: true }).click();
  await expect(ru.getByTestId("import-outcome")).toHaveText("أُنشئ");
  const file = await prisma.wireFile.findFirstOrThrow({ where: { fileName: NAMES[1]! } });
  const created = await prisma.article.findUniqueOrThrow({
    where: { id: file.articleId! },
    include: { localizations: { select: { locale: true, title: true } } },
  });
  expect(created).toMatchObject({ originalLocale: "ru", localizations: [{ locale: "ru", title: RUSSIAN_TITLE }] });
});
