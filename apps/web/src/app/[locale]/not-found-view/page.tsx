// The localized 404 as a page of its own, in the edition's frame, rendered once per language and cached. Sent by
// server/plain-html.ts, with status 404, in place of Next's error document, blank without JavaScript
// (docs/decisions/0013-localized-404-in-place-of-next-error-document.md). Asked for directly, it answers 404 too.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@minbar/i18n";
import { notFound } from "next/navigation";
import { NotFoundNotice } from "../../../components/not-found-notice.tsx";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string }[] {
  return [];
}

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "NotFound" });
  return { title: t("title"), robots: { index: false } };
}

export default async function NotFoundView({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <NotFoundNotice />;
}
