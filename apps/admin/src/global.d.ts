// Type-checks next-intl message keys and locales against the Arabic catalogues (core plus each feature's).
import type { Locale } from "@minbar/i18n";
import type core from "../messages/ar.json";
import type accounts from "../messages/accounts/ar.json";
import type conventions from "../messages/conventions/ar.json";
import type editor from "../messages/editor/ar.json";
import type editorFlow from "../messages/editorflow/ar.json";
import type imports from "../messages/import/ar.json";
import type audit from "../messages/audit/ar.json";
import type roles from "../messages/roles/ar.json";
import type revisions from "../messages/revisions/ar.json";
import type names from "../messages/names/ar.json";
import type translation from "../messages/translation/ar.json";
import type media from "../messages/media/ar.json";
import type changes from "../messages/changes/ar.json";
import type sections from "../messages/sections/ar.json";
import type frontPage from "../messages/frontpage/ar.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof core &
      typeof editor &
      typeof accounts &
      typeof imports &
      typeof audit &
      typeof roles &
      typeof revisions &
      typeof editorFlow &
      typeof conventions &
      typeof names &
      typeof translation &
      typeof media &
      typeof changes &
      typeof sections &
      typeof frontPage;
  }
}
