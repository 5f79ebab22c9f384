// Sections: each use case as each role (only section.manage succeeds, refusals change nothing), then what each does:
// slugs checked and unique per language, stale versions as conflicts, order, retire/restore, the default, filing.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, type Actor } from "../permissions.ts";
import {
  findArticleFootprints,
  listPublishedArticlesBySection,
  listPublicSections,
} from "../queries/article-listings.ts";
import { listAdminFilterOptions, listArticlesForAdmin } from "../queries/admin-articles.ts";
import { createArticle } from "./create-article.ts";
import { InvalidInputError } from "./errors.ts";
import { saveAttribution } from "./save-attribution.ts";
import {
  createSection,
  listSectionChoices,
  listSections,
  makeDefaultSection,
  moveSection,
  SectionRuleError,
  setSectionRetired,
  updateSection,
  type AdminSection,
} from "./sections.ts";
import { createArticleFixture, ROLES, useEditorialDatabase, type Role } from "./test-fixtures.ts";

const ctx = useEditorialDatabase();
let n = 0;

const fields = (k = ++n) => ({
  slugAr: `قسم-${k}`,
  slugRu: `razdel-${k}`,
  slugEn: `section-${k}`,
  nameAr: `قسم ${k}`,
  nameRu: `Раздел ${k}`,
  nameEn: `Section ${k}`,
});

const admin = () => ctx.cast.actors.admin;
const editor = () => ctx.cast.actors.editor;
const section = async (): Promise<AdminSection> => (await createSection(ctx.db.prisma, admin(), fields())).section;

const snapshot = async (prisma: PrismaClient) => ({
  sections: await prisma.section.findMany({ orderBy: { id: "asc" } }),
  audit: await prisma.auditLog.count(),
});

const MANAGERS: readonly Role[] = ["editor", "admin"];

type Case = {
  name: string;
  action: string;
  /** Puts the section in the state the case starts from (as an admin). */
  prepare?: (s: AdminSection) => Promise<AdminSection>;
  run: (actor: Actor | null, s: AdminSection) => Promise<unknown>;
};

const savedSection = async (result: Promise<{ status: string; section?: AdminSection }>) => {
  const outcome = await result;
  if (outcome.status !== "saved" || !outcome.section) throw new Error(`not saved: ${outcome.status}`);
  return outcome.section;
};

const CASES: Case[] = [
  { name: "createSection", action: "section.create", run: (actor) => createSection(ctx.db.prisma, actor, fields()) },
  {
    name: "updateSection",
    action: "section.update",
    run: (actor, s) =>
      updateSection(ctx.db.prisma, actor, { id: s.id, expectedVersion: s.version, ...fields(), nameAr: "اسم جديد" }),
  },
  {
    name: "moveSection up",
    action: "section.move_up",
    run: (actor, s) => moveSection(ctx.db.prisma, actor, { id: s.id, expectedVersion: s.version, direction: "up" }),
  },
  {
    name: "moveSection down",
    action: "section.move_down",
    prepare: (s) =>
      savedSection(moveSection(ctx.db.prisma, admin(), { id: s.id, expectedVersion: s.version, direction: "up" })),
    run: (actor, s) => moveSection(ctx.db.prisma, actor, { id: s.id, expectedVersion: s.version, direction: "down" }),
  },
  {
    name: "setSectionRetired (retire)",
    action: "section.retire",
    run: (actor, s) => setSectionRetired(ctx.db.prisma, actor, { id: s.id, expectedVersion: s.version, retired: true }),
  },
  {
    name: "setSectionRetired (restore)",
    action: "section.restore",
    prepare: (s) =>
      savedSection(setSectionRetired(ctx.db.prisma, admin(), { id: s.id, expectedVersion: s.version, retired: true })),
    run: (actor, s) =>
      setSectionRetired(ctx.db.prisma, actor, { id: s.id, expectedVersion: s.version, retired: false }),
  },
  {
    name: "makeDefaultSection",
    action: "section.make_default",
    run: (actor, s) => makeDefaultSection(ctx.db.prisma, actor, { id: s.id, expectedVersion: s.version }),
  },
  { name: "listSections", action: "", run: (actor) => listSections(ctx.db.prisma, actor) },
];

describe("the permission matrix of sections", () => {
  for (const testCase of CASES) {
    for (const role of ROLES) {
      const allowed = MANAGERS.includes(role);
      it(`${testCase.name} ${allowed ? "allows" : "refuses"} ${role}`, async () => {
        const prisma = ctx.db.prisma;
        const created = await section();
        const s = testCase.prepare ? await testCase.prepare(created) : created;
        const before = await snapshot(prisma);
        const call = testCase.run(ctx.cast.actors[role], s);
        if (allowed) {
          await expect(call).resolves.toBeDefined();
          if (testCase.action) {
            const last = await prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
            expect(last.action).toBe(testCase.action);
            expect(last.actorId).toBe(ctx.cast.ids[role as "editor" | "admin"]);
            expect(await snapshot(prisma)).not.toEqual(before);
          }
        } else {
          await expect(call).rejects.toBeInstanceOf(ForbiddenError);
          expect(await snapshot(prisma)).toEqual(before);
        }
        // The seeded default comes back for the tests after these (no audit entry needed for the fixture).
        await prisma.$transaction([
          prisma.section.updateMany({ where: { isDefault: true }, data: { isDefault: false } }),
          prisma.section.updateMany({ where: { slugEn: "news" }, data: { isDefault: true } }),
        ]);
      });
    }
  }

  it("refuses every change to a writer and leaves the section as it was", async () => {
    const s = await section();
    const before = await snapshot(ctx.db.prisma);
    const writer = ctx.cast.actors.writer;
    const p = ctx.db.prisma;
    const v = { id: s.id, expectedVersion: s.version };
    for (const call of [
      createSection(p, writer, fields()),
      updateSection(p, writer, { ...v, ...fields() }),
      moveSection(p, writer, { ...v, direction: "up" }),
      setSectionRetired(p, writer, { ...v, retired: true }),
      makeDefaultSection(p, writer, v),
    ])
      await expect(call).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(ctx.db.prisma)).toEqual(before);
  });

  it("offers the section choices to everyone who reads articles, and to nobody else", async () => {
    for (const role of ROLES) {
      const call = listSectionChoices(ctx.db.prisma, ctx.cast.actors[role]);
      if (role === "anonymous" || role === "disabled") await expect(call).rejects.toBeInstanceOf(ForbiddenError);
      else await expect(call).resolves.toContainEqual(expect.objectContaining({ nameEn: "News" }));
    }
  });
});

describe("creating and editing sections", () => {
  it("starts with the three seeded sections, news the default", async () => {
    const sections = await listSections(ctx.db.prisma, admin());
    expect(sections.slice(0, 3).map((s) => [s.slugAr, s.slugRu, s.slugEn, s.isDefault])).toEqual([
      ["أخبار", "novosti", "news", true],
      ["ثقافة", "kultura", "culture", false],
      ["فعاليات", "sobytiya", "events", false],
    ]);
  });

  it("creates a section last in the order, with its names and slugs, audited", async () => {
    const created = await section();
    const all = await listSections(ctx.db.prisma, admin());
    expect(all.at(-1)).toMatchObject({ id: created.id, nameRu: created.nameRu, retiredAt: null, articles: 0 });
    const entry = await ctx.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "section.create" },
      orderBy: { id: "desc" },
    });
    expect(entry.data).toMatchObject({ nameAr: created.nameAr });
  });

  it("refuses a malformed slug, naming the field, and stores nothing", async () => {
    const before = await ctx.db.prisma.section.count();
    for (const bad of ["Sports", "two words", "a--b", "-x", ""]) {
      const call = createSection(ctx.db.prisma, admin(), { ...fields(), slugEn: bad });
      await expect(call).rejects.toBeInstanceOf(InvalidInputError);
      await expect(call).rejects.toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ path: ["slugEn"] })]),
      });
    }
    await expect(createSection(ctx.db.prisma, admin(), { ...fields(), nameRu: "  " })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await ctx.db.prisma.section.count()).toBe(before);
  });

  it("refuses a slug another section has in that language, and allows the same word in another language", async () => {
    const call = createSection(ctx.db.prisma, admin(), { ...fields(), slugRu: "novosti" });
    await expect(call).rejects.toMatchObject({
      issues: [{ path: ["slugRu"], message: "another section already has this slug" }],
    });
    const s = await section();
    const renamed = updateSection(ctx.db.prisma, admin(), {
      id: s.id,
      expectedVersion: s.version,
      ...fields(),
      slugEn: "culture",
    });
    await expect(renamed).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["slugEn"] })] });
    // "news" is the English slug of another section, not a Russian one.
    const other = await createSection(ctx.db.prisma, admin(), { ...fields(), slugRu: "news" });
    expect(other.section.slugRu).toBe("news");
  });

  it("renames with the version read, and returns a stale save as a conflict without changing anything", async () => {
    const s = await section();
    const first = await updateSection(ctx.db.prisma, admin(), {
      id: s.id,
      expectedVersion: s.version,
      ...fields(),
      nameEn: "Sport",
      slugEn: `sport-${s.id}`,
    });
    expect(first).toMatchObject({ status: "saved", section: { nameEn: "Sport", version: s.version + 1 } });
    const stale = await updateSection(ctx.db.prisma, editor(), {
      id: s.id,
      expectedVersion: s.version,
      ...fields(),
      nameEn: "Sports",
    });
    expect(stale).toMatchObject({ status: "conflict", current: { nameEn: "Sport", version: s.version + 1 } });
    expect((await ctx.db.prisma.section.findUniqueOrThrow({ where: { id: s.id } })).nameEn).toBe("Sport");
  });
});

describe("ordering sections", () => {
  it("moves a section up and down past its neighbour, keyboard steps one at a time", async () => {
    const a = await section();
    const b = await section();
    const moved = await moveSection(ctx.db.prisma, admin(), { id: b.id, expectedVersion: b.version, direction: "up" });
    expect(moved.status).toBe("saved");
    const ids = (await listSections(ctx.db.prisma, admin())).map((s) => s.id);
    expect(ids.indexOf(b.id)).toBe(ids.indexOf(a.id) - 1);
    const public_ = (await listPublicSections(ctx.db.prisma)).map((s) => s.id);
    expect(public_.indexOf(b.id)).toBeLessThan(public_.indexOf(a.id));
    if (moved.status !== "saved") return;
    await moveSection(ctx.db.prisma, admin(), { id: b.id, expectedVersion: moved.section.version, direction: "down" });
    const again = (await listSections(ctx.db.prisma, admin())).map((s) => s.id);
    expect(again.indexOf(b.id)).toBe(again.indexOf(a.id) + 1);
  });

  it("leaves the first section where it is when moved up, and refuses a stale move", async () => {
    const [first] = await listSections(ctx.db.prisma, admin());
    const result = await moveSection(ctx.db.prisma, admin(), {
      id: first!.id,
      expectedVersion: first!.version,
      direction: "up",
    });
    expect(result).toMatchObject({ status: "saved", section: { id: first!.id } });
    expect((await listSections(ctx.db.prisma, admin()))[0]!.id).toBe(first!.id);
    const stale = await moveSection(ctx.db.prisma, admin(), {
      id: first!.id,
      expectedVersion: first!.version + 5,
      direction: "down",
    });
    expect(stale.status).toBe("conflict");
    expect((await listSections(ctx.db.prisma, admin()))[0]!.id).toBe(first!.id);
  });
});

describe("retiring, restoring and the default", () => {
  it("retires a section: gone from the navigation and the choices, its page answers nothing, its articles keep it", async () => {
    const s = await section();
    const fixture = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "published",
      publishedAt: new Date("2024-05-01T12:00:00Z"),
    });
    await ctx.db.prisma.article.update({ where: { id: fixture.articleId }, data: { sectionId: s.id } });
    const listed = await listPublishedArticlesBySection(ctx.db.prisma, { slug: s.slugAr, locale: "ar" });
    expect(listed && "items" in listed ? listed.items.map((i) => i.id) : null).toEqual([fixture.articleId]);

    const retired = await setSectionRetired(ctx.db.prisma, admin(), {
      id: s.id,
      expectedVersion: s.version,
      retired: true,
    });
    expect(retired).toMatchObject({ status: "saved", section: { retiredAt: expect.any(Date), articles: 1 } });
    expect((await listPublicSections(ctx.db.prisma)).map((x) => x.id)).not.toContain(s.id);
    expect((await listSectionChoices(ctx.db.prisma, editor())).map((x) => x.id)).not.toContain(s.id);
    expect(
      (await listSectionChoices(ctx.db.prisma, editor(), { keepId: s.id })).find((x) => x.id === s.id),
    ).toMatchObject({
      retired: true,
    });
    expect(await listPublishedArticlesBySection(ctx.db.prisma, { slug: s.slugAr, locale: "ar" })).toBeNull();
    expect((await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: fixture.articleId } })).sectionId).toBe(s.id);

    // Nothing new may be filed under it.
    const other = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const filing = saveAttribution(ctx.db.prisma, editor(), {
      articleId: other.articleId,
      expectedVersion: 1,
      bylines: [],
      source: null,
      photoCredit: null,
      leadPhotoUrl: null,
      sectionId: s.id,
    });
    await expect(filing).rejects.toMatchObject({
      issues: [{ path: ["sectionId"], message: expect.stringMatching(/retired/) }],
    });

    if (retired.status !== "saved") return;
    const restored = await setSectionRetired(ctx.db.prisma, admin(), {
      id: s.id,
      expectedVersion: retired.section.version,
      retired: false,
    });
    expect(restored).toMatchObject({ status: "saved", section: { retiredAt: null } });
    expect((await listPublicSections(ctx.db.prisma)).map((x) => x.id)).toContain(s.id);
  });

  it("never retires the default section, and never makes a retired one the default", async () => {
    const [news] = await listSections(ctx.db.prisma, admin());
    expect(news!.isDefault).toBe(true);
    await expect(
      setSectionRetired(ctx.db.prisma, admin(), { id: news!.id, expectedVersion: news!.version, retired: true }),
    ).rejects.toBeInstanceOf(SectionRuleError);
    const s = await section();
    const r = await setSectionRetired(ctx.db.prisma, admin(), { id: s.id, expectedVersion: s.version, retired: true });
    if (r.status !== "saved") throw new Error("not retired");
    await expect(
      makeDefaultSection(ctx.db.prisma, admin(), { id: s.id, expectedVersion: r.section.version }),
    ).rejects.toMatchObject({ rule: "default_retired" });
    expect((await ctx.db.prisma.section.findUniqueOrThrow({ where: { id: news!.id } })).retiredAt).toBeNull();
  });

  it("makes another section the default: one default at a time, new articles filed under it", async () => {
    const s = await section();
    const made = await makeDefaultSection(ctx.db.prisma, editor(), { id: s.id, expectedVersion: s.version });
    expect(made).toMatchObject({ status: "saved", section: { isDefault: true } });
    expect(await ctx.db.prisma.section.count({ where: { isDefault: true } })).toBe(1);
    const created = await createArticle(ctx.db.prisma, editor(), { title: "خبر في القسم الافتراضي" });
    if (created.status !== "created") throw new Error("not created");
    expect((await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: created.articleId } })).sectionId).toBe(s.id);
    // Back to news for the other tests.
    const news = await ctx.db.prisma.section.findUniqueOrThrow({ where: { slugEn: "news" } });
    await makeDefaultSection(ctx.db.prisma, admin(), { id: news.id, expectedVersion: news.version });
    const again = await createArticle(ctx.db.prisma, editor(), { title: "خبر آخر" });
    if (again.status !== "created") throw new Error("not created");
    expect((await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: again.articleId } })).sectionId).toBe(news.id);
  });
});

describe("filing an article under a section", () => {
  it("moves it with its attribution, stale-version safe, and says which section it left", async () => {
    const s = await section();
    const news = await ctx.db.prisma.section.findUniqueOrThrow({ where: { slugEn: "news" } });
    const f = await createArticleFixture(ctx.db.prisma, {
      ownerId: ctx.cast.ids.writer,
      status: "published",
      publishedAt: new Date("2024-05-02T12:00:00Z"),
    });
    await ctx.db.prisma.article.update({ where: { id: f.articleId }, data: { sectionId: news.id } });
    const version = (await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: f.articleId } })).version;
    const attribution = { articleId: f.articleId, bylines: [], source: null, photoCredit: null, leadPhotoUrl: null };
    const saved = await saveAttribution(ctx.db.prisma, editor(), {
      ...attribution,
      expectedVersion: version,
      sectionId: s.id,
    });
    expect(saved).toMatchObject({ status: "saved", affectsPublicSite: true, previousSectionId: news.id });
    const [footprint] = await findArticleFootprints(ctx.db.prisma, { ids: [f.articleId] });
    expect(footprint?.sectionId).toBe(s.id);
    const stale = await saveAttribution(ctx.db.prisma, editor(), {
      ...attribution,
      expectedVersion: version,
      sectionId: news.id,
    });
    expect(stale.status).toBe("conflict");
    expect((await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: f.articleId } })).sectionId).toBe(s.id);
    // Left out, the section stays.
    const unchanged = await saveAttribution(ctx.db.prisma, editor(), { ...attribution, expectedVersion: version + 1 });
    expect(unchanged).toMatchObject({ status: "saved", previousSectionId: null });
    expect((await ctx.db.prisma.article.findUniqueOrThrow({ where: { id: f.articleId } })).sectionId).toBe(s.id);

    const page = await listPublishedArticlesBySection(ctx.db.prisma, { slug: s.slugRu, locale: "ru" });
    expect(page && "items" in page ? page.section.names.ru : null).toBe(s.nameRu);
    // The Russian edition is not published: the Arabic page lists it.
    const ar = await listPublishedArticlesBySection(ctx.db.prisma, { slug: s.slugAr, locale: "ar" });
    expect(ar && "items" in ar ? ar.items.map((i) => i.id) : null).toEqual([f.articleId]);
    // Another edition's slug names the section: the page moves to this edition's.
    expect(await listPublishedArticlesBySection(ctx.db.prisma, { slug: s.slugEn, locale: "ru" })).toEqual({
      moved: s.slugRu,
    });
    expect(await listPublishedArticlesBySection(ctx.db.prisma, { slug: "no-such-section", locale: "ru" })).toBeNull();

    const filtered = await listArticlesForAdmin(ctx.db.prisma, editor(), { sectionId: String(s.id) });
    expect([...new Set(filtered.rows.map((r) => r.articleId))]).toEqual([f.articleId]);
    const options = await listAdminFilterOptions(ctx.db.prisma, editor());
    expect(options.sections.map((x) => x.id)).toContain(s.id);
  });

  it("refuses an unknown section", async () => {
    const f = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    await expect(
      saveAttribution(ctx.db.prisma, editor(), {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [],
        source: null,
        photoCredit: null,
        leadPhotoUrl: null,
        sectionId: 999_999,
      }),
    ).rejects.toMatchObject({ issues: [{ path: ["sectionId"], message: "unknown section" }] });
  });
});
