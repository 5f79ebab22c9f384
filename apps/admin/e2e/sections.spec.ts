// Site sections: an editor creates one on /sections, files a published article under it from the editor's
// attribution panel, and the public section page lists it (the old section's page no longer does). A writer has no
// sections screen, and the section form's action replayed with a writer's session stores nothing.
import { expect, test } from "@playwright/test";
import { catchSubmission, replaySubmission, signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, WRITER_USER } from "./test-users.ts";

test.describe.configure({ mode: "serial" });

const prisma = useArticleSandbox();
const run = Date.now().toString(36);
const SECTION = {
  nameAr: `اقتصاد ${run}`,
  nameRu: `Экономика ${run}`,
  nameEn: `Economy ${run}`,
  slugAr: `اقتصاد-${run}`,
  slugRu: `ekonomika-${run}`,
  slugEn: `economy-${run}`,
};

test.afterAll(async () => {
  const section = await prisma.section.findUnique({ where: { slugEn: SECTION.slugEn } });
  if (section) {
    await prisma.article.updateMany({ where: { sectionId: section.id }, data: { sectionId: null } });
    await prisma.section.delete({ where: { id: section.id } });
  }
  await prisma.section.deleteMany({ where: { slugEn: `writer-${run}` } });
});

test("an editor creates a section, files a published article under it, and the public section page lists it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const news = await prisma.section.findUniqueOrThrow({ where: { slugEn: "news" } });
  const title = `خبر اقتصادي ${run}`;
  const slug = `sections-e2e-${run}`;
  const article = await prisma.article.create({
    data: {
      sectionId: news.id,
      localizations: {
        create: {
          locale: "ar",
          title,
          slug,
          body: [{ type: "paragraph", text: "نص الخبر الاقتصادي." }],
          status: "published",
          publishedAt: new Date(),
          revisions: { create: { number: 1, title, slug, body: [], origin: "editor" } },
        },
      },
    },
  });
  // The news page, cached by the site with the story on it.
  await page.goto(`${PUBLIC_SITE}/sections/${encodeURIComponent("أخبار")}`);
  await expect(page.getByRole("main").getByRole("link", { name: title })).toBeVisible();

  await signIn(page, DESK_EDITOR_USER);
  await page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "أقسام الموقع" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أقسام الموقع");
  const form = page.getByRole("form", { name: "قسم جديد" });
  // A slug another section has is refused, naming the field; what was typed stays.
  await form.getByLabel("الاسم بالعربية").fill(SECTION.nameAr);
  await form.getByLabel("الاسم بالروسية").fill(SECTION.nameRu);
  await form.getByLabel("الاسم بالإنجليزية").fill(SECTION.nameEn);
  await form.getByLabel("العنوان بالعربية (slug)").fill(SECTION.slugAr);
  await form.getByLabel("العنوان بالروسية (slug)").fill("novosti");
  await form.getByLabel("العنوان بالإنجليزية (slug)").fill(SECTION.slugEn);
  await form.getByRole("button", { name: "إنشاء القسم" }).click();
  await expect(form.getByRole("alert")).toHaveText("العنوان بالروسية (slug): يستخدم قسم آخر هذا العنوان.");
  await expect(form.getByLabel("الاسم بالعربية")).toHaveValue(SECTION.nameAr);
  await expect(form.getByLabel("العنوان بالروسية (slug)")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("العنوان بالروسية (slug)").fill(SECTION.slugRu);
  await form.getByRole("button", { name: "إنشاء القسم" }).click();
  await expect(form.getByRole("status")).toHaveText(`أُنشئ القسم ${SECTION.nameAr}.`);
  const row = page.getByTestId("section-row").filter({ hasText: SECTION.nameAr });
  await expect(row).toContainText("لا مقالات");

  // Reordered with the keyboard: the new section, last, moves up one place.
  const names = () => page.getByTestId("section-row").locator("h2 bdi").allTextContents();
  const before = await names();
  await row.getByRole("button", { name: `تقديم ${SECTION.nameAr}` }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("status")).toHaveText(`قُدّم ${SECTION.nameAr}.`);
  await expect.poll(names).toEqual([...before.slice(0, -2), SECTION.nameAr, before.at(-2)!]);

  // Filed under it from the editor.
  await page.goto(`/articles/${article.id}/ar`);
  const attribution = page.locator("section", { has: page.getByRole("heading", { name: "النسبة والمصادر" }) });
  await attribution.getByRole("combobox", { name: /^القسم/ }).selectOption({ label: SECTION.nameAr });
  await attribution.getByRole("button", { name: "احفظ النسبة" }).click();
  await expect(attribution.getByText("حُفظت النسبة.")).toBeVisible();
  const section = await prisma.section.findUniqueOrThrow({ where: { slugEn: SECTION.slugEn } });
  expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).sectionId).toBe(section.id);

  // The public site: the new section in the navigation, its page with the story, in Russian under its own slug.
  await page.goto(`${PUBLIC_SITE}/sections/${encodeURIComponent(SECTION.slugAr)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SECTION.nameAr);
  await expect(page.getByRole("main").getByRole("link", { name: title })).toBeVisible();
  await expect(
    page.getByRole("banner").getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: SECTION.nameAr }),
  ).toHaveAttribute("aria-current", "page");
  await page.goto(`${PUBLIC_SITE}/ru/sections/${SECTION.slugRu}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SECTION.nameRu);
  // The section it left no longer lists it.
  await page.goto(`${PUBLIC_SITE}/sections/${encodeURIComponent("أخبار")}`);
  await expect(page.getByRole("main").getByRole("link", { name: title })).toHaveCount(0);
  // And the article list filters by section.
  await page.goto(`/articles?sectionId=${section.id}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a writer has no sections screen, and the section form's action replayed as a writer stores nothing", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const baseURL = test.info().project.use.baseURL;
  const editorContext = await browser.newContext({ baseURL });
  const writerContext = await browser.newContext({ baseURL });
  try {
    const editor = await editorContext.newPage();
    await signIn(editor, DESK_EDITOR_USER);
    await editor.goto("/sections");
    const form = editor.getByRole("form", { name: "قسم جديد" });
    const fields: [string, string][] = [
      ["الاسم بالعربية", `كاتب ${run}`],
      ["الاسم بالروسية", `Автор ${run}`],
      ["الاسم بالإنجليزية", `Writer ${run}`],
      ["العنوان بالعربية (slug)", `كاتب-${run}`],
      ["العنوان بالروسية (slug)", `avtor-${run}`],
      ["العنوان بالإنجليزية (slug)", `writer-${run}`],
    ];
    for (const [label, value] of fields) await form.getByLabel(label).fill(value);
    const caught = await catchSubmission(editor, () => form.getByRole("button", { name: "إنشاء القسم" }).click());

    const writer = await writerContext.newPage();
    await signIn(writer, WRITER_USER);
    await expect(
      writer.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "أقسام الموقع" }),
    ).toHaveCount(0);
    expect((await writer.goto("/sections"))?.status()).toBe(403);

    const stored = async () => ({
      sections: await prisma.section.count(),
      audits: await prisma.auditLog.count({ where: { action: { startsWith: "section." } } }),
    });
    const before = await stored();
    expect(await replaySubmission(writerContext.request, caught)).toBeLessThan(500);
    expect(await stored()).toEqual(before);
    // The control: the same bytes from the editor create it.
    expect(await replaySubmission(editorContext.request, caught)).toBeLessThan(500);
    expect((await stored()).sections).toBe(before.sections + 1);
  } finally {
    await editorContext.close();
    await writerContext.close();
  }
});
