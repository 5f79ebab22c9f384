// The S3 storage over the wire, against an S3-compatible server started here (s3rver, on the file system), and the
// folder storage through the same checks: both must behave alike.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3MediaStorage } from "./s3-storage.ts";
import { FileSystemMediaStorage, type MediaStorage } from "./storage.ts";

const root = mkdtempSync(path.join(tmpdir(), "minbar-media-s3-"));
let server: S3rver;
let port: number;
const open: S3MediaStorage[] = [];

beforeAll(async () => {
  server = new S3rver({
    address: "127.0.0.1",
    // Any free port: the server says which.
    port: 0,
    silent: true,
    directory: path.join(root, "s3"),
    configureBuckets: [{ name: "minbar-media", configs: [] }],
  });
  const address = await server.run();
  port = address.port;
});

afterAll(async () => {
  for (const storage of open) storage.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

function s3(prefix?: string): S3MediaStorage {
  const storage = new S3MediaStorage({
    bucket: "minbar-media",
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    ...(prefix ? { prefix } : {}),
  });
  open.push(storage);
  return storage;
}

const backends: [string, () => MediaStorage][] = [
  ["S3", () => s3()],
  ["a folder", () => new FileSystemMediaStorage(path.join(root, "folder"))],
];

describe.each(backends)("media storage in %s", (_name, make) => {
  it("stores bytes whole, reads them back, replaces and deletes them", async () => {
    const storage = make();
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    await storage.put("originals/abc.jpeg", bytes, "image/jpeg");
    expect((await storage.get("originals/abc.jpeg"))?.equals(bytes)).toBe(true);
    await storage.put("originals/abc.jpeg", Buffer.from("second"), "image/jpeg");
    expect((await storage.get("originals/abc.jpeg"))?.toString()).toBe("second");
    await storage.delete("originals/abc.jpeg");
    expect(await storage.get("originals/abc.jpeg")).toBeNull();
    // Deleting or reading what is not there is no error.
    await storage.delete("originals/abc.jpeg");
    expect(await storage.get("renditions/none/w320.webp")).toBeNull();
  });

  it("lists every stored key in order, under a prefix if asked, and nothing once deleted", async () => {
    const storage = make();
    const keys = ["renditions/k1/w320.webp", "originals/b.png", "originals/a.jpeg", "renditions/k1/w640.avif"];
    for (const key of keys) await storage.put(key, Buffer.from(key), "application/octet-stream");
    const list = async (prefix?: string) => {
      const listed: string[] = [];
      for await (const key of storage.list(prefix)) listed.push(key);
      return listed;
    };
    expect(await list()).toEqual([...keys].sort());
    expect(await list("originals/")).toEqual(["originals/a.jpeg", "originals/b.png"]);
    for (const key of keys) await storage.delete(key);
    expect(await list()).toEqual([]);
  });

  it("refuses keys that would leave its place", async () => {
    const storage = make();
    for (const key of ["../x", "a/../b", "/abs", "a//b", ""]) {
      await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/not a media key/);
    }
  });
});

it("keeps one site's keys under its prefix in a shared bucket", async () => {
  const site = s3("site-a/");
  const other = s3("site-b");
  await site.put("originals/one.png", Buffer.from("a"), "image/png");
  expect(await other.get("originals/one.png")).toBeNull();
  const listed: string[] = [];
  for await (const key of site.list()) listed.push(key);
  expect(listed).toEqual(["originals/one.png"]);
  expect((await site.get("originals/one.png"))?.toString()).toBe("a");
});
