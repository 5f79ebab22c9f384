// The translation desk, end to end: a translator takes an Arabic article from the Russian queue and translates it
// beside the Arabic, block by block, and submits; an editor publishes, and the Russian edition lists it with its
// switcher to the Arabic and back; the Arabic is then edited, and the Russian shows as outdated with the changed
// block marked while the public site still serves it with its own date; the translator updates it and the mark goes.
import { expect, test, type Page } from "@playwright/test";
import { signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, TRANSLATOR_USER } from "./test-users.ts";

const TITLE = "الوفد الروسي يصل إلى الدوحة لبحث التعاون";
const LEAD = "وصل الوفد الروسي اليوم إلى الدوحة في زيارة رسمية.";
const SUBHEADING = "ملفات التعاون";
const LAST = "وتستمر الزيارة ثلاثة أيام.";

const RU_TITLE = "Российская делегация прибыла в Доху";
const RU_LEAD = "Российская делегация сегодня прибыла в Доху с официальным визитом.";
const RU_SUBHEADING = "Вопросы сотрудничества";
const RU_LAST = "Визит продлится три дня.";

const prisma = useArticleSandbox();

async function waitSaved(page: Page) {
  await expect(page.getByText("حُفظت كل التغييرات")).toBeVisible({ timeout: 15_000 });
}

test("a translator translates beside the Arabic; the Arabic changes; the Russian is marked outdated, then updated", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // An Arabic original as the importer leaves one: published, its blocks without ids yet.
  const body = [
    { type: "paragraph", text: LEAD },
    { type: "heading", text: SUBHEADING },
    { type: "paragraph", text: LAST },
  ];
  const slug = `e2e-desk-${Date.now()}`;
  const article = await prisma.article.create({
    data: {
      localizations: {
        create: {
          locale: "ar",
          title: TITLE,
          slug,
          body,
          status: "published",
          publishedAt: new Date(),
          revisions: { create: { number: 1, title: TITLE, slug, body, origin: "import" } },
        },
      },
    },
  });
  const articleId = article.id;

  // --- The translator takes it from the Russian queue -----------------------------------------------------------
  const translator = await browser.newPage();
  await signIn(translator, TRANSLATOR_USER);
  await translator.getByRole("link", { name: "الترجمة" }).click();
  await expect(translator.getByRole("heading", { name: "قوائم الترجمة" })).toBeVisible();
  const row = translator.locator(`tr[data-article-id="${articleId}"]`);
  await expect(row).toContainText(TITLE);
  await row.getByRole("button", { name: "ابدأ الترجمة" }).click();
  await expect(translator).toHaveURL(new RegExp(`/articles/${articleId}/ru$`), { timeout: 15_000 });

  // The same blocks, empty, each beside its Arabic block: right-to-left beside left-to-right.
  const rows = translator.getByTestId("translation-rows");
  const original = rows.locator('[data-source-change] p[lang="ar"]');
  await expect(original).toHaveText([LEAD, SUBHEADING, LAST]);
  await expect(original.nth(1)).toHaveAttribute("dir", "rtl");
  const blocks = [1, 2, 3].map((n) => rows.getByRole("textbox", { name: `الفقرة ${n}`, exact: true }));
  for (const block of blocks) await expect(block).toHaveValue("");
  await expect(blocks[1]!).toHaveAttribute("dir", "ltr");
  await expect(blocks[1]!).toHaveAttribute("lang", "ru");
  await expect(rows.getByRole("combobox", { name: "نوع الفقرة 2" })).toHaveValue("heading");
  // The subheading lines up with its translation.
  const [left, right] = await Promise.all([original.nth(1).boundingBox(), blocks[1]!.boundingBox()]);
  expect(Math.abs(left!.y - right!.y)).toBeLessThan(40);
  await expect(translator.getByText(TITLE, { exact: true }).first()).toBeVisible();

  await translator.getByLabel("العنوان", { exact: true }).fill(RU_TITLE);
  await blocks[0]!.fill(RU_LEAD);
  await blocks[1]!.fill(RU_SUBHEADING);
  await blocks[2]!.fill(RU_LAST);
  await waitSaved(translator);
  await translator.getByRole("button", { name: "أرسل للمراجعة" }).click();
  await expect(translator.locator("header").getByText("قيد المراجعة")).toBeVisible();
  const ru = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ru" } });
  // The slug came from the translated title, not a placeholder.
  expect(ru.slug).not.toBe(`article-${articleId}`);
  expect(ru.outdatedAt).toBeNull();

  // --- An editor publishes it -----------------------------------------------------------------------------------
  const editor = await browser.newPage();
  await signIn(editor, DESK_EDITOR_USER);
  await editor.goto(`/articles/${articleId}/ru`);
  await editor.getByRole("button", { name: "وافق" }).click();
  await expect(editor.locator("header").getByText("معتمد")).toBeVisible();
  await editor.getByRole("button", { name: "انشر" }).click();
  await editor.getByRole("dialog").getByRole("button", { name: "انشر" }).click();
  await expect(editor.locator("header").getByText("منشور")).toBeVisible();

  // The Russian edition lists it, left to right; its page's switcher goes to the Arabic and back.
  const reader = await browser.newPage();
  const listed = reader.getByRole("main").getByRole("link", { name: RU_TITLE });
  await expect(async () => {
    await reader.goto(`${PUBLIC_SITE}/ru`);
    await expect(listed).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(reader.locator("html")).toHaveAttribute("lang", "ru");
  await expect(reader.locator("html")).toHaveAttribute("dir", "ltr");
  await listed.click();
  await expect(reader.getByRole("heading", { level: 1, name: RU_TITLE })).toBeVisible();
  await expect(reader.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(reader.getByRole("heading", { name: RU_SUBHEADING })).toBeVisible();
  await reader.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "العربية" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(reader.locator("html")).toHaveAttribute("dir", "rtl");
  await reader.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "Русский" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: RU_TITLE })).toBeVisible();
  await expect(reader).toHaveURL(new RegExp(`/ru/news/${articleId}/${encodeURIComponent(ru.slug)}$`));

  // --- The editor changes the Arabic subheading ----------------------------------------------------------------
  await editor.goto(`/articles/${articleId}/ar`);
  const arBody = editor.getByRole("textbox", { name: "النص" });
  await arBody.locator("h2").click();
  await editor.keyboard.press("End");
  await editor.keyboard.type(" والطاقة");
  await waitSaved(editor);
  // The Arabic is live: its change waits until published, and only then outdates the translation.
  await editor.getByTestId("pending-changes").getByRole("button", { name: "نشر التعديلات" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "نُشرت التعديلات." })).toBeVisible();

  // The Russian is outdated: the changed Arabic block is marked with its new words; the public page is unchanged.
  await translator.goto(`/articles/${articleId}/ru`);
  await expect(translator.getByTestId("translation-outdated")).toBeVisible();
  const changed = rows.locator('[data-source-change="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator("ins")).toHaveText("والطاقة");
  await expect(changed.locator('p[lang="ar"]')).toHaveAttribute("dir", "rtl");
  await expect(rows.locator('[data-source-change="same"]')).toHaveCount(2);
  await translator.goto(`/translations?locale=ru&queue=outdated`);
  await expect(translator.locator(`tr[data-article-id="${articleId}"]`)).toContainText(RU_TITLE);
  // Still served as it was made, with its own date of last update (its publication, not the Arabic's change) and a
  // pointer to the original.
  const published = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ru" } });
  const ownDate = reader.getByRole("article").locator("header").getByText("Перевод обновлён");
  const toOriginal = reader.getByRole("article").getByRole("link", { name: "Оригинал", exact: true });
  await expect(async () => {
    await reader.reload();
    await expect(toOriginal).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(reader.getByRole("heading", { name: RU_SUBHEADING, exact: true })).toBeVisible();
  await expect(ownDate.locator("time")).toHaveAttribute("datetime", published.publishedAt!.toISOString());
  await expect(toOriginal).toHaveAttribute("hreflang", "ar");

  // --- The translator updates it: the mark goes -----------------------------------------------------------------
  await translator.goto(`/articles/${articleId}/ru`);
  await rows.getByRole("textbox", { name: "الفقرة 2", exact: true }).fill(`${RU_SUBHEADING} и энергетики`);
  await waitSaved(translator);
  // The Russian is live: the translator's update waits as pending changes until an editor publishes them.
  await editor.goto(`/articles/${articleId}/ru`);
  await editor.getByTestId("pending-changes").getByRole("button", { name: "نشر التعديلات" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "نُشرت التعديلات." })).toBeVisible();
  await translator.reload();
  await expect(translator.getByTestId("translation-outdated")).toHaveCount(0);
  await expect(rows.locator('[data-source-change="changed"]')).toHaveCount(0);
  const updated = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ru" } });
  expect(updated.outdatedAt).toBeNull();
  expect(updated.status).toBe("published");
  // Readers see the update: its new date, and no more pointer to a newer original.
  const saved = { createdAt: updated.revisedAt! };
  await expect(async () => {
    await reader.reload();
    await expect(reader.getByRole("heading", { name: `${RU_SUBHEADING} и энергетики` })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(toOriginal).toHaveCount(0);
  await expect(ownDate.locator("time")).toHaveAttribute("datetime", saved.createdAt.toISOString());

  await translator.close();
  await editor.close();
  await reader.close();
});

test("an article written first in Russian: its Arabic edition is the translation, laid out beside it", async ({
  page,
}) => {
  await signIn(page, DESK_EDITOR_USER);
  await page.goto("/articles/new");
  await page.getByRole("navigation", { name: "كُتب أولاً بـ" }).getByRole("link", { name: "الروسية" }).click();
  await expect(page).toHaveURL(/\/articles\/new\?locale=ru$/);
  const title = page.getByLabel("العنوان", { exact: true });
  await expect(title).toHaveAttribute("dir", "ltr");
  await title.fill("Переговоры в Москве");
  await expect(page).toHaveURL(/\/articles\/\d+\/ru$/, { timeout: 15_000 });
  const articleId = Number(/\/articles\/(\d+)\/ru$/.exec(page.url())?.[1]);
  const body = page.getByRole("textbox", { name: "النص" });
  await body.click();
  await page.keyboard.type("Стороны обсудили сотрудничество.");
  await waitSaved(page);
  const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
  expect(article.originalLocale).toBe("ru");

  // Arabic is now a translation to start: the Russian block beside an empty Arabic one, right to left.
  await page.getByRole("button", { name: "ابدأ النسخة العربية" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}/ar$`), { timeout: 15_000 });
  const rows = page.getByTestId("translation-rows");
  await expect(rows.locator('p[lang="ru"]')).toHaveText(["Стороны обсудили сотрудничество."]);
  await expect(rows.getByRole("textbox", { name: "الفقرة 1", exact: true })).toHaveAttribute("dir", "rtl");
});

test("Enter at the start of a paragraph makes room above it; the paragraph keeps its block id", async ({ page }) => {
  const first = "الفقرة الأولى من الخبر.";
  const second = "الفقرة الثانية التي تُترجم.";
  const added = "فقرة أضيفت فوقها";
  const body = [
    { id: "e2e-first", type: "paragraph", text: first },
    { id: "e2e-second", type: "paragraph", text: second },
  ];
  const slug = `e2e-enter-${Date.now()}`;
  const article = await prisma.article.create({
    data: {
      localizations: {
        create: {
          locale: "ar",
          title: "خبر الفقرات",
          slug,
          body,
          revisions: { create: { number: 1, title: "خبر الفقرات", slug, body, origin: "editor" } },
        },
      },
    },
  });
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/articles/${article.id}/ar`);
  const editorBody = page.getByRole("textbox", { name: "النص" });
  // Keys pressed before the editor is live are lost (typing then lands in the paragraph below).
  await expect(editorBody).toHaveAttribute("contenteditable", "true");
  await editorBody.locator("p", { hasText: second }).click();
  await page.keyboard.press("Home");
  // The editor reads the caret from the page's selection a moment after it moves: Enter pressed before that would
  // split the paragraph where the click left the caret (its end).
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorOffset)).toBe(0);
  await page.keyboard.press("Enter");
  await expect(editorBody.locator("p")).toHaveCount(3);
  await expect(editorBody.locator("p").nth(2)).toHaveText(second);
  await editorBody.locator("p").nth(1).click();
  await page.keyboard.type(added);
  await waitSaved(page);

  const stored = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId: article.id, locale: "ar" } });
  const blocks = stored.body as { id: string; text: string }[];
  expect(blocks.map((block) => block.text)).toEqual([first, added, second]);
  expect(blocks[0]?.id).toBe("e2e-first");
  expect(blocks[2]?.id).toBe("e2e-second");
  expect(blocks[1]?.id).not.toMatch(/^e2e-/);
});
