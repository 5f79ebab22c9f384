// One photo's renditions job on a real PostgreSQL and a real folder, in this process: a focal point moved while the
// crops are made, or while the site is told, is made too by the same job (the queue refuses a second one meanwhile).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ensureBuiltInRoles } from "@minbar/db/accounts";
import { awaitsRenditions, uploadImage } from "@minbar/db/editorial";
import type { Actor } from "@minbar/db/permissions";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { FileSystemMediaStorage, type MediaStorage } from "@minbar/media";
import { runRenditions, type SiteSignal } from "../src/index.ts";

let db: TestDatabase;
let uploader: Actor;
const root = mkdtempSync(path.join(tmpdir(), "minbar-renditions-"));
const storage: MediaStorage = new FileSystemMediaStorage(root);

beforeAll(async () => {
  db = await createTestDatabase();
  await ensureBuiltInRoles(db.prisma);
  const user = await createUser(db.prisma, { email: "desk@minbar.test", name: "Desk", roleKeys: ["writer"] });
  uploader = { userId: user.id, email: user.email, name: user.name, permissions: new Set(["media.upload"]) };
});
afterAll(async () => {
  await db?.drop();
  rmSync(root, { recursive: true, force: true });
});

let n = 0;

/** An uploaded photo, the lead photo of one article. */
async function leadPhoto() {
  const data = await sharp({ create: { width: 600, height: 400, channels: 3, background: `#0${++n}3060` } })
    .png()
    .toBuffer();
  const { image } = await uploadImage(db.prisma, storage, uploader, { fileName: `lead-${n}.png`, data });
  const article = await db.prisma.article.create({
    data: {
      leadImageId: image.id,
      localizations: { create: { locale: "ar", title: `خبر ${n}`, slug: `lead-${n}`, body: [], status: "draft" } },
    },
  });
  return { image, articleId: article.id };
}

/** What an editor's move of the focal point leaves: a new point, the renditions to be made again. */
const moveFocalPoint = (id: number, x: number) =>
  db.prisma.mediaImage.update({ where: { id }, data: { focalX: x, renditionsReadyAt: null, renditionError: null } });

const recorded = (id: number) => db.prisma.mediaImage.findUniqueOrThrow({ where: { id } });

describe("runRenditions", () => {
  it("makes the newer crops when the focal point moves while the first are made, and tells the site once", async () => {
    const { image, articleId } = await leadPhoto();
    let moved = false;
    const moving: MediaStorage = {
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
      list: (prefix) => storage.list(prefix),
      put: async (key, data, type) => {
        if (!moved) {
          moved = true;
          await moveFocalPoint(image.id, 0.2);
        }
        return storage.put(key, data, type);
      },
    };
    const signals: SiteSignal[] = [];
    const report = await runRenditions({
      prisma: db.prisma,
      storage: moving,
      imageId: image.id,
      signal: async (signal) => void signals.push(signal),
    });
    expect(report).toEqual({ imageId: image.id, made: 2, articles: 1 });
    expect(signals).toEqual([{ kind: "articles", articleIds: [articleId] }]);
    const stored = await recorded(image.id);
    expect(stored.focalX).toBe(0.2);
    expect(stored.renditionsReadyAt).not.toBeNull();
    expect(await awaitsRenditions(db.prisma, image.id)).toBe(false);
  });

  it("makes them again when the focal point moves while the site is told of the first", async () => {
    const { image, articleId } = await leadPhoto();
    const keys: (string | null)[] = [];
    const signals: SiteSignal[] = [];
    const report = await runRenditions({
      prisma: db.prisma,
      storage,
      imageId: image.id,
      signal: async (signal) => {
        signals.push(signal);
        keys.push((await recorded(image.id)).renditionKey);
        if (keys.length === 1) await moveFocalPoint(image.id, 0.8);
      },
    });
    expect(report).toEqual({ imageId: image.id, made: 2, articles: 1 });
    // Told twice, each time with the crops then recorded: the first point's, then the newer point's.
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
    const stored = await recorded(image.id);
    expect(stored.renditionKey).toBe(keys[1]);
    expect(stored.focalX).toBe(0.8);
    expect(await awaitsRenditions(db.prisma, image.id)).toBe(false);
    expect(signals).toEqual([
      { kind: "articles", articleIds: [articleId] },
      { kind: "articles", articleIds: [articleId] },
    ]);
  });

  it("does nothing for a photo whose renditions are already made", async () => {
    const { image } = await leadPhoto();
    const signal = async () => {};
    expect(await runRenditions({ prisma: db.prisma, storage, imageId: image.id, signal })).toMatchObject({ made: 1 });
    expect(await runRenditions({ prisma: db.prisma, storage, imageId: image.id, signal })).toEqual({
      imageId: image.id,
      made: 0,
    });
  });
});
