// Texts started in the admin: the slug follows the title until edited by hand or published, and a blank title is
// the same stored warning an untitled import carries.
import { describe, expect, it } from "vitest";
import { createArticle } from "./create-article.ts";
import { moveArticle } from "./move-article.ts";
import { saveLocalization } from "./save-localization.ts";
import { startTranslation } from "./start-translation.ts";
import { useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();
const body = [{ type: "paragraph" as const, text: "نص." }];

async function stored(id: number) {
  return ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id } });
}

async function newArticle(title: string | null) {
  const created = await createArticle(ctx.db.prisma, ctx.cast.actors.editor, { title, body });
  if (created.status !== "created") throw new Error(created.status);
  return created;
}

async function save(id: number, title: string, slug?: string) {
  const { version } = await stored(id);
  const result = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, {
    localizationId: id,
    expectedVersion: version,
    title,
    summary: null,
    body,
    ...(slug !== undefined ? { slug } : {}),
  });
  if (result.status !== "saved") throw new Error(result.status);
  return result.localization;
}

describe("a new article's slug", () => {
  it("is remade from the title on each save, as the importer makes it, in Arabic letters", async () => {
    const created = await newArticle(null);
    expect((await stored(created.localizationId)).slug).toMatch(/^article(-\d+)?$/);
    expect((await save(created.localizationId, "قمة الرياض")).slug).toBe("قمة-الرياض");
    expect((await save(created.localizationId, "قمة الرياض الاقتصادية")).slug).toBe("قمة-الرياض-الاقتصادية");
  });

  it("takes the next free numbered slug when another article holds the title's", async () => {
    const first = await newArticle("خبر مكرر");
    const second = await newArticle(null);
    expect(first.slug).toBe("خبر-مكرر");
    expect((await save(second.localizationId, "خبر مكرر")).slug).toBe("خبر-مكرر-2");
  });

  it("stays as typed once edited by hand, whatever the title becomes", async () => {
    const created = await newArticle("عنوان أول");
    expect((await save(created.localizationId, "عنوان أول", "my-own-slug")).slug).toBe("my-own-slug");
    expect((await save(created.localizationId, "عنوان ثان", "my-own-slug")).slug).toBe("my-own-slug");
    expect((await save(created.localizationId, "عنوان ثالث")).slug).toBe("my-own-slug");
    expect((await stored(created.localizationId)).slugFollowsTitle).toBe(false);
  });

  it("stops following the title once published: the public address is fixed", async () => {
    const created = await newArticle("خبر للنشر");
    const editor = ctx.cast.actors.editor;
    let { version } = await stored(created.localizationId);
    for (const to of ["in_review", "approved", "published"] as const)
      ({ version } = await moveArticle(ctx.db.prisma, editor, {
        localizationId: created.localizationId,
        to,
        expectedVersion: version,
      }));
    expect((await save(created.localizationId, "عنوان جديد بعد النشر")).slug).toBe("خبر-للنشر");
  });

  it("follows the translated title in a translation started empty", async () => {
    const created = await newArticle("خبر مترجم");
    const started = await startTranslation(ctx.db.prisma, ctx.cast.actors.editor, {
      articleId: created.articleId,
      locale: "en",
    });
    expect((await save(started.localizationId, "Summit in Riyadh")).slug).toBe("summit-in-riyadh");
  });
});

describe("a blank title", () => {
  it("is stored as the missing_title warning an untitled import carries, and resolved by a title", async () => {
    const created = await newArticle(null);
    expect((await stored(created.localizationId)).warnings).toEqual([{ code: "missing_title", message: "no title" }]);
    await save(created.localizationId, "عنوان");
    expect((await stored(created.localizationId)).warnings).toEqual([]);
    await save(created.localizationId, "  ");
    expect((await stored(created.localizationId)).warnings).toMatchObject([{ code: "missing_title" }]);
  });

  it("is a warning on a translation started empty", async () => {
    const created = await newArticle("خبر");
    const started = await startTranslation(ctx.db.prisma, ctx.cast.actors.editor, {
      articleId: created.articleId,
      locale: "ru",
    });
    expect((await stored(started.localizationId)).warnings).toMatchObject([{ code: "missing_title" }]);
  });
});
