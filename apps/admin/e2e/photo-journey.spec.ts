// Photos from upload to readers: an editor uploads two photos, sets one's focal point by clicking and its captions in
// Arabic and Russian, writes an article with the other in its body (from the editor's toolbar) and the first as its
// lead photo (from the attribution panel), and publishes. Readers get both photos with srcset, captions and credits,
// and the page's og:image card is cropped around the focal point (checked by its pixels).
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { pixelAt } from "@minbar/e2e";
import { signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { DESK_EDITOR_USER } from "./test-users.ts";

const prisma = useArticleSandbox();
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const LEAD_FILE = `lead-${suffix}.jpg`;
const BODY_FILE = `body-${suffix}.png`;
const LEAD_CAPTION_AR = `وزيرا الخارجية في أستانا ${suffix}`;
const LEAD_CAPTION_RU = `Министры в Астане ${suffix}`;
const LEAD_ALT_AR = "وزيران يتصافحان أمام العلمين";
const BODY_CAPTION_AR = `قاعة المؤتمر الصحفي ${suffix}`;
const TITLE = `صور من زيارة أستانا ${suffix}`;
const SLUG = `photos-astana-${suffix}`;
/** Where the red square is, and where the editor clicks: low in a tall photo, far from the middle. */
const FOCAL = { x: 0.5, y: 0.85 };

test.afterAll(async () => {
  await prisma.mediaImage.deleteMany({ where: { fileName: { contains: suffix } } });
});

async function waitSaved(page: Page) {
  await expect(page.getByText("حُفظت كل التغييرات")).toBeVisible({ timeout: 15_000 });
}

/** Renditions are made after the upload answers (and again after the focal point moves): wait for the worker. */
async function renditionsReady(fileName: string) {
  await expect
    .poll(async () => (await prisma.mediaImage.findFirst({ where: { fileName } }))?.renditionsReadyAt ?? null, {
      timeout: 30_000,
    })
    .not.toBeNull();
}

test("an editor puts two library photos in an article and publishes; readers get both, and shares the focal crop", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lead = await sharp({ create: { width: 1600, height: 2400, channels: 3, background: "#2f6f8f" } })
    .composite([
      { input: { create: { width: 240, height: 240, channels: 3, background: "#ff0000" } }, left: 680, top: 1920 },
    ])
    .jpeg()
    .toBuffer();
  const body = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#8f6f2f" } })
    .png()
    .toBuffer();

  // --- Two photos into the library, at once -----------------------------------------------------------------
  await signIn(page, DESK_EDITOR_USER);
  await page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "الصور" }).click();
  await page.getByLabel("اختر الصور").setInputFiles([
    { name: LEAD_FILE, mimeType: "image/jpeg", buffer: lead },
    { name: BODY_FILE, mimeType: "image/png", buffer: body },
  ]);
  const outcomes = page.getByRole("list", { name: "عمليات الرفع" });
  await expect(outcomes.getByText(`أُضيف ${LEAD_FILE} إلى المكتبة.`)).toBeVisible({ timeout: 30_000 });
  await expect(outcomes.getByText(`أُضيف ${BODY_FILE} إلى المكتبة.`)).toBeVisible({ timeout: 30_000 });

  // --- The lead photo: focal point by a click, captions in Arabic and Russian ------------------------------------
  await renditionsReady(LEAD_FILE);
  await page.reload();
  await page
    .getByRole("list", { name: "صور المكتبة" })
    .getByTestId("media-cell")
    .filter({ hasText: LEAD_FILE })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LEAD_FILE);
  const area = page.getByRole("application", { name: "نقطة التركيز" });
  const box = (await area.boundingBox())!;
  await area.click({ position: { x: box.width * FOCAL.x, y: box.height * FOCAL.y } });
  await page.getByLabel("التعليق (العربية)").fill(LEAD_CAPTION_AR);
  await page.getByLabel("التعليق (الروسية)").fill(LEAD_CAPTION_RU);
  await page.getByLabel(/^النص البديل \(العربية\)/).fill(LEAD_ALT_AR);
  await page.getByRole("button", { name: "حفظ", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "حُفظ." })).toBeVisible();
  const stored = await prisma.mediaImage.findFirstOrThrow({ where: { fileName: LEAD_FILE } });
  expect(stored.focalX).toBeCloseTo(FOCAL.x, 1);
  expect(stored.focalY).toBeCloseTo(FOCAL.y, 1);
  expect(stored.captionRu).toBe(LEAD_CAPTION_RU);

  // The body photo's caption.
  await page.getByRole("link", { name: "العودة إلى المكتبة" }).click();
  await page
    .getByRole("list", { name: "صور المكتبة" })
    .getByTestId("media-cell")
    .filter({ hasText: BODY_FILE })
    .getByRole("link")
    .first()
    .click();
  await page.getByLabel("التعليق (العربية)").fill(BODY_CAPTION_AR);
  await page.getByRole("button", { name: "حفظ", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "حُفظ." })).toBeVisible();

  // --- The article: a photo in the body from the toolbar ------------------------------------------------------
  await page.goto("/articles/new");
  await page.getByLabel("العنوان", { exact: true }).fill(TITLE);
  await expect(page).toHaveURL(/\/articles\/\d+\/ar$/, { timeout: 15_000 });
  const articleId = Number(/\/articles\/(\d+)\/ar$/.exec(page.url())?.[1]);
  const text = page.getByRole("textbox", { name: "النص" });
  await text.click();
  await page.keyboard.type("وصل الوزير إلى أستانا صباح اليوم.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("وعقد مؤتمرًا صحفيًا بعد المحادثات.");
  // The caret in the first paragraph: the photo goes right after it.
  await text.getByText("وصل الوزير").click();
  await page.getByRole("button", { name: "صورة", exact: true }).click();
  const picker = page.getByRole("dialog", { name: "اختر صورة" });
  await picker.getByRole("searchbox").fill(BODY_CAPTION_AR);
  await picker.getByRole("button", { name: "بحث" }).click();
  await picker.getByRole("button", { name: `اختر هذه الصورة: ${BODY_CAPTION_AR}` }).click();
  await expect(picker).toBeHidden();
  await expect(text.locator("figure figcaption")).toHaveText(BODY_CAPTION_AR);
  await page.getByLabel("العنوان في الرابط").fill(SLUG);
  await waitSaved(page);
  const bodyImage = await prisma.mediaImage.findFirstOrThrow({ where: { fileName: BODY_FILE } });
  const saved = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId, locale: "ar" } });
  expect((saved.body as { type: string }[]).map((block) => block.type)).toEqual(["paragraph", "figure", "paragraph"]);
  expect((saved.body as object[])[1]).toMatchObject({ type: "figure", imageId: bodyImage.id, text: BODY_CAPTION_AR });

  // --- The lead photo from the attribution panel ----------------------------------------------------------------
  const attribution = page.locator("section", { has: page.getByRole("heading", { name: "النسبة والمصادر" }) });
  await attribution.getByRole("button", { name: "اختر من مكتبة الصور" }).click();
  const leadPicker = page.getByRole("dialog", { name: "اختر صورة" });
  await leadPicker.getByRole("searchbox").fill(LEAD_CAPTION_AR);
  await leadPicker.getByRole("button", { name: "بحث" }).click();
  await leadPicker.getByRole("button", { name: `اختر هذه الصورة: ${LEAD_CAPTION_AR}` }).click();
  await expect(attribution.getByTestId("lead-image")).toContainText(LEAD_CAPTION_AR);
  await attribution.getByRole("button", { name: "احفظ النسبة" }).click();
  await expect(attribution.getByText("حُفظت النسبة.")).toBeVisible();
  expect((await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).leadImageId).toBe(stored.id);

  // --- Publish, once the renditions around the new focal point are made -----------------------------------------
  await renditionsReady(LEAD_FILE);
  await page.getByRole("button", { name: "أرسل للمراجعة" }).click();
  await page.getByRole("button", { name: "وافق" }).click();
  await expect(page.locator("header").getByText("معتمد")).toBeVisible();
  await page.getByRole("button", { name: "انشر" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "انشر" }).click();
  await expect(page.locator("header").getByText("منشور")).toBeVisible();

  // --- Readers ------------------------------------------------------------------------------------------------
  const reader = await page.context().browser()!.newPage();
  await reader.goto(`${PUBLIC_SITE}/news/${articleId}/${SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const figures = reader.getByRole("article").locator("figure");
  await expect(figures).toHaveCount(2);
  const leadFigure = figures.first();
  await expect(leadFigure.locator("img")).toHaveAttribute("alt", LEAD_ALT_AR);
  await expect(leadFigure.locator("img")).toHaveAttribute("fetchpriority", "high");
  await expect(leadFigure.locator("img")).toHaveAttribute("srcset", /w1600\.jpeg 1600w/);
  await expect(leadFigure.locator("figcaption")).toContainText(LEAD_CAPTION_AR);
  const bodyFigure = figures.nth(1);
  await expect(bodyFigure.locator("img")).toHaveAttribute("loading", "lazy");
  await expect(bodyFigure.locator("img")).toHaveAttribute("srcset", /w1200\.jpeg 1200w/);
  await expect(bodyFigure.locator("figcaption")).toContainText(BODY_CAPTION_AR);
  await expect
    .poll(() => leadFigure.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // The card is 1200×630 around the focal point: the red square, at 85 % of the photo's height, sits in the
  // card's lower half (a centred crop would show only blue there).
  const card = (await reader.locator('meta[property="og:image"]').getAttribute("content"))!;
  expect(card).toMatch(/\/media\/renditions\/[A-Za-z0-9_-]+\/card\.jpeg$/);
  const [r, g, b] = await pixelAt(reader, new URL(card).pathname, 600, 360);
  expect(r).toBeGreaterThan(200);
  expect(g).toBeLessThan(60);
  expect(b).toBeLessThan(60);
  await reader.close();
});

test("a photo not in the library yet is uploaded from the picker and chosen as the lead photo on the spot", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const fileName = `on-the-spot-${suffix}.jpg`;
  const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#336655" } })
    .jpeg()
    .toBuffer();
  await signIn(page, DESK_EDITOR_USER);
  await page.goto("/articles/new");
  await page.getByLabel("العنوان", { exact: true }).fill(`خبر بصورة جديدة ${suffix}`);
  await expect(page).toHaveURL(/\/articles\/\d+\/ar$/, { timeout: 15_000 });
  const articleId = Number(/\/articles\/(\d+)\/ar$/.exec(page.url())?.[1]);

  const attribution = page.locator("section", { has: page.getByRole("heading", { name: "النسبة والمصادر" }) });
  await attribution.getByRole("button", { name: "اختر من مكتبة الصور" }).click();
  const picker = page.getByRole("dialog", { name: "اختر صورة" });
  await picker.getByText("أو ارفع صورًا جديدة").click();
  await picker.getByLabel("اختر الصور").setInputFiles([{ name: fileName, mimeType: "image/jpeg", buffer: data }]);
  await expect(picker.getByText(`أُضيف ${fileName} إلى المكتبة.`)).toBeVisible({ timeout: 30_000 });
  // The new photo heads the library, named by its file until it has a caption.
  await picker.getByRole("button", { name: `اختر هذه الصورة: ${fileName}` }).click();
  await expect(attribution.getByTestId("lead-image")).toContainText(fileName);
  await attribution.getByRole("button", { name: "احفظ النسبة" }).click();
  await expect(attribution.getByText("حُفظت النسبة.")).toBeVisible();
  const image = await prisma.mediaImage.findFirstOrThrow({ where: { fileName } });
  expect((await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).leadImageId).toBe(image.id);
});
