// Where the admin keeps the chosen interface language: a cookie, since admin URLs carry no locale. Set when the user
// chooses a language and at sign-in from the account's own choice.
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@minbar/i18n";

export const LOCALE_COOKIE = "minbar_admin_locale";

export function localeFromCookie(value: string | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Only where cookies may be written: server actions and route handlers. */
export async function rememberInterfaceLanguage(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: true,
  });
}
