// The newsroom's day across roles: a writer drafts and submits, cannot publish (no button, and the server refuses
// the action called directly), an editor edits, previews and publishes, and readers see it on the public site.
import { expect, test, type Page } from "@playwright/test";
import { isolate } from "@minbar/i18n";
import { callServerAction, signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER, WRITER_USER } from "./test-users.ts";

const TITLE = "وزير الخارجية يزور أستانا لبحث الشراكة الاستراتيجية";
const LEAD = "قال وزير الخارجية اليوم إن الزيارة تفتح صفحة جديدة في العلاقات.";
const SUBHEADING = "ملفات الزيارة";
const EDITOR_LINE = "وأضاف المحرر تفاصيل من المؤتمر الصحفي.";
const LINK_TEXT = "بيان وزارة الخارجية";
const QUOTE = "نحن شركاء استراتيجيون.";
const CONTRIBUTOR = "سامي الحلبي";

const prisma = useArticleSandbox();

async function waitSaved(page: Page) {
  await expect(page.getByText("حُفظت كل التغييرات")).toBeVisible({ timeout: 15_000 });
}

test("a writer drafts and submits; an editor edits and publishes; readers see it", async ({ browser }) => {
  // Three people, two servers, a dozen saves and moves: one story, told in order.
  test.setTimeout(120_000);
  // --- The writer ---------------------------------------------------------------------------------------------
  const writer = await browser.newPage();
  await signIn(writer, WRITER_USER);
  await writer.getByRole("link", { name: "مقال جديد" }).click();
  await expect(writer).toHaveURL(/\/articles\/new$/);
  // The article exists from its first save with content on, at its own address.
  await writer.getByLabel("العنوان", { exact: true }).fill(TITLE);
  await expect(writer).toHaveURL(/\/articles\/\d+\/ar$/, { timeout: 15_000 });
  const articleId = Number(/\/articles\/(\d+)\/ar$/.exec(writer.url())?.[1]);

  await writer.getByLabel("الملخص").fill("زيارة رسمية تستمر يومين.");
  const body = writer.getByRole("textbox", { name: "النص" });
  await expect(body).toHaveAttribute("dir", "rtl");
  await body.click();
  await writer.keyboard.type(LEAD);
  await writer.keyboard.press("Enter");
  await writer.getByRole("button", { name: "عنوان فرعي" }).click();
  await writer.keyboard.type(SUBHEADING);
  await writer.keyboard.press("Enter");
  await writer.keyboard.type("ناقش الطرفان التعاون الاقتصادي.");
  await writer.keyboard.press("Enter");
  // A link over a phrase, then a quotation: the block model keeps both.
  await writer.keyboard.type(LINK_TEXT);
  await writer.keyboard.press("Shift+Home");
  await writer.getByRole("button", { name: "رابط", exact: true }).click();
  await writer.getByLabel("عنوان الرابط").fill("https://mid.ru/");
  await writer.getByRole("button", { name: "أضف الرابط" }).click();
  await writer.keyboard.press("End");
  await writer.keyboard.press("Enter");
  await writer.getByRole("button", { name: "اقتباس" }).click();
  await writer.keyboard.type(QUOTE);
  await writer.getByLabel("العنوان في الرابط").fill("zyara-astana");
  await waitSaved(writer);

  const stored = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
  expect(stored).toMatchObject({ title: TITLE, slug: "zyara-astana", status: "draft" });
  // Each block carries its stable id (see docs/decisions/0026-translations-in-step.md).
  const id = expect.any(String);
  expect(stored.body).toEqual([
    { type: "paragraph", text: LEAD, id },
    { type: "heading", text: SUBHEADING, id },
    { type: "paragraph", text: "ناقش الطرفان التعاون الاقتصادي.", id },
    { type: "paragraph", text: LINK_TEXT, links: [{ start: 0, end: LINK_TEXT.length, href: "https://mid.ru/" }], id },
    { type: "quote", text: QUOTE, id },
  ]);

  // Only submitting is offered to the writer.
  await expect(writer.getByRole("button", { name: "انشر" })).toHaveCount(0);
  await writer.getByRole("button", { name: "أرسل للمراجعة" }).click();
  await expect(writer.locator("header").getByText("قيد المراجعة")).toBeVisible();
  await expect(writer.getByText("يمكنك قراءة هذا النص لكن لا يمكنك تعديله في حالته الحالية.")).toBeVisible();
  await expect(writer.getByRole("button", { name: "انشر" })).toHaveCount(0);

  // The writer calls the approve action directly, with their own session: the server refuses, nothing changes.
  const submitted = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
  const moveDirectly = (to: string, expectedVersion: number) =>
    callServerAction(writer.request, `/articles/${articleId}/ar`, "moveAction", [
      { localizationId: submitted.id, to, expectedVersion },
    ]);
  expect(await moveDirectly("approved", submitted.version)).toContain('"code":"forbidden"');
  expect(await prisma.articleLocalization.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
    status: "in_review",
    version: submitted.version,
  });

  // --- The editor ---------------------------------------------------------------------------------------------
  const editor = await browser.newPage();
  await signIn(editor, DESK_EDITOR_USER);
  await editor.getByRole("link", { name: "قائمة المراجعة" }).first().click();
  await editor.getByRole("link", { name: TITLE }).click();
  await expect(editor).toHaveURL(new RegExp(`/articles/${articleId}/ar$`));
  const editorBody = editor.getByRole("textbox", { name: "النص" });
  await editorBody.getByText("ناقش الطرفان التعاون الاقتصادي.").click();
  await editor.keyboard.press("End");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type(EDITOR_LINE);
  await waitSaved(editor);

  // Attribution: the writer's byline, an outside contributor, the agency.
  const attribution = editor.locator("section", { has: editor.getByRole("heading", { name: "النسبة والمصادر" }) });
  await attribution.getByLabel("أضف كاتباً من الفريق").selectOption({ label: isolate(WRITER_USER.name) });
  await attribution.getByRole("button", { name: "أضف", exact: true }).first().click();
  await attribution.getByPlaceholder("اسم المساهم الخارجي").fill(CONTRIBUTOR);
  await attribution.getByRole("button", { name: "أضف", exact: true }).nth(1).click();
  await attribution.getByLabel("الوكالة المصدر").selectOption({ label: isolate("تاس") });
  await attribution.getByRole("button", { name: "احفظ النسبة" }).click();
  await expect(attribution.getByText("حُفظت النسبة.")).toBeVisible();

  await editor.getByRole("button", { name: "وافق" }).click();
  await expect(editor.locator("header").getByText("معتمد")).toBeVisible();

  // Approved, one step from the public: the writer still cannot publish, neither by button nor by a direct call.
  await writer.reload();
  await expect(writer.locator("header").getByText("معتمد")).toBeVisible();
  await expect(writer.getByRole("button", { name: "انشر" })).toHaveCount(0);
  const approved = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: submitted.id } });
  expect(await moveDirectly("published", approved.version)).toContain('"code":"forbidden"');
  expect(await prisma.articleLocalization.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
    status: "approved",
    version: approved.version,
  });
  await writer.close();
  await editor.getByRole("button", { name: "انشر" }).click();
  await editor.getByRole("dialog").getByRole("button", { name: "انشر" }).click();
  await expect(editor.locator("header").getByText("منشور")).toBeVisible();

  const published = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
  expect(published.status).toBe("published");
  expect(published.publishedAt).not.toBeNull();

  // History shows each move with who made it.
  const history = editor.locator("section", { has: editor.getByRole("heading", { name: "السجل والتعليقات" }) });
  await expect(history).toContainText("مسودة ← قيد المراجعة");
  await expect(history).toContainText("قيد المراجعة ← معتمد");
  await expect(history).toContainText("معتمد ← منشور");
  await expect(history).toContainText(WRITER_USER.name);
  await expect(history).toContainText(DESK_EDITOR_USER.name);

  // --- A reader -----------------------------------------------------------------------------------------------
  const reader = await browser.newPage();
  await reader.goto(`${PUBLIC_SITE}/news/${articleId}/zyara-astana`);
  await expect(reader.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(reader.getByText(EDITOR_LINE)).toBeVisible();
  await expect(reader.getByRole("heading", { name: SUBHEADING })).toBeVisible();
  await expect(reader.getByRole("link", { name: LINK_TEXT })).toHaveAttribute("href", "https://mid.ru/");
  await expect(reader.locator("article blockquote")).toHaveText(QUOTE);
  await expect(reader.getByText(/^بقلم /)).toContainText(WRITER_USER.name);
  await expect(reader.getByText(/^بقلم /)).toContainText(CONTRIBUTOR);
  await expect(reader.getByRole("link", { name: "تاس" })).toBeVisible();
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd.author).toEqual([
    { "@type": "Person", name: WRITER_USER.name },
    { "@type": "Person", name: CONTRIBUTOR },
  ]);
  await reader.goto(`${PUBLIC_SITE}/`);
  await expect(reader.getByRole("link", { name: TITLE })).toBeVisible();
  await editor.close();
  await reader.close();
});
