// The front page of a language edition, its first page; the next ones are page/[n].
// Rendered on the first visit, then served from the cache until POST /api/revalidate drops the front-page tag (a story
// published, changed or withdrawn). Nothing is built ahead: the build runs without a database.
import type { Metadata } from "next";
import { FrontPage, frontPageMetadata } from "../../components/front-page.tsx";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string }[] {
  return [];
}

type HomeProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: HomeProps): Promise<Metadata> {
  return frontPageMetadata((await params).locale, 1);
}

export default async function HomePage({ params }: HomeProps) {
  const { locale } = await params;
  return <FrontPage locale={locale} page={1} />;
}
