// RSS 2.0 documents written by hand: the format is small, and escaping is the one thing that must be exactly right.

// XML 1.0 allows only these characters, escaped or not; anything else (control characters, lone surrogates, which
// wire text does contain now and then) makes the whole feed unreadable, so it is dropped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text or an attribute value, safe anywhere in an XML document. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

export type RssItem = {
  title: string;
  link: string;
  guid: string;
  publishedAt: Date;
  /** When changes were made live after publication: atom:updated (RSS 2.0 has no element of its own for it). */
  updatedAt?: Date | null | undefined;
  description: string | null;
};

export type RssChannel = {
  /** Path of the XSL stylesheet a browser renders the feed with (<?xml-stylesheet?>); feed readers ignore it. */
  stylesheet?: string;
  title: string;
  /** The edition's front page. */
  link: string;
  /** The feed's own URL (atom:link rel="self", which feed validators ask for). */
  self: string;
  description: string;
  language: string;
  items: RssItem[];
};

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

/**
 * RFC 822 dates, as RSS 2.0 wants them; toUTCString writes exactly that form. A story known only by its day is stored
 * as that day's midnight UTC and goes out as such: RSS has no date without a time (docs/decisions/0021).
 */
const rfc822 = (date: Date) => date.toUTCString();

export function renderRss(channel: RssChannel): string {
  const newest = channel.items[0]?.publishedAt;
  const items = channel.items.map((item) =>
    [
      "<item>",
      element("title", item.title),
      element("link", item.link),
      `<guid isPermaLink="true">${escapeXml(item.guid)}</guid>`,
      element("pubDate", rfc822(item.publishedAt)),
      item.updatedAt ? element("atom:updated", item.updatedAt.toISOString()) : "",
      item.description ? element("description", item.description) : "",
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(channel.stylesheet ? [`<?xml-stylesheet type="text/xsl" href="${escapeXml(channel.stylesheet)}"?>`] : []),
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    element("description", channel.description),
    element("language", channel.language),
    newest ? element("lastBuildDate", rfc822(newest)) : "",
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
