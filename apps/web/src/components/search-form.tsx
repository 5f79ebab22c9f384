// A plain GET form to the search page: it works without JavaScript and ships none.
import { getTranslations } from "next-intl/server";
import { MAX_QUERY_LENGTH } from "@minbar/db/public";
import type { Locale } from "@minbar/i18n";
import { getPathname } from "../i18n/navigation.ts";

type SearchFormProps = {
  locale: Locale;
  /** Distinguishes the header's form from the search page's own, for ids and landmark names. */
  id: string;
  label?: string;
  defaultValue?: string;
  size?: "compact" | "large";
};

export async function SearchForm({ locale, id, label, defaultValue, size = "compact" }: SearchFormProps) {
  const t = await getTranslations({ locale, namespace: "Search" });
  const name = label ?? t("label");
  const inputId = `${id}-q`;
  const large = size === "large";
  return (
    <form
      role="search"
      aria-label={name}
      action={getPathname({ href: "/search", locale })}
      method="get"
      className="flex items-stretch gap-2"
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
          large ? "w-full py-2 text-lg" : "w-44 py-1 text-sm sm:w-56"
        }`}
      />
      <button
        type="submit"
        className={`shrink-0 rounded bg-brand px-3 font-semibold text-white hover:bg-brand/90 focus:outline-none focus:ring-2 focus:ring-brand-soft ${
          large ? "py-2" : "py-1 text-sm"
        }`}
      >
        {t("submit")}
      </button>
    </form>
  );
}
