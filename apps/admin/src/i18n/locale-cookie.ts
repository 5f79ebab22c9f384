// Where the admin keeps the chosen interface language: a cookie, since admin URLs carry no locale.
import { DEFAULT_LOCALE, isLocale, type Locale } from "@minbar/i18n";

export const LOCALE_COOKIE = "minbar_admin_locale";

export function localeFromCookie(value: string | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
