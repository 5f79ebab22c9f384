// Per-request next-intl configuration of the admin: the interface language from its cookie, Arabic by default.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { NEWSROOM_TIME_ZONE } from "@minbar/i18n";
import { loadMessages } from "./catalogues.ts";
import { LOCALE_COOKIE, localeFromCookie } from "./locale-cookie.ts";

export default getRequestConfig(async () => {
  const locale = localeFromCookie((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, timeZone: NEWSROOM_TIME_ZONE, messages: await loadMessages(locale) };
});
