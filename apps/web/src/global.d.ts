// Type-checks next-intl message keys and locales against the Arabic catalogue.
import type { Locale } from "@minbar/i18n";
import type messages from "../messages/ar.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
