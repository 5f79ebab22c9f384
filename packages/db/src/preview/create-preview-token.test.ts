// Who may create a preview link (and so read a draft on the public site), what the link shows, and its audit entry.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { createArticleFixture, type Role, useEditorialDatabase } from "../editorial/test-fixtures.ts";
import { createPreviewToken, revokePreviewLinks } from "./create-preview-token.ts";
import { loadPreviewArticle } from "./load-preview-article.ts";
import { verifyPreviewToken } from "./preview-token.ts";

const SECRET = "a-test-preview-secret-of-at-least-32-chars";
const ctx = useEditorialDatabase();

describe("createPreviewToken", () => {
  const draftOfWriter = () =>
    createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "draft", title: "مسودة للمعاينة" });

  it.each<[Role, boolean]>([
    ["editor", true],
    ["admin", true],
    ["writer", true],
    ["otherWriter", false],
    ["anonymous", false],
    ["disabled", false],
  ])("%s on a writer's Arabic draft: allowed = %s", async (role, allowed) => {
    const fixture = await draftOfWriter();
    const actor = ctx.cast.actors[role];
    const auditBefore = await ctx.db.prisma.auditLog.count({ where: { action: "article.preview_link" } });
    const attempt = createPreviewToken(ctx.db.prisma, actor, { articleId: fixture.articleId, locale: "ar" }, SECRET);
    if (allowed) {
      const { token, localizationId } = await attempt;
      expect(localizationId).toBe(fixture.ar.id);
      expect(verifyPreviewToken(token, SECRET)?.localizationId).toBe(fixture.ar.id);
      const audit = await ctx.db.prisma.auditLog.findFirstOrThrow({
        where: { action: "article.preview_link" },
        orderBy: { id: "desc" },
      });
      expect(audit).toMatchObject({
        actorId: actor?.userId,
        entityType: "localization",
        entityId: String(fixture.ar.id),
      });
    } else {
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
      expect(await ctx.db.prisma.auditLog.count({ where: { action: "article.preview_link" } })).toBe(auditBefore);
    }
  });

  it("lets the writer preview their own draft only while it is theirs to edit; reviewers any time", async () => {
    const fixture = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "in_review" });
    const input = { articleId: fixture.articleId, locale: "ar" as const };
    await expect(createPreviewToken(ctx.db.prisma, ctx.cast.actors.writer, input, SECRET)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createPreviewToken(ctx.db.prisma, ctx.cast.actors.editor, input, SECRET)).resolves.toMatchObject({
      localizationId: fixture.ar.id,
    });
  });

  it("names a missing localization as not found, and rejects a bad locale", async () => {
    const fixture = await draftOfWriter();
    const editor = ctx.cast.actors.editor;
    await expect(
      createPreviewToken(ctx.db.prisma, editor, { articleId: fixture.articleId, locale: "en" }, SECRET),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createPreviewToken(ctx.db.prisma, editor, { articleId: fixture.articleId, locale: "fr" as "en" }, SECRET),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("gives a token that loads the draft as it is now, and nothing once expired", async () => {
    const fixture = await draftOfWriter();
    const now = new Date();
    const { token } = await createPreviewToken(
      ctx.db.prisma,
      ctx.cast.actors.editor,
      { articleId: fixture.articleId, locale: "ar" },
      SECRET,
      { now },
    );
    const article = await loadPreviewArticle(ctx.db.prisma, { token, secret: SECRET });
    expect(article).toMatchObject({
      id: fixture.articleId,
      locale: "ar",
      status: "draft",
      title: "مسودة للمعاينة",
      availableLocales: [],
    });
    expect(article?.blocks.length).toBeGreaterThan(0);
    expect(
      await loadPreviewArticle(ctx.db.prisma, { token, secret: SECRET, now: new Date(now.getTime() + 31 * 60_000) }),
    ).toBeNull();
    expect(await loadPreviewArticle(ctx.db.prisma, { token: `${token}x`, secret: SECRET })).toBeNull();
  });
});

describe("a preview link's lifetime and revocation", () => {
  const draft = () =>
    createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer, status: "draft", title: "مسودة" });

  it("lives 30 minutes unless asked, up to a week, and never longer", async () => {
    const fixture = await draft();
    const now = new Date("2026-12-04T10:00:00Z");
    const editor = ctx.cast.actors.editor;
    const make = (lifetimeMinutes?: number) =>
      createPreviewToken(
        ctx.db.prisma,
        editor,
        { articleId: fixture.articleId, locale: "ar", ...(lifetimeMinutes ? { lifetimeMinutes } : {}) },
        SECRET,
        { now },
      );
    expect((await make()).expiresAt).toEqual(new Date("2026-12-04T10:30:00Z"));
    const week = await make(7 * 24 * 60);
    expect(week.expiresAt).toEqual(new Date("2026-12-11T10:00:00Z"));
    expect(
      await loadPreviewArticle(ctx.db.prisma, {
        token: week.token,
        secret: SECRET,
        now: new Date("2026-12-11T09:59:00Z"),
      }),
    ).toMatchObject({ localizationId: fixture.ar.id });
    await expect(make(7 * 24 * 60 + 1)).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("stops every link of the article on revoking, in every language; later links work", async () => {
    const fixture = await draft();
    const editor = ctx.cast.actors.editor;
    const arLink = await createPreviewToken(
      ctx.db.prisma,
      editor,
      { articleId: fixture.articleId, locale: "ar" },
      SECRET,
    );
    const ruLink = await createPreviewToken(
      ctx.db.prisma,
      editor,
      { articleId: fixture.articleId, locale: "ru" },
      SECRET,
    );
    const other = await draft();
    const otherLink = await createPreviewToken(
      ctx.db.prisma,
      editor,
      { articleId: other.articleId, locale: "ar" },
      SECRET,
    );

    await expect(
      revokePreviewLinks(ctx.db.prisma, ctx.cast.actors.otherWriter, { articleId: fixture.articleId }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await loadPreviewArticle(ctx.db.prisma, { token: arLink.token, secret: SECRET })).not.toBeNull();

    // The writer whose draft it is may revoke its links.
    await revokePreviewLinks(ctx.db.prisma, ctx.cast.actors.writer, { articleId: fixture.articleId });
    expect(await loadPreviewArticle(ctx.db.prisma, { token: arLink.token, secret: SECRET })).toBeNull();
    expect(await loadPreviewArticle(ctx.db.prisma, { token: ruLink.token, secret: SECRET })).toBeNull();
    expect(await loadPreviewArticle(ctx.db.prisma, { token: otherLink.token, secret: SECRET })).not.toBeNull();
    const fresh = await createPreviewToken(
      ctx.db.prisma,
      editor,
      { articleId: fixture.articleId, locale: "ar" },
      SECRET,
    );
    expect(await loadPreviewArticle(ctx.db.prisma, { token: fresh.token, secret: SECRET })).toMatchObject({
      localizationId: fixture.ar.id,
    });
    expect(
      await ctx.db.prisma.auditLog.findFirstOrThrow({
        where: { action: "article.preview_links_revoked" },
        orderBy: { id: "desc" },
      }),
    ).toMatchObject({ actorId: ctx.cast.ids.writer, entityType: "article", entityId: String(fixture.articleId) });
  });
});
