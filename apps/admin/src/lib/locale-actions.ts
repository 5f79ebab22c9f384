"use server";
// Chooses the admin interface language: kept in a cookie for this browser and, when signed in, with the account,
// so the next sign-in anywhere opens in it.
import { revalidatePath } from "next/cache";
import { isLocale } from "@minbar/i18n";
import { setInterfaceLanguage } from "@minbar/db/accounts";
import { getDb } from "../db.ts";
import { rememberInterfaceLanguage } from "../i18n/locale-cookie.ts";
import { findActor } from "./actor.ts";

export async function chooseLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  await rememberInterfaceLanguage(locale);
  const actor = await findActor();
  if (actor) await setInterfaceLanguage(getDb(), actor, locale);
  revalidatePath("/", "layout");
}
