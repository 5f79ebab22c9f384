// The header's language links: the same page in another language, or for an article its edition in that language.
// A server component with plain links: switching language loads a new <html lang dir>, so client navigation would
// gain nothing, and no JavaScript is shipped for it.
import { LOCALES, LOCALE_AUTONYMS, directionOf, type Locale } from "@minbar/i18n";
import { getPathname } from "../i18n/navigation.ts";

/** Article slugs differ per language, so an article links to /news/{id}, which redirects to the right slug. */
function targetPathOf(pathname: string): string {
  const article = /^\/news\/(\d+)(?:\/|$)/.exec(pathname);
  return article ? `/news/${article[1]}` : pathname;
}

/** Naskh looks a size smaller than Latin at the same font size, so the Arabic name is set one step up. */
const sizeOf = (locale: string) => (locale === "ar" ? "text-base leading-none" : "");

/** Each name is a 44×44 px target (WCAG 2.2's aim for a main control); the current one takes the same room. */
const TARGET = "inline-flex min-h-11 min-w-11 items-center justify-center px-2";

type LanguageSwitcherProps = {
  label: string;
  current: Locale;
  /** The page's path without the locale prefix, e.g. "/news/12/some-slug" or "/". */
  pathname: string;
  /**
   * An article's published editions (their own paths): only these are offered besides the current language. Absent
   * for every other page, which exists in all three.
   */
  editions?: { locale: Locale; path: string }[];
};

export function LanguageSwitcher({ label, current, pathname, editions }: LanguageSwitcherProps) {
  const target = targetPathOf(pathname);
  const pathIn = (locale: Locale) => editions?.find((edition) => edition.locale === locale)?.path ?? target;
  const offered = LOCALES.filter(
    (locale) => locale === current || !editions || editions.some((edition) => edition.locale === locale),
  );
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {offered.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span
                aria-current="page"
                lang={locale}
                dir={directionOf(locale)}
                className={`${TARGET} font-semibold text-brand ${sizeOf(locale)}`}
              >
                {LOCALE_AUTONYMS[locale]}
              </span>
            ) : (
              <a
                href={getPathname({ href: pathIn(locale), locale })}
                lang={locale}
                hrefLang={locale}
                dir={directionOf(locale)}
                className={`${TARGET} font-system rounded text-gray-600 underline-offset-4 hover:bg-brand-soft hover:text-brand hover:underline ${sizeOf(locale)}`}
              >
                {LOCALE_AUTONYMS[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
