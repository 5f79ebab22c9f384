// Shared steps of the admin's browser tests: signing in, the test database, and calling a server action directly
// (as an attacker would, without the button) to prove the server refuses it.
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createUser, ensureBuiltInRoles } from "@minbar/db/accounts";
import { createPrismaClient, type PrismaClient } from "@minbar/db/client";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import {
  actionOutcome,
  bench,
  serverActionHeaders,
  serverActionId as actionIdInBuild,
  startProductionServer,
  type ActionOutcome,
  type ExtraServer,
} from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { DESK_EDITOR_USER } from "./test-users.ts";

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("البريد الإلكتروني").fill(user.email);
  await page.getByLabel("كلمة المرور").fill(user.password);
  await page.getByRole("button", { name: "دخول" }).click();
  await expect(page).toHaveURL(/\/articles$/);
}

/** The run's database (run.ts passes its URL); one client per test file. */
export function testDatabase(): PrismaClient {
  return createPrismaClient(e2eEnv.databaseUrl);
}

const ADMIN_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The id Next gave a server action in this build, from the build's own manifest. */
export function serverActionId(exportedName: string): string {
  return actionIdInBuild(ADMIN_DIR, exportedName);
}

/** POSTs to a server action the way Next's client does, with the caller's cookies; returns the raw RSC answer. */
export async function callServerAction(
  request: APIRequestContext,
  pagePath: string,
  exportedName: string,
  args: unknown[],
): Promise<string> {
  return (await postAction(request, pagePath, exportedName, args)).text();
}

function postAction(request: APIRequestContext, pagePath: string, exportedName: string, args: unknown[]) {
  return request.post(pagePath, {
    headers: serverActionHeaders(ADMIN_DIR, exportedName),
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

export type CaughtSubmission = { url: string; headers: Record<string, string>; body: Buffer };

/** Submits a form in the page and catches its server-action POST before it reaches the server. */
export async function catchSubmission(page: Page, submit: () => Promise<void>): Promise<CaughtSubmission> {
  return new Promise<CaughtSubmission>((resolve, reject) => {
    void page.route("**/*", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      resolve({ url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
      await page.unroute("**/*");
    });
    submit().catch(reject);
  });
}

/** Sends a caught form submission again, byte for byte, with another session's cookies; returns the status. */
export async function replaySubmission(request: APIRequestContext, caught: CaughtSubmission): Promise<number> {
  const headers = {
    "next-action": caught.headers["next-action"]!,
    "content-type": caught.headers["content-type"]!,
    accept: "text/x-component",
  };
  const response = await request.post(caught.url, { headers, data: caught.body, maxRedirects: 0 });
  return response.status();
}

export type { ActionOutcome };

/** Calls a server action and reads what it returned (line 1 of the flight answer) or where it redirected. */
export async function callAction(
  request: APIRequestContext,
  pagePath: string,
  exportedName: string,
  args: unknown[],
): Promise<ActionOutcome> {
  const response = await postAction(request, pagePath, exportedName, args);
  return actionOutcome(exportedName, response.status(), response.headers()["x-action-redirect"], await response.text());
}

/**
 * An Arabic article written straight into the database, for tests that must not touch the seeds: published, or
 * approved and waiting for an editor to publish or schedule it.
 */
export async function createPublishedArticle(
  prisma: PrismaClient,
  title: string,
  paragraphs: string[],
  status: "published" | "approved" = "published",
) {
  const body = paragraphs.map((text) => ({ type: "paragraph", text }));
  const slug = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const article = await prisma.article.create({
    data: {
      localizations: {
        create: {
          locale: "ar",
          title,
          slug,
          body,
          status,
          publishedAt: status === "published" ? new Date() : null,
          revisions: { create: { number: 1, title, slug, body, origin: "editor" } },
        },
      },
    },
    include: { localizations: true },
  });
  return article.localizations[0]!;
}

/**
 * The run's database for a spec that adds articles: every article created while the spec runs is removed after it,
 * so the shared test database is left as the seeds made it for the specs that count articles.
 */
export function useArticleSandbox(): PrismaClient {
  const prisma = testDatabase();
  let before = 0;
  test.beforeAll(async () => {
    before = (await prisma.article.aggregate({ _max: { id: true } }))._max.id ?? 0;
  });
  test.afterAll(async () => {
    await prisma.article.deleteMany({ where: { id: { gt: before } } });
    await prisma.$disconnect();
  });
  return prisma;
}

/**
 * Runs `body` on a database of its own (built-in roles, the desk editor), then stops the servers it pushed onto
 * `servers` and drops the database, whatever the outcome.
 */
export async function withOwnDatabase(body: (db: TestDatabase, servers: ExtraServer[]) => Promise<void>) {
  const db = await createTestDatabase();
  const servers: ExtraServer[] = [];
  try {
    await ensureBuiltInRoles(db.prisma);
    await createUser(db.prisma, { ...DESK_EDITOR_USER, roleKeys: ["editor"] });
    await body(db, servers);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await db.drop();
  }
}

/**
 * A public site and an admin of their own on another database (free ports), for a spec the suite's admin and its
 * scheduler must stay out of; `startAdmin` may be called again after a stop (a restart). Each server started is
 * pushed onto `servers`, for the spec to stop.
 */
export async function startOwnSiteAndAdmin(
  servers: ExtraServer[],
  env: Record<string, string> & { DATABASE_URL: string },
  adminEnv: Record<string, string> = {},
) {
  const webPort = await bench.freePort();
  const site = `http://localhost:${webPort}`;
  const shared = { ...env, PUBLIC_SITE_URL: site };
  const web = await startProductionServer(fileURLToPath(new URL("../../web", import.meta.url)), shared, "/", webPort);
  servers.push(web);
  const adminPort = await bench.freePort();
  const adminAt = { ...shared, ADMIN_SITE_URL: `http://localhost:${adminPort}`, ...adminEnv };
  const startAdmin = async () => {
    const admin = await startProductionServer(
      fileURLToPath(new URL("..", import.meta.url)),
      adminAt,
      "/login",
      adminPort,
    );
    servers.push(admin);
    return admin;
  };
  return { site, web, startAdmin };
}
