// The public site's pages as plain HTML: Next's client runtime taken out of every HTML response, between Next and the
// response cache (so the cache stores, compresses and answers the plain page). Nothing on the site hydrates; serve.ts
// strips only while every client module of the build is Next's own (clientRuntimeUsers).
// See docs/decisions/0004-pages-as-plain-html.md.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import type { Locale } from "@minbar/i18n";
import { getPathname, localeOfPath, NOT_FOUND_VIEW } from "../src/i18n/paths.ts";
import { GONE_MARKUP } from "../src/lib/gone.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

// ---- the transform ------------------------------------------------------------------------------------------------

// React escapes `<` and `>` in attribute values, and Next escapes `<` in the scripts it inlines (as does our JSON-LD),
// so neither a tag's attributes nor a script's text can hold what these stop at.
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK_ELEMENT = /<link\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Where Next serves its client chunks (no assetPrefix or basePath is configured). */
const NEXT_STATIC = "/_next/static/";
/** The inline scripts carrying the flight payload: the first one creates the queue, the others append to it. */
const FLIGHT_PREFIXES = ["(self.__next_f=self.__next_f||[]).push(", "self.__next_f.push("];
/** Turbopack's bootstrap (React's bootstrap script, `<script id="_R_">`), which lists the chunks to load. */
const TURBOPACK_PREFIX = '(globalThis["TURBOPACK"]';
/**
 * Pages only the browser can finish, which keep their runtime. Next's error document: when rendering the page's HTML
 * fails, notFound() included (the 404 of an unknown article or path), Next sends an empty <html id="__next_error__">
 * and the browser renders the page, the localized 404 too, from the flight payload. And React's marker of a Suspense
 * boundary whose server rendering failed (`<!--$!-->`), left for the browser to render.
 */
const RENDERED_IN_BROWSER = /<html\b[^>]*\bid="__next_error__"|<!--\$!-->/;
/** Next's error document alone (see RENDERED_IN_BROWSER): for a 404, the localized 404 page is sent in its place. */
const NEXT_ERROR_DOCUMENT = /<html\b[^>]*\bid="__next_error__"/;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    attributes.set(name!.toLowerCase(), double ?? single ?? bare ?? "");
  }
  return attributes;
}

function isNextRuntimeScript(attributeSource: string, text: string): boolean {
  const attributes = attributesOf(attributeSource);
  const src = attributes.get("src");
  if (src !== undefined) return src.startsWith(NEXT_STATIC);
  // A typed script (JSON-LD) is data, whatever it holds.
  if (attributes.has("type")) return false;
  return FLIGHT_PREFIXES.some((prefix) => text.startsWith(prefix)) || text.startsWith(TURBOPACK_PREFIX);
}

function isNextScriptPreload(attributeSource: string): boolean {
  const attributes = attributesOf(attributeSource);
  if (!(attributes.get("href") ?? "").startsWith(NEXT_STATIC)) return false;
  const rel = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
  return rel.includes("modulepreload") || (rel.includes("preload") && attributes.get("as")?.toLowerCase() === "script");
}

/**
 * The page without Next's client runtime: its chunk scripts (the noModule polyfill too) and their preloads, the
 * inline flight payload and Turbopack's bootstrap. Everything else is left byte for byte; a page the browser has to
 * finish rendering (see RENDERED_IN_BROWSER) is left whole.
 */
export function stripClientRuntime(html: string): string {
  if (RENDERED_IN_BROWSER.test(html)) return html;
  return html
    .replace(SCRIPT_ELEMENT, (element, attributes: string, text: string) =>
      isNextRuntimeScript(attributes, text) ? "" : element,
    )
    .replace(LINK_ELEMENT, (element, attributes: string) => (isNextScriptPreload(attributes) ? "" : element));
}

// ---- the guard ----------------------------------------------------------------------------------------------------

const MANIFEST_SUFFIX = "_client-reference-manifest.js";
/** Next's own client modules: its router, error boundaries and metadata, which a page never navigated by script never uses. */
const NEXT_OWN_MODULE = /\/node_modules\/next\/dist\//;
/** …except next/script, whose scripts are only inserted by the client runtime. */
const NEXT_SCRIPT_MODULE = /\/node_modules\/next\/dist\/(?:esm\/)?client\/script\.js/;

type ReferenceManifest = { clientModules?: Record<string, unknown> };

/**
 * What in the build at distDir (`.next`) needs Next's client runtime: the client modules (React's "use client") that
 * are not Next's own, sorted; or, when no client reference manifest is found, a sentence saying so (nothing is known
 * to be safe then). Empty: the pages can be served as plain HTML.
 */
export function clientRuntimeUsers(distDir: string): string[] {
  const appDir = join(distDir, "server", "app");
  let files: string[];
  try {
    files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(MANIFEST_SUFFIX));
  } catch {
    files = [];
  }
  if (files.length === 0) return [`(no ${MANIFEST_SUFFIX} under ${appDir})`];
  const users = new Set<string>();
  for (const file of files) {
    // Each manifest is a script assigning globalThis.__RSC_MANIFEST[route]; run in a context of its own, it can
    // neither see nor change this process's globals.
    const sandbox: Record<string, unknown> = {};
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(join(appDir, file), "utf8"), sandbox, { filename: file, timeout: 1_000 });
    const manifests = (sandbox.__RSC_MANIFEST ?? {}) as Record<string, ReferenceManifest>;
    for (const manifest of Object.values(manifests)) {
      for (const clientModule of Object.keys(manifest.clientModules ?? {})) {
        if (!NEXT_OWN_MODULE.test(clientModule) || NEXT_SCRIPT_MODULE.test(clientModule)) users.add(clientModule);
      }
    }
  }
  return [...users].sort();
}

// ---- the response wrapper -----------------------------------------------------------------------------------------

/** Statuses whose responses carry no body (RFC 9110). */
const bodiless = (status: number) => status < 200 || status === 204 || status === 304;

/** A strong validator of the bytes sent, replacing Next's, which describes the page before the transform. */
export const etagOf = (body: Buffer) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/**
 * The localized 404 page of an edition, as sent to readers (app/[locale]/not-found-view), or null when it cannot be
 * had; servePlainHtml sends it in place of Next's error document.
 */
export type NotFoundPage = (locale: Locale) => Promise<Buffer | null>;

export type PlainHtmlOptions = {
  notFoundPage?: NotFoundPage;
  /** The Content-Security-Policy of the page sent (./security-headers.ts), from the bytes sent. */
  contentSecurityPolicy?: (html: string) => string;
  /** Pages keep Next's client runtime (a client component needs it): buffered for their policy, not stripped. */
  keepRuntime?: boolean;
};

/**
 * Next's request handler, with each HTML response (any status) buffered and sent through stripClientRuntime. Other
 * responses (RSC payloads, feeds, JSON, static files) pass through untouched and unbuffered. Installed inside the
 * front cache's `render`, this is the outermost layer over the response: what it passes on is what the cache
 * stores and what gets compressed. With `notFoundPage`, a 404 that Next sends as its error document (empty until its
 * client runtime renders it) is answered with the localized 404 page instead, and that page asked for directly
 * answers 404 too.
 */
export function servePlainHtml(render: Handler, options: PlainHtmlOptions = {}): Handler {
  return (req, res) => {
    const release = bufferHtml(req, res, options);
    return Promise.resolve()
      .then(() => render(req, res))
      .catch((error: unknown) => {
        // Nothing of a buffered page has been sent: the caller answers the failure as it would have without us.
        release();
        throw error;
      });
  };
}

/**
 * Fetches each edition's 404 page from this server (`origin`) once it is first needed, and keeps it: it holds no data,
 * and a new build means a new process. A failed fetch is tried again next time.
 */
export function notFoundPagesFrom(origin: string, timeoutMs = 10_000): NotFoundPage {
  // The fetch itself is kept, so that the 404s arriving while it runs wait for it rather than fetch again.
  const pages = new Map<Locale, Promise<Buffer | null>>();
  const fetchPage = async (locale: Locale): Promise<Buffer | null> => {
    try {
      const response = await fetch(new URL(getPathname({ href: NOT_FOUND_VIEW, locale }), origin), {
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = Buffer.from(await response.arrayBuffer());
      const html = /^text\/html\b/i.test(response.headers.get("content-type") ?? "");
      return response.status === 404 && html && !RENDERED_IN_BROWSER.test(body.toString("utf8")) ? body : null;
    } catch {
      return null;
    }
  };
  return (locale) => {
    let page = pages.get(locale);
    if (!page) {
      page = fetchPage(locale);
      pages.set(locale, page);
      // Not kept when it failed: the next 404 tries again.
      void page.then((body) => body ?? pages.delete(locale));
    }
    return page;
  };
}

const pathOf = (url: string | undefined) => (url ?? "/").split(/[?#]/, 1)[0]!;

/** Installs the buffering over `res`; returns a function that takes it off, dropping whatever was buffered. */
function bufferHtml(
  req: IncomingMessage,
  res: ServerResponse,
  { notFoundPage, contentSecurityPolicy, keepRuntime = false }: PlainHtmlOptions,
): () => void {
  const { write, end, writeHead, flushHeaders } = res;
  let mode: "undecided" | "pass" | "buffer" = "undecided";
  const chunks: Buffer[] = [];
  const writeCallbacks: ((error?: Error | null) => void)[] = [];

  const release = () => {
    res.write = write;
    res.end = end;
    res.writeHead = writeHead;
    res.flushHeaders = flushHeaders;
    chunks.length = 0;
  };
  // Decided when Next first commits to the response (headers, a write or the end), when its headers are final.
  const decide = () => {
    if (mode === "undecided") {
      const type = String(res.getHeader("content-type") ?? "");
      mode = !bodiless(res.statusCode) && /^text\/html\b/i.test(type) ? "buffer" : "pass";
      if (mode === "pass") release();
    }
    return mode;
  };
  const collect = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string")
      chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };

  // Next may commit its status and headers at once; they are kept on the response until the page is complete.
  res.writeHead = function (this: ServerResponse, statusCode: number, reason?: unknown, headers?: unknown) {
    res.statusCode = statusCode;
    if (typeof reason === "string") res.statusMessage = reason;
    else headers = reason;
    setHeaders(res, headers as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined);
    if (decide() === "buffer") return res;
    const original = writeHead as (this: ServerResponse, statusCode: number, reason?: string) => ServerResponse;
    return typeof reason === "string" ? original.call(res, statusCode, reason) : original.call(res, statusCode);
  };
  res.flushHeaders = function (this: ServerResponse) {
    if (decide() === "pass") flushHeaders.call(res);
  };
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (decide() === "pass") return write.call(res, chunk, ...(rest as [BufferEncoding, () => void]));
    collect(chunk, rest[0]);
    const callback = rest.find((arg) => typeof arg === "function");
    if (callback) writeCallbacks.push(callback as () => void);
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (decide() === "pass") return end.call(res, chunk as string, ...(rest as [BufferEncoding, () => void]));
    const callback = [chunk, ...rest].find((arg) => typeof arg === "function") as (() => void) | undefined;
    collect(chunk, rest[0]);
    const original = Buffer.concat(chunks);
    release();
    const send = (body: Buffer | undefined) => {
      if (body !== undefined) {
        if (res.hasHeader("content-length")) res.setHeader("content-length", body.length);
        if (res.hasHeader("etag")) res.setHeader("etag", etagOf(body));
        if (contentSecurityPolicy)
          res.setHeader("content-security-policy", contentSecurityPolicy(body.toString("utf8")));
      }
      for (const writeCallback of writeCallbacks) process.nextTick(writeCallback);
      const finish = end as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
      return body === undefined ? finish.call(res, callback) : finish.call(res, body, callback);
    };
    if (original.length === 0 && req.method === "HEAD") {
      // Next answers HEAD with the headers of a body it does not send: their length and validator describe the
      // page before the transform, which cannot be known without it.
      res.removeHeader("content-length");
      res.removeHeader("etag");
      return send(undefined);
    }
    const html = original.toString("utf8");
    const locale = localeOfPath(pathOf(req.url));
    if (notFoundPage && pathOf(req.url) === getPathname({ href: NOT_FOUND_VIEW, locale })) res.statusCode = 404;
    if (notFoundPage && res.statusCode === 404 && NEXT_ERROR_DOCUMENT.test(html)) {
      void notFoundPage(locale).then((page) => send(page ?? original));
      return res;
    }
    // A story taken down after publication (src/lib/gone.ts).
    if (res.statusCode === 200 && GONE_MARKUP.test(html)) res.statusCode = 410;
    const stripped = keepRuntime ? html : stripClientRuntime(html);
    return send(stripped === html ? original : Buffer.from(stripped, "utf8"));
  } as ServerResponse["end"];

  return release;
}

/** What writeHead's headers argument does, on a response whose headers are not sent yet. */
function setHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined) {
  if (headers === undefined || headers === null) return;
  if (!Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return;
  }
  // The raw forms: [name, value, name, value, …] or [[name, value], …]; a repeated name gives a list.
  const pairs: [string, string][] = Array.isArray(headers[0])
    ? (headers as unknown as [string, string][])
    : Array.from({ length: headers.length / 2 }, (_, i) => [String(headers[2 * i]), String(headers[2 * i + 1])]);
  const grouped = new Map<string, string[]>();
  for (const [name, value] of pairs)
    grouped.set(name.toLowerCase(), [...(grouped.get(name.toLowerCase()) ?? []), String(value)]);
  for (const [name, values] of grouped) res.setHeader(name, values.length === 1 ? values[0]! : values);
}
