// Every mutating editorial use case, called as each kind of actor: only the allowed ones succeed, the rest change nothing.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { ForbiddenError, type Actor } from "../permissions.ts";
import { addReviewComment } from "./add-review-comment.ts";
import { createArticle } from "./create-article.ts";
import { diffRevisions } from "./diff-revisions.ts";
import { listEditors } from "./list-editors.ts";
import { listRevisions } from "./list-revisions.ts";
import { listWorkflowHistory } from "./list-workflow-history.ts";
import { markEditing } from "./mark-editing.ts";
import { moveArticle } from "./move-article.ts";
import { restoreRevision } from "./restore-revision.ts";
import { saveLocalization } from "./save-localization.ts";
import { saveAttribution } from "./save-attribution.ts";
import { startTranslation } from "./start-translation.ts";
import { openArticle } from "./open-article.ts";
import {
  discardChanges,
  publishChanges,
  returnChanges,
  schedulePendingChanges,
  setUnpublishAt,
  submitChanges,
} from "./pending-changes.ts";
import { listAdminFilterOptions, listArticlesForAdmin } from "../queries/admin-articles.ts";
import {
  createArticleFixture,
  ROLES,
  snapshotEditorialTables,
  type ArticleFixture,
  type Role,
  useEditorialDatabase,
} from "./test-fixtures.ts";
import type { ArticleStatus } from "../generated/prisma/client.ts";

const ctx = useEditorialDatabase();

type Case = {
  name: string;
  allowed: readonly Role[];
  status?: ArticleStatus;
  /** The published Arabic text has pending changes (sent to review with "submitted"). */
  pending?: "open" | "submitted";
  /** Resolves when the use case did what was asked (a conflict or a typed refusal is not success). */
  run: (prisma: PrismaClient, actor: Actor | null, fixture: ArticleFixture) => Promise<unknown>;
};

const inAnHour = () => new Date(Date.now() + 3_600_000);
const editorsOnly = ["editor", "admin"] as const;

async function saved(result: Promise<{ status: string }>) {
  const outcome = await result;
  if (outcome.status !== "saved" && outcome.status !== "created") throw new Error(`not saved: ${outcome.status}`);
  return outcome;
}

const saveText = (id: number, version: number) => ({
  localizationId: id,
  expectedVersion: version,
  title: "عنوان معدل",
  summary: null,
  slug: `edited-${id}`,
  body: [{ type: "paragraph" as const, text: "نص معدل." }],
});

const move =
  (to: ArticleStatus, extra: { scheduledAt?: Date } = {}) =>
  (prisma: PrismaClient, actor: Actor | null, f: ArticleFixture) =>
    moveArticle(prisma, actor, { localizationId: f.ar.id, to, expectedVersion: f.ar.version, ...extra });

const CASES: Case[] = [
  {
    name: "createArticle",
    allowed: ["writer", "otherWriter", "editor", "admin"],
    run: (prisma, actor) =>
      saved(createArticle(prisma, actor, { title: "مسودة جديدة", body: [{ type: "paragraph", text: "نص." }] })),
  },
  {
    name: "saveLocalization (Arabic draft of the writer's article)",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) => saved(saveLocalization(prisma, actor, saveText(f.ar.id, f.ar.version))),
  },
  {
    name: "saveLocalization (Russian draft translation)",
    allowed: ["translator", "writer", "editor", "admin"],
    run: (prisma, actor, f) => saved(saveLocalization(prisma, actor, saveText(f.ru.id, f.ru.version))),
  },
  {
    // Its own writer's edits wait as pending changes for someone who may publish them.
    name: "saveLocalization (Arabic original, published: pending changes)",
    status: "published",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) => saved(saveLocalization(prisma, actor, saveText(f.ar.id, f.ar.version))),
  },
  {
    name: "saveLocalization (published, changes sent to review)",
    status: "published",
    pending: "submitted",
    allowed: editorsOnly,
    run: (prisma, actor, f) => saved(saveLocalization(prisma, actor, saveText(f.ar.id, f.ar.version))),
  },
  {
    name: "publishChanges",
    status: "published",
    pending: "open",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      publishChanges(prisma, actor, {
        localizationId: f.ar.id,
        expectedVersion: f.ar.version,
        mark: "correction",
        note: "تصويب",
      }),
  },
  {
    name: "schedulePendingChanges",
    status: "published",
    pending: "open",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      schedulePendingChanges(prisma, actor, { localizationId: f.ar.id, expectedVersion: f.ar.version, at: inAnHour() }),
  },
  {
    name: "discardChanges (the writer's own, not sent to review)",
    status: "published",
    pending: "open",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) =>
      discardChanges(prisma, actor, { localizationId: f.ar.id, expectedVersion: f.ar.version }),
  },
  {
    name: "discardChanges (sent to review: the reviewers')",
    status: "published",
    pending: "submitted",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      discardChanges(prisma, actor, { localizationId: f.ar.id, expectedVersion: f.ar.version }),
  },
  {
    name: "submitChanges",
    status: "published",
    pending: "open",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) => submitChanges(prisma, actor, { localizationId: f.ar.id, expectedVersion: f.ar.version }),
  },
  {
    name: "returnChanges",
    status: "published",
    pending: "submitted",
    allowed: editorsOnly,
    run: (prisma, actor, f) => returnChanges(prisma, actor, { localizationId: f.ar.id, expectedVersion: f.ar.version }),
  },
  {
    name: "setUnpublishAt",
    status: "published",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      setUnpublishAt(prisma, actor, { localizationId: f.ar.id, expectedVersion: f.ar.version, at: inAnHour() }),
  },
  {
    name: "saveLocalization with tags (Russian translation; tags belong to the whole article)",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) =>
      saved(saveLocalization(prisma, actor, { ...saveText(f.ru.id, f.ru.version), tags: ["سياسة"] })),
  },
  {
    name: "restoreRevision (Arabic draft)",
    allowed: ["writer", "editor", "admin"],
    run: async (prisma, actor, f) => {
      const revision = await prisma.revision.findFirstOrThrow({ where: { localizationId: f.ar.id } });
      return saved(
        restoreRevision(prisma, actor, {
          localizationId: f.ar.id,
          revisionId: revision.id,
          expectedVersion: f.ar.version,
        }),
      );
    },
  },
  { name: "moveArticle submit (Arabic draft)", allowed: ["writer", "editor", "admin"], run: move("in_review") },
  {
    name: "moveArticle submit (Russian translation)",
    allowed: ["translator", "writer", "editor", "admin"],
    run: (prisma, actor, f) =>
      moveArticle(prisma, actor, { localizationId: f.ru.id, to: "in_review", expectedVersion: f.ru.version }),
  },
  { name: "moveArticle approve", status: "in_review", allowed: editorsOnly, run: move("approved") },
  // Reviewers return it; its own writer may withdraw it (until approved: see withdraw-and-restore.test.ts).
  {
    name: "moveArticle return or withdraw to draft",
    status: "in_review",
    allowed: ["writer", "editor", "admin"],
    run: move("draft"),
  },
  { name: "moveArticle return approved to draft", status: "approved", allowed: editorsOnly, run: move("draft") },
  { name: "moveArticle publish", status: "approved", allowed: editorsOnly, run: move("published") },
  {
    name: "moveArticle schedule",
    status: "approved",
    allowed: editorsOnly,
    run: (p, a, f) => move("scheduled", { scheduledAt: inAnHour() })(p, a, f),
  },
  { name: "moveArticle unpublish", status: "published", allowed: editorsOnly, run: move("unpublished") },
  { name: "moveArticle archive", status: "published", allowed: editorsOnly, run: move("archived") },
  {
    name: "addReviewComment (Arabic, in review)",
    status: "in_review",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) =>
      addReviewComment(prisma, actor, { localizationId: f.ar.id, body: "راجع الفقرة الثانية" }),
  },
  {
    name: "saveAttribution (bylines, credit, photo; no new source)",
    allowed: ["writer", "editor", "admin"],
    run: (prisma, actor, f) =>
      saveAttribution(prisma, actor, {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [{ contributorName: "مراسل خاص" }],
        source: null,
        photoCredit: { nameAr: "رويترز" },
        leadPhotoUrl: "https://example.org/photo.jpg",
      }),
  },
  {
    name: "saveAttribution of a published article (the live page shows it at once)",
    status: "published",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      saveAttribution(prisma, actor, {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [{ contributorName: "مراسل خاص" }],
        source: null,
        photoCredit: { nameAr: "رويترز" },
        leadPhotoUrl: "https://example.org/photo.jpg",
      }),
  },
  {
    name: "saveAttribution of an article in review (only the lead photo)",
    status: "in_review",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      saveAttribution(prisma, actor, {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [],
        source: null,
        photoCredit: null,
        leadPhotoUrl: "https://example.org/other.jpg",
      }),
  },
  {
    name: "saveLocalization with tags (Russian draft of an article whose Arabic is published)",
    status: "published",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      saved(saveLocalization(prisma, actor, { ...saveText(f.ru.id, f.ru.version), tags: ["سياسة"] })),
  },
  {
    name: "saveAttribution creating a new source (needs attribution.manage)",
    allowed: editorsOnly,
    run: (prisma, actor, f) =>
      saveAttribution(prisma, actor, {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [],
        source: { create: { nameAr: `وكالة ${f.articleId}`, nameRu: null, nameEn: `Agency ${f.articleId}` } },
        photoCredit: null,
        leadPhotoUrl: null,
      }),
  },
  {
    name: "saveAttribution filing the article under another section",
    allowed: ["writer", "editor", "admin"],
    run: async (prisma, actor, f) => {
      const culture = await prisma.section.findUniqueOrThrow({ where: { slugEn: "culture" } });
      return saveAttribution(prisma, actor, {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [],
        source: null,
        photoCredit: null,
        leadPhotoUrl: null,
        sectionId: culture.id,
      });
    },
  },
  {
    name: "startTranslation (English edition)",
    allowed: ["translator", "editor", "admin"],
    run: (prisma, actor, f) => startTranslation(prisma, actor, { articleId: f.articleId, locale: "en" }),
  },
  {
    name: "markEditing",
    allowed: ["writer", "otherWriter", "translator", "editor", "admin"],
    run: (prisma, actor, f) => markEditing(prisma, actor, { localizationId: f.ar.id }),
  },
];

describe("the disabled user", () => {
  it("has no actor, though they signed in before being disabled", () => {
    expect(ctx.cast.actors.disabled).toBeNull();
    expect(ctx.cast.actors.editor?.permissions.has("article.publish")).toBe(true);
  });
});

for (const testCase of CASES) {
  describe(testCase.name, () => {
    for (const role of ROLES) {
      const allowed = testCase.allowed.includes(role);
      it(`${allowed ? "allows" : "refuses"} ${role}`, async () => {
        const fixture = await createArticleFixture(ctx.db.prisma, {
          ownerId: ctx.cast.ids.writer,
          status: testCase.status ?? "draft",
          publishedAt: testCase.status === "published" ? new Date("2024-05-01T12:00:00Z") : null,
        });
        if (testCase.pending) {
          await ctx.db.prisma.articleLocalization.update({
            where: { id: fixture.ar.id },
            data: {
              pendingSince: new Date(),
              pendingTitle: "عنوان معدل لم يُنشر",
              pendingSlug: `pending-${fixture.ar.id}`,
              pendingBody: [{ type: "paragraph", text: "نص لم يُنشر." }],
              pendingSubmittedAt: testCase.pending === "submitted" ? new Date() : null,
            },
          });
        }
        const before = await snapshotEditorialTables(ctx.db.prisma);
        const call = testCase.run(ctx.db.prisma, ctx.cast.actors[role], fixture);
        if (allowed) {
          await expect(call).resolves.toBeDefined();
          expect(await snapshotEditorialTables(ctx.db.prisma)).not.toEqual(before);
        } else {
          await expect(call).rejects.toBeInstanceOf(ForbiddenError);
          expect(await snapshotEditorialTables(ctx.db.prisma)).toEqual(before);
        }
      });
    }
  });
}

describe("reading the history", () => {
  it("is refused to anonymous and disabled users and allowed to every role", async () => {
    const fixture = await createArticleFixture(ctx.db.prisma, { ownerId: ctx.cast.ids.writer });
    const revision = await ctx.db.prisma.revision.findFirstOrThrow({ where: { localizationId: fixture.ar.id } });
    const reads = [
      (actor: Actor | null) => listRevisions(ctx.db.prisma, actor, { localizationId: fixture.ar.id }),
      (actor: Actor | null) => diffRevisions(ctx.db.prisma, actor, { from: revision.id, to: revision.id }),
      (actor: Actor | null) => listWorkflowHistory(ctx.db.prisma, actor, { localizationId: fixture.ar.id }),
      (actor: Actor | null) => listEditors(ctx.db.prisma, actor, { localizationId: fixture.ar.id }),
      (actor: Actor | null) => openArticle(ctx.db.prisma, actor, { articleId: fixture.articleId, locale: "ar" }),
      (actor: Actor | null) => listArticlesForAdmin(ctx.db.prisma, actor, {}),
      (actor: Actor | null) => listAdminFilterOptions(ctx.db.prisma, actor),
    ];
    for (const read of reads) {
      for (const role of ROLES) {
        if (role === "anonymous" || role === "disabled")
          await expect(read(ctx.cast.actors[role])).rejects.toBeInstanceOf(ForbiddenError);
        else await expect(read(ctx.cast.actors[role])).resolves.toBeDefined();
      }
    }
  });
});
