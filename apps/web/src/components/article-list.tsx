// A list of article summaries (headline, date, lead, the lead photo's thumbnail), as the front page, agency and tag pages show them.
import type { PublicArticleSummary } from "@minbar/db/public";
import { formatPublicationDate, publicationDateTime, type Locale } from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { articlePath } from "../lib/published-content.ts";
import { Thumbnail } from "./library-image.tsx";

export function ArticleList({ items, locale }: { items: PublicArticleSummary[]; locale: Locale }) {
  return (
    <ol className="divide-y divide-gray-200">
      {items.map((item) => (
        <li key={item.id} className="py-5">
          <article lang={item.locale} className="flex items-start gap-4">
            <div className="min-w-0 flex-1">
              <h2 className="text-xl font-bold leading-snug">
                <Link href={articlePath(item)} className="hover:text-brand hover:underline">
                  {item.title}
                </Link>
              </h2>
              <time
                dateTime={publicationDateTime(item.publishedAt, item.publishedDateOnly)}
                className="mt-1 block text-sm text-gray-500"
              >
                {formatPublicationDate(item.publishedAt, locale, { dateOnly: item.publishedDateOnly })}
              </time>
              {item.lead ? <p className="mt-2 line-clamp-3 text-gray-700">{item.lead}</p> : null}
            </div>
            {item.thumbnail ? (
              <Thumbnail image={item.thumbnail} size={112} className="size-20 shrink-0 rounded sm:size-28" />
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
