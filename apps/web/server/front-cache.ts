// The public site's response cache, in front of Next.js in the same process: a page Next marks as cacheable by a
// shared cache is answered from memory, compressed once, without entering Next, whose pipeline costs milliseconds of
// CPU per request. POST /api/revalidate purges it (src/lib/front-cache-signal.ts); a render that started before a
// purge is not stored. See docs/decisions/0003-response-cache-in-front-of-next.md.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import CachePolicy from "http-cache-semantics";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import { messageLog } from "@minbar/observability/log";
import { canonicalUrl, type QueryParamsFor } from "./canonical-url.ts";

const log = messageLog("web");

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export type FrontCacheOptions = {
  /** Renders a request: Next's request handler. */
  render: Handler;
  /** Compresses whatever `render` writes, for the responses not answered from the cache (e.g. `compression()`). */
  compress: Middleware;
  /**
   * Upper bound of the memory the stored pages take, all encodings counted. 0: nothing is stored, every request goes to
   * Next (with its address made canonical all the same) and has no X-Cache header.
   */
  maxBytes: number;
  /** Larger responses are passed through and not stored. Default 8 MiB. */
  maxEntryBytes?: number;
  /**
   * The query parameters the page at a path reads; every other one (utm_*, fbclid, a random `?x=1`) is removed from
   * the request before the cache and Next see it. null: the path's query is left as it is. Default: keep all.
   */
  queryParamsFor?: QueryParamsFor;
};

export type CacheOutcome = "HIT" | "MISS" | "BYPASS";
/** Response header saying how a request was answered. */
export const CACHE_HEADER = "x-cache";

// Headers with which Next's client router asks for another representation (RSC payloads) of the same URL.
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];
// Not stored: per-connection headers, the ones this cache writes itself for each answer, and Next's report of its own
// cache, which would describe the request that filled this one.
const UNSTORED_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "content-encoding",
  "vary",
  CACHE_HEADER,
  "x-nextjs-cache",
  // Each request's own id (server/serve.ts), never the id of the request that filled the cache.
  "x-request-id",
]);
const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * What a render under way ends with: the stored entry, or why there is none — the page may not be stored, a purge
 * overtook it, or its client left before the end (so it may have been cut short).
 */
type RenderOutcome = Entry | "uncacheable" | "purged" | "abandoned";

type Entry = {
  policy: CachePolicy;
  /** The response's Vary, which this cache always extends with Accept-Encoding. */
  vary: string;
  bodies: Record<Encoding, Buffer>;
};

export type FrontCache = {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Forgets every stored page; responses being rendered at this moment will not be stored. */
  purge(): void;
  readonly stats: { entries: number; bytes: number };
};

export function createFrontCache({
  render,
  compress,
  maxBytes,
  maxEntryBytes = 8 * 1024 * 1024,
  queryParamsFor = () => null,
}: FrontCacheOptions): FrontCache {
  const entries = new LRUCache<string, Entry>({
    maxSize: Math.max(maxBytes, 1),
    sizeCalculation: (entry) => entry.bodies.identity.length + entry.bodies.gzip.length + entry.bodies.br.length || 1,
  });
  let generation = 0;
  // Renders under way, by key: the requests that miss meanwhile wait for the one render instead of starting theirs.
  const inflight = new Map<string, Promise<RenderOutcome>>();

  function pass(req: IncomingMessage, res: ServerResponse, outcome?: CacheOutcome, beforeRender?: () => void) {
    if (outcome) res.setHeader(CACHE_HEADER, outcome);
    compress(req, res, () => {
      beforeRender?.();
      void Promise.resolve()
        .then(() => render(req, res))
        .catch((error: unknown) => failed(res, error));
    });
  }

  function store(key: string, policy: CachePolicy, vary: string, identity: Buffer, startedIn: number) {
    return Promise.all([
      gzipAsync(identity, { level: 6 }),
      brotliAsync(identity, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      }),
    ]).then(
      ([gzipped, brotli]): RenderOutcome => {
        if (startedIn !== generation) return "purged";
        const entry: Entry = { policy, vary, bodies: { identity, gzip: gzipped, br: brotli } };
        entries.set(key, entry);
        return entry;
      },
      (error: unknown): RenderOutcome => {
        log.error("[front-cache] compression failed", error);
        return "uncacheable";
      },
    );
  }

  /** Watches what Next writes for a miss; resolves with the stored entry, or why there is none. */
  function capture(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    request: CachePolicy.Request,
    done: (outcome: Promise<RenderOutcome> | RenderOutcome) => void,
  ) {
    const startedIn = generation;
    res.once("close", () => done(startedIn === generation ? "abandoned" : "purged"));
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (size > maxEntryBytes || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : null;
      if (buffer === null) {
        size = Number.POSITIVE_INFINITY;
        return;
      }
      chunks.push(buffer);
      size += buffer.length;
    };
    // Installed over what `compress` put in place, so this sees the bytes Next wrote, before compression.
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return write.call(this, chunk, ...(rest as [BufferEncoding, () => void]));
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      const result = end.call(this, chunk as string, ...(rest as [BufferEncoding, () => void]));
      if (startedIn !== generation) {
        done("purged");
      } else if (size <= maxEntryBytes && res.statusCode === 200) {
        const headers = storedHeaders(res.getHeaders());
        const policy = new CachePolicy(request, { status: res.statusCode, headers }, { shared: true });
        // Next marks a page it served past its expiry (while it re-renders it) as STALE: that one is not kept.
        if (policy.storable() && policy.timeToLive() > 0 && res.getHeader("x-nextjs-cache") !== "STALE") {
          done(store(key, policy, varyOf(res.getHeader("vary")), Buffer.concat(chunks, size), startedIn));
        } else done("uncacheable");
      } else done("uncacheable");
      return result;
    } as ServerResponse["end"];
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (maxBytes === 0) {
      if (isCacheable(req)) normalizeRequest(req, queryParamsFor);
      return pass(req, res);
    }
    if (!isCacheable(req)) return pass(req, res, "BYPASS");
    normalizeRequest(req, queryParamsFor);
    lookup(req, res, req.url ?? "/", policyRequest(req));
  }

  function lookup(req: IncomingMessage, res: ServerResponse, key: string, request: CachePolicy.Request) {
    const entry = entries.get(key);
    if (entry && entry.policy.satisfiesWithoutRevalidation(request)) return answer(entry, req, res);
    const pending = inflight.get(key);
    if (pending) {
      void pending.then((outcome) => {
        if (req.socket.destroyed) return;
        if (typeof outcome === "object" && outcome.policy.satisfiesWithoutRevalidation(request))
          return answer(outcome, req, res);
        // That render is not the page as it is now, or not whole: the requests that waited share one fresh render.
        // (Were they let go, clients that leave at once could turn one page's misses into a render each.)
        if (outcome === "purged" || outcome === "abandoned") return lookup(req, res, key, request);
        // The page is not for a shared cache: each request gets its own answer from Next.
        pass(req, res, "MISS");
      });
      return;
    }
    // A HEAD that misses is rendered as the GET it stands for, so it fills the cache for the requests after it instead
    // of costing a render each; Node sends no body in an answer to HEAD, whatever is written.
    req.method = "GET";
    let settle!: (outcome: Promise<RenderOutcome> | RenderOutcome) => void;
    const outcome = new Promise<RenderOutcome>((resolve) => (settle = resolve));
    inflight.set(key, outcome);
    let settled = false;
    const done = (result: Promise<RenderOutcome> | RenderOutcome) => {
      if (settled) return;
      settled = true;
      settle(result);
      void outcome.then(() => {
        if (inflight.get(key) === outcome) inflight.delete(key);
      });
    };
    pass(req, res, "MISS", () => capture(req, res, key, request, done));
  }

  return {
    handle,
    purge() {
      generation++;
      entries.clear();
      // Renders under way finish for their own requests; requests that arrive from now on start a fresh one.
      inflight.clear();
    },
    get stats() {
      return { entries: entries.size, bytes: entries.calculatedSize };
    },
  };
}

/**
 * Only plain page loads: GET or HEAD, no router request. The site has no sign-in, so an Authorization header changes
 * no page; whether a response to it may be stored is HTTP's rule (Next's `s-maxage` allows it).
 */
function isCacheable(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  return !ROUTER_HEADERS.some((name) => req.headers[name] !== undefined);
}

/**
 * Gives the request its canonical address (see canonical-url.ts: only the query parameters the page reads, one
 * spelling of the path) and drops the client's own cache directives: a shared cache answers from memory whatever a
 * browser's reload says, so neither can force a render. A range is dropped too: the whole page is a valid answer to
 * it (RFC 9110 §14.2). Next gets the same normalized request, so what it renders is what the key names.
 */
function normalizeRequest(req: IncomingMessage, queryParamsFor: QueryParamsFor) {
  delete req.headers["cache-control"];
  delete req.headers.pragma;
  delete req.headers.range;
  delete req.headers["if-range"];
  req.url = canonicalUrl(req.url ?? "/", queryParamsFor);
}

/**
 * The request as the cache policy sees it: the encoding is this cache's business, so it never splits entries; a HEAD
 * is answered from the stored GET.
 */
function policyRequest(req: IncomingMessage): CachePolicy.Request {
  const { "accept-encoding": _encoding, ...headers } = req.headers;
  return { url: req.url ?? "/", method: req.method === "HEAD" ? "GET" : (req.method ?? "GET"), headers };
}

function storedHeaders(headers: OutgoingHttpHeaders): Record<string, string | string[]> {
  const stored: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || UNSTORED_HEADERS.has(name)) continue;
    stored[name] = Array.isArray(value) ? value : String(value);
  }
  return stored;
}

function varyOf(value: ReturnType<ServerResponse["getHeader"]>): string {
  const names = (Array.isArray(value) ? value.join(",") : String(value ?? ""))
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "" && name.toLowerCase() !== "accept-encoding");
  return [...names, "Accept-Encoding"].join(", ");
}

function answer(entry: Entry, req: IncomingMessage, res: ServerResponse) {
  const headers: OutgoingHttpHeaders = entry.policy.responseHeaders();
  headers.vary = entry.vary;
  headers[CACHE_HEADER] = "HIT";
  const etag = headers.etag;
  const ifNoneMatch = req.headers["if-none-match"];
  if (typeof etag === "string" && ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  // Among encodings the client rates equally, the smallest: Brotli, then gzip.
  const encoding = (negotiateEncoding(req) ?? "identity") as Encoding;
  const body = entry.bodies[encoding];
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  headers["content-length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

// Negotiator 1's `preferred` option is newer than its published types.
const negotiateEncoding = (req: IncomingMessage) =>
  (
    new Negotiator(req) as unknown as {
      encoding(available: string[], options: { preferred: string[] }): string | undefined;
    }
  ).encoding([...ENCODINGS], { preferred: [...ENCODINGS] });

/** If-None-Match against an entity tag, with the weak comparison RFC 9110 prescribes for it. */
function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === opaque(etag));
}

function failed(res: ServerResponse, error: unknown) {
  log.error("[front-cache] request failed", error);
  if (!res.headersSent) {
    res.statusCode = 500;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Internal Server Error");
  } else {
    res.destroy();
  }
}
