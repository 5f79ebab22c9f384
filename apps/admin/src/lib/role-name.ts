// What the accounts pages share: a role's name in the interface language.
import type { Locale } from "@minbar/i18n";

type NamedRole = { nameAr: string; nameRu: string; nameEn: string };

export function roleName(role: NamedRole, locale: Locale): string {
  return locale === "ar" ? role.nameAr : locale === "ru" ? role.nameRu : role.nameEn;
}
