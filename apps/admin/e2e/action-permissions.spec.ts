// Every mutating server action of the editor, posted directly over HTTP (no button involved) with the session of
// each kind of user: only the allowed ones succeed, and a refused call changes nothing in the database.
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import type { ArticleStatus } from "@minbar/db/client";
import { callAction, signIn, useArticleSandbox, type ActionOutcome } from "./helpers.ts";
import { ADMIN_USER, DESK_EDITOR_USER, DISABLED_USER, TRANSLATOR_USER, WRITER_USER } from "./test-users.ts";

const prisma = useArticleSandbox();

const ROLES = ["anonymous", "disabled", "writer", "translator", "editor", "admin"] as const;
type Role = (typeof ROLES)[number];
const ACCOUNTS = {
  writer: WRITER_USER,
  translator: TRANSLATOR_USER,
  editor: DESK_EDITOR_USER,
  admin: ADMIN_USER,
  disabled: DISABLED_USER,
};

let sequence = 0;

/**
 * An article of the writer's, its Arabic text in `status`, with one revision; and, for the translation desk's
 * actions, a Russian translation in `status` that the Arabic has since outdated.
 */
async function fixture(status: ArticleStatus, withTranslation = false) {
  const writer = await prisma.user.findUniqueOrThrow({ where: { email: WRITER_USER.email } });
  const translator = await prisma.user.findUniqueOrThrow({ where: { email: TRANSLATOR_USER.email } });
  const n = ++sequence;
  const body = [{ type: "paragraph", text: `نص تجربة الصلاحيات ${n}.` }];
  const article = await prisma.article.create({
    data: {
      createdById: writer.id,
      localizations: {
        create: {
          locale: "ar",
          title: `تجربة الصلاحيات ${n}`,
          slug: `permissions-${n}-${Date.now()}`,
          body,
          status,
          revisions: {
            create: { number: 1, slug: `permissions-${n}`, title: `تجربة الصلاحيات ${n}`, body, origin: "editor" },
          },
        },
      },
    },
    include: { localizations: { include: { revisions: true } } },
  });
  const localization = article.localizations[0]!;
  const translation = withTranslation
    ? await prisma.articleLocalization.create({
        data: {
          articleId: article.id,
          locale: "ru",
          title: `Проверка прав ${n}`,
          slug: `permissions-ru-${n}-${Date.now()}`,
          body: [{ type: "paragraph", text: `Текст проверки прав ${n}.` }],
          status,
          publishedAt: status === "published" ? new Date() : null,
          sourceRevisionId: localization.revisions[0]!.id,
          outdatedAt: new Date(),
        },
      })
    : null;
  return {
    articleId: article.id,
    localizationId: localization.id,
    version: localization.version,
    revisionId: localization.revisions[0]!.id,
    translationId: translation?.id ?? 0,
    translatorId: translator.id,
  };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

async function stateOf(f: Fixture) {
  return {
    localization: await prisma.articleLocalization.findUniqueOrThrow({
      where: { id: f.localizationId },
      select: { version: true, status: true, title: true },
    }),
    article: await prisma.article.findUniqueOrThrow({ where: { id: f.articleId }, select: { version: true } }),
    revisions: await prisma.revision.count({ where: { localizationId: f.localizationId } }),
    comments: await prisma.reviewComment.count({ where: { localizationId: f.localizationId } }),
    localizations: await prisma.articleLocalization.count({ where: { articleId: f.articleId } }),
    translation: await prisma.articleLocalization.findUnique({
      where: { id: f.translationId },
      select: {
        version: true,
        outdatedAt: true,
        sourceRevisionId: true,
        acknowledgedById: true,
        acknowledgedAt: true,
        assigneeId: true,
      },
    }),
    audits: await prisma.auditLog.count({
      where: { entityType: "article_localization", entityId: { in: [f.localizationId, f.translationId].map(String) } },
    }),
    articles: await prisma.article.count(),
  };
}

type Case = {
  name: string;
  status: ArticleStatus;
  /** The article has a Russian translation, outdated by a change to the Arabic (the translation desk's actions). */
  translation?: true;
  allowed: readonly Role[];
  action: string;
  args: (f: Fixture) => unknown[];
};

const CASES: Case[] = [
  {
    name: "save the text",
    status: "draft",
    allowed: ["writer", "editor", "admin"],
    action: "saveTextAction",
    args: (f) => [
      {
        localizationId: f.localizationId,
        expectedVersion: f.version,
        title: "عنوان جديد",
        summary: null,
        slug: `saved-${f.localizationId}`,
        body: [],
      },
    ],
  },
  {
    name: "submit for review",
    status: "draft",
    allowed: ["writer", "editor", "admin"],
    action: "moveAction",
    args: (f) => [{ localizationId: f.localizationId, to: "in_review", expectedVersion: f.version }],
  },
  {
    name: "approve",
    status: "in_review",
    allowed: ["editor", "admin"],
    action: "moveAction",
    args: (f) => [{ localizationId: f.localizationId, to: "approved", expectedVersion: f.version }],
  },
  {
    name: "publish",
    status: "approved",
    allowed: ["editor", "admin"],
    action: "moveAction",
    args: (f) => [{ localizationId: f.localizationId, to: "published", expectedVersion: f.version }],
  },
  {
    name: "unpublish",
    status: "published",
    allowed: ["editor", "admin"],
    action: "moveAction",
    args: (f) => [{ localizationId: f.localizationId, to: "unpublished", expectedVersion: f.version }],
  },
  {
    name: "save attribution",
    status: "draft",
    allowed: ["writer", "editor", "admin"],
    action: "saveAttributionAction",
    args: (f) => [
      {
        articleId: f.articleId,
        expectedVersion: 1,
        bylines: [{ contributorName: "مراسل" }],
        source: null,
        photoCredit: null,
        leadPhotoUrl: null,
      },
    ],
  },
  {
    name: "restore a revision",
    status: "draft",
    allowed: ["writer", "editor", "admin"],
    action: "restoreRevisionAction",
    args: (f) => [
      {
        articleId: f.articleId,
        localizationId: f.localizationId,
        revisionId: f.revisionId,
        expectedVersion: f.version,
      },
    ],
  },
  {
    name: "comment on a text in review",
    status: "in_review",
    allowed: ["writer", "editor", "admin"],
    action: "addCommentAction",
    args: (f) => [{ articleId: f.articleId, localizationId: f.localizationId, body: "ملاحظة" }],
  },
  {
    name: "start the English edition",
    status: "published",
    allowed: ["translator", "editor", "admin"],
    action: "startTranslationAction",
    args: (f) => [{ articleId: f.articleId, locale: "en" }],
  },
  {
    name: "acknowledge that the original's change needs no translation",
    status: "published",
    translation: true,
    allowed: ["editor", "admin"],
    action: "acknowledgeAction",
    args: (f) => [{ localizationId: f.translationId, articleId: f.articleId, locale: "ru" }],
  },
  {
    name: "assign the translation to a translator",
    status: "draft",
    translation: true,
    allowed: ["translator", "editor", "admin"],
    action: "assignAction",
    args: (f) => [{ localizationId: f.translationId, assigneeId: f.translatorId }],
  },
  {
    name: "start a new article",
    status: "draft",
    allowed: ["writer", "editor", "admin"],
    action: "createArticleAction",
    args: () => [{ title: "مقال جديد من اختبار الصلاحيات", body: [] }],
  },
];

async function sessions(browser: Browser): Promise<Record<Role, APIRequestContext>> {
  const out = {} as Record<Role, APIRequestContext>;
  const open = async () => {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    contexts.push(context);
    return context;
  };
  out.anonymous = (await open()).request;
  for (const role of ["disabled", "writer", "translator", "editor", "admin"] as const) {
    const context = await open();
    await signIn(await context.newPage(), ACCOUNTS[role]);
    out[role] = context.request;
  }
  // Signed in a moment ago with a valid cookie; disabled now. The next request must not act as them.
  await prisma.user.update({
    where: { email: DISABLED_USER.email },
    data: { disabledAt: new Date(), authVersion: { increment: 1 } },
  });
  return out;
}

const contexts: BrowserContext[] = [];
test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

test("each editor action, called directly, succeeds only for the roles allowed to make it", async ({ browser }) => {
  test.setTimeout(180_000);
  const as = await sessions(browser);
  const failures: string[] = [];
  for (const testCase of CASES) {
    for (const role of ROLES) {
      const f = await fixture(testCase.status, testCase.translation);
      const before = await stateOf(f);
      const outcome: ActionOutcome = await callAction(
        as[role],
        `/articles/${f.articleId}/ar`,
        testCase.action,
        testCase.args(f),
      );
      const succeeded = "redirect" in outcome || outcome.ok;
      const allowed = testCase.allowed.includes(role);
      const label = `${testCase.name} as ${role}`;
      if (allowed && !succeeded) failures.push(`${label}: refused (${JSON.stringify(outcome)})`);
      if (!allowed) {
        const expected = role === "anonymous" || role === "disabled" ? "signed_out" : "forbidden";
        if (succeeded || outcome.code !== expected)
          failures.push(`${label}: expected ${expected}, got ${JSON.stringify(outcome)}`);
        const after = await stateOf(f);
        if (JSON.stringify(after) !== JSON.stringify(before))
          failures.push(`${label}: refused but changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});
