// Where the admin keeps the chosen interface language: a cookie, since admin URLs carry no locale. Set when the user
// chooses a language and at sign-in from the account's own choice. A choice made before signing in (on the sign-in
// page, or a one-time link's page) is marked by a second cookie, so that at sign-in it becomes the account's language
// rather than giving way to the one saved with the account.
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@minbar/i18n";

export const LOCALE_COOKIE = "minbar_admin_locale";
export const LOCALE_CHOSEN_COOKIE = "minbar_admin_locale_chosen";

export const LOCALE_COOKIE_OPTIONS = {
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
  sameSite: "lax",
  httpOnly: true,
} as const;

/** Lives only until the browser closes or someone signs in. */
export const LOCALE_CHOSEN_COOKIE_OPTIONS = { path: "/", sameSite: "lax", httpOnly: true } as const;

export function localeFromCookie(value: string | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Only where cookies may be written: server actions and route handlers. */
export async function rememberInterfaceLanguage(locale: Locale, { chosenBeforeSignIn = false } = {}): Promise<void> {
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
  if (chosenBeforeSignIn) store.set(LOCALE_CHOSEN_COOKIE, "1", LOCALE_CHOSEN_COOKIE_OPTIONS);
  else store.delete(LOCALE_CHOSEN_COOKIE);
}

/** The language chosen in this browser before signing in, if one was. */
export async function chosenBeforeSignIn(): Promise<Locale | null> {
  const store = await cookies();
  if (!store.get(LOCALE_CHOSEN_COOKIE)) return null;
  const value = store.get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : null;
}
