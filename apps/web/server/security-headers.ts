// The public site's security headers: those every response carries, and each page's Content-Security-Policy.
//
// Pages are cached and shared between readers (./front-cache.ts), so a per-response nonce cannot allow their inline
// scripts: each page's policy lists the hashes of the inline scripts and styles in it, computed once, when the page
// is rendered (./plain-html.ts). Only what the framework writes is hashed — React's streaming scripts, Next's own
// when a page keeps its runtime, and the build's stylesheets inlined by Next — so a script or style injected into a
// page's content would still be refused.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { messageLog } from "@minbar/observability/log";
import { BREAKING_BANNER_SCRIPT } from "../src/lib/breaking-banner-script.ts";

/** Whether the configured origin (PUBLIC_SITE_URL) is https: never a request header, which any client can write. */
export function isHttpsOrigin(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).protocol === "https:";
  } catch {
    return false;
  }
}

/** A CSP hash source of an inline script's or style's text, as the browser hashes it (UTF-8, newlines as parsed). */
export function hashSource(text: string): string {
  // The HTML parser turns CR LF and lone CR into LF before the browser hashes the element's text.
  const parsed = text.replace(/\r\n?/g, "\n");
  return `'sha256-${createHash("sha256").update(parsed, "utf8").digest("base64")}'`;
}

export type PolicyOptions = {
  /** The site is served over https: upgrade-insecure-requests, no http: images. */
  https: boolean;
  /** Scripts from this origin are allowed only while pages keep Next's client runtime (its chunks). */
  scriptFiles: boolean;
  /** Hash sources of the page's allowed inline scripts and styles. */
  scripts?: readonly string[];
  styles?: readonly string[];
};

export function contentSecurityPolicy({ https, scriptFiles, scripts = [], styles = [] }: PolicyOptions): string {
  const scriptSources = [...(scriptFiles ? ["'self'"] : []), ...scripts];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.length > 0 ? scriptSources.join(" ") : "'none'"}`,
    ["style-src 'self'", ...styles].join(" "),
    // An article's lead photo is an editor's link to anywhere on the web.
    `img-src 'self' data: https:${https ? "" : " http:"}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** An RSS feed's address (/feed.xml, /ru/tags/x/feed.xml…), with or without a query. */
export const FEED_PATH = /^[^?#]*\/feed\.xml(?:[?#]|$)/;

/**
 * A feed's policy: the site's, with scripts from the site allowed, because a browser fetches the XSL stylesheet of
 * <?xml-stylesheet?> under script-src (lib/feed-stylesheet.ts renders the feed as a page with it). The page it makes
 * carries no script, and XSLT writes the feed's text as text, never as markup.
 */
export function feedContentSecurityPolicy(https: boolean): string {
  return contentSecurityPolicy({ https, scriptFiles: true });
}

/** The headers every response carries, a policy allowing no inline script or style among them. */
export function securityHeaders({ https, scriptFiles }: Omit<PolicyOptions, "scripts" | "styles">) {
  return {
    "content-security-policy": contentSecurityPolicy({ https, scriptFiles }),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

// ---- what the framework writes ------------------------------------------------------------------------------------

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script[\s/>]/gi;
const STYLE_ELEMENT = /<style\b([^>]*)>([\s\S]*?)<\/style[\s/>]/gi;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const SRC_ATTRIBUTE = /(?:^|\s)src(?:\s*=|\s|$)/i;

/** A script the browser runs: no type, a JavaScript type or a module; JSON-LD and other data blocks are not run. */
function isExecutable(attributes: string): boolean {
  const match = TYPE_ATTRIBUTE.exec(attributes);
  if (!match) return true;
  const type = (match[1] ?? match[2] ?? match[3] ?? "").trim().toLowerCase();
  return type === "" || type === "module" || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type);
}

// React's instruction calls take only string literals, null, and (for stylesheets) arrays of string arrays.
const STRING = String.raw`"(?:[^"\\\n\r]|\\.)*"`;
const STRING_ARRAY = String.raw`\[(?:${STRING}(?:,${STRING})*)?\]`;
const ARGUMENT = String.raw`(?:${STRING}|null|\[(?:${STRING_ARRAY}(?:,${STRING_ARRAY})*)?\])`;
const REACT_CALLS = new RegExp(String.raw`^(?:;*\$R[A-Z]{1,2}\(${ARGUMENT}(?:,${ARGUMENT})*\))*;*$`);
const FLIGHT_START = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT_PUSH = /^self\.__next_f\.push\(([\s\S]*)\)$/;
const TURBOPACK_PUSH = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(([\s\S]*)\);?$/;

/** The text parses as JSON and is what `accept` expects: data, which cannot run anything. */
function isJson(text: string, accept: (value: unknown) => boolean): boolean {
  try {
    return accept(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * An inline script React or Next wrote: React's streaming scripts (its runtime's functions, exactly as React's build
 * writes them, then calls with literal arguments), or, while a page keeps Next's client runtime, Next's flight payload
 * and Turbopack's bootstrap (calls whose argument is JSON).
 */
export function isFrameworkScript(text: string, reactRuntime: readonly string[]): boolean {
  if (text === FLIGHT_START) return true;
  const flight = FLIGHT_PUSH.exec(text);
  if (flight)
    return isJson(
      flight[1]!,
      (value) => Array.isArray(value) && value.every((item) => item === null || typeof item !== "object"),
    );
  const turbopack = TURBOPACK_PUSH.exec(text);
  if (turbopack) return isJson(turbopack[1]!, (value) => typeof value === "object" && value !== null);
  let rest = text;
  let stripped = true;
  while (stripped && rest !== "") {
    stripped = false;
    for (const snippet of reactRuntime) {
      if (rest.startsWith(snippet)) {
        rest = rest.slice(snippet.length);
        stripped = true;
        break;
      }
    }
  }
  return (rest !== text || rest !== "") && REACT_CALLS.test(rest);
}

export type PageSources = {
  /** React's inline runtime functions (see reactRuntimeSnippets). */
  reactRuntime: readonly string[];
  /** Hash sources of the build's stylesheets (see stylesheetHashes), which Next inlines into pages. */
  stylesheets: ReadonlySet<string>;
};

/** The hash sources of the page's inline scripts and styles that the framework wrote, each once, in page order. */
export function inlineSourceHashes(html: string, { reactRuntime, stylesheets }: PageSources) {
  const scripts = new Set<string>();
  for (const [, attributes, text] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SRC_ATTRIBUTE.test(attributes!) || !isExecutable(attributes!)) continue;
    if (isFrameworkScript(text!.replace(/\r\n?/g, "\n"), reactRuntime) || text === BREAKING_BANNER_SCRIPT)
      scripts.add(hashSource(text!));
  }
  const styles = new Set<string>();
  for (const [, , text] of html.matchAll(STYLE_ELEMENT)) {
    const hash = hashSource(text!);
    if (stylesheets.has(hash)) styles.add(hash);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

/**
 * React's inline runtime functions as the build Next renders pages with writes them ($RC, $RS, $RX, $RR… and the
 * shell-time mark), read from the string literals of Next's compiled page runtimes; each without the call that
 * follows it there.
 */
export function reactRuntimeSnippets(): string[] {
  const runtimes = join(
    dirname(createRequire(import.meta.url).resolve("next/package.json")),
    "dist/compiled/next-server",
  );
  const literal = /(["'])((?:\$R[A-Z]{1,2}=|requestAnimationFrame\(function\(\)\{\$RT=)(?:(?!\1)[^\\\n]|\\.)*)\1/g;
  const snippets = new Set<string>();
  for (const file of readdirSync(runtimes).filter((name) => /^app-page.*\.runtime\.prod\.js$/.test(name))) {
    for (const [source] of readFileSync(join(runtimes, file), "utf8").matchAll(literal)) {
      const snippet = decodeStringLiteral(source.slice(1, -1)).replace(/\$R[A-Z]{1,2}\("$/, "");
      if (snippet !== "") snippets.add(snippet);
    }
  }
  // Longest first, so a snippet is never taken for a shorter one it starts with.
  return [...snippets].sort((a, b) => b.length - a.length);
}

const CHARACTER_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" };

/** The value of a JavaScript string literal's body (between its quotes), its escapes read as JavaScript reads them. */
export function decodeStringLiteral(body: string): string {
  return body.replace(
    /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\}|([\s\S]))/g,
    (_escape, hex?: string, unit?: string, codePoint?: string, character?: string) => {
      if (hex !== undefined || unit !== undefined) return String.fromCharCode(parseInt(hex ?? unit!, 16));
      if (codePoint !== undefined) return String.fromCodePoint(parseInt(codePoint, 16));
      // A backslash before a line break continues the line; before any other character, it is that character.
      return /[\n\r\u2028\u2029]/.test(character!) ? "" : (CHARACTER_ESCAPES[character!] ?? character!);
    },
  );
}

/** The hash sources of every stylesheet in the build at distDir (`.next`). */
export function stylesheetHashes(distDir: string): Set<string> {
  const staticDir = join(distDir, "static");
  let files: string[];
  try {
    files = readdirSync(staticDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".css"));
  } catch {
    files = [];
  }
  return new Set(files.map((file) => hashSource(readFileSync(join(staticDir, file), "utf8"))));
}

// ---- the server's view ----------------------------------------------------------------------------------------------

export type SiteSecurity = {
  /** Sets the headers every response carries (a feed's own policy for a feed's `url`). */
  apply(res: ServerResponse, url?: string): void;
  /** The policy of an HTML page, allowing the framework's inline scripts and styles in it. */
  pagePolicy(html: string): string;
};

/** What serve.ts installs: the site's origin decides https, the build the allowed inline sources. */
export function siteSecurity(options: { https: boolean; scriptFiles: boolean; distDir: string }): SiteSecurity {
  const headers = securityHeaders(options);
  const sources: PageSources = { reactRuntime: reactRuntimeSnippets(), stylesheets: stylesheetHashes(options.distDir) };
  if (sources.reactRuntime.length === 0)
    messageLog("web").warn(
      "[security-headers] React's runtime was not found in Next's build: streamed content stays hidden",
    );
  return {
    apply(res, url) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (url !== undefined && FEED_PATH.test(url))
        res.setHeader("content-security-policy", feedContentSecurityPolicy(options.https));
    },
    pagePolicy(html) {
      return contentSecurityPolicy({ ...options, ...inlineSourceHashes(html, sources) });
    },
  };
}
