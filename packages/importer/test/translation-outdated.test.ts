// A re-import of a changed wire file is a change of the original: its blocks keep their ids and its translations
// are marked outdated (they stay as they are).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@minbar/db/testing";
import { createUser, ensureBuiltInRoles, loadActor } from "@minbar/db/accounts";
import { readBody, startTranslation } from "@minbar/db/editorial";
import type { Actor } from "@minbar/db/permissions";
import type { PrismaClient } from "@minbar/db/client";
import { importFiles } from "../src/index.ts";

const SEEDS = fileURLToPath(new URL("../../../seeds/", import.meta.url));

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let editor: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  await ensureBuiltInRoles(prisma);
  const user = await createUser(prisma, { email: "editor@example.test", name: "editor", roleKeys: ["editor"] });
  editor = (await loadActor(prisma, user.id, user.authVersion))!;
});
afterAll(async () => {
  await db?.drop();
});

describe("a re-imported original", () => {
  it("keeps its unchanged blocks' ids and marks the translation outdated", async () => {
    const name = (await readdir(SEEDS)).sort()[0]!;
    const text = await readFile(`${SEEDS}${name}`, "utf8");
    const bytes = new TextEncoder().encode(text);
    const first = await importFiles({ prisma, actor: editor, files: [{ name, bytes }] });
    const articleId = first.results[0]!.articleId!;
    const ar = await prisma.articleLocalization.findUniqueOrThrow({
      where: { articleId_locale: { articleId, locale: "ar" } },
    });
    const before = readBody(ar.body);
    expect(before.every((block) => block.id)).toBe(true);

    const started = await startTranslation(prisma, editor, { articleId, locale: "ru" });
    const ru = () => prisma.articleLocalization.findUniqueOrThrow({ where: { id: started.localizationId } });
    expect((await ru()).outdatedAt).toBeNull();

    // The first body paragraph gains a sentence.
    const lines = text.split("\n");
    const at = lines.findIndex((line, index) => index > 2 && line.trim() === before[0]!.text);
    expect(at).toBeGreaterThan(0);
    lines[at] = `${lines[at]} وأضاف تفصيلا.`;
    const changed = new TextEncoder().encode(lines.join("\n"));
    const second = await importFiles({ prisma, actor: editor, files: [{ name, bytes: changed }] });
    expect(second.results[0]?.outcome).toBe("updated");

    const after = readBody((await prisma.articleLocalization.findUniqueOrThrow({ where: { id: ar.id } })).body);
    expect(after[0]?.text).toContain("وأضاف تفصيلا.");
    expect(after.map((block) => block.id)).toEqual(before.map((block) => block.id));
    const translation = await ru();
    expect(translation.outdatedAt).toBeInstanceOf(Date);
    expect(translation.status).toBe("draft");
  });
});
