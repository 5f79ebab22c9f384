// The importer against a real PostgreSQL: seeds, idempotency, partial failure, editor edits, rollback, dry run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import type { PrismaClient } from "@minbar/db/client";
import { findNearSpellings } from "@minbar/db/public";
import { importPaths } from "../src/index.ts";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});
afterAll(async () => {
  await db?.drop();
});

async function emptyDatabase() {
  await prisma.$executeRawUnsafe(
    "TRUNCATE articles, sources, photo_credits, wire_files, import_records, audit_log, users, " +
      "search_lexicon, search_lexicon_documents, search_lexicon_queue RESTART IDENTITY CASCADE",
  );
}

async function seedCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "minbar-import-"));
  await cp(SEEDS, dir, { recursive: true });
  return dir;
}

/** Localizations whose stored search document differs from the one PostgreSQL builds from their text. */
async function searchDocumentsOutOfStep(): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM article_localizations
    WHERE search_vector IS DISTINCT FROM minbar_search_vector(locale, title, summary, body)`;
  return rows[0]?.n ?? -1;
}

async function tableCounts() {
  const [articles, localizations, revisions, sources, credits, wireFiles] = await Promise.all([
    prisma.article.count(),
    prisma.articleLocalization.count(),
    prisma.revision.count(),
    prisma.source.count(),
    prisma.photoCredit.count(),
    prisma.wireFile.count(),
  ]);
  return { articles, localizations, revisions, sources, credits, wireFiles };
}

describe("importing the seeds", () => {
  beforeEach(emptyDatabase);

  it("creates five articles: four published with their original dates, one draft awaiting a title", async () => {
    const { counts, results } = await importPaths({ prisma, paths: [SEEDS] });
    expect(counts).toEqual({ created: 5, updated: 0, unchanged: 0, failed: 0 });
    expect(results.map((r) => r.file.split("/").pop()).sort()).toEqual((await readdir(SEEDS)).sort());

    const rows = await prisma.articleLocalization.findMany({
      orderBy: { publishedAt: "asc" },
      include: { article: { include: { source: true, photoCredit: true } } },
    });
    expect(rows.map((r) => [r.publishedAt?.toISOString().slice(0, 10), r.status])).toEqual([
      ["2020-06-10", "published"],
      ["2021-08-19", "draft"],
      ["2022-05-30", "published"],
      ["2024-03-04", "published"],
      ["2024-11-07", "published"],
    ]);
    const draft = rows.find((r) => r.status === "draft");
    expect(draft?.title).toBeNull();
    expect(draft?.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: "missing_title" })]));
    const lavrov = rows.find((r) => r.publishedAt?.toISOString().startsWith("2020-06-10"));
    expect(lavrov?.title).toBe("لافروف يناقش مع وزير خارجية كازاخستان قضايا الشراكة الاستراتيجية");
    expect(lavrov?.article.photoCredit).toBeNull();
    expect(lavrov?.article.source?.nameAr).toBe("المكتب الصحفي في وزارة الخارجية الروسية");
    expect(await prisma.revision.count({ where: { origin: "import", number: 1 } })).toBe(5);
    expect(await searchDocumentsOutOfStep()).toBe(0);
  });

  it("links every article citing تاس to one TASS record named in three languages", async () => {
    await importPaths({ prisma, paths: [SEEDS] });
    const tass = await prisma.source.findMany({
      where: { slug: "tass" },
      include: { _count: { select: { articles: true } } },
    });
    expect(tass).toHaveLength(1);
    expect(tass[0]).toMatchObject({ nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS" });
    expect(tass[0]?._count.articles).toBe(4);
    // "مجلس الإتحاد الروسي" and "مجلس الاتحاد الروسي" are one credit spelt two ways.
    const credits = await prisma.photoCredit.findMany({ include: { _count: { select: { articles: true } } } });
    const council = credits.filter((c) => c.nameAr.includes("مجلس"));
    expect(council).toHaveLength(1);
    expect(council[0]?._count.articles).toBe(2);
  });

  it("is idempotent: the same files again change nothing and duplicate nothing", async () => {
    await importPaths({ prisma, paths: [SEEDS] });
    const before = await tableCounts();
    const again = await importPaths({ prisma, paths: [SEEDS] });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5, failed: 0 });
    expect(await tableCounts()).toEqual(before);
  });

  it("counts the published words, so search offers seed 003's two spellings of the minister for each other", async () => {
    const near = async (word: string) =>
      (await findNearSpellings(prisma, { locale: "ar", words: [word] })).flatMap((found) =>
        found.nearSpellings.map((spelling) => spelling.word),
      );
    expect(await near("تيلوبيردي")).toEqual([]);
    await importPaths({ prisma, paths: [SEEDS] });
    expect(await near("تيلوبيردي")).toContain("تليوبيردي");
    expect(await near("تليوبيردي")).toContain("تيلوبيردي");
  });

  it("writes nothing on a dry run but says what would happen", async () => {
    const dry = await importPaths({ prisma, paths: [SEEDS], dryRun: true });
    expect(dry.counts.created).toBe(5);
    expect(await tableCounts()).toEqual({
      articles: 0,
      localizations: 0,
      revisions: 0,
      sources: 0,
      credits: 0,
      wireFiles: 0,
    });
    expect(await prisma.importRecord.count()).toBe(0);
  });
});

describe("bad files", () => {
  beforeEach(emptyDatabase);

  it("fails each bad file with its reason and still imports the good ones", async () => {
    const dir = await seedCopy();
    await writeFile(join(dir, "empty.txt"), "   \n\n");
    await writeFile(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0]));
    await writeFile(join(dir, "english.txt"), "2024 — 11 — 05\n\n1 2 3 4");
    const { counts, results } = await importPaths({ prisma, paths: [dir, join(dir, "missing.txt")] });
    expect(counts).toEqual({ created: 5, updated: 0, unchanged: 0, failed: 4 });
    const failed = Object.fromEntries(
      results.filter((r) => r.outcome === "failed").map((r) => [r.file.split("/").pop(), r.detail]),
    );
    expect(failed["empty.txt"]).toMatch(/^empty:/);
    expect(failed["binary.txt"]).toMatch(/^binary:/);
    expect(failed["english.txt"]).toMatch(/^no_arabic:/);
    expect(failed["missing.txt"]).toMatch(/^unreadable:/);
    expect(await prisma.article.count()).toBe(5);
    expect(await prisma.importRecord.count({ where: { outcome: "failed" } })).toBe(3);
  });

  it("rolls back an article whose transaction fails part-way, leaving no trace, and imports the rest", async () => {
    // A real database failure after the article row is written: a trigger refusing one article's first revision.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_lavrov() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title LIKE 'لافروف%' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF;
        RETURN NEW;
      END $$`);
    await prisma.$executeRawUnsafe(
      "CREATE TRIGGER refuse_lavrov BEFORE INSERT ON revisions FOR EACH ROW EXECUTE FUNCTION refuse_lavrov()",
    );
    try {
      const { counts, results } = await importPaths({ prisma, paths: [SEEDS] });
      expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 2 });
      for (const result of results.filter((r) => r.outcome === "failed"))
        expect(result.detail).toMatch(/disk full \(simulated\)/);
      expect(await tableCounts()).toMatchObject({ articles: 3, localizations: 3, revisions: 3, wireFiles: 3 });
      // Only the agency of the surviving articles exists: the failed articles' new records were rolled back too.
      const sources = await prisma.source.findMany({ select: { nameAr: true } });
      expect(sources.map((s) => s.nameAr)).toEqual(["تاس"]);
    } finally {
      await prisma.$executeRawUnsafe("DROP TRIGGER refuse_lavrov ON revisions");
    }
    // With the fault gone, the failed files import and the others stay unchanged.
    const retry = await importPaths({ prisma, paths: [SEEDS] });
    expect(retry.counts).toEqual({ created: 2, updated: 0, unchanged: 3, failed: 0 });
  });
});

describe("a changed wire file", () => {
  beforeEach(emptyDatabase);

  async function changeLead(dir: string, file: string, addition: string) {
    const path = join(dir, file);
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace("أكد رئيس الوزراء الروسي", `${addition} أكد رئيس الوزراء الروسي`));
  }

  it("adds a revision and applies it when no editor touched the article", async () => {
    const dir = await seedCopy();
    await importPaths({ prisma, paths: [dir] });
    await changeLead(dir, "001_0ce88e2ff8de07cd.txt", "عاجل:");
    const { counts, results } = await importPaths({ prisma, paths: [dir] });
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 4, failed: 0 });
    const articleId = results.find((r) => r.outcome === "updated")?.articleId ?? -1;
    const loc = await prisma.articleLocalization.findFirstOrThrow({
      where: { articleId },
      include: { revisions: true },
    });
    expect(JSON.stringify(loc.body)).toContain("عاجل: أكد رئيس الوزراء الروسي");
    // The wire's date is still a day and no time.
    expect([loc.publishedAt?.toISOString(), loc.publishedDateOnly]).toEqual(["2022-05-30T00:00:00.000Z", true]);
    // The applied text's search document was rebuilt with it.
    expect(await searchDocumentsOutOfStep()).toBe(0);
    const found = await prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM article_localizations WHERE search_vector @@ plainto_tsquery('arabic', 'عاجل')`;
    expect(found.map((row) => row.id)).toEqual([loc.id]);
    expect(loc.revisions.map((r) => [r.number, r.origin, r.applied])).toEqual([
      [1, "import", true],
      [2, "import", true],
    ]);
    expect(await prisma.article.count()).toBe(5);
  });

  it("never overwrites an editor's edit: the new wire text is kept as an unapplied revision", async () => {
    const dir = await seedCopy();
    await importPaths({ prisma, paths: [dir] });
    const editor = await prisma.user.create({ data: { email: "editor@example.test", name: "Editor" } });
    const loc = await prisma.articleLocalization.findFirstOrThrow({
      where: { publishedAt: new Date("2022-05-30T00:00:00Z") },
    });
    const editedTitle = "ميشوستين: التعاون مع كازاخستان أولوية (محدث)";
    await prisma.articleLocalization.update({
      where: { id: loc.id },
      data: { title: editedTitle, updatedById: editor.id, version: { increment: 1 } },
    });
    await prisma.revision.create({
      data: {
        localizationId: loc.id,
        number: 2,
        title: editedTitle,
        slug: loc.slug,
        body: loc.body ?? [],
        origin: "editor",
        authorId: editor.id,
      },
    });

    await changeLead(dir, "001_0ce88e2ff8de07cd.txt", "عاجل:");
    const { counts, results } = await importPaths({ prisma, paths: [dir] });
    expect(counts.updated).toBe(1);
    expect(results.find((r) => r.outcome === "updated")?.detail).toMatch(/editor's changes were kept/);
    const after = await prisma.articleLocalization.findUniqueOrThrow({
      where: { id: loc.id },
      include: { revisions: { orderBy: { number: "asc" } } },
    });
    expect(after.title).toBe(editedTitle);
    expect(JSON.stringify(after.body)).not.toContain("عاجل:");
    expect(after.revisions.map((r) => [r.number, r.origin, r.applied])).toEqual([
      [1, "import", true],
      [2, "editor", true],
      [3, "import", false],
    ]);
    expect(JSON.stringify(after.revisions[2]?.body)).toContain("عاجل: أكد رئيس الوزراء الروسي");
    // The story is live: the wire's new text waits as pending changes for the desk to publish or discard.
    expect(after.pendingSince).toBeInstanceOf(Date);
    expect(after.pendingTitle).toBe(loc.title);
    expect(JSON.stringify(after.pendingBody)).toContain("عاجل: أكد رئيس الوزراء الروسي");

    // Pending changes of the desk's own are never replaced by a later wire text.
    await prisma.articleLocalization.update({ where: { id: loc.id }, data: { pendingTitle: "تعديل المحرر" } });
    await changeLead(dir, "001_0ce88e2ff8de07cd.txt", "عاجل جدا:");
    await importPaths({ prisma, paths: [dir] });
    const again = await prisma.articleLocalization.findUniqueOrThrow({ where: { id: loc.id } });
    expect(again.pendingTitle).toBe("تعديل المحرر");
    expect(JSON.stringify(again.pendingBody)).not.toContain("عاجل جدا:");
  });
});
