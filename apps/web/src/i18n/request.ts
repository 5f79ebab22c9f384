// Per-request next-intl configuration: the locale from the URL and its message catalogue.
import { getRequestConfig } from "next-intl/server";
import { NEWSROOM_TIME_ZONE, isLocale } from "@minbar/i18n";
import { routing } from "./routing.ts";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: NEWSROOM_TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
