"use server";
// Chooses the admin interface language (stored in a cookie; the page re-renders in it).
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale } from "@minbar/i18n";
import { LOCALE_COOKIE } from "../i18n/locale-cookie";

export async function chooseLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
  revalidatePath("/", "layout");
}
