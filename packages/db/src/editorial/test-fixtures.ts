// Test fixtures for the editorial use cases: one user per role, resolved into actors as the app does, and articles.
import { afterAll, beforeAll } from "vitest";
import { createPrismaClient } from "../client.ts";
import type { ArticleStatus, Locale, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { Actor } from "../permissions.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { createUser, ensureBuiltInRoles, loadActor, verifyCredentials } from "../users.ts";

export const ROLES = ["anonymous", "disabled", "writer", "otherWriter", "translator", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Cast = { actors: Record<Role, Actor | null>; ids: Record<Exclude<Role, "anonymous">, number> };

async function actorFor(
  prisma: PrismaClient,
  email: string,
  roleKey: string,
): Promise<{ id: number; actor: Actor | null }> {
  const user = await createUser(prisma, { email, name: email.split("@")[0] ?? email, roleKeys: [roleKey] });
  return { id: user.id, actor: await loadActor(prisma, user.id, user.authVersion) };
}

export async function createCast(prisma: PrismaClient): Promise<Cast> {
  await ensureBuiltInRoles(prisma);
  const writer = await actorFor(prisma, "writer@example.test", "writer");
  const otherWriter = await actorFor(prisma, "other-writer@example.test", "writer");
  const translator = await actorFor(prisma, "translator@example.test", "translator");
  const editor = await actorFor(prisma, "editor@example.test", "editor");
  const admin = await actorFor(prisma, "admin@example.test", "admin");

  // The disabled user is an editor who signed in, then was disabled: their session names them, and on the next
  // request loadActor must refuse to turn it into an actor.
  const password = "disabled-editor-password";
  const user = await createUser(prisma, {
    email: "disabled@example.test",
    name: "disabled",
    password,
    roleKeys: ["editor"],
  });
  const session = await verifyCredentials(prisma, user.email, password);
  if (!session) throw new Error("the disabled user could not sign in before being disabled");
  await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date(), authVersion: { increment: 1 } } });
  const disabled = await loadActor(prisma, session.id, session.authVersion);

  return {
    actors: {
      anonymous: null,
      disabled,
      writer: writer.actor,
      otherWriter: otherWriter.actor,
      translator: translator.actor,
      editor: editor.actor,
      admin: admin.actor,
    },
    ids: {
      disabled: user.id,
      writer: writer.id,
      otherWriter: otherWriter.id,
      translator: translator.id,
      editor: editor.id,
      admin: admin.id,
    },
  };
}

export type EditorialTestContext = {
  db: TestDatabase;
  cast: Cast;
  /** A second client on its own connections, for two saves or two schedulers truly at once. */
  second: PrismaClient;
};

/** A fresh database with the cast for this test file; the fields are set once its beforeAll has run. */
export function useEditorialDatabase(): EditorialTestContext {
  const context = {} as EditorialTestContext;
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.second = createPrismaClient(context.db.url);
    context.cast = await createCast(context.db.prisma);
  });
  afterAll(async () => {
    await context.second?.$disconnect();
    await context.db?.drop();
  });
  return context;
}

let sequence = 0;

export type ArticleFixture = {
  articleId: number;
  ar: { id: number; version: number };
  ru: { id: number; version: number };
};

type FixtureOptions = {
  ownerId: number | null;
  /** Status of the Arabic original; the Russian translation is always a draft. */
  status?: ArticleStatus;
  title?: string | null;
  warnings?: { code: string; message: string }[];
  publishedAt?: Date | null;
  scheduledAt?: Date | null;
  body?: Prisma.InputJsonArray;
};

/** An article with an Arabic original (one revision) and a Russian draft translation, written directly. */
export async function createArticleFixture(prisma: PrismaClient, options: FixtureOptions): Promise<ArticleFixture> {
  const n = ++sequence;
  const title = options.title === undefined ? `خبر رقم ${n}` : options.title;
  const body = options.body ?? [{ type: "paragraph", text: `نص الخبر رقم ${n}.` }];
  const localization = (locale: Locale, status: ArticleStatus) => ({
    locale,
    title: locale === "ar" ? title : `Новость ${n}`,
    slug: `fixture-${n}-${locale}`,
    body,
    status,
    warnings: locale === "ar" ? (options.warnings ?? []) : [],
    publishedAt: locale === "ar" ? (options.publishedAt ?? null) : null,
    scheduledAt: locale === "ar" ? (options.scheduledAt ?? null) : null,
    revisions: { create: { number: 1, title, slug: `fixture-${n}-${locale}`, body, origin: "import" as const } },
  });
  const article = await prisma.article.create({
    data: {
      createdById: options.ownerId,
      localizations: { create: [localization("ar", options.status ?? "draft"), localization("ru", "draft")] },
    },
    include: { localizations: true },
  });
  const find = (locale: Locale) => {
    const row = article.localizations.find((l) => l.locale === locale);
    if (!row) throw new Error(`fixture has no ${locale} localization`);
    return { id: row.id, version: row.version };
  };
  return { articleId: article.id, ar: find("ar"), ru: find("ru") };
}

/** Everything the editorial use cases can write, for asserting that a refused call changed nothing. */
export async function snapshotEditorialTables(prisma: PrismaClient) {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    articles: await prisma.article.findMany(byId),
    localizations: await prisma.articleLocalization.findMany(byId),
    revisions: await prisma.revision.findMany(byId),
    transitions: await prisma.workflowTransition.findMany(byId),
    comments: await prisma.reviewComment.findMany(byId),
    presences: await prisma.editPresence.findMany({ orderBy: [{ localizationId: "asc" }, { userId: "asc" }] }),
    audit: await prisma.auditLog.findMany(byId),
    tags: await prisma.tag.findMany(byId),
    articleTags: await prisma.articleTag.findMany({ orderBy: [{ articleId: "asc" }, { tagId: "asc" }] }),
    bylines: await prisma.byline.findMany(byId),
    contributors: await prisma.contributor.findMany(byId),
    sources: await prisma.source.findMany(byId),
    photoCredits: await prisma.photoCredit.findMany(byId),
  };
}
