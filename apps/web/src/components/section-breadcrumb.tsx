// The article's place on the site, above its headline: on its public page and in its preview alike.
import { Link } from "../i18n/navigation.ts";

export /** Home → section, above the headline (the JSON-LD carries the same path, with the article). */
function SectionBreadcrumb({
  label,
  home,
  section,
}: {
  label: string;
  home: string;
  section: { name: string; path: string };
}) {
  return (
    <nav aria-label={label} className="mb-2 text-sm text-gray-600">
      <ol className="flex flex-wrap items-center gap-x-1">
        <li>
          <Link href="/" className="inline-flex min-h-11 items-center underline-offset-4 hover:underline">
            {home}
          </Link>
        </li>
        <li aria-hidden="true">›</li>
        <li>
          <Link
            href={section.path}
            className="inline-flex min-h-11 items-center font-semibold text-brand underline-offset-4 hover:underline"
          >
            {section.name}
          </Link>
        </li>
      </ol>
    </nav>
  );
}
