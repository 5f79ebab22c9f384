// The edited front page and the breaking banner against a real database: how slots fill (no hole, no duplicate,
// pins ending, unpublished stories skipped), saves with an optimistic lock, scheduled arrangements going live,
// the banner's checks and end, and who may do each (every role).
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, type Actor } from "../permissions.ts";
import { createArticleFixture, ROLES, type Role, useEditorialDatabase } from "../editorial/test-fixtures.ts";
import {
  applyDueFrontPages,
  cancelScheduledFrontPage,
  loadFrontPageForEditing,
  previewFrontPage,
  publishFrontPage,
  saveFrontPageDraft,
  searchFrontPageStories,
} from "./arrangements.ts";
import { endBreakingBanner, loadBreakingBanner, setBreakingBanner } from "./breaking.ts";
import { getActiveBreakingBanner } from "./public-breaking.ts";
import { getPublicFrontPage } from "./public-front-page.ts";
import type { FrontPageLayout } from "./layout.ts";

const ctx = useEditorialDatabase();
const HOUR = 3_600_000;
const base = new Date("2026-12-01T12:00:00Z");

/** Stories published in Arabic, the n-th one n hours after `base` (so the last is the newest). */
let stories: number[] = [];
let culture: number;
let news: number;

async function publishedStory(prisma: PrismaClient, hoursAfterBase: number, sectionId: number): Promise<number> {
  const fixture = await createArticleFixture(prisma, {
    ownerId: null,
    status: "published",
    publishedAt: new Date(base.getTime() + hoursAfterBase * HOUR),
  });
  await prisma.article.update({ where: { id: fixture.articleId }, data: { sectionId } });
  return fixture.articleId;
}

beforeAll(async () => {
  const prisma = ctx.db.prisma;
  news = (await prisma.section.findFirstOrThrow({ where: { slugEn: "news" } })).id;
  culture = (await prisma.section.findFirstOrThrow({ where: { slugEn: "culture" } })).id;
  stories = [];
  // Ten news stories, then three culture stories older than all of them.
  for (let n = 0; n < 10; n++) stories.push(await publishedStory(prisma, 10 + n, news));
  for (let n = 0; n < 3; n++) stories.push(await publishedStory(prisma, n, culture));
});

const editor = () => ctx.cast.actors.editor;
const slot = (articleId: number, pinnedUntil: Date | null = null) => ({
  articleId,
  pinnedUntil: pinnedUntil?.toISOString() ?? null,
});
const ids = (page: { lead: { id: number } | null; top: { id: number }[]; sections: { items: { id: number }[] }[] }) => [
  ...(page.lead ? [page.lead.id] : []),
  ...page.top.map((story) => story.id),
  ...page.sections.flatMap((row) => row.items.map((story) => story.id)),
];

async function publishLayout(layout: FrontPageLayout, now = new Date()) {
  const prisma = ctx.db.prisma;
  const { draft } = await loadFrontPageForEditing(prisma, editor(), { locale: "ar" });
  const result = await publishFrontPage(prisma, editor(), {
    locale: "ar",
    expectedVersion: draft.version,
    layout,
    now,
  });
  expect(result.status).toBe("published");
}

describe("the public front page", () => {
  it("is null (the newest-first list) while the edition has no arrangement", async () => {
    expect(await getPublicFrontPage(ctx.db.prisma, { locale: "ru" })).toBeNull();
  });

  it("puts the chosen stories in their slots and fills every other slot with the newest, without duplicates", async () => {
    const [oldest, second] = [stories[0]!, stories[1]!];
    await publishLayout({
      lead: slot(oldest),
      top: [null, slot(second)],
      sections: [{ sectionId: culture }],
    });
    const page = await getPublicFrontPage(ctx.db.prisma, { locale: "ar" });
    expect(page).not.toBeNull();
    if (!page) return;
    expect(page.lead?.id).toBe(oldest);
    // Six top positions: the newest first, the chosen story second, then the next newest.
    expect(page.top.map((story) => story.id)).toEqual([
      stories[9],
      second,
      stories[8],
      stories[7],
      stories[6],
      stories[5],
    ]);
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]?.items.map((story) => story.id)).toEqual([stories[12], stories[11], stories[10]]);
    const all = ids(page);
    expect(new Set(all).size).toBe(all.length);
  });

  it("skips a chosen story that is no longer published in the edition: its slot fills itself", async () => {
    const prisma = ctx.db.prisma;
    const withdrawn = await publishedStory(prisma, 100, news);
    await publishLayout({ lead: slot(withdrawn), top: [], sections: [] });
    expect((await getPublicFrontPage(prisma, { locale: "ar" }))?.lead?.id).toBe(withdrawn);
    await prisma.articleLocalization.updateMany({ where: { articleId: withdrawn }, data: { status: "unpublished" } });
    const page = await getPublicFrontPage(prisma, { locale: "ar" });
    expect(page?.lead?.id).toBe(stories[9]);
    expect(page ? ids(page) : []).not.toContain(withdrawn);
  });

  it("drops a pin once its time has come, and the scheduler empties it in the stored page", async () => {
    const prisma = ctx.db.prisma;
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    await publishLayout({ lead: slot(stories[0]!, until), top: [], sections: [] }, now);
    expect((await getPublicFrontPage(prisma, { locale: "ar", now }))?.lead?.id).toBe(stories[0]);
    const later = new Date(until.getTime() + 1);
    const page = await getPublicFrontPage(prisma, { locale: "ar", now: later });
    expect(page?.lead?.id).toBe(stories[9]);
    // The old lead falls back into the flow: it is shown where its date puts it, if at all (here: too old).
    expect(await applyDueFrontPages(prisma, now)).toEqual([]);
    expect(await applyDueFrontPages(prisma, later)).toEqual(["ar"]);
    const live = await prisma.frontPageArrangement.findFirstOrThrow({ where: { locale: "ar", kind: "live" } });
    expect((live.layout as FrontPageLayout).lead).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "frontpage.pin_expired" } })).toBe(1);
  });
});

describe("saving, publishing and scheduling", () => {
  it("refuses a save based on an older version (a conflict), and keeps the newer one", async () => {
    const prisma = ctx.db.prisma;
    const { draft } = await loadFrontPageForEditing(prisma, editor(), { locale: "en" });
    expect(draft.version).toBe(0);
    const first = await saveFrontPageDraft(prisma, editor(), {
      locale: "en",
      expectedVersion: 0,
      layout: { lead: null, top: [], sections: [{ sectionId: news }] },
    });
    expect(first).toEqual({ status: "saved", version: 1 });
    const stale = await saveFrontPageDraft(prisma, ctx.cast.actors.admin, {
      locale: "en",
      expectedVersion: 0,
      layout: { lead: null, top: [], sections: [] },
    });
    expect(stale).toEqual({ status: "conflict", currentVersion: 1 });
    const stored = await loadFrontPageForEditing(prisma, editor(), { locale: "en" });
    expect(stored.draft.layout.sections).toEqual([{ sectionId: news }]);
  });

  it("refuses a layout with a story not in the edition, a retired or unknown section, or a bad shape", async () => {
    const prisma = ctx.db.prisma;
    const save = (layout: unknown) =>
      saveFrontPageDraft(prisma, editor(), { locale: "ar", expectedVersion: 99, layout });
    expect(await save({ lead: slot(2_000_000), top: [], sections: [] })).toEqual({
      status: "invalid",
      reason: "unknown_story",
    });
    expect(await save({ lead: null, top: [], sections: [{ sectionId: 999_999 }] })).toEqual({
      status: "invalid",
      reason: "unknown_section",
    });
    expect(await save({ lead: null, top: Array(7).fill(null), sections: [] })).toEqual({
      status: "invalid",
      reason: "invalid_layout",
    });
  });

  it("makes a scheduled arrangement live at its time, and not before; a cancelled one never", async () => {
    const prisma = ctx.db.prisma;
    const now = new Date();
    const { draft } = await loadFrontPageForEditing(prisma, editor(), { locale: "ru" });
    const inPast = await publishFrontPage(prisma, editor(), {
      locale: "ru",
      expectedVersion: draft.version,
      layout: { lead: null, top: [], sections: [] },
      goLiveAt: new Date(now.getTime() - 1),
      now,
    });
    expect(inPast).toEqual({ status: "invalid", reason: "time_in_past" });
    const at = new Date(now.getTime() + HOUR);
    const scheduled = await publishFrontPage(prisma, editor(), {
      locale: "ru",
      expectedVersion: draft.version,
      layout: { lead: null, top: [], sections: [{ sectionId: culture }] },
      goLiveAt: at,
      now,
    });
    expect(scheduled.status).toBe("scheduled");
    const toCancel = await publishFrontPage(prisma, editor(), {
      locale: "ru",
      expectedVersion: scheduled.status === "scheduled" ? scheduled.version : -1,
      layout: { lead: null, top: [], sections: [] },
      goLiveAt: new Date(at.getTime() + HOUR),
      now,
    });
    expect(toCancel.status).toBe("scheduled");
    const editing = await loadFrontPageForEditing(prisma, editor(), { locale: "ru" });
    expect(editing.scheduled).toHaveLength(2);
    expect(await cancelScheduledFrontPage(prisma, editor(), { id: editing.scheduled[1]!.id })).toEqual({
      status: "cancelled",
    });

    expect(await applyDueFrontPages(prisma, new Date(at.getTime() - 1))).toEqual([]);
    expect(await prisma.frontPageArrangement.count({ where: { locale: "ru", kind: "live" } })).toBe(0);
    expect(await applyDueFrontPages(prisma, at)).toEqual(["ru"]);
    const live = await prisma.frontPageArrangement.findFirstOrThrow({ where: { locale: "ru", kind: "live" } });
    expect(live.layout).toEqual({ lead: null, top: [], sections: [{ sectionId: culture }] });
    expect(await prisma.frontPageArrangement.count({ where: { locale: "ru", kind: "scheduled" } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "frontpage.publish_scheduled" } })).toBe(1);
    // Applied once: a second pass changes nothing.
    expect(await applyDueFrontPages(prisma, new Date(at.getTime() + 2 * HOUR))).toEqual([]);
  });
});

describe("the breaking banner", () => {
  it("checks its text, link and end, in that order, storing nothing when refused", async () => {
    const prisma = ctx.db.prisma;
    const set = (text: string, link: string, endsAt: Date | null = null) =>
      setBreakingBanner(prisma, editor(), { locale: "en", text, link, endsAt });
    expect(await set("  ", "/news/1")).toEqual({ status: "invalid", reason: "text_required" });
    expect(await set("x".repeat(141), "/news/1")).toEqual({ status: "invalid", reason: "text_too_long" });
    expect(await set("Quake", "")).toEqual({ status: "invalid", reason: "link_required" });
    for (const bad of ["javascript:alert(1)", "http://example.com/", "//evil.example/", "news/1", "/a b"]) {
      expect(await set("Quake", bad)).toEqual({ status: "invalid", reason: "link_invalid" });
    }
    expect(await set("Quake", "/news/1", new Date(Date.now() - 1000))).toEqual({
      status: "invalid",
      reason: "ends_in_past",
    });
    expect(await prisma.breakingBanner.count({ where: { locale: "en" } })).toBe(0);
    expect(await set("Quake", "https://example.com/live")).toEqual({ status: "set" });
  });

  it("is shown until its end time, or until ended by hand", async () => {
    const prisma = ctx.db.prisma;
    const now = new Date();
    const endsAt = new Date(now.getTime() + 60_000);
    expect(
      await setBreakingBanner(prisma, editor(), { locale: "ar", text: " زلزال\nقوي ", link: "/news/1", endsAt, now }),
    ).toEqual({ status: "set" });
    expect(await getActiveBreakingBanner(prisma, { locale: "ar", now })).toEqual({
      text: "زلزال قوي",
      link: "/news/1",
      endsAt: endsAt.toISOString(),
    });
    expect(await getActiveBreakingBanner(prisma, { locale: "ru", now })).toBeNull();
    expect(await getActiveBreakingBanner(prisma, { locale: "ar", now: endsAt })).toBeNull();

    await setBreakingBanner(prisma, editor(), { locale: "ar", text: "عاجل", link: "/news/2", endsAt: null, now });
    expect((await getActiveBreakingBanner(prisma, { locale: "ar" }))?.text).toBe("عاجل");
    expect(await endBreakingBanner(prisma, editor(), { locale: "ar" })).toEqual({ status: "ended" });
    expect(await getActiveBreakingBanner(prisma, { locale: "ar" })).toBeNull();
    expect(await endBreakingBanner(prisma, editor(), { locale: "ar" })).toEqual({ status: "not_active" });
    expect(await prisma.auditLog.count({ where: { action: "breaking.end" } })).toBe(1);
  });
});

describe("who may arrange the front page and set the banner", () => {
  type Case = {
    name: string;
    permission: string;
    run: (prisma: PrismaClient, actor: Actor | null) => Promise<unknown>;
  };
  const allowed: readonly Role[] = ["editor", "admin"];
  const CASES: Case[] = [
    {
      name: "loadFrontPageForEditing",
      permission: "frontpage.manage",
      run: (p, a) => loadFrontPageForEditing(p, a, { locale: "ar" }),
    },
    {
      name: "searchFrontPageStories",
      permission: "frontpage.manage",
      run: (p, a) => searchFrontPageStories(p, a, { locale: "ar", query: "" }),
    },
    {
      name: "previewFrontPage",
      permission: "frontpage.manage",
      run: (p, a) => previewFrontPage(p, a, { locale: "ar", layout: { lead: null, top: [], sections: [] } }),
    },
    {
      name: "saveFrontPageDraft",
      permission: "frontpage.manage",
      run: async (p, a) => {
        const { draft } = await loadFrontPageForEditing(p, ctx.cast.actors.admin, { locale: "ar" });
        return saveFrontPageDraft(p, a, { locale: "ar", expectedVersion: draft.version, layout: draft.layout });
      },
    },
    {
      name: "publishFrontPage",
      permission: "frontpage.manage",
      run: async (p, a) => {
        const { draft } = await loadFrontPageForEditing(p, ctx.cast.actors.admin, { locale: "ar" });
        return publishFrontPage(p, a, { locale: "ar", expectedVersion: draft.version, layout: draft.layout });
      },
    },
    {
      name: "publishFrontPage (scheduled)",
      permission: "frontpage.manage",
      run: async (p, a) => {
        const { draft } = await loadFrontPageForEditing(p, ctx.cast.actors.admin, { locale: "ar" });
        return publishFrontPage(p, a, {
          locale: "ar",
          expectedVersion: draft.version,
          layout: draft.layout,
          goLiveAt: new Date(Date.now() + HOUR),
        });
      },
    },
    {
      name: "cancelScheduledFrontPage",
      permission: "frontpage.manage",
      run: async (p, a) => {
        const row = await p.frontPageArrangement.create({
          data: { locale: "en", kind: "scheduled", goLiveAt: new Date(Date.now() + HOUR), layout: {} },
        });
        try {
          return await cancelScheduledFrontPage(p, a, { id: row.id });
        } finally {
          await p.frontPageArrangement.deleteMany({ where: { id: row.id } });
        }
      },
    },
    {
      name: "loadBreakingBanner",
      permission: "breaking.manage",
      run: (p, a) => loadBreakingBanner(p, a, { locale: "ru" }),
    },
    {
      name: "setBreakingBanner",
      permission: "breaking.manage",
      run: (p, a) => setBreakingBanner(p, a, { locale: "ru", text: "Срочно", link: "/ru", endsAt: null }),
    },
    {
      name: "endBreakingBanner",
      permission: "breaking.manage",
      run: async (p, a) => {
        await p.breakingBanner.upsert({
          where: { locale: "ru" },
          create: { locale: "ru", text: "Срочно", link: "/ru", startedAt: new Date() },
          update: { endedAt: null, endsAt: null },
        });
        return endBreakingBanner(p, a, { locale: "ru" });
      },
    },
  ];

  for (const testCase of CASES) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${testCase.name} as ${role}: ${may ? "allowed" : "refused"}`, async () => {
        const prisma = ctx.db.prisma;
        const actor = ctx.cast.actors[role];
        if (may) {
          await expect(testCase.run(prisma, actor)).resolves.toBeDefined();
          return;
        }
        const before = {
          arrangements: await prisma.frontPageArrangement.findMany({ orderBy: { id: "asc" } }),
          audit: await prisma.auditLog.count(),
        };
        const error = await testCase.run(prisma, actor).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ForbiddenError);
        expect((error as ForbiddenError).permission).toBe(testCase.permission);
        expect(await prisma.frontPageArrangement.findMany({ orderBy: { id: "asc" } })).toEqual(before.arrangements);
        expect(await prisma.auditLog.count()).toBe(before.audit);
      });
    }
  }
});
