// The localized 404 as a page of its own, in the edition's frame. For a notFound() on a page rendered per request, Next
// sends an empty <html id="__next_error__"> that only its client runtime fills in (vercel/next.js#62228), blank for
// readers and crawlers without JavaScript. server/plain-html.ts sends this page in its place, with status 404; asked
// for directly, it answers 404 too. Rendered once per language, then cached.
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
