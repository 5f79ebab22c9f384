import { describe, expect, it } from "vitest";
import { webLoggablePath, webRouteKind } from "./route-kind.ts";

describe("webRouteKind", () => {
  it.each([
    ["/", "listing"],
    ["/ru", "listing"],
    ["/en/page/3", "listing"],
    ["/sections/politics", "listing"],
    ["/ru/tags/syria/page/2", "listing"],
    ["/sources/tass", "listing"],
    ["/news/5/some-slug", "article"],
    ["/en/news/5", "article"],
    ["/search", "search"],
    ["/ru/search", "search"],
    ["/feed.xml", "feed"],
    ["/sources/tass/feed.xml", "feed"],
    ["/sitemap.xml", "feed"],
    ["/robots.txt", "feed"],
    ["/media/renditions/a/b.avif", "media"],
    ["/api/revalidate", "api"],
    ["/_next/static/chunk.js", "static"],
    ["/preview/abc", "preview"],
    ["/wp-login.php", "other"],
    ["/ruins", "other"],
    ["/sections/a/b/c", "other"],
  ])("%s is %s", (path, kind) => {
    expect(webRouteKind(path)).toBe(kind);
  });
});

describe("webLoggablePath", () => {
  it("leaves a preview link's token out", () => {
    expect(webLoggablePath("/preview/s3cret-token-value?x=1")).toBe("/preview/redacted?x=1");
    expect(webLoggablePath("/news/5")).toBe("/news/5");
  });
});
