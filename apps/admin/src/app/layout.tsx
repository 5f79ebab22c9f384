// The admin's frame: <html lang dir> follows the chosen interface language; the header carries the language choice
// and, when signed in, the sections this user may open.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf } from "@minbar/i18n";
import { InterfaceLanguage } from "../components/interface-language.tsx";
import { MainNav } from "../components/main-nav.tsx";
import { findActor } from "../lib/actor.ts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("App");
  return { title: t("name"), robots: { index: false, follow: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [locale, t, actor] = await Promise.all([getLocale(), getTranslations("App"), findActor()]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-stone-100 text-gray-900 antialiased">
        <NextIntlClientProvider>
          <header className="border-b border-gray-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
              <p className="text-lg font-bold text-brand">{t("name")}</p>
              <InterfaceLanguage />
            </div>
            {actor ? (
              <div className="mx-auto max-w-6xl px-4 pb-2">
                <MainNav actor={actor} />
              </div>
            ) : null}
          </header>
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
