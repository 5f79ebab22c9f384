// The photo library in Chromium: an editor uploads two photos and a fake "photo.jpg" (really SVG) at once, each file
// answered on its own, the fake refused by name; thumbnails appear once the worker has made them. Captions in
// Arabic and Russian and a focal point set by clicking (and the arrow keys) survive a reload; the Russian caption
// finds the photo; "unused only" leaves out a photo that is an article's lead, whose deletion is refused naming
// the article. A writer has no delete button and a forged delete is refused on the server; a translator may not
// upload (403), and neither may another origin or nobody signed in.
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { callAction, signIn, useArticleSandbox } from "./helpers.ts";
import { DESK_EDITOR_USER, TRANSLATOR_USER, WRITER_USER } from "./test-users.ts";

test.describe.configure({ mode: "serial" });

const prisma = useArticleSandbox();
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const HARBOUR = `harbour-${suffix}.jpg`;
const MARKET = `market-${suffix}.png`;
const CAPTION_AR = `ميناء طرطوس عند الفجر ${suffix}`;
const CAPTION_RU = `Порт Тартуса на рассвете ${suffix}`;
const LEAD_TITLE = `خبر بصورة السوق ${suffix}`;

/** Digits as the Arabic interface writes them (@minbar/i18n formatInteger). */
const arabic = (value: number) => value.toLocaleString("ar-EG-u-nu-arab");
const focalText = (x: number, y: number) =>
  `نقطة التركيز: ${arabic(x)}% من الحافة اليسرى، ${arabic(y)}% من الحافة العليا`;

const colour = () =>
  `#${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, "0")}`;

test.beforeAll(async () => {
  // Arabic interface for the accounts used here, whatever other specs left.
  await prisma.user.updateMany({
    where: { email: { in: [DESK_EDITOR_USER.email, WRITER_USER.email, TRANSLATOR_USER.email] } },
    data: { uiLocale: "ar" },
  });
});

test.afterAll(async () => {
  const mine = { fileName: { contains: suffix } };
  await prisma.article.updateMany({ where: { leadImage: mine }, data: { leadImageId: null } });
  await prisma.mediaImage.deleteMany({ where: { fileName: { contains: suffix } } });
});

const imageNamed = (fileName: string) => prisma.mediaImage.findFirstOrThrow({ where: { fileName } });
const grid = (page: Page) => page.getByRole("list", { name: "صور المكتبة" });
const cellOf = (page: Page, fileName: string) => grid(page).getByTestId("media-cell").filter({ hasText: fileName });

async function openLibrary(page: Page) {
  await page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "الصور" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصور");
}

test("an editor uploads several photos at once; each is answered, the fake refused by name", async ({ page }) => {
  test.setTimeout(90_000);
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour() } })
    .jpeg()
    .toBuffer();
  const png = await sharp({ create: { width: 640, height: 900, channels: 3, background: colour() } })
    .png()
    .toBuffer();
  const fake = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert("${suffix}")</script></svg>`);

  await signIn(page, DESK_EDITOR_USER);
  await openLibrary(page);
  await page.getByLabel("اختر الصور").setInputFiles([
    { name: HARBOUR, mimeType: "image/jpeg", buffer: jpeg },
    { name: MARKET, mimeType: "image/png", buffer: png },
    { name: "photo.jpg", mimeType: "image/jpeg", buffer: fake },
  ]);

  const outcomes = page.getByRole("list", { name: "عمليات الرفع" });
  await expect(outcomes.getByRole("alert")).toHaveText("لم يُضَف photo.jpg: رسوم SVG لا تُقبل صورًا.");
  await expect(outcomes.getByRole("status")).toHaveText([
    `أُضيف ${HARBOUR} إلى المكتبة.`,
    `أُضيف ${MARKET} إلى المكتبة.`,
  ]);
  await expect(page.getByTestId("upload-row").filter({ hasText: "photo.jpg" })).toHaveAttribute(
    "data-state",
    "refused",
  );
  expect(await prisma.mediaImage.count({ where: { fileName: "photo.jpg" } })).toBe(0);

  // The grid shows both once the batch is done, and their thumbnails once the worker has made them.
  for (const [fileName, width, height] of [
    [HARBOUR, 1200, 800],
    [MARKET, 640, 900],
  ] as const) {
    const cell = cellOf(page, fileName);
    await expect(cell).toBeVisible();
    await expect(cell).toContainText(`${arabic(width)} × ${arabic(height)}`);
    const thumb = cell.getByRole("img", { name: fileName, exact: true });
    await expect(thumb).toHaveAttribute("src", /^\/media\/renditions\/[^/]+\/square\.webp$/, { timeout: 30_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  }
  const harbour = await imageNamed(HARBOUR);
  expect(harbour).toMatchObject({ width: 1200, height: 800, contentType: "image/jpeg" });
  expect(harbour.renditionKey).not.toBeNull();
});

test("captions in Arabic and Russian and a focal point set by clicking survive a reload", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DESK_EDITOR_USER);
  await openLibrary(page);
  await cellOf(page, HARBOUR).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HARBOUR);
  await expect(page.getByTestId("photo-facts")).toContainText(DESK_EDITOR_USER.name);

  const captionAr = page.getByLabel("التعليق (العربية)");
  const captionRu = page.getByLabel("التعليق (الروسية)");
  await expect(captionAr).toHaveAttribute("dir", "rtl");
  await expect(captionAr).toHaveAttribute("lang", "ar");
  await expect(captionRu).toHaveAttribute("dir", "ltr");
  await expect(captionRu).toHaveAttribute("lang", "ru");
  await captionAr.fill(CAPTION_AR);
  await captionRu.fill(CAPTION_RU);

  // A click at a quarter of the width and 40% of the height (from the left and top, also in Arabic)…
  const area = page.getByRole("application", { name: "نقطة التركيز" });
  const box = (await area.boundingBox())!;
  await area.click({ position: { x: box.width * 0.25, y: box.height * 0.4 } });
  await expect(page.getByTestId("focal-readout")).toHaveText(focalText(25, 40));
  // …then one step to the right with the keyboard.
  await area.press("ArrowRight");
  await expect(page.getByTestId("focal-readout")).toHaveText(focalText(27, 40));
  const before = (await imageNamed(HARBOUR)).renditionKey;

  await page.getByRole("button", { name: "حفظ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "حُفظ." })).toBeVisible();

  await page.reload();
  await expect(captionAr).toHaveValue(CAPTION_AR);
  await expect(captionRu).toHaveValue(CAPTION_RU);
  await expect(page.getByTestId("focal-readout")).toHaveText(focalText(27, 40));
  // The marker is drawn where the point is, in the page as the server rendered it too.
  const shown = (await area.boundingBox())!;
  const marker = (await page.getByTestId("focal-marker").locator("circle").first().boundingBox())!;
  expect((marker.x + marker.width / 2 - shown.x) / shown.width).toBeCloseTo(0.27, 1);
  expect((marker.y + marker.height / 2 - shown.y) / shown.height).toBeCloseTo(0.4, 1);
  const saved = await imageNamed(HARBOUR);
  expect(saved.focalX).toBeCloseTo(0.27, 2);
  expect(saved.focalY).toBeCloseTo(0.4, 2);
  // The worker makes the crops around the new focal point.
  await expect.poll(async () => (await imageNamed(HARBOUR)).renditionsReadyAt !== null, { timeout: 30_000 }).toBe(true);
  expect((await imageNamed(HARBOUR)).renditionKey).not.toBe(before);

  // Someone else saves meanwhile: this save is refused as stale, writes nothing and keeps what was typed; saving
  // again replaces their version knowingly.
  await prisma.mediaImage.update({ where: { id: saved.id }, data: { version: { increment: 1 }, captionEn: "Tartus" } });
  await captionRu.fill(`${CAPTION_RU} (2)`);
  await page.getByRole("button", { name: "حفظ" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "حفظ شخص آخر هذه الصورة أثناء تحريرك." })).toBeVisible();
  await expect(captionRu).toHaveValue(`${CAPTION_RU} (2)`);
  expect(await imageNamed(HARBOUR)).toMatchObject({ captionRu: CAPTION_RU, captionEn: "Tartus" });
  await page.getByRole("button", { name: "حفظ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "حُفظ." })).toBeVisible();
  expect((await imageNamed(HARBOUR)).captionRu).toBe(`${CAPTION_RU} (2)`);
});

test("the Russian caption finds the photo, and 'unused only' leaves out an article's lead photo", async ({ page }) => {
  const market = await imageNamed(MARKET);
  const lead = await prisma.article.create({
    data: {
      leadImageId: market.id,
      localizations: {
        create: { locale: "ar", title: LEAD_TITLE, slug: `media-lead-${suffix}`, body: [], status: "draft" },
      },
    },
  });
  await signIn(page, DESK_EDITOR_USER);
  await openLibrary(page);

  await page.getByLabel("البحث في الصور").fill(`Порт Тартуса на рассвете ${suffix}`);
  await page.getByRole("button", { name: "عرض" }).click();
  await expect(grid(page).getByTestId("media-cell")).toHaveCount(1);
  await expect(grid(page).getByTestId("media-caption")).toHaveText(CAPTION_AR);

  await page.getByLabel("البحث في الصور").fill(suffix);
  await page.getByRole("button", { name: "عرض" }).click();
  await expect(grid(page).getByTestId("media-cell")).toHaveCount(2);
  await page.getByLabel("الصور التي لا يستخدمها أي مقال فقط").check();
  await page.getByRole("button", { name: "عرض" }).click();
  await expect(page).toHaveURL(/unused=1/);
  await expect(grid(page).getByTestId("media-cell")).toHaveCount(1);
  await expect(grid(page).getByTestId("media-caption")).toHaveText(CAPTION_AR);

  // Deleting the lead photo is refused, naming the article (a link to its editor).
  await page.goto(`/photos/${market.id}`);
  await page.getByRole("button", { name: "حذف الصورة…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`هل تحذف ${MARKET} من المكتبة نهائيًا؟`);
  await page.getByRole("button", { name: "نعم، احذف" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "لم يُحذف" });
  await expect(refusal).toContainText(`لم يُحذف ${MARKET}: تستخدمه هذه المقالات.`);
  await expect(refusal.getByRole("link", { name: LEAD_TITLE })).toHaveAttribute("href", `/articles/${lead.id}/ar`);
  expect(await prisma.mediaImage.count({ where: { id: market.id } })).toBe(1);
});

test("a writer sees no delete button, and a forged delete is refused on the server", async ({ page }) => {
  const harbour = await imageNamed(HARBOUR);
  await signIn(page, WRITER_USER);
  await page.goto(`/photos/${harbour.id}`);
  await expect(page.getByLabel("التعليق (العربية)")).toHaveValue(CAPTION_AR);
  await expect(page.getByRole("button", { name: "حفظ" })).toBeVisible();
  await expect(page.getByRole("button", { name: "حذف الصورة…" })).toHaveCount(0);

  const outcome = await callAction(page.request, `/photos/${harbour.id}`, "deletePhotoAction", [harbour.id]);
  expect(outcome).toEqual({ ok: false, code: "forbidden" });
  expect(await prisma.mediaImage.count({ where: { id: harbour.id } })).toBe(1);
});

test("uploads are refused to a translator, to another origin and to nobody signed in", async ({ page, browser }) => {
  const baseURL = test.info().project.use.baseURL!;
  const origin = new URL(baseURL).origin;
  const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: colour() } })
    .png()
    .toBuffer();
  const multipart = { file: { name: `refused-${suffix}.png`, mimeType: "image/png", buffer: png } };
  const before = await prisma.mediaImage.count();

  await signIn(page, TRANSLATOR_USER);
  await openLibrary(page);
  await expect(page.getByLabel("اختر الصور")).toHaveCount(0);
  const translator = await page.request.post("/api/media", { multipart, headers: { origin } });
  expect(translator.status()).toBe(403);
  expect(await translator.json()).toEqual({ error: "forbidden", message: "لا يحق لك إضافة صور إلى المكتبة." });

  const anonymous = await browser.newContext({ baseURL });
  const signedOut = await anonymous.request.post("/api/media", { multipart, headers: { origin } });
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).error).toBe("signed_out");
  await anonymous.close();

  const editor = await browser.newContext({ baseURL });
  const editorPage = await editor.newPage();
  await signIn(editorPage, DESK_EDITOR_USER);
  for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
    const foreign = await editorPage.request.post("/api/media", { multipart, headers });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error).toBe("origin");
  }
  // The same request from the admin's own origin is accepted: what refused the others was the origin.
  const own = await editorPage.request.post("/api/media", { multipart, headers: { origin } });
  expect(own.status()).toBe(201);
  expect(await own.json()).toMatchObject({ fileName: `refused-${suffix}.png`, width: 50, height: 50, created: true });
  await editor.close();
  expect(await prisma.mediaImage.count()).toBe(before + 1);
});

test("a photo of over 10 MB (Next's default body limit in front of routes) is stored whole", async ({ page }) => {
  test.setTimeout(90_000);
  const origin = new URL(test.info().project.use.baseURL!).origin;
  // Noise does not compress: a 2600×2000 PNG of it is about 15 MB.
  const big = await sharp({
    create: {
      width: 2600,
      height: 2000,
      channels: 3,
      background: "#000",
      noise: { type: "gaussian", mean: 128, sigma: 70 },
    },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
  expect(big.length).toBeGreaterThan(12 * 1024 * 1024);
  await signIn(page, DESK_EDITOR_USER);
  const response = await page.request.post("/api/media", {
    multipart: { file: { name: `big-${suffix}.png`, mimeType: "image/png", buffer: big } },
    headers: { origin },
  });
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({ fileName: `big-${suffix}.png`, width: 2600, height: 2000 });
  expect((await imageNamed(`big-${suffix}.png`)).bytes).toBe(big.length);
});

test("an editor deletes a photo no article uses", async ({ page }) => {
  const harbour = await imageNamed(HARBOUR);
  await signIn(page, DESK_EDITOR_USER);
  await page.goto(`/photos/${harbour.id}`);
  await page.getByRole("button", { name: "حذف الصورة…" }).click();
  await page.getByRole("button", { name: "نعم، احذف" }).click();
  await expect(page).toHaveURL(/\/media$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصور");
  await expect(grid(page).locator(`[data-photo-id="${harbour.id}"]`)).toHaveCount(0);
  expect(await prisma.mediaImage.count({ where: { id: harbour.id } })).toBe(0);
});
