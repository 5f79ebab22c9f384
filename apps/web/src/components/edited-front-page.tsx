// The front page as the editors arranged it: the lead story large, the top stories, then a row per chosen section
// with its heading linking to the section's page in this edition.
import type { PublicArticleSummary, PublicFrontPage } from "@minbar/db/public";
import { formatPublicationDate, publicationDateTime, type Locale } from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { articlePath } from "../lib/published-content.ts";
import { ArticleList } from "./article-list.tsx";
import { Thumbnail } from "./library-image.tsx";

function Lead({ story, locale }: { story: PublicArticleSummary; locale: Locale }) {
  return (
    <article lang={story.locale} className="border-b border-gray-200 pb-6" data-slot="lead">
      {story.thumbnail ? (
        <Thumbnail image={story.thumbnail} size={160} className="float-end ms-4 mb-2 size-28 rounded sm:size-40" />
      ) : null}
      <h2 className="text-3xl font-bold leading-tight">
        <Link href={articlePath(story)} className="hover:text-brand hover:underline">
          {story.title}
        </Link>
      </h2>
      <time
        dateTime={publicationDateTime(story.publishedAt, story.publishedDateOnly)}
        className="mt-2 block text-sm text-gray-500"
      >
        {formatPublicationDate(story.publishedAt, locale, { dateOnly: story.publishedDateOnly })}
      </time>
      {story.lead ? <p className="mt-3 text-lg text-gray-700">{story.lead}</p> : null}
    </article>
  );
}

export function EditedFrontPage({ page, locale, title }: { page: PublicFrontPage; locale: Locale; title: string }) {
  return (
    <>
      <h1 className="sr-only">{title}</h1>
      {page.lead ? <Lead story={page.lead} locale={locale} /> : null}
      {page.top.length > 0 ? (
        <div data-slot="top">
          <ArticleList items={page.top} locale={locale} />
        </div>
      ) : null}
      {page.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="mt-8" data-slot="section">
          <h2 id={`section-${section.id}`} className="border-b-2 border-brand pb-1 text-xl font-bold">
            <Link href={`/sections/${encodeURIComponent(section.slug)}`} className="hover:text-brand hover:underline">
              {section.name}
            </Link>
          </h2>
          <ArticleList items={section.items} locale={locale} />
        </section>
      ))}
    </>
  );
}
