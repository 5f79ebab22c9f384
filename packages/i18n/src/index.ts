// Locale rules shared by the public site and the admin: which languages exist, their direction and date style.

export const LOCALES = ["ar", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ar";

/** The newsroom's clock: wire dates are Moscow dates, so readers see the day the story was filed. */
export const NEWSROOM_TIME_ZONE = "Europe/Moscow";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** Each language's name in itself, for language switchers (the same in every interface language). */
export const LOCALE_AUTONYMS: Readonly<Record<Locale, string>> = { ar: "العربية", ru: "Русский", en: "English" };

/**
 * The BCP 47 tag handed to Intl. Arabic readers of this newsroom expect Arabic-Indic digits and the
 * يناير/فبراير month names, which plain "ar" does not guarantee across ICU versions.
 */
export function intlLocaleOf(locale: Locale): string {
  if (locale === "ar") return "ar-EG-u-nu-arab";
  return locale;
}

/**
 * A publication date as readers of that language write it, e.g. ٤ مارس ٢٠٢٤ / 4 марта 2024 г. / March 4, 2024. A
 * date known only as a day (stored as its midnight UTC) is that day wherever the newsroom is.
 */
export function formatPublicationDate(date: Date, locale: Locale, { dateOnly = false } = {}): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: "long",
    timeZone: dateOnly ? "UTC" : NEWSROOM_TIME_ZONE,
  }).format(date);
}

/** A publication time for machines (<time datetime>, JSON-LD, Open Graph): the day alone (2026-11-30) if that is all. */
export function publicationDateTime(date: Date, dateOnly: boolean): string {
  const iso = date.toISOString();
  return dateOnly ? iso.slice(0, 10) : iso;
}

/** Digits in the reader's script (page numbers, counts). */
export function formatInteger(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocaleOf(locale), { maximumFractionDigits: 0, useGrouping: true }).format(value);
}

/** Words quoted as the language quotes («…» in Arabic and Russian, “…” in English) and listed with "or". */
export function formatQuotedAlternatives(words: readonly string[], locale: Locale): string {
  const [open, close] = locale === "en" ? ["“", "”"] : ["«", "»"];
  return new Intl.ListFormat(intlLocaleOf(locale), { type: "disjunction" }).format(
    words.map((word) => `${open}${word}${close}`),
  );
}

/**
 * The newsroom's time zone named for staff, next to a time they read or type: توقيت موسكو الرسمي / Москва,
 * стандартное время / Moscow Standard Time. From the zone's own data, so it follows NEWSROOM_TIME_ZONE.
 */
export function newsroomTimeZoneName(locale: Locale): string {
  const parts = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    timeZone: NEWSROOM_TIME_ZONE,
    timeZoneName: "longGeneric",
  }).formatToParts(new Date());
  return parts.find((part) => part.type === "timeZoneName")?.value ?? NEWSROOM_TIME_ZONE;
}

/** A moment with its time, for staff (revisions, history, audit): e.g. ٢٤‏/١١‏/٢٠٢٦، ١:٥٩ ص in Moscow time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: NEWSROOM_TIME_ZONE,
  }).format(date);
}

/** The three spellings a name of the newsroom's records may have (agency, photo credit, tag, contributor). */
export type LocalizedNames = { nameAr: string; nameRu?: string | null; nameEn?: string | null };

/**
 * A record's name in the interface language, or its Arabic name when that language has none (every record has
 * one): `fallback` says so, so the page can mark it (lang="ar", a short note) instead of passing it off.
 */
export function nameIn(
  names: LocalizedNames,
  locale: Locale,
): { text: string; lang: Locale; dir: "rtl" | "ltr"; fallback: boolean } {
  const own = locale === "ru" ? names.nameRu : locale === "en" ? names.nameEn : names.nameAr;
  const text = own?.trim();
  if (text) return { text, lang: locale, dir: directionOf(locale), fallback: false };
  return { text: names.nameAr, lang: "ar", dir: "rtl", fallback: locale !== "ar" };
}

/**
 * Wraps a run of text in Unicode first-strong isolates (U+2068 … U+2069): where an element (`<bdi>`) is not
 * allowed, as in `<option>` text or a title attribute, an Arabic name inside a Russian label (or the reverse)
 * keeps its own direction and does not drag the punctuation around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
export * from "./zoned-time.ts";
