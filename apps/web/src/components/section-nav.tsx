// The site's sections in the header, in the editors' order and each edition's names; the section being read is
// marked for assistive technology (aria-current) and visibly.
import { getTranslations } from "next-intl/server";
import type { PublicSection } from "@minbar/db/public";
import type { Locale } from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { sectionPath } from "../lib/published-content.ts";

type SectionNavProps = { locale: Locale; sections: PublicSection[]; currentSlug: string | null };

export async function SectionNav({ locale, sections, currentSlug }: SectionNavProps) {
  if (sections.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <nav aria-label={t("sections")} className="border-t border-gray-200">
      <ul className="mx-auto flex max-w-4xl flex-wrap gap-x-2 px-4 text-sm font-semibold">
        {sections.map((section) => {
          const current = section.slugs[locale] === currentSlug;
          return (
            <li key={section.id}>
              <Link
                href={sectionPath(section.slugs[locale])}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center px-2 underline-offset-4 hover:text-brand hover:underline ${
                  current ? "text-brand underline" : "text-gray-800"
                }`}
              >
                {section.names[locale]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
