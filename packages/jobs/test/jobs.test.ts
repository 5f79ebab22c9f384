// The job queue on a real PostgreSQL, with the workers as separate processes as two admin instances would be:
// scheduled publishing runs once (also when a worker is killed just before the time, or none runs at that time),
// the public site's signals are sent again with a growing delay until the site confirms them, and each photo's
// renditions are made once, tried again while its storage fails.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { PgBoss } from "pg-boss";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUser, ensureBuiltInRoles } from "@minbar/db/accounts";
import { awaitsRenditions, uploadImage } from "@minbar/db/editorial";
import type { Actor } from "@minbar/db/permissions";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { FileSystemMediaStorage, type MediaStorage } from "@minbar/media";
import { startSite } from "@minbar/site-signal/testing";
import {
  QUEUES,
  SIGNAL_RETRY,
  STOP_GRACE_MS,
  createBoss,
  enqueueAwaitingRenditions,
  enqueueDueWork,
  enqueueRenditions,
  enqueueSiteSignal,
  ensureQueues,
  type SiteSignal,
} from "../src/index.ts";

const SECRET = "s".repeat(40);
const RETRY_DELAY = 1;
const WORKER = fileURLToPath(new URL("./worker-process.ts", import.meta.url));

type JobLine = {
  app: string;
  time: string;
  reqId: string;
  job: string;
  outcome: string;
  attempt: number;
  published?: number;
  at?: string;
  sweep?: boolean;
  imageId?: number;
  made?: number;
  articles?: number;
};

type Worker = { child: ChildProcess; lines: JobLine[]; exited: Promise<number | null> };

let db: TestDatabase;
let sender: PgBoss;
let uploader: Actor;
const workers: Worker[] = [];
// Every worker keeps photos here, as the admins of one deployment share one media store.
const mediaDir = mkdtempSync(path.join(tmpdir(), "minbar-jobs-media-"));
const storage: MediaStorage = new FileSystemMediaStorage(mediaDir);

beforeAll(async () => {
  db = await createTestDatabase();
  sender = createBoss(db.url, { worker: false });
  await sender.start();
  await ensureQueues(sender, { retryDelay: RETRY_DELAY, retryDelayMax: RETRY_DELAY * 8 });
  await ensureBuiltInRoles(db.prisma);
  const user = await createUser(db.prisma, { email: "photo@minbar.test", name: "Photo desk", roleKeys: ["writer"] });
  uploader = { userId: user.id, email: user.email, name: user.name, permissions: new Set(["media.upload"]) };
});
afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.child.kill("SIGTERM");
    await worker.exited;
  }
  // Each test starts with no job and nothing unconfirmed left by the one before (its workers had no public site).
  await sender.deleteAllJobs();
  await db.prisma.pendingSiteSignal.deleteMany();
});
afterAll(async () => {
  await sender?.stop({ graceful: false, close: true });
  await db?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** Starts a worker process on the test database and resolves once it takes jobs. */
async function startWorkerProcess(site?: { siteUrl: string }): Promise<Worker> {
  const config = {
    databaseUrl: db.url,
    retryDelay: RETRY_DELAY,
    mediaDir,
    ...(site ? { ...site, secret: SECRET } : {}),
  };
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(config)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: JobLine[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const worker = { child, lines, exited };
  workers.push(worker);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "ready") resolve();
      else if (line.startsWith("{")) {
        const parsed = JSON.parse(line) as JobLine & { msg?: string };
        if (parsed.msg === "job") lines.push(parsed);
      }
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready: ${stderr}`)));
  });
  return worker;
}

function kill(worker: Worker): Promise<number | null> {
  worker.child.kill("SIGKILL");
  return worker.exited;
}

let sequence = 0;

/** An article whose Arabic text is scheduled for `at`, written directly as the editor's move leaves it. */
async function scheduledArticle(at: Date) {
  const n = ++sequence;
  const article = await db.prisma.article.create({
    data: {
      localizations: {
        create: {
          locale: "ar",
          title: `خبر مجدول ${n}`,
          slug: `scheduled-${n}`,
          body: [{ type: "paragraph", text: `نص ${n}.` }],
          status: "scheduled",
          scheduledAt: at,
        },
      },
    },
    include: { localizations: true },
  });
  return { articleId: article.id, localizationId: article.localizations[0]!.id };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function publications(localizationId: number) {
  const [transitions, audit, row] = await Promise.all([
    db.prisma.workflowTransition.count({ where: { localizationId, fromStatus: "scheduled", toStatus: "published" } }),
    db.prisma.auditLog.count({ where: { action: "article.publish_scheduled", entityId: String(localizationId) } }),
    db.prisma.articleLocalization.findUniqueOrThrow({ where: { id: localizationId } }),
  ]);
  return { transitions, audit, status: row.status };
}

/**
 * The due-work runs that published something, across these workers, once at least one has logged (its line is
 * written after its commit). The instant's own job, or the minute's sweep when the two fall together on a loaded
 * machine: either way, one run.
 */
async function publishingRuns(workers: Worker[]) {
  const runs = () =>
    workers.flatMap((worker) => worker.lines).filter((line) => line.job === QUEUES.dueWork && line.published === 1);
  await waitFor("the publishing run's log line", async () => runs().length > 0);
  await sleep(1_000);
  return runs();
}

let colour = 0;

/** A photo stored by an upload (original and record), its renditions not made: nothing queued for it yet. */
async function uploadedPhoto() {
  const background = `#${(++colour * 40_503).toString(16).padStart(6, "0").slice(-6)}`;
  const data = await sharp({ create: { width: 400, height: 300, channels: 3, background } })
    .png()
    .toBuffer();
  return (await uploadImage(db.prisma, storage, uploader, { fileName: `photo-${colour}.png`, data })).image;
}

/** Whether the image's renditions are recorded as made (and they are in the store). */
async function renditionsMade(imageId: number): Promise<boolean> {
  const image = await db.prisma.mediaImage.findUniqueOrThrow({ where: { id: imageId } });
  if (!image.renditionsReadyAt || !image.renditionKey) return false;
  return (await storage.get(`renditions/${image.renditionKey}/square.webp`)) !== null;
}

const renditionRuns = (workers: Worker[], imageId?: number) =>
  workers
    .flatMap((worker) => worker.lines)
    .filter((line) => line.job === QUEUES.renditions && (imageId === undefined || line.imageId === imageId));

const published = (localizationId: number) =>
  waitFor("the publication", async () => (await publications(localizationId)).status === "published");

describe("due work with two workers", () => {
  it("publishes a scheduled article once, at its time and not before", async () => {
    const [a, b] = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
    const at = new Date(Date.now() + 4_000);
    const { localizationId } = await scheduledArticle(at);
    // Saving the same schedule twice queues one job.
    const first = await enqueueDueWork(sender, at);
    expect(first).toEqual(expect.any(String));
    expect(await enqueueDueWork(sender, at)).toBeNull();

    await sleep(at.getTime() - Date.now() - 1_000);
    expect(await publications(localizationId)).toEqual({ transitions: 0, audit: 0, status: "scheduled" });
    await published(localizationId);
    const publishedAt = Date.now();
    expect(publishedAt).toBeGreaterThanOrEqual(at.getTime());
    // Within the worker's polling interval, not at the next minute's sweep.
    expect(publishedAt - at.getTime()).toBeLessThan(3_000);
    await sleep(2_000);
    expect(await publications(localizationId)).toEqual({ transitions: 1, audit: 1, status: "published" });
    // One run in one of the two processes published it: as a rule the instant's own job.
    const runs = await publishingRuns([a, b]);
    expect(runs).toEqual([expect.objectContaining({ outcome: "ok", published: 1 })]);
    if (!runs[0]?.sweep) expect(runs[0]).toMatchObject({ at: at.toISOString(), reqId: `job-${first}` });
  });

  it("publishes it once when a worker is killed with SIGKILL just before the time", async () => {
    const [a, b] = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
    const at = new Date(Date.now() + 3_000);
    const { localizationId } = await scheduledArticle(at);
    await enqueueDueWork(sender, at);
    await sleep(at.getTime() - Date.now() - 700);
    expect(await kill(a)).toBeNull();
    // Killed before the time: nothing has run yet.
    expect(await publications(localizationId)).toEqual({ transitions: 0, audit: 0, status: "scheduled" });
    await published(localizationId);
    await sleep(2_000);
    expect(await publications(localizationId)).toEqual({ transitions: 1, audit: 1, status: "published" });
    expect(await publishingRuns([b])).toEqual([expect.objectContaining({ outcome: "ok" })]);
    expect(a.lines.filter((line) => line.published === 1)).toEqual([]);
  });

  it("keeps the job across a restart: no worker at the time, published by the next one to start", async () => {
    const a = await startWorkerProcess();
    const at = new Date(Date.now() + 2_000);
    const { localizationId } = await scheduledArticle(at);
    await enqueueDueWork(sender, at);
    await kill(a);
    await sleep(at.getTime() - Date.now() + 1_000);
    expect((await publications(localizationId)).status).toBe("scheduled");
    const b = await startWorkerProcess();
    await published(localizationId);
    await sleep(1_000);
    expect(await publications(localizationId)).toEqual({ transitions: 1, audit: 1, status: "published" });
    expect(await publishingRuns([a, b])).toEqual([expect.objectContaining({ outcome: "ok" })]);
    expect(a.lines.filter((line) => line.published === 1)).toEqual([]);
  });
});

describe("the queues", () => {
  it("a queue an earlier release made is given this release's settings at start", async () => {
    const retry = { retryDelay: RETRY_DELAY, retryDelayMax: RETRY_DELAY * 8 };
    await sender.updateQueue(QUEUES.siteSignal, { retryLimit: 100, expireInSeconds: 60 });
    await ensureQueues(sender, retry);
    expect(await sender.getQueue(QUEUES.siteSignal)).toMatchObject({
      policy: "standard",
      retryLimit: SIGNAL_RETRY.retryLimit,
      expireInSeconds: 120,
      ...retry,
    });
  });
});

describe("stopping", () => {
  it("a worker told SIGTERM stops its queue and exits 0 within its grace", async () => {
    const worker = await startWorkerProcess();
    const started = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(STOP_GRACE_MS + 2_000);
  });
});

describe("the minute's sweep", () => {
  it("publishes, once, what is due with no job naming it (an import, a restore, a lost job)", async () => {
    const [a, b] = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
    const { localizationId } = await scheduledArticle(new Date(Date.now() - 1_000));
    // A photo whose renditions job was lost: stored, and nothing queued for it.
    const photo = await uploadedPhoto();
    // pg-boss's cron sends one job per minute whichever worker's clock saw it first.
    await waitFor("the sweep", async () => (await publications(localizationId)).status === "published", 100_000);
    expect(await publications(localizationId)).toEqual({ transitions: 1, audit: 1, status: "published" });
    expect(await publishingRuns([a, b])).toEqual([expect.objectContaining({ outcome: "ok", sweep: true })]);
    await waitFor("the photo's renditions job", async () => renditionRuns([a, b], photo.id).length > 0);
    expect(await renditionsMade(photo.id)).toBe(true);
    expect(renditionRuns([a, b], photo.id)).toEqual([expect.objectContaining({ outcome: "ok", made: 1 })]);
  });
});

describe("photos' renditions", () => {
  it("makes each photo's renditions once with two workers, and tells the site about the pages showing it", async () => {
    const site = await startSite(() => ({ status: 200 }));
    const [a, b] = await Promise.all([startWorkerProcess(site), startWorkerProcess(site)]);
    const photos = [await uploadedPhoto(), await uploadedPhoto(), await uploadedPhoto()];
    const lead = photos[0]!;
    const article = await db.prisma.article.create({
      data: {
        leadImageId: lead.id,
        localizations: { create: { locale: "ar", title: "صورة", slug: "photo-lead", body: [], status: "draft" } },
      },
    });
    for (const photo of photos) expect(await enqueueRenditions(sender, photo.id)).toEqual(expect.any(String));
    // Asked again (a second upload of the same file, a sweep) while queued or running: still one job per photo.
    for (const photo of photos) expect(await enqueueRenditions(sender, photo.id)).toBeNull();
    expect(await enqueueAwaitingRenditions(sender, db.prisma)).toBe(0);

    for (const photo of photos) await waitFor(`the renditions of ${photo.id}`, () => renditionsMade(photo.id));
    await sleep(2_000);
    const runs = renditionRuns([a, b]);
    expect(runs.map((run) => run.imageId).sort()).toEqual(photos.map((photo) => photo.id).sort());
    expect(runs.every((run) => run.outcome === "ok" && run.made === 1)).toBe(true);
    // The article showing the lead photo, and only it, was signalled, by that photo's job.
    expect(site.received.map((request) => JSON.parse(request.body))).toEqual([{ articleIds: [article.id] }]);
    expect(site.received[0]!.requestId).toBe(runs.find((run) => run.imageId === lead.id)!.reqId);
  });

  it("hands a photo whose worker died mid-way to another worker", async () => {
    const a = await startWorkerProcess();
    // Large enough that its renditions take a while: the worker is killed while making them.
    const data = await sharp({
      create: {
        width: 5000,
        height: 3500,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    const { image } = await uploadImage(db.prisma, storage, uploader, { fileName: "large.jpg", data });
    const id = await enqueueRenditions(sender, image.id);
    await waitFor("the job running", async () => (await sender.getJobById(QUEUES.renditions, id!))?.state === "active");
    expect(await kill(a)).toBeNull();
    expect(await renditionsMade(image.id)).toBe(false);

    const b = await startWorkerProcess();
    // Its heartbeat stops; pg-boss's supervisor fails the attempt at its next pass, and the retry goes to b.
    await waitFor("the renditions made by the other worker", () => renditionsMade(image.id), 90_000);
    // Its line is written once the job is done, just after the renditions are recorded.
    await waitFor("the other worker's line", async () => renditionRuns([b], image.id).length > 0);
    expect(renditionRuns([a], image.id)).toEqual([]);
    expect(renditionRuns([b], image.id)).toEqual([
      expect.objectContaining({ reqId: `job-${id}`, outcome: "ok", made: 1, attempt: 2 }),
    ]);
  });

  it("tries a photo whose storage fails again with a growing delay, making the others meanwhile", async () => {
    const worker = await startWorkerProcess();
    const broken = await uploadedPhoto();
    const fine = await uploadedPhoto();
    // The original is out of reach (a storage outage): put back later, byte for byte.
    const original = (await storage.get(broken.originalKey))!;
    await storage.delete(broken.originalKey);
    await enqueueRenditions(sender, broken.id);
    await enqueueRenditions(sender, fine.id);

    await waitFor("the other photo's renditions", () => renditionsMade(fine.id));
    await waitFor("three failed attempts", async () => renditionRuns([worker], broken.id).length >= 3);
    expect(await renditionsMade(broken.id)).toBe(false);
    await storage.put(broken.originalKey, original, broken.contentType);
    await waitFor("the renditions once the storage is back", () => renditionsMade(broken.id), 60_000);

    const attempts = renditionRuns([worker], broken.id);
    expect(attempts.at(-1)).toMatchObject({ outcome: "ok", made: 1 });
    const failed = attempts.slice(0, -1);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((run) => run.outcome === "failed")).toBe(true);
    // Waiting longer each time: pg-boss's second delay is at least twice the first's minimum.
    const times = failed.map((run) => Date.parse(run.time));
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(RETRY_DELAY * 2 * 1000 * 0.9);
    // One job, tried again: the same id, its attempts counted up.
    expect(new Set(attempts.map((run) => run.reqId)).size).toBe(1);
    expect(attempts.map((run) => run.attempt)).toEqual(attempts.map((_, i) => i + 1));
    const image = await db.prisma.mediaImage.findUniqueOrThrow({ where: { id: broken.id } });
    expect(image.renditionError).toBeNull();
  });

  it("does not try again a photo whose original cannot be rendered, and says why on it", async () => {
    const worker = await startWorkerProcess();
    const photo = await uploadedPhoto();
    await storage.put(photo.originalKey, Buffer.from("no longer a PNG"), photo.contentType);
    await enqueueRenditions(sender, photo.id);
    await waitFor("the run", async () => renditionRuns([worker], photo.id).length > 0);
    await sleep(3_000);
    expect(renditionRuns([worker], photo.id)).toEqual([expect.objectContaining({ outcome: "ok", made: 0 })]);
    const image = await db.prisma.mediaImage.findUniqueOrThrow({ where: { id: photo.id } });
    expect(image.renditionError).toMatch(/./);
    expect(image.renditionsReadyAt).toBeNull();
    // Out of the queue for good: the sweep does not queue it again.
    expect(await awaitsRenditions(db.prisma, photo.id)).toBe(false);
  });
});

describe("signals the public site did not confirm", () => {
  /** A site that answers 503 `failures` times, then 200. */
  const flakySite = (failures: number) => startSite((n) => ({ status: n <= failures ? 503 : 200 }));

  /** Seconds between successive requests to the site. */
  const gaps = (times: number[]) => times.slice(1).map((time, i) => (time - times[i]!) / 1000);

  it("an article's: sent at once, then again with a growing delay until confirmed, and then forgotten", async () => {
    const site = await flakySite(3);
    const times: number[] = [];
    const recorded = site.received;
    await Promise.all([startWorkerProcess(site), startWorkerProcess(site)]);
    const at = new Date(Date.now() + 1_000);
    const { articleId, localizationId } = await scheduledArticle(at);
    await enqueueDueWork(sender, at);
    await published(localizationId);
    await waitFor("the confirmed signal", async () => {
      while (times.length < recorded.length) times.push(Date.now());
      return recorded.length >= 4;
    });
    await sleep(2_000);
    // Sent once by the due work, then by the retry job until the site's 200: no more.
    expect(recorded).toHaveLength(4);
    for (const request of recorded) {
      expect(JSON.parse(request.body)).toEqual({ articleIds: [articleId] });
      expect(request.authorization).toBe(`Bearer ${SECRET}`);
      expect(request.requestId).toMatch(/^job-[0-9a-f-]{36}$/);
    }
    // The retries are one job: one id, attempts 1 to 3 of it, the second wait at least twice the first's minimum.
    expect(new Set(recorded.slice(1).map((request) => request.requestId)).size).toBe(1);
    const [, second, third] = gaps(times);
    expect(second).toBeGreaterThanOrEqual(RETRY_DELAY * 0.9);
    expect(third).toBeGreaterThanOrEqual(RETRY_DELAY * 2 * 0.9);
    // Once confirmed, nothing waits in the record the admin shows editors.
    expect(await db.prisma.pendingSiteSignal.count({ where: { articleId } })).toBe(0);
  });

  const cases: [string, SiteSignal, object][] = [
    ["sections", { kind: "sections", sectionIds: [4, 5], navigation: true }, { sectionIds: [4, 5], navigation: true }],
    ["front pages", { kind: "front-pages", locales: ["ar", "en"] }, { frontPages: ["ar", "en"] }],
  ];
  it.each(cases)("%s: sent again until confirmed", async (_, signal, body) => {
    const site = await flakySite(2);
    await startWorkerProcess(site);
    const id = await enqueueSiteSignal(sender, signal, 0);
    await waitFor("the confirmed signal", async () => site.received.length >= 3);
    await sleep(2_000);
    expect(site.received).toHaveLength(3);
    for (const request of site.received) {
      expect(JSON.parse(request.body)).toEqual(body);
      expect(request.requestId).toBe(`job-${id}`);
    }
    const job = await waitFor("the completed job", async () => {
      const [found] = await sender.findJobs(QUEUES.siteSignal, { id: id! });
      return found?.state === "completed" ? found : null;
    });
    expect(job.retryCount).toBe(2);
  });
});
