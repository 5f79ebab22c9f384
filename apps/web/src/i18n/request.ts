// Per-request next-intl configuration: the locale from the URL and its message catalogue.
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { NEWSROOM_TIME_ZONE } from "@minbar/i18n";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: NEWSROOM_TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
