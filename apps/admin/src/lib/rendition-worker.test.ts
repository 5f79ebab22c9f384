// The renditions worker on a real PostgreSQL and a real folder: it makes every queued image's renditions, and a
// failing image (its storage refusing) is put aside for a while without stopping the others or spinning.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ensureBuiltInRoles } from "@minbar/db/accounts";
import { uploadImage } from "@minbar/db/editorial";
import type { Actor } from "@minbar/db/permissions";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { FileSystemMediaStorage, type MediaStorage } from "@minbar/media";
import { drainRenditionQueue } from "./rendition-worker.ts";

let db: TestDatabase;
let writer: Actor;
const root = mkdtempSync(path.join(tmpdir(), "minbar-renditions-"));
const storage = new FileSystemMediaStorage(root);
const quiet = { info: () => {}, error: () => {} };

beforeAll(async () => {
  db = await createTestDatabase();
  await ensureBuiltInRoles(db.prisma);
  const user = await createUser(db.prisma, { email: "w@minbar.test", name: "W", roleKeys: ["writer"] });
  writer = { userId: user.id, email: user.email, name: user.name, permissions: new Set(["media.upload"]) };
});
afterAll(async () => {
  await db?.drop();
  rmSync(root, { recursive: true, force: true });
});

const upload = async (colour: string) =>
  (
    await uploadImage(db.prisma, storage, writer, {
      fileName: `${colour}.png`,
      data: await sharp({ create: { width: 400, height: 300, channels: 3, background: colour } })
        .png()
        .toBuffer(),
    })
  ).image;

describe("drainRenditionQueue", () => {
  it("makes the renditions of every queued image, oldest first", async () => {
    const [first, second] = [await upload("#102030"), await upload("#405060")];
    const told: number[] = [];
    const onMade = async (id: number) => told.push(id);
    expect(await drainRenditionQueue({ prisma: db.prisma, storage, log: quiet, onMade })).toEqual({
      made: 2,
      failed: 0,
    });
    // Each one is announced once it is stored, so the pages showing it can follow.
    expect(told).toEqual([first.id, second.id]);
    for (const { id } of [first, second]) {
      const image = await db.prisma.mediaImage.findUniqueOrThrow({ where: { id } });
      expect(image.renditionKey).not.toBeNull();
      expect(await storage.get(`renditions/${image.renditionKey}/square.webp`)).not.toBeNull();
    }
    expect(await drainRenditionQueue({ prisma: db.prisma, storage, log: quiet })).toEqual({ made: 0, failed: 0 });
  });

  it("puts a failing image aside and goes on with the next, then tries it again later", async () => {
    const broken = await upload("#aa0000");
    const fine = await upload("#00aa00");
    let attempts = 0;
    let down = true;
    const flaky: MediaStorage = {
      put: (key, data) => storage.put(key, data),
      delete: (key) => storage.delete(key),
      list: (prefix) => storage.list(prefix),
      get: async (key) => {
        if (key === broken.originalKey) {
          attempts += 1;
          if (down) throw new Error("storage unavailable");
        }
        return storage.get(key);
      },
    };
    const failures = new Map<number, { retryAt: number; delayMs: number }>();
    let clock = 1_000_000;
    const now = () => clock;

    expect(await drainRenditionQueue({ prisma: db.prisma, storage: flaky, failures, now, log: quiet })).toEqual({
      made: 1,
      failed: 1,
    });
    expect((await db.prisma.mediaImage.findUniqueOrThrow({ where: { id: fine.id } })).renditionKey).not.toBeNull();
    expect((await db.prisma.mediaImage.findUniqueOrThrow({ where: { id: broken.id } })).renditionKey).toBeNull();
    expect(failures.get(broken.id)?.retryAt).toBeGreaterThan(clock);

    // Asked again at once (another upload, the next tick): the failing image waits its turn, nothing spins.
    expect(await drainRenditionQueue({ prisma: db.prisma, storage: flaky, failures, now, log: quiet })).toEqual({
      made: 0,
      failed: 0,
    });
    expect(attempts).toBe(1);

    // Failing again doubles the wait.
    clock += failures.get(broken.id)!.delayMs;
    await drainRenditionQueue({ prisma: db.prisma, storage: flaky, failures, now, log: quiet });
    expect(attempts).toBe(2);
    expect(failures.get(broken.id)?.delayMs).toBe(30_000);

    // Once the storage answers, the image is made and forgotten by the failure list.
    down = false;
    clock += 30_000;
    expect(await drainRenditionQueue({ prisma: db.prisma, storage: flaky, failures, now, log: quiet })).toEqual({
      made: 1,
      failed: 0,
    });
    expect(failures.size).toBe(0);
  });
});
