// An agency's, credit's or tag's name in the interface language; where that language has none, the Arabic name,
// marked as Arabic (lang, direction, a short note) rather than passed off as a translation. Isolated either way,
// so a Latin or Cyrillic name inside Arabic text (or the reverse) cannot reorder what surrounds it.
// No "use client": used by server pages and client components alike.
import { useLocale, useTranslations } from "next-intl";
import { isolate, nameIn, type Locale, type LocalizedNames } from "@minbar/i18n";

export function LocalizedName({ names }: { names: LocalizedNames }) {
  const locale = useLocale();
  const t = useTranslations("Names");
  const name = nameIn(names, locale);
  return (
    <>
      <bdi lang={name.lang} dir={name.dir}>
        {name.text}
      </bdi>
      {name.fallback ? <span className="ms-1 text-xs text-gray-500">({t("inArabic")})</span> : null}
    </>
  );
}

/**
 * The same for plain text (an `<option>`, where no element may go): the name between Unicode isolates, and the
 * note "(in Arabic)" when it is the fallback. `inArabic` is the note from the catalogue (Names.inArabic).
 */
export function nameAsText(names: LocalizedNames, locale: Locale, inArabic: string): string {
  const name = nameIn(names, locale);
  return name.fallback ? `${isolate(name.text)} (${inArabic})` : isolate(name.text);
}
