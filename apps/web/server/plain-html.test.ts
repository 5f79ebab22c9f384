// Pages without Next's client runtime: the transform on a real article page of the production build
// (fixtures/article-ar.html, saved from server/serve.ts), the response wrapper on a real HTTP server with real
// compression and the real front cache (a small handler stands in for Next, answering as Next does), and the guard
// reading client reference manifests.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import { afterEach, describe, expect, it } from "vitest";
import { createFrontCache, type FrontCache, type FrontCacheOptions } from "./front-cache.ts";
import {
  clientRuntimeUsers,
  etagOf,
  notFoundPagesFrom,
  servePlainHtml,
  stripClientRuntime,
  type NotFoundPage,
} from "./plain-html.ts";
import { listen } from "./test-http.ts";

const ARTICLE_HTML = readFileSync(new URL("./fixtures/article-ar.html", import.meta.url), "utf8");
const HEADLINE = "لافروف: الحل المشترك للقضايا يعزز العلاقات بين روسيا وكازاخستان";

const scriptsOf = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];
const jsonLdOf = (html: string) => /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
/** The page with every script and link element taken out: what the transform must leave as it was. */
const withoutScriptsAndLinks = (html: string) =>
  html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<link\b[^>]*>/g, "");

// What React's Fizz writes for a Suspense boundary that completes after the shell (react-dom/server 19, verbatim but
// for the shortened $RC body): the boundary's fallback, the streamed content hidden, and the scripts that swap them.
const FIZZ_STREAMED =
  '<!--$?--><template id="B:0"></template><span>loading</span><!--/$-->' +
  '<script id="_R_">requestAnimationFrame(function(){$RT=performance.now()});</script>' +
  '<div hidden id="S:0"><p>streamed late</p></div>' +
  '<script>$RB=[];$RV=function(a){$RT=performance.now()};\n$RC=function(a,b){$RB.push(a,b)};$RC("B:0","S:0")</script>';

describe("stripClientRuntime", () => {
  const stripped = stripClientRuntime(ARTICLE_HTML);

  it("takes every part of Next's client runtime out of a real article page", () => {
    // The fixture holds each part, so its absence afterwards means something.
    expect(ARTICLE_HTML).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" async=""><\/script>/);
    expect(ARTICLE_HTML).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" noModule=""><\/script>/);
    expect(ARTICLE_HTML).toMatch(/<link rel="preload" as="script" fetchPriority="low" href="\/_next\/static\//);
    expect(ARTICLE_HTML).toContain("<script>(self.__next_f=self.__next_f||[]).push([0])</script>");
    expect(ARTICLE_HTML).toContain('<script id="_R_">(globalThis["TURBOPACK"]');
    expect(scriptsOf(ARTICLE_HTML).length).toBeGreaterThan(10);

    expect(stripped).not.toContain("/_next/static/chunks/0j1we3cwg31qe.js");
    expect(stripped).not.toContain("noModule");
    expect(stripped).not.toContain("__next_f");
    expect(stripped).not.toContain("TURBOPACK");
    expect(scriptsOf(stripped)).toEqual(['<script type="application/ld+json">']);
    // Two thirds of the page was the runtime's.
    expect(stripped.length).toBeLessThan(ARTICLE_HTML.length / 2);
  });

  it("keeps everything else byte for byte: JSON-LD, the inlined stylesheet, the article, other links", () => {
    expect(jsonLdOf(stripped)).toBe(jsonLdOf(ARTICLE_HTML));
    expect(jsonLdOf(stripped)).toContain('"@type":"NewsArticle"');
    expect(withoutScriptsAndLinks(stripped)).toBe(withoutScriptsAndLinks(ARTICLE_HTML));
    expect(stripped).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl"><head>/);
    expect(stripped).toMatch(/<style data-precedence="next" data-href="\/_next\/static\/chunks\/[^"]+\.css">@layer/);
    expect(stripped).toContain(`<h1 class="text-3xl font-bold leading-tight">${HEADLINE}</h1>`);
    expect(stripped).toContain('<link rel="canonical"');
    expect(stripped).toContain('<link rel="icon"');
    expect(stripped.endsWith("</footer></body></html>")).toBe(true);
  });

  it("is idempotent", () => {
    expect(stripClientRuntime(stripped)).toBe(stripped);
  });

  it("keeps React's streaming scripts, which move content rendered after the shell into place", () => {
    const page = ARTICLE_HTML.replace("</body></html>", `${FIZZ_STREAMED}</body></html>`);
    const result = stripClientRuntime(page);
    expect(result).toContain(FIZZ_STREAMED);
    expect(result).not.toContain("__next_f");
    expect(result).not.toContain("TURBOPACK");
  });

  it("recognizes each shape precisely, whatever the attribute order, and nothing beyond them", () => {
    const removed = [
      '<script async="" src="/_next/static/chunks/a.js"></script>',
      "<script src='/_next/static/chunks/b.js' noModule></script>",
      '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
      '<link as="script" rel="preload" href="/_next/static/chunks/d.js">',
      '<script nonce="n0nce">self.__next_f.push([1,"0:{}\\n"])</script>',
      "<script>self.__next_f.push([2,null])</script>",
    ];
    const kept = [
      '<link rel="preload" as="font" href="/_next/static/media/naskh.woff2" crossorigin="" type="font/woff2"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/e.css" data-precedence="next"/>',
      '<link rel="preload" as="script" href="/analytics.js"/>',
      '<script src="/analytics.js" async=""></script>',
      '<script src="https://cdn.example/_next/static/chunks/f.js"></script>',
      '<script type="application/ld+json">self.__next_f.push([1,"data, not code"])</script>',
      '<script id="_R_">requestAnimationFrame(function(){$RT=performance.now()});</script>',
      "<script>window.__next_f_like = 1; self.__next_f.push = 2</script>",
    ];
    const page = `<!DOCTYPE html><html><head>${removed.slice(0, 4).join("")}${kept.join("")}</head><body><p>x</p>${removed.slice(4).join("")}</body></html>`;
    expect(stripClientRuntime(page)).toBe(
      `<!DOCTYPE html><html><head>${kept.join("")}</head><body><p>x</p></body></html>`,
    );
  });

  it("leaves whole a page only the browser can finish: Next's error document (its 404s) and a failed Suspense boundary", () => {
    const errorDocument =
      '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async=""></script></head>' +
      '<body><div hidden=""><!--$--><!--/$--></div><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>';
    expect(stripClientRuntime(errorDocument)).toBe(errorDocument);
    const failedBoundary = ARTICLE_HTML.replace(
      "</body></html>",
      '<!--$!--><template data-dgst="x"></template><p>…</p><!--/$--></body></html>',
    );
    expect(stripClientRuntime(failedBoundary)).toBe(failedBoundary);
  });
});

// ---- the wrapper --------------------------------------------------------------------------------------------------

type Page = {
  status?: number;
  type?: string;
  body: string | Buffer;
  /** Written in this many pieces after flushHeaders, as Next streams a dynamic page; otherwise sent whole. */
  pieces?: number;
  /** Next's cacheable pages come with Cache-Control and an ETag of the body. */
  cacheable?: boolean;
  /** Status and headers given to writeHead rather than set one by one. */
  writeHead?: boolean;
  /** Throws after the first piece. */
  failAfterFirstPiece?: boolean;
  /** Awaited between the first piece and the rest. */
  between?: () => Promise<void>;
};

const nextEtag = (body: Buffer) => `"next-${body.length.toString(36)}"`;
const ADDRESS = "/news/3/%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81";

/** Answers the way Next's sendRenderResult does: a validator of the whole page and its length, or a stream. */
function nextLike(pages: Record<string, Page>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const page = pages[req.url ?? ""];
    if (!page) {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain");
      res.end("no such page in this test");
      return;
    }
    const body = Buffer.isBuffer(page.body) ? page.body : Buffer.from(page.body, "utf8");
    const headers: Record<string, string | number> = {
      "content-type": page.type ?? "text/html; charset=utf-8",
      "x-powered-by-test": "next",
    };
    if (page.cacheable) {
      const etag = nextEtag(body);
      if (req.headers["if-none-match"] === etag) {
        res.statusCode = 304;
        res.setHeader("etag", etag);
        res.end();
        return;
      }
      Object.assign(headers, { "cache-control": "s-maxage=31536000", etag });
    }
    if (!page.pieces) headers["content-length"] = body.length;
    if (page.writeHead) res.writeHead(page.status ?? 200, headers);
    else {
      res.statusCode = page.status ?? 200;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    if (req.method === "HEAD") return void res.end(null);
    if (!page.pieces) return void res.end(body);
    res.flushHeaders();
    const size = Math.ceil(body.length / page.pieces);
    for (let i = 0; i < page.pieces; i++) {
      // Byte boundaries, so pieces split Arabic letters and tags in two.
      res.write(body.subarray(i * size, (i + 1) * size));
      if (i === 0 && page.failAfterFirstPiece) throw new Error("render failed");
      if (i === 0) await page.between?.();
    }
    res.end();
  };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The wrapper alone in front of the Next-like handler, as when nothing caches. */
async function direct(pages: Record<string, Page>, options: { notFoundPage?: NotFoundPage } = {}) {
  const render = servePlainHtml(nextLike(pages), options);
  const listening = await listen((req, res) => {
    void Promise.resolve(render(req, res)).catch(() => res.destroy());
  });
  server = listening.server;
  return listening.client;
}

/** As serve.ts has it: front cache and compression outside, the wrapper inside the cache's render. */
async function behindFrontCache(pages: Record<string, Page>) {
  const cache: FrontCache = createFrontCache({
    render: servePlainHtml(nextLike(pages)),
    compress: compression() as unknown as FrontCacheOptions["compress"],
    maxBytes: 64 * 1024 * 1024,
  });
  const listening = await listen((req, res) => cache.handle(req, res));
  server = listening.server;
  const stored = async (entries: number) => {
    for (let i = 0; i < 200 && cache.stats.entries !== entries; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cache.stats.entries).toBe(entries);
  };
  return { get: listening.client, cache, stored };
}

const PLAIN_ARTICLE = stripClientRuntime(ARTICLE_HTML);

describe("servePlainHtml", () => {
  it("sends the page without the runtime, with the length and a validator of what it sends", async () => {
    const get = await direct({ [ADDRESS]: { body: ARTICLE_HTML, cacheable: true } });
    const page = await get(ADDRESS);
    expect(page.status).toBe(200);
    expect(page.body.toString("utf8")).toBe(PLAIN_ARTICLE);
    expect(Number(page.headers["content-length"])).toBe(page.body.length);
    expect(page.headers.etag).toBe(etagOf(page.body));
    expect(page.headers.etag).not.toBe(nextEtag(Buffer.from(ARTICLE_HTML)));
    expect(page.headers["cache-control"]).toBe("s-maxage=31536000");
    expect(page.headers["x-powered-by-test"]).toBe("next");
  });

  it("behind the front cache: stores the plain page, answers it in every encoding and 304 to its new validator", async () => {
    const { get, stored } = await behindFrontCache({ [ADDRESS]: { body: ARTICLE_HTML, cacheable: true } });
    const first = await get(ADDRESS, { "accept-encoding": "gzip" });
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(gunzipSync(first.body).toString("utf8")).toBe(PLAIN_ARTICLE);
    await stored(1);

    const hit = await get(ADDRESS);
    expect(hit.headers["x-cache"]).toBe("HIT");
    expect(hit.body.toString("utf8")).toBe(PLAIN_ARTICLE);
    expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
    expect(hit.headers.etag).toBe(etagOf(hit.body));
    expect(hit.headers.etag).toBe(first.headers.etag);

    const conditional = await get(ADDRESS, { "if-none-match": etagOf(hit.body) });
    expect(conditional.status).toBe(304);
    expect(conditional.headers["x-cache"]).toBe("HIT");
    expect(conditional.body.length).toBe(0);
    // Next's own validator describes a page nobody was sent.
    expect((await get(ADDRESS, { "if-none-match": nextEtag(Buffer.from(ARTICLE_HTML)) })).status).toBe(200);
  });

  it("transforms a streamed page as a whole, however its writes split it", async () => {
    const { get } = await behindFrontCache({ "/search?q=x": { body: ARTICLE_HTML, pieces: 7 } });
    const page = await get("/search?q=x", { "accept-encoding": "gzip" });
    expect(page.headers["content-length"]).toBeUndefined();
    expect(gunzipSync(page.body).toString("utf8")).toBe(PLAIN_ARTICLE);
  });

  it("handles status and headers given to writeHead, and a 404 page", async () => {
    const get = await direct({
      [ADDRESS]: { body: ARTICLE_HTML, cacheable: true, writeHead: true },
      "/missing": { status: 404, body: ARTICLE_HTML, writeHead: true },
    });
    const page = await get(ADDRESS);
    expect(page.body.toString("utf8")).toBe(PLAIN_ARTICLE);
    expect(Number(page.headers["content-length"])).toBe(page.body.length);
    expect(page.headers.etag).toBe(etagOf(page.body));
    const missing = await get("/missing");
    expect(missing.status).toBe(404);
    expect(missing.body.toString("utf8")).toBe(PLAIN_ARTICLE);
    expect(Number(missing.headers["content-length"])).toBe(missing.body.length);
  });

  it("sends the edition's 404 page in place of Next's empty error document, and that page itself as a 404", async () => {
    const errorDocument =
      '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div></body></html>';
    const asked: string[] = [];
    const notFoundPage: NotFoundPage = async (locale) => {
      asked.push(locale);
      return Buffer.from(`<!DOCTYPE html><html lang="${locale}"><body><h1>404 (${locale})</h1></body></html>`);
    };
    const get = await direct(
      {
        "/news/999": { status: 404, body: errorDocument },
        "/ru/nonsense?q=1": { status: 404, body: errorDocument, writeHead: true },
        "/en/news/1": { status: 500, body: errorDocument },
        "/ru/not-found-view": { body: ARTICLE_HTML },
      },
      { notFoundPage },
    );
    const arabic = await get("/news/999");
    expect([arabic.status, arabic.body.toString("utf8")]).toEqual([
      404,
      '<!DOCTYPE html><html lang="ar"><body><h1>404 (ar)</h1></body></html>',
    ]);
    expect(Number(arabic.headers["content-length"])).toBe(arabic.body.length);
    const russian = await get("/ru/nonsense?q=1");
    expect([russian.status, russian.body.toString("utf8")]).toEqual([
      404,
      '<!DOCTYPE html><html lang="ru"><body><h1>404 (ru)</h1></body></html>',
    ]);
    // A server error stays Next's; the 404 page asked for by its own address answers 404, without the runtime.
    expect((await get("/en/news/1")).body.toString("utf8")).toBe(errorDocument);
    const view = await get("/ru/not-found-view");
    expect([view.status, view.body.toString("utf8")]).toEqual([404, PLAIN_ARTICLE]);
    expect(asked).toEqual(["ar", "ru"]);
  });

  it("keeps Next's error document when the 404 page cannot be had", async () => {
    const errorDocument = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>';
    const get = await direct({ "/en/gone": { status: 404, body: errorDocument } }, { notFoundPage: async () => null });
    const answer = await get("/en/gone");
    expect([answer.status, answer.body.toString("utf8")]).toEqual([404, errorDocument]);
  });

  it("passes everything but HTML through byte for byte, and without waiting for its end", async () => {
    const binary = Buffer.from([0, 0xff, 0xd8, 0xc3, 0x28, 0x3c, 0x73]);
    // Text that looks like the runtime, in responses that are not pages.
    const lookalike = '<script src="/_next/static/chunks/a.js"></script><script>self.__next_f.push([1,"x"])</script>';
    let firstPieceArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (firstPieceArrived = resolve));
    const pages: Record<string, Page> = {
      "/feed.xml": { type: "application/rss+xml; charset=utf-8", body: `<rss>${lookalike}</rss>`, cacheable: true },
      "/rsc": { type: "text/x-component", body: `0:${lookalike}` },
      "/file": { type: "application/octet-stream", body: binary },
      // Finishes only once the client has its first piece: a buffered response would never end.
      "/stream": { type: "text/plain", body: "first piece|second piece", pieces: 2, between: () => arrived },
    };
    const get = await direct(pages);
    const feed = await get("/feed.xml");
    expect(feed.body.toString("utf8")).toBe(`<rss>${lookalike}</rss>`);
    expect(feed.headers.etag).toBe(nextEtag(feed.body));
    expect((await get("/rsc")).body.toString("utf8")).toBe(`0:${lookalike}`);
    expect((await get("/file")).body.equals(binary)).toBe(true);

    const streamed = new Promise<string>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) => {
        const { port } = server!.address() as { port: number };
        httpGet({ host: "127.0.0.1", port, path: "/stream" }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => {
            text += chunk.toString("utf8");
            firstPieceArrived();
          });
          res.on("end", () => resolve(text));
        }).on("error", reject);
      }, reject);
    });
    expect(await streamed).toBe("first piece|second piece");
  });

  it("answers HEAD without the length and validator of the page Next did not send", async () => {
    const get = await direct({ [ADDRESS]: { body: ARTICLE_HTML, cacheable: true } });
    const head = await get(ADDRESS, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(head.headers["content-length"]).toBeUndefined();
    expect(head.headers.etag).toBeUndefined();

    // Behind the cache, a HEAD after the page is stored is the stored page's.
    const { get: cached, stored } = await behindFrontCache({ [ADDRESS]: { body: ARTICLE_HTML, cacheable: true } });
    await cached(ADDRESS);
    await stored(1);
    const stored304 = await cached(ADDRESS, {}, "HEAD");
    expect(stored304.headers["x-cache"]).toBe("HIT");
    expect(Number(stored304.headers["content-length"])).toBe(Buffer.byteLength(PLAIN_ARTICLE));
  });

  it("lets the front cache answer a failed render as before: 500, nothing of the page sent, nothing stored", async () => {
    const { get, cache } = await behindFrontCache({
      [ADDRESS]: { body: ARTICLE_HTML, pieces: 3, failAfterFirstPiece: true },
    });
    const failed = await get(ADDRESS);
    expect(failed.status).toBe(500);
    expect(failed.body.toString()).toBe("Internal Server Error");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cache.stats.entries).toBe(0);
  });
});

// ---- the guard ----------------------------------------------------------------------------------------------------

describe("notFoundPagesFrom", () => {
  it("fetches each edition's 404 page from the server once, and nothing that is not that page", async () => {
    const requests: string[] = [];
    const listening = await listen((req, res) => {
      requests.push(req.url ?? "");
      const answers: Record<string, [number, string, string]> = {
        "/not-found-view": [404, "text/html; charset=utf-8", "<html lang=ar>404</html>"],
        "/ru/not-found-view": [200, "text/html; charset=utf-8", "<html lang=ru>soft 404</html>"],
        "/en/not-found-view": [404, "text/html", '<html id="__next_error__"></html>'],
      };
      const [status, type, body] = answers[req.url ?? ""] ?? [404, "text/plain", "no"];
      res.writeHead(status, { "content-type": type }).end(body);
    });
    server = listening.server;
    const { port } = listening.server.address() as AddressInfo;
    const pages = notFoundPagesFrom(`http://127.0.0.1:${port}`);
    // Asked for by two 404s at once, then by a third: one fetch.
    const [first, second] = await Promise.all([pages("ar"), pages("ar")]);
    expect([first?.toString("utf8"), second?.toString("utf8")]).toEqual([
      "<html lang=ar>404</html>",
      "<html lang=ar>404</html>",
    ]);
    expect((await pages("ar"))?.toString("utf8")).toBe("<html lang=ar>404</html>");
    expect(await pages("ru")).toBeNull();
    expect(await pages("en")).toBeNull();
    expect(await pages("en")).toBeNull();
    expect(requests).toEqual(["/not-found-view", "/ru/not-found-view", "/en/not-found-view", "/en/not-found-view"]);
    expect(await notFoundPagesFrom("http://127.0.0.1:1")("ar")).toBeNull();
  });
});

describe("clientRuntimeUsers", () => {
  let dist: string | undefined;
  afterEach(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
    dist = undefined;
  });

  /** A build directory holding one client reference manifest per route, as Next writes them. */
  function build(routes: Record<string, string[]>): string {
    dist = mkdtempSync(join(tmpdir(), "plain-html-"));
    for (const [route, modules] of Object.entries(routes)) {
      const dir = join(dist, "server", "app", ...route.split("/").slice(1, -1));
      mkdirSync(dir, { recursive: true });
      const clientModules = Object.fromEntries(
        modules.map((module, id) => [module, { id, name: "*", chunks: [], async: false }]),
      );
      writeFileSync(
        join(dir, `${route.split("/").at(-1)}_client-reference-manifest.js`),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = ${JSON.stringify({ moduleLoading: { prefix: "" }, clientModules })};`,
      );
    }
    return dist;
  }

  const FRAMEWORK = [
    "[project]/node_modules/next/dist/esm/client/components/layout-router.js",
    "[project]/node_modules/next/dist/client/components/builtin/global-error.js",
  ];

  it("finds nothing to keep the runtime for when every client module is Next's own", () => {
    expect(
      clientRuntimeUsers(
        build({ "/[locale]/page": FRAMEWORK, "/[locale]/news/[id]/page": FRAMEWORK, "/feed.xml/route": [] }),
      ),
    ).toEqual([]);
  });

  it("reports a client component of ours, or next/script, in any route", () => {
    const ours = "[project]/apps/web/src/components/x.tsx";
    const script = "[project]/node_modules/next/dist/esm/client/script.js";
    expect(
      clientRuntimeUsers(build({ "/[locale]/page": FRAMEWORK, "/[locale]/search/page": [...FRAMEWORK, ours, script] })),
    ).toEqual([ours, script]);
  });

  it("trusts nothing when there is no manifest to read", () => {
    const users = clientRuntimeUsers(join(tmpdir(), "no-such-build-dir"));
    expect(users).toHaveLength(1);
    expect(users[0]).toContain("_client-reference-manifest.js");
  });

  it("reads them without touching this process's globals", () => {
    build({ "/[locale]/page": FRAMEWORK });
    clientRuntimeUsers(dist!);
    expect((globalThis as { __RSC_MANIFEST?: unknown }).__RSC_MANIFEST).toBeUndefined();
  });
});
