// A plain GET form to the search page: it works without JavaScript and ships none. Field and button are at least
// 44 px tall (WCAG 2.2's aim for a main control), and the field's text is 16 px so phones do not zoom in on focus.
import { getTranslations } from "next-intl/server";
import { MAX_QUERY_LENGTH } from "@minbar/db/public";
import type { Locale } from "@minbar/i18n";
import { getPathname } from "../i18n/navigation.ts";

type SearchFormProps = {
  locale: Locale;
  /** The header's form or the search page's own (a page shows one of them), for ids. */
  id: string;
  defaultValue?: string;
  size?: "compact" | "large";
};

export async function SearchForm({ locale, id, defaultValue, size = "compact" }: SearchFormProps) {
  const t = await getTranslations({ locale, namespace: "Search" });
  const name = t("label");
  const inputId = `${id}-q`;
  const large = size === "large";
  return (
    <form
      role="search"
      aria-label={name}
      action={getPathname({ href: "/search", locale })}
      method="get"
      className={`flex items-stretch gap-2 ${large ? "" : "w-full sm:w-auto"}`}
    >
      <label htmlFor={inputId} className="sr-only">
        {name}
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t("placeholder")}
        autoComplete="off"
        className={`min-w-0 rounded border border-gray-300 bg-white px-3 text-start focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand-soft ${
          large ? "h-12 w-full text-lg" : "h-11 flex-1 text-base sm:w-56 sm:flex-none"
        }`}
      />
      <button
        type="submit"
        className={`min-w-11 shrink-0 rounded bg-brand px-4 font-semibold text-white hover:bg-brand/90 focus:outline-none focus:ring-2 focus:ring-brand-soft ${
          large ? "h-12" : "h-11"
        }`}
      >
        {t("submit")}
      </button>
    </form>
  );
}
