// Which section imported articles are filed under: the default one, or the run's (CLI option or the admin's choice),
// and an update by import never moves an article an editor filed elsewhere.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createUser, ensureBuiltInRoles, loadActor } from "@minbar/db/accounts";
import type { PrismaClient } from "@minbar/db/client";
import { inheritedEnv } from "@minbar/db/env";
import { createTestDatabase } from "@minbar/db/testing";
import { findImportSection, importFiles, importPaths, UnknownSectionError } from "../src/index.ts";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));
const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const SEED = "001_0ce88e2ff8de07cd.txt";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  dataDir = await mkdtemp(join(tmpdir(), "minbar-sections-data-"));
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await prisma.$executeRawUnsafe(
    "TRUNCATE articles, sources, photo_credits, wire_files, import_records, audit_log RESTART IDENTITY CASCADE",
  );
});

async function seedCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "minbar-import-sections-"));
  await cp(SEEDS, dir, { recursive: true });
  return dir;
}

const sectionOf = async (slugEn: string) => prisma.section.findUniqueOrThrow({ where: { slugEn } });
const sectionsOfArticles = async () =>
  (await prisma.article.findMany({ select: { section: { select: { slugEn: true } } } })).map((a) => a.section?.slugEn);

function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
      env: inheritedEnv({
        DATABASE_URL: db.url,
        INIT_CWD: "",
        MINBAR_DATA_DIR: dataDir,
        PUBLIC_SITE_URL: "",
        REVALIDATE_SECRET: "",
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

describe("the section of imported articles", () => {
  it("files new articles under the default section", async () => {
    await importPaths({ prisma, paths: [await seedCopy()] });
    expect(await sectionsOfArticles()).toEqual(Array(5).fill("news"));
  });

  it("files them under the run's section on both write paths, and an update leaves an editor's choice alone", async () => {
    const culture = await sectionOf("culture");
    const dir = await seedCopy();
    // The bulk path (a database URL), then one file on the general path (a translation-less dry run writes nothing).
    await importPaths({ prisma, databaseUrl: db.url, paths: [dir], sectionId: culture.id });
    expect(await sectionsOfArticles()).toEqual(Array(5).fill("culture"));

    const events = await sectionOf("events");
    const file = await prisma.wireFile.findFirstOrThrow({ where: { fileName: { endsWith: SEED } } });
    const article = await prisma.article.findUniqueOrThrow({ where: { id: file.articleId! } });
    await prisma.article.update({ where: { id: article.id }, data: { sectionId: events.id } });
    const path = join(dir, SEED);
    await writeFile(path, (await readFile(path, "utf8")).replace("وقال", "وأضاف وقال"));
    const again = await importPaths({ prisma, paths: [dir], sectionId: (await sectionOf("news")).id });
    expect(again.counts.updated).toBe(1);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).sectionId).toBe(events.id);
  });

  it("finds the run's section by its slug in any language, and refuses an unknown or retired one", async () => {
    const culture = await sectionOf("culture");
    expect(await findImportSection(prisma, "kultura")).toBe(culture.id);
    expect(await findImportSection(prisma, "ثقافة")).toBe(culture.id);
    await expect(findImportSection(prisma, "sport")).rejects.toBeInstanceOf(UnknownSectionError);
    await prisma.section.update({ where: { id: culture.id }, data: { retiredAt: new Date() } });
    try {
      await expect(findImportSection(prisma, "culture")).rejects.toThrow(/no active section "culture"/);
    } finally {
      await prisma.section.update({ where: { id: culture.id }, data: { retiredAt: null } });
    }
  });

  it("takes --section on the command line, and with an unknown one imports nothing and says which exist", async () => {
    const dir = await seedCopy();
    const refused = await runCli(["--section", "sport", join(dir, SEED)]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--section: no active section "sport"; sections: news, culture, events');
    expect(await prisma.article.count()).toBe(0);

    const done = await runCli(["--section", "sobytiya", join(dir, SEED)]);
    expect(done.status).toBe(0);
    expect(await sectionsOfArticles()).toEqual(["events"]);
  });

  it("files an upload in the admin under the section chosen for it", async () => {
    await ensureBuiltInRoles(prisma);
    const user = await createUser(prisma, { email: "importer@example.test", name: "importer", roleKeys: ["editor"] });
    const actor = await loadActor(prisma, user.id, user.authVersion);
    const bytes = new Uint8Array(await readFile(join(SEEDS, SEED)));
    const events = await sectionOf("events");
    await importFiles({ prisma, actor, files: [{ name: SEED, bytes }], sectionId: events.id });
    expect(await sectionsOfArticles()).toEqual(["events"]);
    await expect(
      importFiles({ prisma, actor, files: [{ name: "other.txt", bytes }], sectionId: 999_999 }),
    ).rejects.toBeInstanceOf(UnknownSectionError);
  });
});
