// A list of article summaries (headline, date, lead, the lead photo's thumbnail), as the front page, agency and tag pages show them.
import type { ReactNode } from "react";
import type { PublicArticleSummary } from "@minbar/db/public";
import { formatPublicationDate, publicationDateTime, type Locale } from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { articlePath } from "../lib/published-content.ts";
import { Thumbnail } from "./library-image.tsx";

type Listed = Pick<PublicArticleSummary, "id" | "locale" | "slug" | "publishedAt" | "publishedDateOnly" | "thumbnail">;

/** One story in a listing: its headline as a link, its date, a line of text, and its lead photo's thumbnail. */
export function ListedArticle({
  item,
  locale,
  title,
  text,
}: {
  item: Listed;
  locale: Locale;
  title: ReactNode;
  text: ReactNode;
}) {
  return (
    <li className="py-5">
      <article lang={item.locale} className="flex items-start gap-4">
        <div className="min-w-0 flex-1">
          <h2 className="text-xl font-bold leading-snug">
            <Link href={articlePath(item)} className="hover:text-brand hover:underline">
              {title}
            </Link>
          </h2>
          <time
            dateTime={publicationDateTime(item.publishedAt, item.publishedDateOnly)}
            className="mt-1 block text-sm text-gray-500"
          >
            {formatPublicationDate(item.publishedAt, locale, { dateOnly: item.publishedDateOnly })}
          </time>
          {text}
        </div>
        {item.thumbnail ? (
          <Thumbnail image={item.thumbnail} size={112} className="size-20 shrink-0 rounded sm:size-28" />
        ) : null}
      </article>
    </li>
  );
}

export function ArticleList({ items, locale }: { items: PublicArticleSummary[]; locale: Locale }) {
  return (
    <ol className="divide-y divide-gray-200">
      {items.map((item) => (
        <ListedArticle
          key={item.id}
          item={item}
          locale={locale}
          title={item.title}
          text={item.lead ? <p className="mt-2 line-clamp-3 text-gray-700">{item.lead}</p> : null}
        />
      ))}
    </ol>
  );
}
