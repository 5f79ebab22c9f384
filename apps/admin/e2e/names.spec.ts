// Names in three languages: a translator gives a tag its Russian name on /names (found through the "no Russian
// name" filter), the public Russian edition shows it at once in place of the marked Arabic stand-in, and the audit
// log says who did it. A writer has no such screen.
import { expect, test } from "@playwright/test";
import { signIn, useArticleSandbox } from "./helpers.ts";
import { PUBLIC_SITE } from "./public-site.ts";
import { ADMIN_USER, TRANSLATOR_USER, WRITER_USER } from "./test-users.ts";

// The audit test reads the entry the first test writes.
test.describe.configure({ mode: "serial" });

const prisma = useArticleSandbox();
const suffix = `${Date.now()}`;
const TAG = { slug: `names-e2e-${suffix}`, nameAr: `وسم الأسماء ${suffix}`, nameRu: `Тег имён ${suffix}` };

test.afterAll(async () => {
  await prisma.tag.deleteMany({ where: { slug: TAG.slug } });
});

test("a translator sets a tag's Russian name and the public Russian edition shows it", async ({ page }) => {
  test.setTimeout(90_000);
  const tag = await prisma.tag.create({ data: { slug: TAG.slug, nameAr: TAG.nameAr } });
  const slug = `names-e2e-ru-${suffix}`;
  const article = await prisma.article.create({
    data: {
      tags: { create: { tagId: tag.id } },
      localizations: {
        create: [
          {
            locale: "ar",
            title: `خبر الأسماء ${suffix}`,
            slug: `names-e2e-ar-${suffix}`,
            body: [],
            status: "published",
            publishedAt: new Date(),
          },
          {
            locale: "ru",
            title: `Новость об именах ${suffix}`,
            slug,
            body: [],
            status: "published",
            publishedAt: new Date(),
          },
        ],
      },
    },
  });
  const publicPage = `${PUBLIC_SITE}/ru/news/${article.id}/${slug}`;
  const tagLinks = page.getByRole("navigation", { name: "Теги" }).getByRole("link");

  // Before: the Russian page shows the Arabic name, marked as Arabic (and now cached by the site).
  await page.goto(publicPage);
  await expect(tagLinks).toHaveText([TAG.nameAr]);
  await expect(tagLinks.locator("bdi")).toHaveAttribute("lang", "ar");

  await signIn(page, TRANSLATOR_USER);
  await page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "الأسماء" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الأسماء باللغات الثلاث");
  await page.getByLabel("البحث في الأسماء").fill(TAG.nameAr);
  await page.getByLabel("العرض").selectOption({ label: "بلا اسم روسي" });
  await page.getByRole("button", { name: "تطبيق" }).click();
  await expect(page).toHaveURL(/missing=ru/);
  const record = page.getByTestId("named-record");
  await expect(record).toHaveCount(1);
  await record.getByRole("textbox", { name: `الاسم الروسي: ${TAG.nameAr}` }).fill(TAG.nameRu);
  await record.getByRole("button", { name: `حفظ أسماء ${TAG.nameAr}` }).click();
  await expect(record.getByRole("status")).toHaveText("حُفظ. يعرض الموقع العام الاسم الجديد.");
  expect((await prisma.tag.findUniqueOrThrow({ where: { id: tag.id } })).nameRu).toBe(TAG.nameRu);

  // The filter no longer lists it: it has its Russian name now.
  await page.reload();
  await expect(page.getByTestId("named-record")).toHaveCount(0);

  // The public Russian page was refreshed by the save's signal: the Russian name, not marked as Arabic.
  await page.goto(publicPage);
  await expect(tagLinks).toHaveText([TAG.nameRu]);
  await expect(tagLinks.locator("bdi[lang=ar]")).toHaveCount(0);
  await page.goto(`${PUBLIC_SITE}/ru/tags/${TAG.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Тег: ${TAG.nameRu}`);

  const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "names.tag", entityId: String(tag.id) } });
  expect(entry.data).toMatchObject({ nameAr: TAG.nameAr, nameRu: TAG.nameRu });
});

test("the audit log says, as a sentence, who named the tag, linking to it", async ({ page }) => {
  await signIn(page, ADMIN_USER);
  const tag = await prisma.tag.findUniqueOrThrow({ where: { slug: TAG.slug } });
  await page.goto(`/audit?entityType=tag&entityId=${tag.id}`);
  const sentence = page.getByTestId("audit-sentence");
  await expect(sentence).toHaveText(`عيّن ${TRANSLATOR_USER.name} الاسمين الروسي والإنجليزي للوسم ${TAG.nameAr}`);
  await sentence.getByRole("link", { name: TAG.nameAr }).click();
  await expect(page.getByTestId("named-record")).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: `الاسم الروسي: ${TAG.nameAr}` })).toHaveValue(TAG.nameRu);
});

test("a writer has no names screen: no link, and the page is refused", async ({ page }) => {
  await signIn(page, WRITER_USER);
  await expect(page.getByRole("navigation", { name: "الأقسام" }).getByRole("link", { name: "الأسماء" })).toHaveCount(0);
  const response = await page.goto("/names");
  expect(response?.status()).toBe(403);
});

test("a long list pages: previous, “page N of M” and next, keeping the search", async ({ page }) => {
  const prefix = `وسم الصفحات ${suffix}`;
  await prisma.tag.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({ slug: `pager-e2e-${suffix}-${i}`, nameAr: `${prefix} ${i}` })),
  });
  try {
    await signIn(page, TRANSLATOR_USER);
    await page.goto(`/names?kind=tags&q=${encodeURIComponent(prefix)}`);
    const pager = page.getByRole("navigation", { name: "الصفحات" });
    await expect(pager).toContainText("الصفحة ١ من ٢");
    await expect(pager.getByRole("link", { name: "السابقة" })).toHaveCount(0);
    await expect(page.getByTestId("named-record")).toHaveCount(25);

    await pager.getByRole("link", { name: "التالية" }).click();
    await expect(pager).toContainText("الصفحة ٢ من ٢");
    await expect(page.getByTestId("named-record")).toHaveCount(5);
    await expect(pager.getByRole("link", { name: "التالية" })).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get("q")).toBe(prefix);

    await pager.getByRole("link", { name: "السابقة" }).click();
    await expect(pager).toContainText("الصفحة ١ من ٢");
  } finally {
    await prisma.tag.deleteMany({ where: { slug: { startsWith: `pager-e2e-${suffix}-` } } });
  }
});
