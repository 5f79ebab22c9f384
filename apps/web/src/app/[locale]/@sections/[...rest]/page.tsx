// The header's section links as a parallel route, like the language switcher beside it: a layout is not told the
// current path, a catch-all slot is, so the current section is marked (aria-current) without client JavaScript.
// Read under the `sections` cache tag, so every page is refreshed when a section changes, and only then.
import { isLocale } from "@minbar/i18n";
import { SectionNav } from "../../../../components/section-nav.tsx";
import { listNavSections, parseSlugSegment } from "../../../../lib/published-content.ts";

type SectionsSlotProps = { params: Promise<{ locale: string; rest?: string[] }> };

export default async function SectionsSlot({ params }: SectionsSlotProps) {
  const { locale, rest } = await params;
  if (!isLocale(locale)) return null;
  const segments = rest ?? [];
  const current = segments[0] === "sections" && segments[1] ? parseSlugSegment(segments[1]) : null;
  return <SectionNav locale={locale} sections={await listNavSections()} currentSlug={current} />;
}
