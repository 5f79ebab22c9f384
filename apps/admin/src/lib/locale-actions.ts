"use server";
// Chooses the admin interface language: kept in a cookie for this browser and, when signed in, with the account,
// so the next sign-in anywhere opens in it. Chosen before signing in, it becomes the account's language at sign-in.
import { revalidatePath } from "next/cache";
import { isLocale } from "@minbar/i18n";
import { setInterfaceLanguage } from "@minbar/db/accounts";
import { getDb } from "../db.ts";
import { rememberInterfaceLanguage } from "../i18n/locale-cookie.ts";
import { findActor } from "./actor.ts";

export async function chooseLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const actor = await findActor();
  await rememberInterfaceLanguage(locale, { chosenBeforeSignIn: !actor });
  if (actor) await setInterfaceLanguage(getDb(), actor, locale);
  revalidatePath("/", "layout");
}
