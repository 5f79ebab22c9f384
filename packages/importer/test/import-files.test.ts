// The admin's entry into the importer: bytes in, the same outcomes as the CLI, only for actors who may import.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import { createUser, ensureBuiltInRoles, loadActor } from "@minbar/db/accounts";
import { ForbiddenError, type Actor } from "@minbar/db/permissions";
import type { PrismaClient } from "@minbar/db/client";
import { importFiles, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, UploadRefusedError } from "../src/index.ts";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let editor: Actor;
let writer: Actor;

async function actorWith(role: string): Promise<Actor> {
  const user = await createUser(prisma, { email: `${role}@example.test`, name: role, roleKeys: [role] });
  const actor = await loadActor(prisma, user.id, user.authVersion);
  if (!actor) throw new Error(`no actor for ${role}`);
  return actor;
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  await ensureBuiltInRoles(prisma);
  editor = await actorWith("editor");
  writer = await actorWith("writer");
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await prisma.$executeRawUnsafe(
    "TRUNCATE articles, sources, photo_credits, wire_files, import_records, audit_log RESTART IDENTITY CASCADE",
  );
});

async function seedFiles(count: number) {
  const names = (await readdir(SEEDS)).sort().slice(0, count);
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(`${SEEDS}${name}`)) })));
}

const BINARY = {
  name: "broken.txt",
  bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01]),
};

async function writtenRows() {
  const [articles, wireFiles, importRecords, audit] = await Promise.all([
    prisma.article.count(),
    prisma.wireFile.count(),
    prisma.importRecord.count(),
    prisma.auditLog.count(),
  ]);
  return { articles, wireFiles, importRecords, audit };
}

describe("importFiles", () => {
  it("in a dry run says what would happen and writes nothing", async () => {
    const files = [...(await seedFiles(2)), BINARY];
    const { results, counts } = await importFiles({ prisma, actor: editor, files, dryRun: true });
    expect(counts).toEqual({ created: 2, unchanged: 0, updated: 0, failed: 1 });
    expect(results.map((r) => r.outcome)).toEqual(["created", "created", "failed"]);
    expect(results[0]?.parsed).toMatchObject({ ok: true, article: { title: expect.any(String) } });
    expect(results[2]?.parsed).toMatchObject({ ok: false, error: { code: "binary" } });
    expect(await writtenRows()).toEqual({ articles: 0, wireFiles: 0, importRecords: 0, audit: 0 });
  });

  it("imports each file on its own: a broken one in the middle stops none of the others; again, all unchanged", async () => {
    const [first, second] = await seedFiles(2);
    const files = [first!, BINARY, { name: "empty.txt", bytes: new Uint8Array() }, second!];
    const once = await importFiles({ prisma, actor: editor, files });
    expect(once.results.map((r) => [r.file, r.outcome])).toEqual([
      [first!.name, "created"],
      ["broken.txt", "failed"],
      ["empty.txt", "failed"],
      [second!.name, "created"],
    ]);
    expect(once.results[2]?.parsed).toMatchObject({ ok: false, error: { code: "empty" } });
    expect(await prisma.article.count()).toBe(2);

    const again = await importFiles({ prisma, actor: editor, files });
    expect(again.counts).toEqual({ created: 0, unchanged: 2, updated: 0, failed: 2 });
    expect(await prisma.article.count()).toBe(2);

    // A dry run after the import agrees with it.
    const dry = await importFiles({ prisma, actor: editor, files: [first!], dryRun: true });
    expect(dry.results[0]).toMatchObject({ outcome: "unchanged", articleId: once.results[0]?.articleId });
  });

  it("records an import.file audit entry per file, naming the actor", async () => {
    const [first] = await seedFiles(1);
    await importFiles({ prisma, actor: editor, files: [first!, BINARY] });
    const entries = await prisma.auditLog.findMany({ where: { action: "import.file" }, orderBy: { id: "asc" } });
    expect(
      entries.map((entry) => [
        entry.actorId,
        (entry.data as { outcome: string }).outcome,
        (entry.data as { file: string }).file,
      ]),
    ).toEqual([
      [editor.userId, "created", first!.name],
      [editor.userId, "failed", "broken.txt"],
    ]);
  });

  it("sees a changed file under a known name as an update", async () => {
    const [first] = await seedFiles(1);
    await importFiles({ prisma, actor: editor, files: [first!] });
    const changed = {
      name: first!.name,
      bytes: new Uint8Array([...first!.bytes, ...new TextEncoder().encode("\nفقرة أضيفت لاحقا.\n")]),
    };
    const dry = await importFiles({ prisma, actor: editor, files: [changed], dryRun: true });
    expect(dry.results[0]?.outcome).toBe("updated");
    const { results } = await importFiles({ prisma, actor: editor, files: [changed] });
    expect(results[0]?.outcome).toBe("updated");
  });

  it("an importer without the right to publish sends complete texts to review and leaves live ones as they are", async () => {
    await prisma.role.upsert({
      where: { key: "wire_desk" },
      update: {},
      create: {
        key: "wire_desk",
        nameAr: "مكتب الوكالات",
        nameRu: "Ленты",
        nameEn: "Wire desk",
        permissions: ["article.read", "article.import", "article.create", "article.submit"],
      },
    });
    const wireDesk = await actorWith("wire_desk");
    const [first, second] = await seedFiles(2);
    const { results } = await importFiles({ prisma, actor: wireDesk, files: [first!] });
    expect(results[0]).toMatchObject({ outcome: "created", detail: "in review" });
    const stored = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId: results[0]!.articleId! } });
    expect(stored.status).toBe("in_review");
    expect(await prisma.articleLocalization.count({ where: { status: "published" } })).toBe(0);
    const transitions = await prisma.workflowTransition.findMany({ where: { localizationId: stored.id } });
    expect(transitions.map((t) => [t.fromStatus, t.toStatus])).toEqual([[null, "in_review"]]);

    // An editor's import of another file publishes it; the wire desk's change to that live text stays a revision.
    const published = await importFiles({ prisma, actor: editor, files: [second!] });
    expect(published.results[0]?.detail).toBe("published");
    const articleId = published.results[0]!.articleId!;
    const before = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId } });
    const changed = {
      name: second!.name,
      bytes: new Uint8Array([...second!.bytes, ...new TextEncoder().encode("\nفقرة أضيفت لاحقا.\n")]),
    };
    const update = await importFiles({ prisma, actor: wireDesk, files: [changed] });
    expect(update.results[0]).toMatchObject({ outcome: "updated" });
    expect(update.results[0]?.detail).toMatch(/not applied: the live text needs the right to publish/);
    const after = await prisma.articleLocalization.findFirstOrThrow({ where: { articleId } });
    expect(after.body).toEqual(before.body);
    expect(after.version).toBe(before.version);
  });

  it("refuses actors without article.import before reading anything", async () => {
    const files = await seedFiles(1);
    await expect(importFiles({ prisma, actor: writer, files })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importFiles({ prisma, actor: null, files, dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await writtenRows()).toEqual({ articles: 0, wireFiles: 0, importRecords: 0, audit: 0 });
  });

  it("refuses an upload over its limits as a whole, with a code saying which", async () => {
    const [first] = await seedFiles(1);
    const refusal = (files: { name: string; bytes: Uint8Array }[]) =>
      importFiles({ prisma, actor: editor, files, dryRun: true }).catch((error: unknown) => error);
    expect(await refusal([])).toMatchObject({ code: "no_files" });
    expect(
      await refusal(
        Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => ({ name: `${i}.txt`, bytes: first!.bytes })),
      ),
    ).toMatchObject({ code: "too_many_files" });
    const big = await refusal([{ name: "big.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1) }]);
    expect(big).toBeInstanceOf(UploadRefusedError);
    expect(big).toMatchObject({ code: "too_many_bytes" });
  });
});
