// Serving renditions from the apps' own servers (the public site's and the admin's, in front of Next): GET and HEAD
// of `/media/renditions/<key>/<name>`, nothing else under /media/ (originals are never served). A rendition's URL
// changes with its image or focal point, so it is cached for a year, immutable; hot ones are kept in memory, with
// their headers built once, so a hit costs no storage read and almost no allocation.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { RENDITION_NAME } from "./rendition-set.ts";
import type { MediaStorage } from "./storage.ts";

export const MEDIA_PREFIX = "/media/";
const RENDITION_PATH = /^\/media\/renditions\/([A-Za-z0-9_-]{10,64})\/([a-z0-9.]+)$/;
const CONTENT_TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };
export const IMMUTABLE = "public, max-age=31536000, immutable";

type Entry = { body: Buffer; etag: string; headers: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders };

export type RenditionHandlerOptions = {
  /** Memory for renditions kept hot, in bytes. Default 64 MiB. */
  maxBytes?: number;
  /** Logs a storage failure (the request gets 503). */
  onError?: (error: unknown) => void;
  /**
   * Headers every answer carries besides its own (the app's security headers): built into each rendition's headers
   * once, so the server need not set them on every response before the handler runs.
   */
  headers?: OutgoingHttpHeaders;
};

/**
 * If-None-Match against a strong ETag: `*`, or a list of tags compared weakly (RFC 9110 §13.1.2), so a `W/` prefix a
 * proxy added still matches.
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  for (const part of header.split(",")) {
    const tag = part.trim();
    if (tag === "*" || (tag.startsWith("W/") ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/**
 * A request handler for the media paths: answers and returns true for anything under /media/, returns false (and
 * leaves the request alone) for everything else.
 */
export function createRenditionHandler(storage: MediaStorage, options: RenditionHandlerOptions = {}) {
  const common = options.headers ?? {};
  const cache = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.length + 512,
  });
  // One storage read per rendition however many requests ask for it at once.
  const loading = new Map<string, Promise<Entry | null>>();

  const load = (key: string, name: string): Promise<Entry | null> => {
    const storageKey = `renditions/${key}/${name}`;
    const cached = cache.get(storageKey);
    if (cached) return Promise.resolve(cached);
    let pending = loading.get(storageKey);
    if (!pending) {
      pending = storage
        .get(storageKey)
        .then((body) => {
          if (!body) return null;
          const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
          const entry: Entry = {
            body,
            etag,
            headers: {
              ...common,
              "content-type": CONTENT_TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream",
              "content-length": String(body.length),
              "cache-control": IMMUTABLE,
              etag,
              "x-content-type-options": "nosniff",
            },
            notModified: { ...common, etag, "cache-control": IMMUTABLE, "x-content-type-options": "nosniff" },
          };
          cache.set(storageKey, entry);
          return entry;
        })
        .finally(() => loading.delete(storageKey));
      loading.set(storageKey, pending);
    }
    return pending;
  };

  const plain = (res: ServerResponse, status: number, text: string, extra: OutgoingHttpHeaders = {}) => {
    res.writeHead(status, {
      ...common,
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...extra,
    });
    res.end(text);
  };

  return function handleMedia(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "/";
    if (!url.startsWith(MEDIA_PREFIX)) return false;
    const query = url.indexOf("?");
    const match = RENDITION_PATH.exec(query === -1 ? url : url.slice(0, query));
    if (!match || !RENDITION_NAME.test(match[2]!)) {
      plain(res, 404, "Not found");
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, 405, "Method not allowed", { allow: "GET, HEAD" });
      return true;
    }
    const answer = (entry: Entry | null) => {
      // Not made yet (or never): the same URL may exist later, so the refusal is not cached.
      if (!entry) return plain(res, 404, "Not found");
      if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
        res.writeHead(304, entry.notModified);
        res.end();
        return;
      }
      res.writeHead(200, entry.headers);
      res.end(req.method === "HEAD" ? undefined : entry.body);
    };
    const hit = cache.get(`renditions/${match[1]}/${match[2]}`);
    if (hit) answer(hit);
    else
      load(match[1]!, match[2]!).then(answer, (error: unknown) => {
        options.onError?.(error);
        plain(res, 503, "Storage unavailable", { "retry-after": "5" });
      });
    return true;
  };
}
