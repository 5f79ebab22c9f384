// Rendition serving over a real HTTP server and a real folder: what is served and how it is cached, what never is
// (originals, unknown names, other methods), renditions made after a first miss, and a failing storage.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenditionHandler, matchesEtag } from "./serve.ts";
import { FileSystemMediaStorage, type MediaStorage } from "./storage.ts";

const root = mkdtempSync(path.join(tmpdir(), "minbar-serve-"));
const storage: MediaStorage = new FileSystemMediaStorage(root);
const KEY = "AbCdEfGhIjKlMnOpQrStUv";
let server: Server;
let origin = "";

function listen(handler: ReturnType<typeof createRenditionHandler>): Promise<{ server: Server; origin: string }> {
  const srv = createServer((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("page");
    }
  });
  return new Promise((resolve) =>
    srv.listen(0, "127.0.0.1", () =>
      resolve({ server: srv, origin: `http://127.0.0.1:${(srv.address() as AddressInfo).port}` }),
    ),
  );
}

beforeAll(async () => {
  await storage.put(`renditions/${KEY}/w640.webp`, Buffer.from("RIFF-webp-bytes"), "image/webp");
  await storage.put(`originals/${KEY}.jpeg`, Buffer.from("original"), "image/jpeg");
  ({ server, origin } = await listen(createRenditionHandler(storage)));
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe("rendition serving", () => {
  it("serves a rendition with its type, length, a strong ETag and a year-long immutable cache", async () => {
    const response = await fetch(`${origin}/media/renditions/${KEY}/w640.webp`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("content-length")).toBe("15");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe("RIFF-webp-bytes");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${origin}/media/renditions/${KEY}/w640.webp`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const head = await fetch(`${origin}/media/renditions/${KEY}/w640.webp`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("15");
    expect(await head.text()).toBe("");
  });

  it("matches If-None-Match as a list, weakly, and *", () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag("*", '"abc"')).toBe(true);
    expect(matchesEtag('"abcd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });

  it("never serves originals, unknown names, traversal or other methods, and leaves other paths to the app", async () => {
    for (const target of [
      `/media/originals/${KEY}.jpeg`,
      `/media/renditions/${KEY}/original.jpeg`,
      `/media/renditions/${KEY}/w640.png`,
      `/media/renditions/${KEY}/..%2F..%2Foriginals%2F${KEY}.jpeg`,
      `/media/renditions/../originals/${KEY}.jpeg`,
      `/media/renditions/short/w640.webp`,
    ]) {
      const response = await fetch(`${origin}${target}`);
      expect(response.status, target).toBe(404);
      expect(await response.text(), target).not.toContain("original");
    }
    const post = await fetch(`${origin}/media/renditions/${KEY}/w640.webp`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(await (await fetch(`${origin}/news/1`)).text()).toBe("page");
  });

  it("answers a rendition not made yet with an uncached 404, then serves it once it exists", async () => {
    const url = `${origin}/media/renditions/${KEY}/card.jpeg`;
    const missing = await fetch(url);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    await storage.put(`renditions/${KEY}/card.jpeg`, Buffer.from("card"), "image/jpeg");
    const made = await fetch(url);
    expect(made.status).toBe(200);
    expect(made.headers.get("content-type")).toBe("image/jpeg");
  });

  it("reads a rendition once for many requests, keeps it within its memory, and adds the app's headers", async () => {
    const reads: string[] = [];
    const counting: MediaStorage = {
      get: (key) => (reads.push(key), storage.get(key)),
      put: (key, data, type) => storage.put(key, data, type),
      delete: (key) => storage.delete(key),
      list: (prefix) => storage.list(prefix),
    };
    await storage.put(`renditions/${KEY}/w320.avif`, Buffer.alloc(4000, 1), "image/avif");
    await storage.put(`renditions/${KEY}/w320.jpeg`, Buffer.alloc(4000, 2), "image/jpeg");
    const headers = { "x-frame-options": "DENY", "strict-transport-security": "max-age=31536000" };
    // Room for one of the two.
    const other = await listen(createRenditionHandler(counting, { maxBytes: 6000, headers }));
    try {
      const avif = `${other.origin}/media/renditions/${KEY}/w320.avif`;
      const jpeg = `${other.origin}/media/renditions/${KEY}/w320.jpeg`;
      const first = await Promise.all(Array.from({ length: 10 }, () => fetch(avif)));
      expect(first.map((response) => response.status)).toEqual(Array(10).fill(200));
      expect(first[0]!.headers.get("content-type")).toBe("image/avif");
      expect(first[0]!.headers.get("x-frame-options")).toBe("DENY");
      expect(first[0]!.headers.get("strict-transport-security")).toBe("max-age=31536000");
      await fetch(avif);
      expect(reads).toEqual([`renditions/${KEY}/w320.avif`]);
      // The JPEG pushes the AVIF out: asked again, it is read again.
      expect((await fetch(jpeg)).status).toBe(200);
      expect((await fetch(avif)).status).toBe(200);
      expect(reads).toHaveLength(3);
      const missing = await fetch(`${other.origin}/media/originals/${KEY}.jpeg`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("x-frame-options")).toBe("DENY");
    } finally {
      other.server.close();
    }
  });

  it("answers 503 when the storage fails, and keeps serving", async () => {
    const failing: MediaStorage = {
      get: () => Promise.reject(new Error("bucket unreachable")),
      put: () => Promise.resolve(),
      delete: () => Promise.resolve(),
      list: () => storage.list(),
    };
    const errors: unknown[] = [];
    const other = await listen(createRenditionHandler(failing, { onError: (error) => errors.push(error) }));
    try {
      const response = await fetch(`${other.origin}/media/renditions/${KEY}/w640.webp`);
      expect(response.status).toBe(503);
      expect(errors).toHaveLength(1);
      expect((await fetch(`${other.origin}/anything`)).status).toBe(200);
    } finally {
      other.server.close();
    }
  });
});
