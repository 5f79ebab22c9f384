// The front page's further pages, /page/{N}: cached like the first (../../page.tsx); /page/1 is the front page itself.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale } from "@minbar/i18n";
import { FrontPage, frontPageMetadata } from "../../../../components/front-page.tsx";
import { permanentRedirect } from "../../../../i18n/navigation.ts";
import { parsePageSegment } from "../../../../lib/published-content.ts";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string; n: string }[] {
  return [];
}

type HomePageNProps = { params: Promise<{ locale: string; n: string }> };

export async function generateMetadata({ params }: HomePageNProps): Promise<Metadata> {
  const { locale, n } = await params;
  return frontPageMetadata(locale, parsePageSegment(n) ?? 1);
}

export default async function HomePageN({ params }: HomePageNProps) {
  const { locale, n } = await params;
  const page = parsePageSegment(n);
  if (page === null || !isLocale(locale)) notFound();
  if (page === 1) permanentRedirect({ href: "/", locale });
  return <FrontPage locale={locale} page={page} />;
}
