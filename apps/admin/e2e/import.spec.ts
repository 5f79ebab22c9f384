// Import in the admin: choose wire files, preview what each becomes (a dry run with the real importer), import them
// one by one (a broken file stops none of the others), import again (unchanged), and find them in /articles.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "@minbar/db/client";
import { seedsDir } from "@minbar/e2e";
import { PUBLIC_SITE } from "./public-site.ts";
import { ADMIN_USER } from "./test-users.ts";
import { e2eEnv } from "@minbar/e2e/env";

// Two seed files changed just enough to be new articles (the run has already imported the seeds themselves), plus a
// file that is not text at all.
const SEED_TITLE = "ميشوستين يؤكد خلال لقائه رئيس وزراء كازاخستان الجديد استعداده للتعاون";
const NEW_TITLE = "خبر تجريبي لاختبار الاستيراد من لوحة التحرير";
const titled = readFileSync(join(seedsDir, "000_b2cb0b8d8c1ae332.txt"), "utf8");
const untitled = readFileSync(join(seedsDir, "004_5ac56e579cbf584c.txt"), "utf8");
const FILES = [
  { name: "e2e-import-titled.txt", mimeType: "text/plain", buffer: Buffer.from(titled.replace(SEED_TITLE, NEW_TITLE)) },
  {
    name: "e2e-import-untitled.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(`${untitled}\nفقرة أضيفت لاختبار الاستيراد.\n`),
  },
  {
    name: "e2e-import-broken.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01]),
  },
];
const NAMES = FILES.map((file) => file.name);

let prisma: PrismaClient;
test.beforeAll(() => {
  prisma = createPrismaClient(e2eEnv.databaseUrl);
});
test.afterAll(async () => {
  // Other specs count the seed articles: leave the database as the run made it.
  const wireFiles = await prisma.wireFile.findMany({ where: { fileName: { in: NAMES } }, select: { articleId: true } });
  await prisma.article.deleteMany({ where: { id: { in: wireFiles.flatMap((file) => file.articleId ?? []) } } });
  await prisma.wireFile.deleteMany({ where: { fileName: { in: NAMES } } });
  await prisma.$disconnect();
});

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("البريد الإلكتروني").fill(ADMIN_USER.email);
  await page.getByLabel("كلمة المرور").fill(ADMIN_USER.password);
  await page.getByRole("button", { name: "دخول" }).click();
  await expect(page).toHaveURL(/\/articles$/);
}

const fileItem = (page: Page, name: string) => page.getByTestId("import-file").filter({ hasText: name });

test("preview, import, import again: each file on its own, audited, then listed in /articles", async ({
  page,
  request,
}) => {
  // The public front page, served (and from now on cached) before the import.
  const frontPage = async () => (await request.get(`${PUBLIC_SITE}/`)).text();
  expect(await frontPage()).not.toContain(NEW_TITLE);
  await signIn(page);
  await page.getByRole("link", { name: "استيراد" }).click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "استيراد ملفات الوكالات" })).toBeVisible();
  await expect(page.getByText("حتى ٢٠ ملفًا")).toBeVisible();

  await page.getByLabel(/ملفات الوكالات/).setInputFiles(FILES);
  await expect(page.getByText("عدد الملفات المختارة: ٣")).toBeVisible();
  await page.getByRole("button", { name: "معاينة" }).click();

  // The preview: what each file becomes, and what importing it would do.
  await expect(page.getByRole("heading", { level: 2, name: "المعاينة" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "عدد الملفات: ٣. سيُنشأ: ٢، سيُحدَّث: ٠، دون تغيير: ٠، تعذّر: ١",
  );
  const titledItem = fileItem(page, NAMES[0]!);
  await expect(titledItem.getByTestId("import-outcome")).toHaveText("سيُنشأ");
  await expect(titledItem.getByRole("heading", { level: 3, name: NEW_TITLE })).toHaveAttribute("dir", "rtl");
  await expect(titledItem.locator("time")).toHaveText("٤ مارس ٢٠٢٤");
  await expect(titledItem.getByText("السنة مأخوذة من النص")).toBeVisible();
  await expect(titledItem.getByText("تاس", { exact: true })).toBeVisible();
  const untitledItem = fileItem(page, NAMES[1]!);
  await expect(untitledItem.getByTestId("import-outcome")).toHaveText("سيُنشأ");
  await expect(untitledItem.getByText("الملف بلا سطر عنوان.")).toBeVisible();
  await expect(untitledItem.getByText("بلا عنوان", { exact: true })).toBeVisible();
  await expect(untitledItem.getByText(/^اقترح أول رئيس لجمهورية كازاخستان/).first()).toBeVisible();
  await expect(untitledItem.locator("time")).toHaveText("١٩ أغسطس ٢٠٢١");
  const brokenItem = fileItem(page, NAMES[2]!);
  await expect(brokenItem.getByTestId("import-outcome")).toHaveText("لا يمكن استيراده");
  await expect(brokenItem.getByRole("alert")).toHaveText("هذا ليس ملفًا نصيًا (يحتوي على بيانات ثنائية).");
  // A dry run: nothing written.
  expect(await prisma.wireFile.count({ where: { fileName: { in: NAMES } } })).toBe(0);
  expect(await prisma.importRecord.count({ where: { fileName: { in: NAMES } } })).toBe(0);

  await page.getByRole("button", { name: "استيراد", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "نتيجة الاستيراد" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toHaveText("عدد الملفات: ٣. أُنشئ: ٢، حُدِّث: ٠، دون تغيير: ٠، تعذّر: ١");
  await expect(fileItem(page, NAMES[0]!).getByTestId("import-outcome")).toHaveText("أُنشئ");
  await expect(fileItem(page, NAMES[1]!).getByTestId("import-outcome")).toHaveText("أُنشئ");
  await expect(fileItem(page, NAMES[2]!).getByTestId("import-outcome")).toHaveText("تعذّر");
  // The published article is on the public site's front page at once, the drafts nowhere.
  expect(await frontPage()).toContain(NEW_TITLE);

  // The same files again: already imported, nothing changes.
  await page.getByRole("button", { name: "استيراد", exact: true }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("عدد الملفات: ٣. أُنشئ: ٠، حُدِّث: ٠، دون تغيير: ٢، تعذّر: ١");
  await expect(fileItem(page, NAMES[0]!).getByTestId("import-outcome")).toHaveText("دون تغيير");
  await expect(fileItem(page, NAMES[1]!).getByTestId("import-outcome")).toHaveText("دون تغيير");

  // Every file of both imports is audited with who imported it.
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN_USER.email } });
  // This spec's files only: other specs import files of their own.
  const audit = (await prisma.auditLog.findMany({ where: { action: "import.file" }, orderBy: { id: "asc" } })).filter(
    (entry) => NAMES.includes((entry.data as { file: string }).file),
  );
  expect(audit.map((entry) => [entry.actorId, (entry.data as { outcome: string }).outcome])).toEqual([
    [admin.id, "created"],
    [admin.id, "created"],
    [admin.id, "failed"],
    [admin.id, "unchanged"],
    [admin.id, "unchanged"],
    [admin.id, "failed"],
  ]);

  await page.getByRole("link", { name: "المقالات" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(7);
  await expect(rows.filter({ hasText: NEW_TITLE })).toContainText("منشور");
  await expect(rows.filter({ hasText: "مسودة" })).toHaveCount(2);
});

test("an upload over the limits is refused before anything is sent, and can be corrected", async ({ page }) => {
  await signIn(page);
  await page.goto("/import");
  const many = Array.from({ length: 21 }, (_, i) => ({
    name: `many-${i}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from("نص"),
  }));
  await page.getByLabel(/ملفات الوكالات/).setInputFiles(many);
  // Scoped to <main>: Next's route announcer is an alert of its own.
  const alert = page.locator("main").getByRole("alert");
  await expect(alert).toHaveText("عدد الملفات كبير جدًا: اختر عددًا أقل واستوردها على دفعات.");
  await page.getByRole("button", { name: "معاينة" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "المعاينة" })).toHaveCount(0);
  await page.getByLabel(/ملفات الوكالات/).setInputFiles([FILES[2]!]);
  await expect(alert).toHaveCount(0);
});
