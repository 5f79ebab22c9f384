// The one spelling of an address the response cache keys and Next renders.
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url.ts";
import { queryParamsFor } from "./query-params.ts";

const canonical = (target: string) => canonicalUrl(target, queryParamsFor);

describe("canonicalUrl", () => {
  it("spells a path one way: escapes in upper case, unreserved characters plain, dot segments resolved", () => {
    expect(canonical("/news/5/%d9%84%D8%a7-x")).toBe("/news/5/%D9%84%D8%A7-x");
    expect(canonical("/r%75/n%45ws/5/%7e%2D%5F%2e")).toBe("/ru/nEws/5/~-_.");
    expect(canonical("/./ru/x/../news/5/.")).toBe("/ru/news/5/");
    expect(canonical("/%2e%2e/%2E/ru")).toBe("/ru");
    expect(canonical("/..")).toBe("/");
  });

  it("keeps what changes the resource: an escaped slash, reserved characters, empty segments, a malformed escape", () => {
    expect(canonical("/news/5%2f6")).toBe("/news/5%2F6");
    expect(canonical("/news/5/a%3Bb;c")).toBe("/news/5/a%3Bb;c");
    expect(canonical("//news/5/")).toBe("//news/5/");
    expect(canonical("/news/%zz")).toBe("/news/%zz");
  });

  it("keeps only the query parameters the page reads, in one order", () => {
    expect(canonical("/?utm_source=x&fbclid=1&gclid=2&x=1")).toBe("/");
    expect(canonical("/ru?")).toBe("/ru");
    expect(canonical("/en/page/2?page=3")).toBe("/en/page/2");
    expect(canonical("/search?page=2&utm_medium=a&q=%D0%BC%D0%B8%D1%80&q=b")).toBe(
      "/search?q=%D0%BC%D0%B8%D1%80&page=2",
    );
    expect(canonical("/r%75/search?q=a+b")).toBe("/ru/search?q=a+b");
    expect(canonical("/_next/static/media/font.woff2?v=2")).toBe("/_next/static/media/font.woff2");
    expect(canonical("/_next/image?w=64&x=1&url=%2Fa.png&q=75")).toBe("/_next/image?url=%2Fa.png&w=64&q=75");
    expect(canonical("/api/revalidate?x=1&y")).toBe("/api/revalidate?x=1&y");
  });

  it("turns the absolute form into the origin form and drops a fragment", () => {
    expect(canonical("http://attacker.example/news/5/x?utm_source=a#top")).toBe("/news/5/x");
    expect(canonical("https://example.org")).toBe("/");
    expect(canonical("/en#x?y=1")).toBe("/en");
  });
});
