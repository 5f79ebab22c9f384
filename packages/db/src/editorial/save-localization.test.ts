// Saving text: optimistic locking under real concurrency, revisions, slugs, warnings, and payloads kept verbatim.
import { describe, expect, it } from "vitest";
import type { ArticleBlock } from "../blocks.ts";
import { InvalidInputError } from "./errors.ts";
import { saveLocalization, type SaveLocalizationInput } from "./save-localization.ts";
import { createArticleFixture, snapshotEditorialTables, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

const paragraph = (text: string): ArticleBlock => ({ type: "paragraph", text });

function edit(
  id: number,
  expectedVersion: number,
  changes: Partial<SaveLocalizationInput> = {},
): SaveLocalizationInput {
  return {
    localizationId: id,
    expectedVersion,
    title: "عنوان",
    summary: null,
    slug: `slug-${id}`,
    body: [paragraph("نص.")],
    ...changes,
  };
}

describe("two people saving the same localization", () => {
  it("gives exactly one success and one conflict that shows the other change and who made it", async () => {
    for (let round = 0; round < 5; round++) {
      const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
      const results = await Promise.all([
        saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, edit(ar.id, ar.version, { title: "عنوان المحرر" })),
        saveLocalization(ctx.second, ctx.cast.actors.writer, edit(ar.id, ar.version, { title: "عنوان الكاتب" })),
      ]);
      const wins = results.filter((result) => result.status === "saved");
      const conflict = results.find((result) => result.status === "conflict");
      expect(wins).toHaveLength(1);
      if (!conflict || conflict.status !== "conflict" || wins[0]?.status !== "saved")
        throw new Error("expected one conflict");

      const winner = wins[0].localization;
      expect(conflict.current.version).toBe(ar.version + 1);
      expect(conflict.current.title).toBe(winner.title);
      expect(conflict.current.updatedBy?.id).toBe(winner.updatedBy?.id);
      expect(["editor", "writer"]).toContain(conflict.current.updatedBy?.name);

      const stored = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
      expect(stored.title).toBe(winner.title);
      expect(stored.version).toBe(ar.version + 1);
      expect(await ctx.db.prisma.revision.count({ where: { localizationId: ar.id } })).toBe(2);
    }
  });

  it("refuses a stale version without writing anything", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const first = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.writer,
      edit(ar.id, ar.version, { title: "الأول" }),
    );
    expect(first.status).toBe("saved");
    const before = await snapshotEditorialTables(ctx.db.prisma);
    const stale = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(ar.id, ar.version, { title: "الثاني" }),
    );
    expect(stale).toMatchObject({
      status: "conflict",
      current: { title: "الأول", version: ar.version + 1, updatedBy: { name: "writer" } },
    });
    expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);
  });
});

describe("a save", () => {
  it("makes a revision numbered after the last, authored by the saver", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const one = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.writer,
      edit(ar.id, ar.version, { title: "واحد" }),
    );
    if (one.status !== "saved") throw new Error(one.status);
    const two = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.writer,
      edit(ar.id, one.localization.version, { title: "اثنان" }),
    );
    if (two.status !== "saved") throw new Error(two.status);
    expect([one.revision.number, two.revision.number]).toEqual([2, 3]);
    const revisions = await ctx.db.prisma.revision.findMany({
      where: { localizationId: ar.id },
      orderBy: { number: "asc" },
    });
    expect(revisions.map((r) => [r.number, r.origin, r.authorId, r.title])).toEqual([
      [1, "import", null, expect.any(String)],
      [2, "editor", ctx.cast.ids.writer, "واحد"],
      [3, "editor", ctx.cast.ids.writer, "اثنان"],
    ]);
  });

  it("refuses a slug another article holds in the same language, and allows it in another language", async () => {
    const a = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const b = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, edit(a.ar.id, a.ar.version, { slug: "قمة-موسكو" }));
    const before = await snapshotEditorialTables(ctx.db.prisma);
    const taken = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(b.ar.id, b.ar.version, { slug: "قمة-موسكو" }),
    );
    expect(taken).toEqual({ status: "slug_taken", slug: "قمة-موسكو" });
    expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);
    const otherLanguage = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(b.ru.id, b.ru.version, { slug: "قمة-موسكو" }),
    );
    expect(otherLanguage.status).toBe("saved");
  });

  it("resolves a missing_title warning once a title is supplied, and missing_date once a date is", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      title: null,
      warnings: [
        { code: "missing_title", message: "no title line" },
        { code: "missing_date", message: "no date" },
        { code: "transcoded", message: "was CP1256" },
      ],
    });
    const titled = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(ar.id, ar.version, { title: "عنوان جديد" }),
    );
    if (titled.status !== "saved") throw new Error(titled.status);
    expect(titled.localization.warnings.map((w) => w.code)).toEqual(["missing_date", "transcoded"]);
    const dated = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(ar.id, titled.localization.version, { title: "عنوان جديد", publishedAt: new Date("2024-03-01T12:00:00Z") }),
    );
    if (dated.status !== "saved") throw new Error(dated.status);
    expect(dated.localization.warnings.map((w) => w.code)).toEqual(["transcoded"]);
    expect(dated.localization.publishedAt).toEqual(new Date("2024-03-01T12:00:00Z"));
    const stored = () => ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
    expect((await stored()).publishedDateOnly).toBe(false);
    // A day alone is kept as a date without a time of day.
    const day = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(ar.id, dated.localization.version, { title: "عنوان جديد", publishedAt: "2024-03-02" }),
    );
    if (day.status !== "saved") throw new Error(day.status);
    expect(await stored()).toMatchObject({ publishedAt: new Date("2024-03-02T00:00:00Z"), publishedDateOnly: true });
  });

  it("stores <script> and other HTML in the title, summary and body as the very same text", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const title = `<script>alert("x")</script> عنوان`;
    const summary = `<img src=x onerror="alert(1)"> & "quotes" 'too'`;
    const body: ArticleBlock[] = [
      paragraph("<script>document.cookie</script>"),
      { type: "quote", text: "</blockquote><iframe src=//evil>", cite: "<b>cite</b>" },
      { type: "list_item", text: "<li onclick=x>item</li>", ordered: true },
      { type: "paragraph", text: "اقرأ هنا", links: [{ start: 0, end: 4, href: "https://example.com/?q=<script>" }] },
    ];
    const result = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      edit(ar.id, ar.version, { title, summary, body }),
    );
    if (result.status !== "saved") throw new Error(result.status);
    const stored = await ctx.db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } });
    expect(stored.title).toBe(title);
    expect(stored.summary).toBe(summary);
    // Verbatim, with each block's stable id added.
    const kept = body.map((block) => ({ ...block, id: expect.any(String) }));
    expect(stored.body).toEqual(kept);
    expect(result.localization.body).toEqual(kept);
    const revision = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId: ar.id, number: 2 } });
    expect(revision.title).toBe(title);
    expect(revision.body).toEqual(kept);
  });

  it("rejects script links, unknown blocks and malformed link ranges, changing nothing", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const before = await snapshotEditorialTables(ctx.db.prisma);
    const bad: unknown[] = [
      [{ type: "paragraph", text: "انقر", links: [{ start: 0, end: 4, href: "javascript:alert(1)" }] }],
      [{ type: "paragraph", text: "انقر", links: [{ start: 0, end: 9, href: "https://example.com" }] }],
      [{ type: "html", text: "<script></script>" }],
    ];
    for (const body of bad) {
      const input = { ...edit(ar.id, ar.version), body } as unknown as SaveLocalizationInput;
      await expect(saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, input)).rejects.toBeInstanceOf(
        InvalidInputError,
      );
    }
    await expect(
      saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, edit(ar.id, ar.version, { slug: "Not A Slug" })),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);
  });

  it("keeps the parser's { type, text } blocks valid as they are", async () => {
    const { ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const body: ArticleBlock[] = [{ type: "heading", text: "عنوان فرعي" }, paragraph("فقرة.")];
    const result = await saveLocalization(ctx.db.prisma, ctx.cast.actors.editor, edit(ar.id, ar.version, { body }));
    expect(result.status).toBe("saved");
  });

  it("replaces the article's tags, reusing existing ones by slug", async () => {
    const { articleId, ar } = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const first = await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.writer,
      edit(ar.id, ar.version, { tags: ["روسيا", "سياسة"] }),
    );
    if (first.status !== "saved") throw new Error(first.status);
    await saveLocalization(
      ctx.db.prisma,
      ctx.cast.actors.writer,
      edit(ar.id, first.localization.version, { tags: ["سياسة", "اقتصاد"] }),
    );
    const tags = await ctx.db.prisma.articleTag.findMany({ where: { articleId }, include: { tag: true } });
    expect(tags.map((t) => t.tag.nameAr).sort()).toEqual(["اقتصاد", "سياسة"]);
    expect(await ctx.db.prisma.tag.count({ where: { nameAr: "سياسة" } })).toBe(1);
  });
});
