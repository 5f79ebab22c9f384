// What the accounts pages share: reading through a use case that may refuse, the localized "not allowed" notice,
// and a role's name in the interface language.
import "server-only";
import { getTranslations } from "next-intl/server";
import { ForbiddenError } from "@minbar/db";
import type { Locale } from "@minbar/i18n";

/** The use case's answer, or "forbidden" when the actor lacks the permission (the use case decides, not the page). */
export async function orForbidden<T>(read: () => Promise<T>): Promise<T | "forbidden"> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ForbiddenError) return "forbidden";
    throw error;
  }
}

export async function NotAllowed({ title }: { title: string }) {
  const t = await getTranslations("Accounts");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{title}</h1>
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        {t("forbidden")}
      </p>
    </>
  );
}

type NamedRole = { nameAr: string; nameRu: string; nameEn: string };

export function roleName(role: NamedRole, locale: Locale): string {
  return locale === "ar" ? role.nameAr : locale === "ru" ? role.nameRu : role.nameEn;
}
