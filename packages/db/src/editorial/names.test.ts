// Names in three languages: who may set them, the filter for what is missing, paging and search, locking, the audit
// entry, and which published articles a change reaches.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { listNames, saveNames } from "./names.ts";
import { createArticleFixture, useEditorialDatabase } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();

async function tag(nameAr: string, names: { nameRu?: string | null; nameEn?: string | null } = {}) {
  return ctx.db.prisma.tag.create({
    data: { slug: `t-${nameAr}-${Math.random().toString(36).slice(2)}`, nameAr, ...names },
  });
}

describe("who may set names", () => {
  it("lets editors, admins and translators list and save; refuses writers, anonymous and disabled users", async () => {
    const t = await tag("اقتصاد");
    for (const role of ["editor", "admin", "translator"] as const) {
      const actor = ctx.cast.actors[role];
      await expect(listNames(ctx.db.prisma, actor, { kind: "tag" })).resolves.toMatchObject({ page: 1 });
      const current = await ctx.db.prisma.tag.findUniqueOrThrow({ where: { id: t.id } });
      const result = await saveNames(ctx.db.prisma, actor, {
        kind: "tag",
        id: t.id,
        expectedVersion: current.version,
        nameRu: `Экономика ${role}`,
        nameEn: "Economy",
      });
      expect(result.status).toBe("saved");
    }
    for (const role of ["writer", "anonymous", "disabled"] as const) {
      const actor = ctx.cast.actors[role];
      await expect(listNames(ctx.db.prisma, actor, { kind: "tag" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        saveNames(ctx.db.prisma, actor, { kind: "tag", id: t.id, expectedVersion: 1, nameRu: "x" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const stored = await ctx.db.prisma.tag.findUniqueOrThrow({ where: { id: t.id } });
    expect(stored.nameRu).toBe("Экономика translator");
  });

  it("lets a translator name an agency but not change its link, which is attribution", async () => {
    const source = await ctx.db.prisma.source.create({
      data: { slug: "sana-test", nameAr: "سانا", matchKey: "سانا-اختبار", url: "https://sana.sy" },
    });
    const translator = ctx.cast.actors.translator;
    await expect(
      saveNames(ctx.db.prisma, translator, {
        kind: "source",
        id: source.id,
        expectedVersion: 1,
        nameRu: "САНА",
        url: "https://evil.example",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // The same link as before is no change: the translator's save goes through.
    const named = await saveNames(ctx.db.prisma, translator, {
      kind: "source",
      id: source.id,
      expectedVersion: 1,
      nameRu: "САНА",
      nameEn: "SANA",
      url: "https://sana.sy",
    });
    expect(named).toMatchObject({ status: "saved", record: { nameRu: "САНА", nameEn: "SANA", version: 2 } });
    const linked = await saveNames(ctx.db.prisma, ctx.cast.actors.editor, {
      kind: "source",
      id: source.id,
      expectedVersion: 2,
      nameRu: "САНА",
      nameEn: "SANA",
      url: "https://sana.sy/en",
    });
    expect(linked).toMatchObject({ status: "saved", record: { url: "https://sana.sy/en", version: 3 } });
    await expect(
      saveNames(ctx.db.prisma, ctx.cast.actors.editor, {
        kind: "source",
        id: source.id,
        expectedVersion: 3,
        url: "javascript:alert(1)",
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("the missing filter, search and paging", () => {
  it("lists what lacks Russian, English or either, blank names counting as missing", async () => {
    const credits = await Promise.all(
      [
        { nameAr: "وكالة ألف", nameRu: "Альфа", nameEn: "Alpha" },
        { nameAr: "وكالة باء", nameRu: null, nameEn: "Beta" },
        { nameAr: "وكالة جيم", nameRu: "Гамма", nameEn: "Gamma" },
        { nameAr: "وكالة دال", nameRu: "", nameEn: null },
      ].map((c, i) => ctx.db.prisma.photoCredit.create({ data: { ...c, matchKey: `credit-filter-${i}` } })),
    );
    const names = async (missing: "ru" | "en" | "any" | null) =>
      (await listNames(ctx.db.prisma, ctx.cast.actors.editor, { kind: "credit", missing, query: "وكالة" })).items.map(
        (item) => item.nameAr,
      );
    expect(await names(null)).toEqual(credits.map((c) => c.nameAr));
    expect(await names("ru")).toEqual(["وكالة باء", "وكالة دال"]);
    expect(await names("en")).toEqual(["وكالة دال"]);
    expect(await names("any")).toEqual(["وكالة باء", "وكالة دال"]);
  });

  it("searches all three names and pages the result", async () => {
    for (let i = 0; i < 7; i++)
      await ctx.db.prisma.contributor.create({ data: { nameAr: `كاتب ${i}`, nameEn: i % 2 ? `Writer ${i}` : null } });
    const first = await listNames(ctx.db.prisma, ctx.cast.actors.editor, {
      kind: "contributor",
      query: "كاتب",
      pageSize: 3,
    });
    expect(first).toMatchObject({ total: 7, pageCount: 3, page: 1 });
    expect(first.items.map((i) => i.nameAr)).toEqual(["كاتب 0", "كاتب 1", "كاتب 2"]);
    const last = await listNames(ctx.db.prisma, ctx.cast.actors.editor, {
      kind: "contributor",
      query: "كاتب",
      pageSize: 3,
      page: 3,
    });
    expect(last.items.map((i) => i.nameAr)).toEqual(["كاتب 6"]);
    const english = await listNames(ctx.db.prisma, ctx.cast.actors.editor, { kind: "contributor", query: "writer 5" });
    expect(english.items.map((i) => i.nameAr)).toEqual(["كاتب 5"]);
  });
});

describe("saving a name", () => {
  it("refuses a stale version without writing, and returns the record as it is now", async () => {
    const t = await tag("رياضة");
    const results = await Promise.all([
      saveNames(ctx.db.prisma, ctx.cast.actors.editor, { kind: "tag", id: t.id, expectedVersion: 1, nameRu: "Спорт" }),
      saveNames(ctx.second, ctx.cast.actors.translator, {
        kind: "tag",
        id: t.id,
        expectedVersion: 1,
        nameRu: "Спорт!",
      }),
    ]);
    const saved = results.filter((r) => r.status === "saved");
    const conflict = results.find((r) => r.status === "conflict");
    expect(saved).toHaveLength(1);
    if (!conflict || conflict.status !== "conflict" || saved[0]?.status !== "saved")
      throw new Error("expected one conflict");
    expect(conflict.current).toMatchObject({ version: 2, nameRu: saved[0].record.nameRu });
    const stored = await ctx.db.prisma.tag.findUniqueOrThrow({ where: { id: t.id } });
    expect(stored).toMatchObject({ version: 2, nameRu: saved[0].record.nameRu });
    expect(await ctx.db.prisma.auditLog.count({ where: { action: "names.tag", entityId: String(t.id) } })).toBe(1);
  });

  it("audits the change with the names before and after", async () => {
    const t = await tag("ثقافة", { nameEn: "Culture" });
    await saveNames(ctx.db.prisma, ctx.cast.actors.editor, {
      kind: "tag",
      id: t.id,
      expectedVersion: 1,
      nameRu: " Культура ",
      nameEn: "",
    });
    const entry = await ctx.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "names.tag", entityId: String(t.id) },
    });
    expect(entry).toMatchObject({ actorId: ctx.cast.ids.editor, entityType: "tag" });
    expect(entry.data).toMatchObject({
      nameAr: "ثقافة",
      nameRu: "Культура",
      nameEn: null,
      previous: { nameRu: null, nameEn: "Culture" },
    });
  });

  it("names the published articles that show the name, for the public site to refresh", async () => {
    const t = await tag("سياسة");
    const published = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "published" });
    const draft = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    await ctx.db.prisma.articleTag.createMany({
      data: [
        { articleId: published.articleId, tagId: t.id },
        { articleId: draft.articleId, tagId: t.id },
      ],
    });
    const result = await saveNames(ctx.db.prisma, ctx.cast.actors.editor, {
      kind: "tag",
      id: t.id,
      expectedVersion: 1,
      nameEn: "Politics",
    });
    expect(result).toMatchObject({ status: "saved", publicArticleIds: [published.articleId] });
  });
});
