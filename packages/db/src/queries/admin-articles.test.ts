// The article list's story-date bounds and the names it hands the page (every spelling of the agency and tags, so
// the page can show its interface language's), on a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { listAdminFilterOptions, listArticlesForAdmin } from "./admin-articles.ts";
import { refreshSearchLexicon } from "../search/near-spellings.ts";
import { createArticleFixture, useEditorialDatabase } from "../editorial/test-fixtures.ts";

const ctx = useEditorialDatabase();

describe("listArticlesForAdmin", () => {
  it("keeps story dates from publishedFrom on and before publishedBefore; a malformed bound is not applied", async () => {
    const prisma = ctx.db.prisma;
    const early = await createArticleFixture(prisma, {
      ownerId: ctx.cast.ids.editor,
      publishedAt: new Date("2026-03-04T20:59:00Z"),
    });
    const late = await createArticleFixture(prisma, {
      ownerId: ctx.cast.ids.editor,
      publishedAt: new Date("2026-03-04T21:00:00Z"),
    });
    const actor = ctx.cast.actors.editor;
    const ids = async (filters: Parameters<typeof listArticlesForAdmin>[2]) =>
      (await listArticlesForAdmin(prisma, actor, { locale: "ar", ...filters })).rows.map((row) => row.localizationId);

    // 5 March in Moscow: from 21:00 UTC on the 4th to 21:00 UTC on the 5th.
    const fifth = await ids({
      publishedFrom: new Date("2026-03-04T21:00:00Z"),
      publishedBefore: new Date("2026-03-05T21:00:00Z"),
    });
    expect(fifth).toContain(late.ar.id);
    expect(fifth).not.toContain(early.ar.id);
    const fourth = await ids({ publishedBefore: new Date("2026-03-04T21:00:00Z") });
    expect(fourth).toContain(early.ar.id);
    expect(fourth).not.toContain(late.ar.id);
    const lenient = await ids({ publishedFrom: "not a date" as unknown as Date });
    expect(lenient).toEqual(expect.arrayContaining([early.ar.id, late.ar.id]));
  });

  it("searches title, summary and body as the reader's search does, drafts too, best first", async () => {
    const prisma = ctx.db.prisma;
    const inBody = await createArticleFixture(prisma, {
      ownerId: ctx.cast.ids.editor,
      title: "مباحثات ثنائية",
      body: [{ type: "paragraph", text: "التقى الوزير تيلوبيردي في قازان نظيره الروسي." }],
    });
    const inTitle = await createArticleFixture(prisma, {
      ownerId: ctx.cast.ids.editor,
      title: "مهرجان قازان للفنون",
      status: "published",
      publishedAt: new Date("2026-03-01T09:00:00Z"),
    });
    await prisma.articleLocalization.update({ where: { id: inBody.ar.id }, data: { summary: "ملخص عن المعاهدة" } });
    const actor = ctx.cast.actors.editor;
    const found = async (q: string) =>
      (await listArticlesForAdmin(prisma, actor, { q, locale: "ar" })).rows.map((row) => row.localizationId);

    // A clitic on the query word; the title match first, then the draft with the word in its body.
    expect(await found("وقازان")).toEqual([inTitle.ar.id, inBody.ar.id]);
    // A word of the summary, with the article and a preposition the text does not have.
    expect(await found("بالمعاهدة")).toEqual([inBody.ar.id]);
    // A name spelt otherwise (near spellings come from published texts: publish one that has it).
    await prisma.articleLocalization.update({
      where: { id: inTitle.ar.id },
      data: { body: [{ type: "paragraph", text: "حضر الوزير تيلوبيردي الافتتاح." }] },
    });
    await refreshSearchLexicon(prisma);
    expect((await found("تليوبيردي")).sort()).toEqual([inTitle.ar.id, inBody.ar.id].sort());
    // Every word must match, in any of its forms: each word an editor adds narrows the list.
    expect(await found("قازان مهرجان")).toEqual([inTitle.ar.id]);
    // Typing a title's first letters still finds it.
    expect(await found("مهرجا")).toEqual([inTitle.ar.id]);
  });

  it("gives the agency and the tags in all their spellings", async () => {
    const prisma = ctx.db.prisma;
    const source = await prisma.source.create({
      data: { slug: "tass-names", nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS", matchKey: "تاس-names" },
    });
    await prisma.tag.create({ data: { slug: "economy-names", nameAr: "اقتصاد", nameEn: "Economy" } });
    const f = await createArticleFixture(prisma, { ownerId: ctx.cast.ids.editor });
    await prisma.article.update({ where: { id: f.articleId }, data: { sourceId: source.id } });

    const { rows } = await listArticlesForAdmin(prisma, ctx.cast.actors.editor, { sourceId: source.id });
    expect(rows[0]?.source).toEqual({ nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS" });
    const options = await listAdminFilterOptions(prisma, ctx.cast.actors.editor);
    expect(options.tags).toContainEqual({ slug: "economy-names", nameAr: "اقتصاد", nameRu: null, nameEn: "Economy" });
  });
});
