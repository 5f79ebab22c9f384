// The RSS writer's output is well-formed XML whatever the article text holds.
import { describe, expect, it } from "vitest";
import { escapeXml, renderRss } from "./rss.ts";

describe("escapeXml", () => {
  it("escapes markup characters, including in attribute values", () => {
    expect(escapeXml(`Tom & "Jerry" <b>'s</b> &amp;`)).toBe(
      "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s&lt;/b&gt; &amp;amp;",
    );
  });

  it("drops characters XML 1.0 cannot carry, keeps Arabic, Cyrillic and astral characters", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\uFFFEe\uD800f")).toBe("abcdef");
    expect(escapeXml("كازاخستان\tКазахстан\n😀")).toBe("كازاخستان\tКазахстан\n😀");
  });
});

describe("renderRss", () => {
  const channel = {
    title: "Minbar & co",
    link: "https://example.test/en",
    self: "https://example.test/en/feed.xml?a=1&b=2",
    description: "News",
    language: "en",
  };

  it("writes an RSS 2.0 channel with escaped text and RFC 822 dates", () => {
    const xml = renderRss({
      ...channel,
      items: [
        {
          title: "<script>alert(1)</script>",
          link: "https://example.test/en/news/1/a",
          guid: "https://example.test/en/news/1",
          publishedAt: new Date(Date.UTC(2024, 2, 4, 12)),
          description: "Lead \u0001text",
        },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain("<title>Minbar &amp; co</title>");
    expect(xml).toContain('<atom:link href="https://example.test/en/feed.xml?a=1&amp;b=2" rel="self"');
    expect(xml).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(xml).toContain("<pubDate>Mon, 04 Mar 2024 12:00:00 GMT</pubDate>");
    expect(xml).toContain("<lastBuildDate>Mon, 04 Mar 2024 12:00:00 GMT</lastBuildDate>");
    expect(xml).toContain("<description>Lead text</description>");
    expect(xml).not.toContain("<script>");
  });

  it("names the stylesheet a browser renders the feed with, before the root element", () => {
    const xml = renderRss({ ...channel, stylesheet: "/en/feed.xsl", items: [] });
    expect(xml.split("\n").slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml-stylesheet type="text/xsl" href="/en/feed.xsl"?>',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    ]);
  });

  it("writes a story known only by its day at that day's midnight UTC, never an invented noon", () => {
    const xml = renderRss({
      ...channel,
      items: [
        {
          title: "t",
          link: "https://example.test/en/news/2/b",
          guid: "https://example.test/en/news/2",
          publishedAt: new Date("2026-11-30T00:00:00Z"),
          description: null,
        },
      ],
    });
    expect(xml).toContain("<pubDate>Mon, 30 Nov 2026 00:00:00 GMT</pubDate>");
  });

  it("writes an empty channel without items or build date", () => {
    const xml = renderRss({ ...channel, items: [] });
    expect(xml).not.toContain("<item>");
    expect(xml).not.toContain("lastBuildDate");
    expect(xml).toContain("</channel>\n</rss>\n");
  });
});
