// The XSL stylesheet every feed names in <?xml-stylesheet?>: a browser opening a feed shows it as a page in the
// edition's language and direction (what a feed is, its address to copy, its stories) instead of raw XML. Feed readers
// ignore it and read the same RSS. The page's look comes from /feed.css (public/): the feed's Content-Security-Policy
// allows no inline style, and the stylesheet itself only because server/security-headers.ts lets feeds load it.
import { directionOf, formatPublicationDate, intlLocaleOf, type Locale } from "@minbar/i18n";
import { escapeXml } from "./rss.ts";

export type FeedPageStrings = {
  banner: string;
  howTo: string;
  address: string;
  latest: string;
  empty: string;
  visit: string;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const DIGITS = "0123456789";

/**
 * XSLT for one month of an RFC 822 pubDate (`Mon, 30 Nov 2026 00:00:00 GMT`, as rss.ts writes it): the date as the
 * site writes it in that language, from Intl, with the day and year of the item put in. Only the day: a time of day
 * is not known for every story (docs/decisions/0021-date-only-publication.md).
 */
function monthBranch(locale: Locale, index: number): string {
  // A sample day and year whose digits cannot be mistaken for anything else in the formatted text.
  const sample = formatPublicationDate(new Date(Date.UTC(2000, index, 28)), locale, { dateOnly: true });
  const digit = new Intl.NumberFormat(intlLocaleOf(locale), { useGrouping: false });
  const localDigits = Array.from(DIGITS, (d) => digit.format(Number(d))).join("");
  const toLocal = (ascii: string) => Array.from(ascii, (d) => localDigits[DIGITS.indexOf(d)]).join("");
  const parts = sample.split(new RegExp(`(${toLocal("28")}|${toLocal("2000")})`, "u"));
  const pieces = parts
    .filter((part) => part !== "")
    .map((part) =>
      part === toLocal("28")
        ? `<xsl:value-of select="translate(string(number($day)), '${DIGITS}', '${localDigits}')"/>`
        : part === toLocal("2000")
          ? `<xsl:value-of select="translate($year, '${DIGITS}', '${localDigits}')"/>`
          : `<xsl:text>${escapeXml(part)}</xsl:text>`,
    );
  return `<xsl:when test="$month = '${MONTHS[index]}'">${pieces.join("")}</xsl:when>`;
}

/** The stylesheet for `locale`'s feeds. */
export function renderFeedStylesheet(locale: Locale, strings: FeedPageStrings): string {
  const dir = directionOf(locale);
  const text = (value: string) => escapeXml(value);
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>
<xsl:template match="/">
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="UTF-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="rss/channel/title"/></title>
<link rel="stylesheet" href="/feed.css"/>
</head>
<body>
<main>
<header>
<h1><xsl:value-of select="rss/channel/title"/></h1>
<p class="about">${text(strings.banner)}</p>
<p>${text(strings.howTo)}</p>
<p class="address"><span id="feed-address-label">${text(strings.address)}</span>
<code dir="ltr" aria-labelledby="feed-address-label"><xsl:value-of select="rss/channel/atom:link[@rel='self']/@href"/></code></p>
<p><a class="site"><xsl:attribute name="href"><xsl:value-of select="rss/channel/link"/></xsl:attribute>${text(strings.visit)}</a></p>
</header>
<section aria-labelledby="feed-items-heading">
<h2 id="feed-items-heading">${text(strings.latest)}</h2>
<xsl:choose>
<xsl:when test="rss/channel/item">
<ol class="items">
<xsl:for-each select="rss/channel/item">
<li>
<a><xsl:attribute name="href"><xsl:value-of select="link"/></xsl:attribute><xsl:value-of select="title"/></a>
<xsl:if test="pubDate">
<xsl:variable name="day" select="substring(pubDate, 6, 2)"/>
<xsl:variable name="month" select="substring(pubDate, 9, 3)"/>
<xsl:variable name="year" select="substring(pubDate, 13, 4)"/>
<time><xsl:choose>${MONTHS.map((_m, index) => monthBranch(locale, index)).join("")}</xsl:choose></time>
</xsl:if>
<xsl:if test="description"><p><xsl:value-of select="description"/></p></xsl:if>
</li>
</xsl:for-each>
</ol>
</xsl:when>
<xsl:otherwise><p class="empty">${text(strings.empty)}</p></xsl:otherwise>
</xsl:choose>
</section>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
}
