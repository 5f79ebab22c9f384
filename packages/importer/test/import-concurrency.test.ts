// The bulk path (the importer's own pg pool): atomic articles, and concurrent importers that neither fail nor duplicate.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import { makeSlug, normalizeArabicForSearch, NUMBERED_SLUGS } from "@minbar/db/importing";
import type { PrismaClient } from "@minbar/db/client";
import { parseArticle } from "@minbar/parser";
import { importPaths, type ImportSummary } from "../src/index.ts";
import { createArticle, KnownAttribution } from "../src/create-article.ts";
import { prepareFile } from "../src/import-file.ts";
import { openImportPool } from "../src/sql-client.ts";

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
beforeEach(async () => {
  await prisma.$executeRawUnsafe(
    "TRUNCATE articles, sources, photo_credits, wire_files, import_records, audit_log, users RESTART IDENTITY CASCADE",
  );
});

const importWithPool = (paths: string[], concurrency = 4) =>
  importPaths({ prisma, databaseUrl: db.url, paths, concurrency });

/** `copies` variants of every seed, each with its own file name and title, so each is a new article. */
async function variants(copies: number, tag: string, agency?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "minbar-import-race-"));
  for (const name of await readdir(SEEDS)) {
    const text = await readFile(join(SEEDS, name), "utf8");
    for (let i = 0; i < copies; i++) {
      let variant = text.replace(
        /^(Ru En\s*\n\s*\n)?([^\n]+)/,
        (_m, nav: string | undefined, first: string) => `${nav ?? ""}${first} (${tag} ${i})`,
      );
      if (agency) variant = variant.replace("المصدر: تاس", `المصدر: ${agency}`);
      await writeFile(join(dir, `${tag}_${i}_${name}`), variant);
    }
  }
  return dir;
}

/** Localizations whose stored search document differs from the one PostgreSQL builds from their text. */
async function searchDocumentsOutOfStep(): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM article_localizations
    WHERE search_vector IS DISTINCT FROM minbar_search_vector(locale, title, summary, body)`;
  return rows[0]?.n ?? -1;
}

async function arabicMatches(query: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM article_localizations
    WHERE search_vector @@ plainto_tsquery('arabic', ${normalizeArabicForSearch(query)})`;
  return rows[0]?.n ?? -1;
}

const sum = (summaries: ImportSummary[], outcome: keyof ImportSummary["counts"]) =>
  summaries.reduce((total, summary) => total + summary.counts[outcome], 0);

it("creates the seeds with everything an import records, and is idempotent", async () => {
  const first = await importWithPool([SEEDS]);
  expect(first.counts).toEqual({ created: 5, updated: 0, unchanged: 0, failed: 0 });
  const rows = await prisma.articleLocalization.findMany({
    orderBy: { publishedAt: "asc" },
    include: { revisions: true, transitions: true, article: { include: { source: true } } },
  });
  // The wire gives days: each is stored as its midnight UTC, marked as a date alone (no invented time of day).
  expect(rows.map((r) => [r.publishedAt?.toISOString(), r.publishedDateOnly, r.status])).toEqual([
    ["2020-06-10T00:00:00.000Z", true, "published"],
    ["2021-08-19T00:00:00.000Z", true, "draft"],
    ["2022-05-30T00:00:00.000Z", true, "published"],
    ["2024-03-04T00:00:00.000Z", true, "published"],
    ["2024-11-07T00:00:00.000Z", true, "published"],
  ]);
  for (const row of rows) {
    expect(row.revisions.map((r) => [r.number, r.origin, r.applied, r.slug])).toEqual([[1, "import", true, row.slug]]);
    expect(row.transitions.map((t) => [t.fromStatus, t.toStatus, t.comment])).toEqual([[null, row.status, "import"]]);
  }
  expect(rows.find((r) => r.status === "draft")?.warnings).toEqual(
    expect.arrayContaining([expect.objectContaining({ code: "missing_title" })]),
  );
  const tass = await prisma.source.findUniqueOrThrow({ where: { slug: "tass" } });
  expect(tass).toMatchObject({ nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS" });
  expect(await prisma.auditLog.findMany({ select: { action: true } })).toEqual(
    Array(5).fill({ action: "import.created" }),
  );
  // The search document the statement built from TypeScript-normalized text is the one PostgreSQL builds from the
  // row, and search finds the articles through spelling variants as soon as they are committed.
  expect(await searchDocumentsOutOfStep()).toBe(0);
  expect(await arabicMatches("الإستراتيجية")).toBeGreaterThan(0);
  expect(await arabicMatches("الإستراتيجية")).toBe(await arabicMatches("الاستراتيجيه"));
  expect(await arabicMatches("كازاخســتان")).toBe(5);
  expect(await arabicMatches("لافروف")).toBe(2);

  const again = await importWithPool([SEEDS]);
  expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5, failed: 0 });
  expect(await prisma.article.count()).toBe(5);
  expect(await prisma.importRecord.groupBy({ by: ["outcome"], _count: true, orderBy: { outcome: "asc" } })).toEqual([
    { outcome: "created", _count: 5 },
    { outcome: "unchanged", _count: 5 },
  ]);
});

it("rolls back an article whose statement fails part-way, new agency included, and imports the rest", async () => {
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
    const { counts, results } = await importWithPool([SEEDS]);
    expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 2 });
    for (const result of results.filter((r) => r.outcome === "failed"))
      expect(result.detail).toMatch(/disk full \(simulated\)/);
    expect(await prisma.article.count()).toBe(3);
    expect(await prisma.wireFile.count()).toBe(3);
    expect((await prisma.source.findMany({ select: { nameAr: true } })).map((s) => s.nameAr)).toEqual(["تاس"]);
    expect(await prisma.importRecord.count({ where: { outcome: "failed" } })).toBe(2);
  } finally {
    await prisma.$executeRawUnsafe("DROP TRIGGER refuse_lavrov ON revisions");
  }
  expect((await importWithPool([SEEDS])).counts).toEqual({ created: 2, updated: 0, unchanged: 3, failed: 0 });
});

it("lets two importers race on the same files: each article once, the loser sees them unchanged", async () => {
  const dir = await variants(4, "same");
  const runs = await Promise.all([importWithPool([dir], 8), importWithPool([dir], 8)]);
  expect(runs.flatMap((run) => run.results).filter((r) => r.outcome === "failed")).toEqual([]);
  expect(sum(runs, "created")).toBe(20);
  expect(sum(runs, "unchanged")).toBe(20);
  expect(await prisma.article.count()).toBe(20);
  expect(await prisma.revision.count()).toBe(20);
  expect(await prisma.wireFile.count()).toBe(20);
  expect(await prisma.source.count({ where: { slug: "tass" } })).toBe(1);
  expect(await searchDocumentsOutOfStep()).toBe(0);
});

it("lets two importers race on a new agency: one record, every article linked to it", async () => {
  const [a, b] = await Promise.all([
    variants(3, "a", "وكالة الأنباء الجديدة"),
    variants(3, "b", "وكالة الانباء الجديدة"),
  ]);
  const runs = await Promise.all([importWithPool([a], 8), importWithPool([b], 8)]);
  expect(runs.flatMap((run) => run.results).filter((r) => r.outcome === "failed")).toEqual([]);
  expect(sum(runs, "created")).toBe(30);
  const agencies = await prisma.source.findMany({
    where: { nameAr: { contains: "الجديدة" } },
    include: { _count: { select: { articles: true } } },
  });
  expect(agencies).toHaveLength(1);
  // Four of the five seeds name their agency in the line replaced above; the fifth cites another.
  expect(agencies[0]?._count.articles).toBe(24);
});

it("writes articles citing an agency it already met with its record's id, and recovers when that record is gone", async () => {
  const pool = openImportPool(db.url, 2);
  try {
    // Both cite TASS and the Federation Council's photo service (spelt الإتحاد in one, الاتحاد in the other).
    const [first, second] = (await readdir(SEEDS))
      .sort()
      .filter((name) => name.startsWith("000") || name.startsWith("001"));
    const fileOf = async (name: string) => {
      const prepared = prepareFile({ name, bytes: await readFile(join(SEEDS, name)) });
      if (!prepared.parsed.ok) throw new Error(`seed ${name} does not parse`);
      return {
        name,
        contentHash: prepared.contentHash,
        fileKey: prepared.fileKey,
        article: prepared.parsed.article,
        warnings: prepared.parsed.warnings,
      };
    };
    const known = new KnownAttribution();
    await createArticle(pool, await fileOf(first as string), known);
    const tass = await prisma.source.findUniqueOrThrow({ where: { slug: "tass" } });
    const credit = await prisma.photoCredit.findFirstOrThrow();
    expect([...known.sources.values()]).toEqual([tass.id]);
    expect([...known.credits.values()]).toEqual([credit.id]);

    // The record is deleted behind the importer's back: the next article is linked to a new one, not lost.
    await prisma.source.delete({ where: { id: tass.id } });
    const created = await createArticle(pool, await fileOf(second as string), known);
    expect(created?.outcome).toBe("created");
    const article = await prisma.article.findUniqueOrThrow({
      where: { id: created?.articleId as number },
      include: { source: true },
    });
    expect(article.source).toMatchObject({ slug: "tass", nameEn: "TASS" });
    expect(article.source?.id).not.toBe(tass.id);
    expect(article.photoCreditId).toBe(credit.id);
    expect([...known.sources.values()]).toEqual([article.source?.id]);
    expect(await prisma.source.count()).toBe(1);
    expect(await prisma.photoCredit.count()).toBe(1);
  } finally {
    await pool.end();
  }
});

it("gives articles whose titles make the same slug the next free number, then a random suffix when none is free", async () => {
  const name = (await readdir(SEEDS)).sort()[0] as string;
  const seed = await readFile(join(SEEDS, name), "utf8");
  const parsed = parseArticle(Buffer.from(seed), { filename: name });
  if (!parsed.ok || !parsed.article.title) throw new Error("the first seed has a title");
  const base = makeSlug(parsed.article.title);
  // Someone holds base-2 and base-4 … base-20: base and base-3 are the free candidates.
  const held = [2, ...Array.from({ length: NUMBERED_SLUGS - 3 }, (_, i) => i + 4)];
  for (const n of held) {
    await prisma.article.create({
      data: { localizations: { create: { locale: "ar", slug: `${base}-${n}`, title: "held", body: [] } } },
    });
  }
  const dir = await mkdtemp(join(tmpdir(), "minbar-import-slugs-"));
  // Same title, different text: four new articles, written one after the other in the order of their names.
  const at = seed.lastIndexOf("رئيس");
  for (let i = 0; i < 4; i++)
    await writeFile(join(dir, `same_title_${i}.txt`), `${seed.slice(0, at)}(${i}) ${seed.slice(at)}`);
  expect((await importWithPool([dir], 1)).counts.created).toBe(4);
  const slugs = (
    await prisma.articleLocalization.findMany({
      where: { title: { not: "held" } },
      orderBy: { id: "asc" },
      select: { slug: true },
    })
  ).map((row) => row.slug);
  expect(slugs.slice(0, 2)).toEqual([base, `${base}-3`]);
  for (const slug of slugs.slice(2)) expect(slug).toMatch(new RegExp(`^${base}-[0-9a-f]{8}$`));
  expect(new Set(slugs).size).toBe(4);
});

it("replaces an import connection the server closed, failing only what it was carrying", async () => {
  const pool = openImportPool(db.url, 1);
  try {
    expect(await pool.query<{ n: number }>("SELECT 1 AS n", [])).toEqual([{ n: 1 }]);
    await prisma.$queryRawUnsafe(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'minbar-import' AND datname = current_database()",
    );
    // The client learns of it by an error event; until then a query may still be sent on the dead socket and fail.
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 5 && outcomes.at(-1) !== "ok"; attempt++) {
      outcomes.push(
        await pool.query("SELECT 1 AS n", []).then(
          () => "ok",
          (error: Error) => error.message,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outcomes.at(-1)).toBe("ok");
    expect(outcomes.length).toBeLessThanOrEqual(2);
  } finally {
    await pool.end();
  }
});

it("imports runs longer than one batch: a file repeated in a later batch is unchanged, a changed one an update", async () => {
  const dir = await variants(52, "many");
  const names = (await readdir(dir)).sort();
  expect(names.length).toBe(260);
  const first = names[0] as string;
  // After the first batch of 250 (names sort as written): the same bytes under a new name, and new bytes under the
  // first file's name (its key) in a subfolder imported with the rest.
  const later = join(dir, "zz");
  await mkdir(later);
  const bytes = await readFile(join(dir, first), "utf8");
  await writeFile(join(dir, "zz_same_bytes.txt"), bytes);
  await writeFile(join(later, first), bytes.replace("رئيس", "رئيس (تحديث)"));
  const { counts, results } = await importWithPool([dir, later]);
  expect(results.filter((r) => r.outcome === "failed")).toEqual([]);
  expect(counts).toEqual({ created: 260, updated: 1, unchanged: 1, failed: 0 });
  expect(await prisma.article.count()).toBe(260);
  expect(await searchDocumentsOutOfStep()).toBe(0);
});
