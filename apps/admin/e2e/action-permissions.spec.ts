// Every mutating server action of the editor and the translation desk, posted directly over HTTP (no button involved)
// with the session of each kind of user: only the allowed ones succeed, and a refused call changes nothing in the
// database. The names form's action takes form data, so its real submissions are caught and replayed.
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import type { ArticleStatus } from "@minbar/db/client";
import {
  callAction,
  catchSubmission,
  replaySubmission,
  signIn,
  useArticleSandbox,
  type ActionOutcome,
  type CaughtSubmission,
} from "./helpers.ts";
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

let signedIn: Record<Role, APIRequestContext> | undefined;

/** One session per kind of user for the whole file: the disabled user can sign in only once. */
async function sessions(browser: Browser): Promise<Record<Role, APIRequestContext>> {
  signedIn ??= await signInEach(browser);
  return signedIn;
}

async function signInEach(browser: Browser): Promise<Record<Role, APIRequestContext>> {
  const out = {} as Record<Role, APIRequestContext>;
  // A new worker (after a failed test) signs in afresh: the account disabled below must be able to sign in first.
  await prisma.user.update({ where: { email: DISABLED_USER.email }, data: { disabledAt: null } });
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

test("the names form's action, replayed without names.manage (or an agency's link without attribution.manage), stores nothing", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const as = await sessions(browser);
  const suffix = `${Date.now()}`;
  const tag = await prisma.tag.create({
    data: { slug: `permissions-tag-${suffix}`, nameAr: `وسم الصلاحيات ${suffix}` },
  });
  const agency = await prisma.source.create({
    data: {
      slug: `permissions-agency-${suffix}`,
      nameAr: `وكالة الصلاحيات ${suffix}`,
      matchKey: `permissions-${suffix}`,
    },
  });
  try {
    // An editor fills the real forms; each submission is caught before it leaves.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, DESK_EDITOR_USER);
    const submit = async (kind: string, nameAr: string, fields: Record<string, string>) => {
      await page.goto(`/names?kind=${kind}&q=${encodeURIComponent(nameAr)}`);
      const form = page.getByRole("form", { name: nameAr });
      for (const [field, value] of Object.entries(fields)) await form.locator(`input[name="${field}"]`).fill(value);
      return catchSubmission(page, () => form.getByRole("button", { name: `حفظ أسماء ${nameAr}` }).click());
    };
    const nameTag = await submit("tag", tag.nameAr, { nameRu: "Тег проверки прав" });
    const linkAgency = await submit("source", agency.nameAr, {
      nameRu: "Агентство проверки прав",
      url: "https://agency.example/",
    });

    const stored = async () => ({
      tag: await prisma.tag.findUniqueOrThrow({
        where: { id: tag.id },
        select: { nameRu: true, nameEn: true, version: true },
      }),
      agency: await prisma.source.findUniqueOrThrow({
        where: { id: agency.id },
        select: { nameRu: true, nameEn: true, url: true, version: true },
      }),
      audits: await prisma.auditLog.count({ where: { action: { startsWith: "names." } } }),
    });
    const cases: { name: string; caught: CaughtSubmission; refused: Role[] }[] = [
      { name: "name a tag", caught: nameTag, refused: ["anonymous", "disabled", "writer"] },
      { name: "set an agency's link", caught: linkAgency, refused: ["anonymous", "disabled", "writer", "translator"] },
    ];
    for (const { name, caught, refused } of cases) {
      for (const role of refused) {
        const before = await stored();
        expect(await replaySubmission(as[role], caught), `${name} as ${role}`).toBeLessThan(500);
        expect(await stored(), `${name} as ${role} stored nothing`).toEqual(before);
      }
    }

    // The control: the same bytes from people allowed to send them are stored.
    expect(await replaySubmission(as.translator, nameTag)).toBeLessThan(500);
    expect(await replaySubmission(as.editor, linkAgency)).toBeLessThan(500);
    const after = await stored();
    expect(after.tag.nameRu).toBe("Тег проверки прав");
    expect(after.agency).toMatchObject({ nameRu: "Агентство проверки прав", url: "https://agency.example/" });
  } finally {
    await prisma.tag.delete({ where: { id: tag.id } });
    await prisma.source.delete({ where: { id: agency.id } });
  }
});
