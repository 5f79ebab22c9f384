// The response cache in front of Next, on a real HTTP server with real compression; a small handler stands in for
// Next, writing pages the way Next does (headers, then chunks) and counting how often it is asked to render.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compression from "compression";
import { afterEach, describe, expect, it } from "vitest";
import { createFrontCache, type FrontCache, type FrontCacheOptions } from "./front-cache.ts";
import { queryParamsFor } from "./query-params.ts";
import { listen } from "./test-http.ts";

type Page = {
  status?: number;
  headers?: Record<string, string | string[]>;
  chunks?: string[];
  gate?: Promise<void>;
  fail?: boolean;
};

// An article page as Next sends it from its cache (abridged), in Arabic, in more than one write.
const ARTICLE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "s-maxage=31536000",
  etag: '"abc123"',
  vary: "rsc, next-router-state-tree",
};
const articleChunks = (edition: string) => [
  '<!DOCTYPE html><html lang="ar" dir="rtl">',
  `<h1>لافروف: الحل المشترك ${edition}</h1>`,
  "<p>نص المقال</p>".repeat(400),
  "</html>",
];

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(pages: Record<string, Page>, options: Partial<FrontCacheOptions> = {}) {
  const renders: string[] = [];
  const cache: FrontCache = createFrontCache({
    render: async (req: IncomingMessage, res: ServerResponse) => {
      const rsc = req.headers.rsc !== undefined;
      renders.push(`${req.method} ${req.url}${rsc ? " (rsc)" : ""}`);
      const page = pages[req.url ?? ""];
      if (!page) {
        res.writeHead(404, { "cache-control": "private, no-cache, no-store" }).end("not found");
        return;
      }
      await page.gate;
      if (page.fail) throw new Error("render failed");
      res.writeHead(page.status ?? 200, {
        ...ARTICLE_HEADERS,
        ...(rsc ? { "content-type": "text/x-component" } : {}),
        ...page.headers,
      });
      const chunks = rsc ? ["0:rsc-payload"] : (page.chunks ?? articleChunks("1"));
      for (const chunk of chunks.slice(0, -1)) res.write(chunk);
      res.end(chunks.at(-1));
    },
    compress: compression() as unknown as FrontCacheOptions["compress"],
    maxBytes: 64 * 1024 * 1024,
    ...options,
  });
  const listening = await listen((req, res) => cache.handle(req, res));
  server = listening.server;
  const get = listening.client;
  /** Storing waits for the compressed forms; this waits for it. */
  const stored = async (entries: number) => {
    for (let i = 0; i < 200 && cache.stats.entries !== entries; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cache.stats.entries).toBe(entries);
  };
  return { cache, renders, get, stored };
}

const ARTICLE = "/news/5/%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81";

/** A request on a socket of its own, so a test can read the bytes as sent or hang up before the answer. */
function rawRequest(method: string, path: string): Socket {
  const { port } = server!.address() as AddressInfo;
  const socket = connect(port, "127.0.0.1");
  socket.write(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`);
  return socket;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("front cache", () => {
  it("switched off (0 bytes) passes every request to Next, compressed, its address made canonical all the same", async () => {
    const { renders, get, cache } = await serve({ [ARTICLE]: {} }, { maxBytes: 0, queryParamsFor });
    for (const query of ["", "?utm_source=x"]) {
      const answer = await get(`${ARTICLE}${query}`, { "accept-encoding": "gzip" });
      expect(answer.status).toBe(200);
      expect(answer.headers["x-cache"]).toBeUndefined();
      expect(gunzipSync(answer.body).toString("utf8")).toContain("لافروف: الحل المشترك 1");
    }
    expect(renders).toEqual([`GET ${ARTICLE}`, `GET ${ARTICLE}`]);
    expect(cache.stats.entries).toBe(0);
  });

  it("renders a cacheable page once and answers later requests from memory, byte for byte, in every encoding", async () => {
    const { renders, get, stored } = await serve({ [ARTICLE]: {} });
    const first = await get(ARTICLE, { "accept-encoding": "gzip" });
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(first.headers["content-encoding"]).toBe("gzip");
    const html = gunzipSync(first.body).toString("utf8");
    expect(html).toContain("لافروف: الحل المشترك 1");
    await stored(1);

    const plain = await get(ARTICLE);
    expect(plain.headers["x-cache"]).toBe("HIT");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(html);
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    expect(plain.headers["cache-control"]).toBe("s-maxage=31536000");
    expect(plain.headers.etag).toBe('"abc123"');
    expect(plain.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");

    const brotli = await get(ARTICLE, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString("utf8")).toBe(html);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 5);
    const gzipped = await get(ARTICLE, { "accept-encoding": "gzip" });
    expect(gunzipSync(gzipped.body).toString("utf8")).toBe(html);

    expect(renders).toEqual([`GET ${ARTICLE}`]);
  });

  it("answers HEAD and a matching If-None-Match from the stored page without a body", async () => {
    const { renders, get, stored } = await serve({ [ARTICLE]: {} });
    await get(ARTICLE);
    await stored(1);
    const head = await get(ARTICLE, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["x-cache"]).toBe("HIT");
    expect(head.body.length).toBe(0);
    const conditional = await get(ARTICLE, { "if-none-match": 'W/"abc123"' });
    expect(conditional.status).toBe(304);
    expect(conditional.body.length).toBe(0);
    expect((await get(ARTICLE, { "if-none-match": '"other"' })).status).toBe(200);
    expect(renders).toHaveLength(1);
  });

  it("keeps what a shared cache must not keep out of it", async () => {
    const pages: Record<string, Page> = {
      "/home": { headers: { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } },
      "/cookie": { headers: { "set-cookie": "NEXT_LOCALE=ar; Path=/" } },
      "/moved": { status: 308, headers: { location: "/news/5/x" } },
      "/stale": { headers: { "x-nextjs-cache": "STALE" } },
    };
    const { renders, get, cache } = await serve(pages);
    for (const path of [...Object.keys(pages), "/missing"]) {
      await get(path);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const again = await get(path);
      expect(again.headers["x-cache"], path).toBe("MISS");
      expect(again.headers["set-cookie"]).toEqual(path === "/cookie" ? ["NEXT_LOCALE=ar; Path=/"] : undefined);
    }
    expect(cache.stats.entries).toBe(0);
    expect(renders).toHaveLength(10);
  });

  it("passes client-router requests through without storing or answering them from the page", async () => {
    const { renders, get, stored } = await serve({ [ARTICLE]: {} });
    const rsc = await get(ARTICLE, { rsc: "1" });
    expect(rsc.headers["x-cache"]).toBe("BYPASS");
    expect(rsc.body.toString()).toBe("0:rsc-payload");
    await get(ARTICLE);
    await stored(1);
    // The stored HTML is never the answer to a router request, nor the RSC payload to a page load.
    expect((await get(ARTICLE, { rsc: "1" })).body.toString()).toBe("0:rsc-payload");
    expect((await get(ARTICLE)).body.toString()).toContain("<h1>");
    expect(renders).toEqual([`GET ${ARTICLE} (rsc)`, `GET ${ARTICLE}`, `GET ${ARTICLE} (rsc)`]);
  });

  it("serves the new version after a purge, and never stores a page whose rendering began before the purge", async () => {
    const pages: Record<string, Page> = { [ARTICLE]: { chunks: articleChunks("1") } };
    const { cache, renders, get, stored } = await serve(pages);
    await get(ARTICLE);
    await stored(1);

    // Publishing a change: Next revalidates, the cache is purged.
    pages[ARTICLE] = { chunks: articleChunks("2") };
    cache.purge();
    expect(cache.stats.entries).toBe(0);
    expect((await get(ARTICLE)).body.toString()).toContain("الحل المشترك 2");
    await stored(1);

    // A render still running when the next purge comes (it began with the old text) is sent but not kept.
    let release!: () => void;
    pages[ARTICLE] = { chunks: articleChunks("3"), gate: new Promise<void>((resolve) => (release = resolve)) };
    cache.purge();
    const inFlight = get(ARTICLE);
    await new Promise((resolve) => setTimeout(resolve, 30));
    pages[ARTICLE] = { chunks: articleChunks("4") };
    cache.purge();
    release();
    expect((await inFlight).body.toString()).toContain("الحل المشترك 3");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cache.stats.entries).toBe(0);
    const next = await get(ARTICLE);
    expect(next.headers["x-cache"]).toBe("MISS");
    expect(next.body.toString()).toContain("الحل المشترك 4");
    expect(renders).toHaveLength(4);
  });

  it("answers 500 when rendering fails and stores nothing", async () => {
    const { get, cache } = await serve({ [ARTICLE]: { fail: true } });
    const failed = await get(ARTICLE);
    expect(failed.status).toBe(500);
    expect(cache.stats.entries).toBe(0);
  });

  it("stays within its memory bound, forgetting the least recently used pages", async () => {
    const pages = Object.fromEntries(["/a", "/b", "/c"].map((path) => [path, {}]));
    const { get, cache, stored } = await serve(pages, { maxBytes: 25_000 });
    await get("/a");
    await stored(1);
    await get("/b");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await get("/c");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cache.stats.bytes).toBeLessThanOrEqual(25_000);
    expect(cache.stats.entries).toBeLessThan(3);
    expect((await get("/c")).headers["x-cache"]).toBe("HIT");
  });
});

describe("front cache under abuse", () => {
  const SEARCH = "/ru/search";
  const searchPage: Page = { headers: { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } };

  it("1,000 requests with random query strings, sent concurrently, cost one render of the page", async () => {
    const { renders, get, cache } = await serve({ "/": {} }, { queryParamsFor });
    const answers = [];
    for (let batch = 0; batch < 10; batch++) {
      const requests = Array.from({ length: 100 }, (_, i) => {
        const junk = `x=${batch * 100 + i}&utm_source=mail&fbclid=${Math.random().toString(36).slice(2)}`;
        return get(`/?${junk}`, { "accept-encoding": "gzip" });
      });
      answers.push(...(await Promise.all(requests)));
    }
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => gunzipSync(answer.body).toString("utf8"))).size).toBe(1);
    expect(renders).toEqual(["GET /"]);
    expect(cache.stats.entries).toBe(1);
  });

  it("renders with the parameters the page reads alone, so tracking parameters neither split nor change a page", async () => {
    const { renders, get, stored } = await serve(
      { [SEARCH + "?q=%D0%BC%D0%B8%D1%80&page=2"]: searchPage, "/": {} },
      {
        queryParamsFor,
      },
    );
    const search = await get(`${SEARCH}?utm_campaign=x&page=2&q=%D0%BC%D0%B8%D1%80&gclid=1`);
    expect(search.status).toBe(200);
    await get("/?utm_medium=social");
    await stored(1);
    expect((await get("/?fbclid=abc")).headers["x-cache"]).toBe("HIT");
    // The API keeps its query.
    await get("/api/revalidate?x=1");
    expect(renders).toEqual([`GET ${SEARCH}?q=%D0%BC%D0%B8%D1%80&page=2`, "GET /", "GET /api/revalidate?x=1"]);
  });

  it("respellings of one path share its one render and entry, and Next renders the canonical spelling", async () => {
    const { renders, get, stored } = await serve({ [ARTICLE]: {} }, { queryParamsFor });
    await get(ARTICLE);
    await stored(1);
    const respellings = [
      ARTICLE.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      ARTICLE.replace("/news/", "/n%65ws/"),
      ARTICLE.replace("/news/", "/./news/"),
      ARTICLE.replace("/news/", "/news/x/../"),
      ARTICLE.replace("/news/", "/%2e/news/"),
      `${ARTICLE}#top`,
      `http://attacker.example${ARTICLE}?utm_source=x`,
    ];
    for (const path of respellings) expect((await get(path)).headers["x-cache"], path).toBe("HIT");
    const unseen = "/news/6/%D8%A7";
    await get(unseen.replace("%D8%A7", "%d8%a7") + "?x=1");
    expect(renders).toEqual([`GET ${ARTICLE}`, `GET ${unseen}`]);
  });

  it("Next's build files asked for with a junk query are one entry and one read", async () => {
    const font = "/_next/static/media/noto-naskh-arabic.woff2";
    const fontPage: Page = {
      headers: { "content-type": "font/woff2", "cache-control": "public, max-age=31536000, immutable" },
    };
    const { renders, get, cache } = await serve({ [font]: fontPage }, { queryParamsFor });
    await get(font);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => get(`${font}?v=${i}`)));
    expect(answers.every((answer) => answer.headers["x-cache"] === "HIT")).toBe(true);
    expect(renders).toEqual([`GET ${font}`]);
    expect(cache.stats.entries).toBe(1);
  });

  it("HEAD requests that miss, with random query strings, cost one render, which the GETs after them are answered from", async () => {
    const { renders, get, cache } = await serve({ "/": {} }, { queryParamsFor });
    const heads = await Promise.all(Array.from({ length: 200 }, (_, i) => get(`/?x=${i}`, {}, "HEAD")));
    expect(heads.every((head) => head.status === 200 && head.body.length === 0)).toBe(true);
    expect(renders).toEqual(["GET /"]);
    expect(cache.stats.entries).toBe(1);
    expect((await get("/")).headers["x-cache"]).toBe("HIT");
  });

  it("sends no body on the wire in answer to a HEAD that was rendered as a GET", async () => {
    const { renders, cache } = await serve({ [ARTICLE]: {} }, { queryParamsFor });
    const bytes = await new Promise<string>((resolve, reject) => {
      const socket = rawRequest("HEAD", ARTICLE);
      const chunks: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => chunks.push(chunk));
      socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
      socket.on("error", reject);
    });
    const [head, body] = bytes.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).toMatch(/\r\nx-cache: MISS\r\n/i);
    expect(body).toBe("");
    expect(renders).toEqual([`GET ${ARTICLE}`]);
    for (let i = 0; i < 200 && cache.stats.entries !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cache.stats.entries).toBe(1);
  });

  it("a client's no-cache never bypasses the shared cache", async () => {
    const { renders, get, stored } = await serve({ [ARTICLE]: {} }, { queryParamsFor });
    await get(ARTICLE);
    await stored(1);
    const reload = await get(ARTICLE, { "cache-control": "no-cache", pragma: "no-cache" });
    expect(reload.headers["x-cache"]).toBe("HIT");
    const hardReload = await get(ARTICLE, { "cache-control": "no-store, max-age=0" });
    expect(hardReload.headers["x-cache"]).toBe("HIT");
    expect(renders).toHaveLength(1);
  });

  it("neither an Authorization nor a Range header a client adds gets around the shared cache", async () => {
    const { renders, get, stored } = await serve({ [ARTICLE]: {} }, { queryParamsFor });
    const first = await get(ARTICLE, { authorization: "Bearer first" });
    expect(first.headers["x-cache"]).toBe("MISS");
    await stored(1);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        get(ARTICLE, i % 2 ? { authorization: `Basic ${i}` } : { range: `bytes=0-${i}`, "if-range": '"abc123"' }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers["x-cache"]).toBe("HIT");
      expect(answer.body.equals(first.body)).toBe(true);
    }
    expect(renders).toEqual([`GET ${ARTICLE}`]);
  });

  it("concurrent misses for one page wait for one render, and get its bytes", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { renders, get } = await serve({ [ARTICLE]: { gate } }, { queryParamsFor });
    const waiting = Array.from({ length: 20 }, () => get(ARTICLE));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all(waiting);
    expect(renders).toEqual([`GET ${ARTICLE}`]);
    expect(answers.filter((answer) => answer.headers["x-cache"] === "MISS")).toHaveLength(1);
    expect(answers.filter((answer) => answer.headers["x-cache"] === "HIT")).toHaveLength(19);
    expect(new Set(answers.map((answer) => answer.body.toString("utf8"))).size).toBe(1);
  });

  it("requests that waited for a page that may not be stored are rendered for themselves", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { renders, get, cache } = await serve({ [SEARCH + "?q=a"]: { ...searchPage, gate } }, { queryParamsFor });
    const waiting = Array.from({ length: 3 }, () => get(`${SEARCH}?q=a`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => answer.headers["x-cache"])).toEqual(["MISS", "MISS", "MISS"]);
    expect(renders).toHaveLength(3);
    expect(cache.stats.entries).toBe(0);
  });

  it("a render cut short by its client's leaving is done again once, for the requests that waited for it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { renders, get, stored } = await serve({ [ARTICLE]: { gate } }, { queryParamsFor });
    const leaving = rawRequest("GET", ARTICLE);
    await pause(30);
    const waiting = Array.from({ length: 5 }, () => get(ARTICLE));
    await pause(30);
    leaving.destroy();
    await pause(30);
    release();
    const answers = await Promise.all(waiting);
    expect(answers.map((answer) => answer.headers["x-cache"]).sort()).toEqual(["HIT", "HIT", "HIT", "HIT", "MISS"]);
    expect(renders).toHaveLength(2);
    await stored(1);
  });

  it("requests whose client left while they waited are not rendered for", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { renders, get } = await serve({ [SEARCH + "?q=a"]: { ...searchPage, gate } }, { queryParamsFor });
    const first = get(`${SEARCH}?q=a`);
    await pause(30);
    const leaving = Array.from({ length: 3 }, () => rawRequest("GET", `${SEARCH}?q=a`));
    const staying = get(`${SEARCH}?q=a`);
    await pause(30);
    for (const socket of leaving) socket.destroy();
    await pause(30);
    release();
    expect((await first).status).toBe(200);
    expect((await staying).status).toBe(200);
    expect(renders).toHaveLength(2);
  });

  it("requests waiting on a render a purge overtook share one fresh render, and get the new text", async () => {
    let release!: () => void;
    const pages: Record<string, Page> = {
      [ARTICLE]: { chunks: articleChunks("1"), gate: new Promise<void>((resolve) => (release = resolve)) },
    };
    const { cache, renders, get, stored } = await serve(pages, { queryParamsFor });
    const first = get(ARTICLE);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const waiting = Array.from({ length: 5 }, () => get(ARTICLE));
    await new Promise((resolve) => setTimeout(resolve, 30));
    pages[ARTICLE] = { chunks: articleChunks("2") };
    cache.purge();
    release();
    expect((await first).body.toString()).toContain("الحل المشترك 1");
    const answers = await Promise.all(waiting);
    for (const answer of answers) expect(answer.body.toString()).toContain("الحل المشترك 2");
    expect(renders).toHaveLength(2);
    await stored(1);
    const after = await get(ARTICLE);
    expect(after.headers["x-cache"]).toBe("HIT");
    expect(after.body.toString()).toContain("الحل المشترك 2");
  });
});
