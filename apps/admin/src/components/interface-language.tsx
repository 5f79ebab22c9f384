// The interface-language choice: one small form, works without JavaScript.
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_AUTONYMS, directionOf } from "@minbar/i18n";
import { chooseLocaleAction } from "../lib/locale-actions.ts";

export async function InterfaceLanguage() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("App")]);
  return (
    <form action={chooseLocaleAction} aria-label={t("language")} className="flex items-center gap-2 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          dir={directionOf(locale)}
          aria-pressed={locale === current}
          className={
            locale === current
              ? "rounded bg-brand px-2 py-1 font-semibold text-white"
              : "rounded px-2 py-1 text-gray-700 hover:bg-brand-soft"
          }
        >
          {LOCALE_AUTONYMS[locale]}
        </button>
      ))}
    </form>
  );
}
