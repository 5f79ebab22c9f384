// The `npm run import` command as a user runs it: one line per file, a summary, a line saying whether the public site
// was told about what changed, and an exit code that is about the files only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, cp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import { localSiteTarget, recordRunningSite } from "@minbar/site-signal/local";
import { inheritedEnv } from "@minbar/db/env";
import { text } from "node:stream/consumers";
import { QUEUES, withJobQueue, type SiteSignal } from "@minbar/jobs";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const SECRET = "cli-test-revalidate-secret-0123456789";
let db: Awaited<ReturnType<typeof createTestDatabase>>;

/** The signals queued on the job queue for the admin's worker to send again. */
const queuedSignals = () =>
  withJobQueue(db.url, async (boss) =>
    (await boss.findJobs<SiteSignal & { articleIds?: number[] }>(QUEUES.siteSignal)).map((job) => job.data),
  );
/** An empty data folder: no `npm start` record, no generated secret, whatever runs on this machine. */
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "minbar-cli-data-"));
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process (the fake public site below answers from it). */
function runImport(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
      env: inheritedEnv({
        DATABASE_URL: db.url,
        INIT_CWD: "",
        MINBAR_DATA_DIR: dataDir,
        PUBLIC_SITE_URL: "",
        REVALIDATE_SECRET: "",
        ...env,
      }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A stand-in public site on a random port: records each revalidation request and answers with `status`. */
async function startSite(
  status: number,
): Promise<{ siteUrl: string; received: { authorization?: string; body: unknown }[]; server: Server }> {
  const received: { authorization?: string; body: unknown }[] = [];
  const server = createServer((request, response) => {
    void text(request).then((body) => {
      received.push({ authorization: request.headers.authorization, body: JSON.parse(body) });
      response.writeHead(status, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { siteUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

/** A copy of a seed file with another title: a new article for the database, under a name of its own. */
async function wireFile(dir: string, name: string, title: string): Promise<string> {
  const seed = await readFile(join(SEEDS, "000_b2cb0b8d8c1ae332.txt"), "utf8");
  const path = join(dir, name);
  await writeFile(path, seed.replace("ميشوستين يؤكد خلال لقائه رئيس وزراء كازاخستان الجديد استعداده للتعاون", title));
  return path;
}

const lastLine = (stdout: string) => stdout.trim().split("\n").at(-1);

it("prints an outcome per file and a summary, exits 1 when a file failed, and is idempotent", async () => {
  const dir = await mkdtemp(join(tmpdir(), "minbar-cli-"));
  await cp(SEEDS, dir, { recursive: true });
  await writeFile(join(dir, "broken.txt"), "");

  const dry = await runImport(["--dry-run", dir]);
  expect(dry.stdout).toMatch(/dry run, nothing written: 6 file\(s\): 5 created/);
  expect(dry.stdout).not.toContain("public site");
  expect(await db.prisma.article.count()).toBe(0);

  const first = await runImport([dir]);
  expect(first.status).toBe(1);
  const lines = first.stdout.trim().split("\n");
  expect(lines).toHaveLength(8);
  expect(lines.filter((line) => line.startsWith("created "))).toHaveLength(5);
  expect(lines.find((line) => line.includes("broken.txt"))).toMatch(/^failed\s+.*broken\.txt: empty:/);
  expect(lines.at(-2)).toBe("6 file(s): 5 created, 0 updated, 0 unchanged, 1 failed");
  // Nothing says where a public site is: the import is done all the same, and says who was not told. The articles
  // are recorded and queued on the admin's job queue, whose worker knows the site and sends the signal again.
  expect(lines.at(-1)).toBe(
    `public site: not told (PUBLIC_SITE_URL is not set and no \`npm start\` serves the site from ${dataDir}); the admin sends it again once the site answers`,
  );
  expect(await db.prisma.pendingSiteSignal.count()).toBe(5);
  expect(await queuedSignals()).toEqual([{ kind: "articles", articleIds: expect.any(Array) }]);
  expect((await queuedSignals())[0]?.articleIds).toHaveLength(5);

  // Nothing created or changed: nothing to tell.
  const second = await runImport([SEEDS]);
  expect(second.status).toBe(0);
  expect(lastLine(second.stdout)).toBe("5 file(s): 0 created, 0 updated, 5 unchanged, 0 failed");
});

it("explains its usage when given nothing to import", async () => {
  const result = await runImport([]);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/usage: npm run import/);
});

describe("--translation-of", () => {
  const FIXTURES = fileURLToPath(new URL("../../parser/test/fixtures/", import.meta.url));

  it("names the option in its usage and refuses an id that is not an article's number", async () => {
    const bad = await runImport(["--translation-of", "twelve", join(FIXTURES, "en-full-date.txt")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      "--translation-of takes an article's number (as in the admin's address), not \"twelve\"",
    );
    expect(bad.stderr).toContain(
      "usage: npm run import -- [--dry-run] [--translation-of <article id>] [--section <slug>] <folder|file>...",
    );
    const bare = await runImport(["--translation-of"]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(
      /--translation-of.*argument missing|Option '--translation-of <value>' argument missing/,
    );
  });

  it("attaches a text to an article, says so, and prints each refusal as the file's failure", async () => {
    const dir = await mkdtemp(join(tmpdir(), "minbar-cli-"));
    const arabic = await wireFile(dir, "cli-original.txt", "خبر تجريبي لاختبار إرفاق ترجمة");
    const created = await runImport([arabic]);
    expect(created.status).toBe(0);
    const { articleId } = await db.prisma.wireFile.findFirstOrThrow({ where: { fileKey: "cli-original" } });
    const english = join(FIXTURES, "en-full-date.txt");

    const dry = await runImport(["--dry-run", "--translation-of", String(articleId), english]);
    expect(dry.stdout.trim().split("\n")[0]).toBe(
      `would be created ${english} → article ${articleId} (English edition)`,
    );
    const run = await runImport(["--translation-of", String(articleId), english]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")[0]).toBe(
      `created   ${english} → article ${articleId} (English edition published)`,
    );
    const refused = await runImport(["--translation-of", String(articleId), arabic, join(FIXTURES, "ru-no-title.txt")]);
    expect(refused.status).toBe(1);
    const lines = refused.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `failed    ${arabic}: original_language: the text is in Arabic, article ${articleId}'s original language; a translation must be in another [warnings: year_from_body]`,
    );
    expect(lines[1]).toMatch(
      /^created {3}.*ru-no-title\.txt → article \d+ \(Russian edition, draft: missing_title\) \[warnings: missing_title, date_from_body\]$/,
    );
    const missing = await runImport(["--translation-of", "999999", english]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(`failed    ${english}: no_such_article: article 999999 does not exist`);
  });
});

describe("telling the public site", () => {
  it("sends the new articles' ids in one request to PUBLIC_SITE_URL with REVALIDATE_SECRET; a dry run sends nothing", async () => {
    const site = await startSite(200);
    try {
      const dir = await mkdtemp(join(tmpdir(), "minbar-cli-"));
      await wireFile(dir, "cli-a.txt", "خبر تجريبي أول لاختبار سطر الأوامر");
      await wireFile(dir, "cli-b.txt", "خبر تجريبي ثان لاختبار سطر الأوامر");
      const env = { PUBLIC_SITE_URL: site.siteUrl, REVALIDATE_SECRET: SECRET };

      expect((await runImport(["--dry-run", dir], env)).status).toBe(0);
      expect(site.received).toEqual([]);

      const run = await runImport([dir], env);
      expect(run.status).toBe(0);
      expect(lastLine(run.stdout)).toBe("public site: refreshed (2 articles)");
      const created = await db.prisma.wireFile.findMany({
        where: { fileName: { in: ["cli-a.txt", "cli-b.txt"] } },
        select: { articleId: true },
      });
      expect(site.received).toEqual([
        {
          authorization: `Bearer ${SECRET}`,
          body: { articleIds: expect.arrayContaining(created.map((file) => file.articleId)) },
        },
      ]);
      expect((site.received[0]?.body as { articleIds: number[] }).articleIds).toHaveLength(2);
    } finally {
      site.server.close();
    }
  });

  it("finds the site a running `npm start` recorded, with the secret it generated", async () => {
    const site = await startSite(200);
    try {
      // What scripts/start.ts does: its target, then the record of its running site (this process stands in for it).
      const target = localSiteTarget({
        dataDir,
        defaultUrl: site.siteUrl,
        env: { publicSiteUrl: undefined, revalidateSecret: undefined },
      });
      recordRunningSite({ dataDir, siteUrl: target.siteUrl });
      const dir = await mkdtemp(join(tmpdir(), "minbar-cli-"));
      await wireFile(dir, "cli-c.txt", "خبر تجريبي ثالث لاختبار سطر الأوامر");

      const run = await runImport([dir]);
      expect(lastLine(run.stdout)).toBe("public site: refreshed (1 article)");
      expect(site.received).toEqual([
        { authorization: `Bearer ${target.secret}`, body: { articleIds: [expect.any(Number)] } },
      ]);
    } finally {
      site.server.close();
      await rm(join(dataDir, "public-site.json"), { force: true });
    }
  });

  it("reports a site that refuses or is down, and still exits 0 when every file was imported", async () => {
    const site = await startSite(500);
    const dir = await mkdtemp(join(tmpdir(), "minbar-cli-"));
    const file = await wireFile(dir, "cli-d.txt", "خبر تجريبي رابع لاختبار سطر الأوامر");
    const env = { PUBLIC_SITE_URL: site.siteUrl, REVALIDATE_SECRET: SECRET };
    try {
      const refused = await runImport([dir], env);
      expect(refused.status).toBe(0);
      expect(lastLine(refused.stdout)).toBe(
        `public site: not told (${site.siteUrl} answered 500); the admin sends it again once the site answers`,
      );
    } finally {
      await new Promise((resolve) => site.server.close(resolve));
    }
    // The same file changed (an update), with nothing listening any more.
    await writeFile(file, `${await readFile(file, "utf8")}\nفقرة أضيفت لاختبار التحديث.\n`);
    const down = await runImport([dir], env);
    expect(down.status).toBe(0);
    expect(down.stdout).toMatch(/^updated\s+.*cli-d\.txt/m);
    expect(lastLine(down.stdout)).toMatch(
      new RegExp(`^public site: not told \\(${site.siteUrl} unreachable: .*\\); the admin sends it again`),
    );
    // Both unconfirmed signals are kept as one article to send again, and each is queued for the admin's worker.
    const articleId = Number(/cli-d\.txt → article (\d+)/.exec(down.stdout)?.[1]);
    expect(await db.prisma.pendingSiteSignal.findUnique({ where: { articleId } })).toMatchObject({ attempts: 2 });
    const queued = await queuedSignals();
    expect(queued.filter((job) => job.articleIds?.includes(articleId))).toHaveLength(2);
  });
});
