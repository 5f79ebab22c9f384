// /sections/{slug}/page/{N}: the further pages of ../../page.tsx, cached the same way.
export { default, generateMetadata } from "../../page.tsx";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string; slug: string; n: string }[] {
  return [];
}
