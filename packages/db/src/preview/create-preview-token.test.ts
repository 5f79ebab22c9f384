// Who may create a preview link (and so read a draft on the public site), what the link shows, and its audit entry.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../permissions.ts";
import { createArticleFixture, type Role, useEditorialDatabase } from "../editorial/test-fixtures.ts";
import { createPreviewToken } from "./create-preview-token.ts";
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
