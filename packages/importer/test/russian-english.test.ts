// Russian and English wire texts: new articles whose original is that language, or (`translationOf`) an existing
// article's edition in that language, with the same rules as Arabic imports. Against a real PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import type { PrismaClient } from "@minbar/db/client";
import { readBody } from "@minbar/db/importing";
import { importPaths } from "../src/index.ts";

const FIXTURES = fileURLToPath(new URL("../../parser/test/fixtures/", import.meta.url));

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await prisma.$executeRawUnsafe(
    "TRUNCATE articles, sources, photo_credits, wire_files, import_records, audit_log RESTART IDENTITY CASCADE",
  );
  dir = await mkdtemp(join(tmpdir(), "minbar-import-ru-en-"));
});

/** A wire file in the test's folder: a parser fixture's text, optionally changed, under a name of our choice. */
async function wireFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
const fixture = (name: string) => readFile(join(FIXTURES, name), "utf8");

/** An Arabic wire text shaped like en-full-date.txt: a paragraph, a subheading, a paragraph. */
const ARABIC = [
  "Ru En",
  "",
  "لافروف: الحلول المشتركة تعزز العلاقات بين روسيا وكازاخستان",
  "",
  "01 نوفمبر 2019",
  "",
  "قال وزير الخارجية الروسي سيرغي لافروف إن حل القضايا يعزز العلاقات بين أستانا وموسكو.",
  "",
  "مجالات التعاون",
  "",
  "وأشار الوزير إلى أن البلدين يعملان بشكل مثمر في إطار الاتحاد الاقتصادي الأوراسي.",
  "",
  'مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"',
  "",
  "المصدر: تاس",
].join("\n");

async function importArabic(name = "lavrov-ar.txt", text = ARABIC): Promise<number> {
  const { results } = await importPaths({ prisma, paths: [await wireFile(name, text)] });
  expect(results[0]).toMatchObject({ outcome: expect.stringMatching(/created|updated/) });
  return results[0]!.articleId!;
}

const edition = (articleId: number, locale: "ar" | "ru" | "en") =>
  prisma.articleLocalization.findUnique({ where: { articleId_locale: { articleId, locale } } });

/** Ids of the localizations whose search document matches `query` in `config` (the language's stemming). */
async function searchHits(config: "russian" | "english", query: string): Promise<number[]> {
  const rows = await prisma.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM article_localizations WHERE search_vector @@ websearch_to_tsquery($1::regconfig, $2) ORDER BY id`,
    config,
    query,
  );
  return rows.map((row) => row.id);
}

describe("a Russian or English text without an option", () => {
  it("becomes a new article whose original is in that language, searchable with its stemming", async () => {
    const ru = await wireFile("lavrov-ru.txt", await fixture("ru-full-date.txt"));
    const en = await wireFile("lavrov-en.txt", await fixture("en-full-date.txt"));
    // The fast path (own connections) and the general one (through Prisma) both.
    const fast = await importPaths({ prisma, paths: [ru], databaseUrl: db.url });
    const general = await importPaths({ prisma, paths: [en] });
    expect(fast.results[0]).toMatchObject({ outcome: "created", detail: "published" });
    expect(general.results[0]).toMatchObject({ outcome: "created", detail: "published" });

    const articles = await prisma.article.findMany({
      include: { localizations: true, source: true, photoCredit: true },
      orderBy: { id: "asc" },
    });
    expect(articles.map((a) => [a.originalLocale, a.localizations.map((l) => [l.locale, l.status])])).toEqual([
      ["ru", [["ru", "published"]]],
      ["en", [["en", "published"]]],
    ]);
    const [russian, english] = articles as [(typeof articles)[0], (typeof articles)[0]];
    expect(russian.localizations[0]).toMatchObject({
      title: "Лавров обсудил с министром иностранных дел Казахстана вопросы стратегического партнёрства",
      slug: "лавров-обсудил-с-министром-иностранных-дел-казахстана-вопросы-стратегического",
      publishedAt: new Date("2019-06-19T00:00:00Z"),
    });
    // ТАСС and TASS are the known agency تاس: one record with its three names.
    expect(russian.source).toMatchObject({ slug: "tass", nameAr: "تاس", nameRu: "ТАСС", nameEn: "TASS" });
    expect(english.sourceId).toBe(russian.sourceId);
    // A credit first cited in Russian is named in Russian (and, the column being required, in the Arabic one).
    expect(russian.photoCredit).toMatchObject({ nameRu: "МИД России", nameEn: null });
    expect(english.photoCredit).toMatchObject({ nameEn: "Russian Foreign Ministry", nameRu: null });

    // Other word forms than the text's: переговоры → переговорах, strengthen → strengthening.
    expect(await searchHits("russian", "переговорах партнёрство")).toEqual([russian.localizations[0]!.id]);
    expect(await searchHits("english", "strengthening relation")).toEqual([english.localizations[0]!.id]);
    const outOfStep = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM article_localizations
      WHERE search_vector IS DISTINCT FROM minbar_search_vector(locale, title, summary, body)`;
    expect(outOfStep[0]?.n).toBe(0);

    // Again: unchanged, by content hash.
    const again = await importPaths({ prisma, paths: [ru, en], databaseUrl: db.url });
    expect(again.counts).toMatchObject({ unchanged: 2, created: 0 });
  });

  it("keeps a text without its year a draft with its warning, and a changed file updates its own edition", async () => {
    const text = await fixture("en-missing-year.txt");
    const path = await wireFile("pipeline.txt", text);
    const first = await importPaths({ prisma, paths: [path], databaseUrl: db.url });
    expect(first.results[0]).toMatchObject({ outcome: "created", detail: "draft: missing_year" });
    const articleId = first.results[0]!.articleId!;
    expect(await edition(articleId, "en")).toMatchObject({
      status: "draft",
      warnings: [
        expect.objectContaining({ code: "missing_year" }),
        expect.objectContaining({ code: "missing_source" }),
      ],
    });

    // An Arabic file under the same name is another file: a new article, not an update of the English one.
    const arabic = await importPaths({ prisma, paths: [await wireFile("pipeline.txt", ARABIC)] });
    expect(arabic.results[0]).toMatchObject({ outcome: "created" });
    expect(arabic.results[0]!.articleId).not.toBe(articleId);

    const changed = text.replace("04 May", "04 May 2023");
    const second = await importPaths({ prisma, paths: [await wireFile("pipeline.txt", changed)] });
    expect(second.results[0]).toMatchObject({ outcome: "updated", articleId, detail: "revision 2 applied" });
    expect(await edition(articleId, "en")).toMatchObject({
      status: "published",
      publishedAt: new Date("2023-05-04T00:00:00Z"),
    });
  });
});

describe("--translation-of", () => {
  it("attaches an English text as the edition of an Arabic article, made from its current revision", async () => {
    const articleId = await importArabic();
    const path = await wireFile("lavrov-en.txt", await fixture("en-full-date.txt"));
    const { results } = await importPaths({ prisma, paths: [path], translationOf: articleId });
    expect(results[0]).toMatchObject({ outcome: "created", articleId, detail: "English edition published" });

    const ar = (await edition(articleId, "ar"))!;
    const en = (await edition(articleId, "en"))!;
    expect(en).toMatchObject({
      title: "Lavrov: joint solutions strengthen the relations between Russia and Kazakhstan",
      slug: "lavrov-joint-solutions-strengthen-the-relations-between-russia-and-kazakhstan",
      status: "published",
      outdatedAt: null,
    });
    const current = await prisma.revision.findFirstOrThrow({
      where: { localizationId: ar.id, applied: true },
      orderBy: { number: "desc" },
    });
    expect(en.sourceRevisionId).toBe(current.id);
    // Same count and types (paragraph, heading, paragraph): each block names the original's it translates.
    const original = readBody(ar.body);
    const blocks = readBody(en.body);
    expect(blocks.map((block) => block.type)).toEqual(["paragraph", "heading", "paragraph"]);
    expect(blocks.map((block) => block.sourceId)).toEqual(original.map((block) => block.id));
    expect(blocks.every((block) => block.id && !original.some((o) => o.id === block.id))).toBe(true);
    expect(await searchHits("english", "strengthening")).toEqual([en.id]);
    // The article keeps its attribution: a translation's file names none of it.
    const revisions = await prisma.revision.findMany({ where: { localizationId: en.id } });
    expect(revisions).toMatchObject([{ number: 1, origin: "import", applied: true }]);
    const audit = await prisma.auditLog.findMany({ where: { action: "import.translation" } });
    expect(audit).toMatchObject([{ entityId: String(articleId) }]);

    // The same file again: unchanged. A changed version: a new revision of the English edition.
    const again = await importPaths({ prisma, paths: [path], translationOf: articleId });
    expect(again.results[0]).toMatchObject({ outcome: "unchanged", articleId });
    const text = (await fixture("en-full-date.txt")).replace("productively", "very productively");
    const changed = await importPaths({
      prisma,
      paths: [await wireFile("lavrov-en.txt", text)],
      translationOf: articleId,
    });
    expect(changed.results[0]).toMatchObject({ outcome: "updated", articleId, detail: "revision 2 applied" });
    expect(readBody((await edition(articleId, "en"))!.body)[2]?.text).toContain("very productively");
    expect(await prisma.revision.count({ where: { localizationId: en.id } })).toBe(2);
    expect((await edition(articleId, "ar"))!.updatedAt).toEqual(ar.updatedAt);
  });

  it("never overwrites an editor's work on the attached edition", async () => {
    const articleId = await importArabic();
    const text = await fixture("en-full-date.txt");
    await importPaths({ prisma, paths: [await wireFile("lavrov-en.txt", text)], translationOf: articleId });
    await prisma.articleLocalization.update({
      where: { articleId_locale: { articleId, locale: "en" } },
      data: { title: "Edited by hand", updatedById: null },
    });
    await prisma.revision.create({
      data: {
        localization: { connect: { articleId_locale: { articleId, locale: "en" } } },
        number: 2,
        title: "Edited by hand",
        slug: "x",
        body: [],
        origin: "editor",
      },
    });
    const changed = await importPaths({
      prisma,
      paths: [await wireFile("lavrov-en.txt", text.replace("productively", "well"))],
      translationOf: articleId,
    });
    expect(changed.results[0]).toMatchObject({
      outcome: "updated",
      detail: "revision 3 saved as pending changes to the live text; the editor's changes were kept",
    });
    expect((await edition(articleId, "en"))?.title).toBe("Edited by hand");
  });

  it("refuses, each with its reason, and writes nothing for the refused file", async () => {
    const articleId = await importArabic();
    const english = await fixture("en-full-date.txt");
    await importPaths({ prisma, paths: [await wireFile("lavrov-en.txt", english)], translationOf: articleId });
    const before = await prisma.articleLocalization.count();

    const other = await wireFile("other-en.txt", english.replace("Friday", "Thursday"));
    const arabic = await wireFile("arabic.txt", ARABIC.replace("مجالات التعاون", "آفاق التعاون"));
    const russian = await wireFile("lavrov-ru.txt", await fixture("ru-full-date.txt"));
    const broken = await wireFile("empty.txt", "  \n");
    const toArticle = await importPaths({ prisma, paths: [other, arabic, broken, russian], translationOf: articleId });
    const lines = Object.fromEntries(toArticle.results.map((r) => [r.file.split("/").pop(), [r.outcome, r.detail]]));
    expect(lines).toEqual({
      "other-en.txt": [
        "failed",
        `edition_from_another_file: article ${articleId}'s English edition already has the text of ${join(dir, "lavrov-en.txt")}`,
      ],
      "arabic.txt": [
        "failed",
        `original_language: the text is in Arabic, article ${articleId}'s original language; a translation must be in another`,
      ],
      "empty.txt": ["failed", expect.stringMatching(/^empty:/)],
      // One bad file stops none of the others.
      "lavrov-ru.txt": ["created", "Russian edition published"],
    });
    const missing = await importPaths({ prisma, paths: [other], translationOf: 9999 });
    expect(missing.results[0]).toMatchObject({
      outcome: "failed",
      detail: "no_such_article: article 9999 does not exist",
    });
    expect(await prisma.articleLocalization.count()).toBe(before + 1);
    expect(await prisma.wireFile.count({ where: { fileKey: { in: ["other-en", "arabic"] } } })).toBe(0);
    expect(await prisma.importRecord.count({ where: { outcome: "failed" } })).toBe(4);
  });

  it("fills the empty edition a translator started, but not one with text written in the admin", async () => {
    const articleId = await importArabic();
    await prisma.articleLocalization.create({
      data: {
        articleId,
        locale: "en",
        slug: `article-${articleId}`,
        slugFollowsTitle: true,
        body: [{ type: "paragraph", text: "" }],
      },
    });
    await prisma.articleLocalization.create({
      data: { articleId, locale: "ru", slug: "written", title: "Написано в админке" },
    });
    const en = await wireFile("lavrov-en.txt", await fixture("en-full-date.txt"));
    const ru = await wireFile("lavrov-ru.txt", await fixture("ru-full-date.txt"));
    const { results } = await importPaths({ prisma, paths: [en, ru], translationOf: articleId });
    expect(results.map((r) => [r.outcome, r.detail])).toEqual([
      ["created", "English edition published"],
      [
        "failed",
        `edition_has_text: article ${articleId}'s Russian edition already has text written in the admin; it is never overwritten`,
      ],
    ]);
    expect(await edition(articleId, "en")).toMatchObject({
      slug: "lavrov-joint-solutions-strengthen-the-relations-between-russia-and-kazakhstan",
      status: "published",
    });
    expect((await edition(articleId, "ru"))?.title).toBe("Написано в админке");
  });

  it("in a dry run says what would happen, refusals included, and writes nothing", async () => {
    const articleId = await importArabic();
    const rows = async () => ({
      localizations: await prisma.articleLocalization.count(),
      wireFiles: await prisma.wireFile.count(),
      records: await prisma.importRecord.count(),
      audit: await prisma.auditLog.count(),
    });
    const before = await rows();
    const en = await wireFile("lavrov-en.txt", await fixture("en-full-date.txt"));
    const arabic = await wireFile("arabic.txt", ARABIC.replace("مجالات التعاون", "آفاق التعاون"));
    const dry = await importPaths({ prisma, paths: [en, arabic], translationOf: articleId, dryRun: true });
    expect(dry.results.map((r) => [r.outcome, r.detail])).toEqual([
      ["created", "English edition"],
      ["failed", expect.stringMatching(/^original_language: /)],
    ]);
    const missing = await importPaths({ prisma, paths: [en], translationOf: 9999, dryRun: true });
    expect(missing.results[0]?.detail).toBe("no_such_article: article 9999 does not exist");
    expect(await rows()).toEqual(before);
  });
});

describe("a changed original", () => {
  it("marks the English edition attached to an Arabic original outdated", async () => {
    const articleId = await importArabic();
    const en = await wireFile("lavrov-en.txt", await fixture("en-full-date.txt"));
    await importPaths({ prisma, paths: [en], translationOf: articleId });
    expect((await edition(articleId, "en"))?.outdatedAt).toBeNull();

    await importArabic("lavrov-ar.txt", ARABIC.replace("بشكل مثمر", "بشكل مثمر جدا"));
    expect((await edition(articleId, "en"))?.outdatedAt).toBeInstanceOf(Date);
    expect((await edition(articleId, "en"))?.status).toBe("published");
  });

  it("marks the Arabic edition attached to a Russian original outdated", async () => {
    const text = await fixture("ru-full-date.txt");
    const created = await importPaths({ prisma, paths: [await wireFile("lavrov-ru.txt", text)], databaseUrl: db.url });
    const articleId = created.results[0]!.articleId!;
    const attached = await importPaths({
      prisma,
      paths: [await wireFile("lavrov-ar.txt", ARABIC)],
      translationOf: articleId,
    });
    expect(attached.results[0]).toMatchObject({ outcome: "created", detail: "Arabic edition published" });
    const ar = (await edition(articleId, "ar"))!;
    expect(ar.outdatedAt).toBeNull();
    // Four blocks against three: nothing paired rather than a wrong pair.
    expect(readBody(ar.body).map((block) => block.sourceId)).toEqual([undefined, undefined, undefined]);

    const changed = text.replace("Гуманитарные связи", "Гуманитарные и культурные связи");
    const again = await importPaths({ prisma, paths: [await wireFile("lavrov-ru.txt", changed)] });
    expect(again.results[0]).toMatchObject({ outcome: "updated", articleId, detail: "revision 2 applied" });
    expect((await edition(articleId, "ar"))?.outdatedAt).toBeInstanceOf(Date);
  });
});
