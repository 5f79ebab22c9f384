// Names of agencies, tags, credits and contributors as public pages show them, in the reader's language.
import type { Locale } from "../generated/prisma/client.ts";

/**
 * A name as a public page shows it: in the page's language, or, where that language has none yet, the Arabic name
 * with `lang: "ar"`, so the page can mark it (lang, dir) rather than pass it off as a translation. Never empty.
 */
export type PublicName = { name: string; lang: Locale };

/** A record's name in `locale`, or its Arabic name (marked `lang: "ar"`) when that one is missing or blank. */
export function publicNameIn(
  locale: Locale,
  record: { nameAr: string; nameRu: string | null; nameEn: string | null },
): PublicName {
  const own = (locale === "ru" ? record.nameRu : locale === "en" ? record.nameEn : record.nameAr)?.trim();
  return own ? { name: own, lang: locale } : { name: record.nameAr, lang: "ar" };
}

/** The same as plain text (a feed's title, structured data): the name, or the Arabic one. */
export function nameIn(
  locale: Locale,
  record: { nameAr: string; nameRu: string | null; nameEn: string | null },
): string {
  return publicNameIn(locale, record).name;
}
