// /front-page: an edition's front page desk (frontpage.manage) and its breaking-news banner (breaking.manage). Each
// part is loaded through its use case, which checks the permission; holding neither answers 403.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadBreakingBanner, loadFrontPageForEditing } from "@minbar/db/editorial";
import { can } from "@minbar/db/permissions";
import {
  formatDateTime,
  isLocale,
  type Locale,
  LOCALES,
  NEWSROOM_TIME_ZONE,
  newsroomTimeZoneName,
  wallTimeOf,
} from "@minbar/i18n";
import { forbidden } from "next/navigation";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { ArrangementDesk } from "./arrangement-desk.tsx";
import { BreakingForm } from "./breaking-form.tsx";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function FrontPageDeskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const mayArrange = can(actor, "frontpage.manage");
  const mayBreak = can(actor, "breaking.manage");
  if (!mayArrange && !mayBreak) forbidden();
  const asked = (await searchParams).edition;
  const edition: Locale = typeof asked === "string" && isLocale(asked) ? asked : "ar";
  const uiLocale = await getLocale();
  const [t, tLocales, editing, banner] = await Promise.all([
    getTranslations("FrontPageDesk"),
    getTranslations("Locales"),
    mayArrange ? orForbidden(() => loadFrontPageForEditing(getDb(), actor, { locale: edition })) : null,
    mayBreak ? orForbidden(() => loadBreakingBanner(getDb(), actor, { locale: edition })) : null,
  ]);
  const zone = newsroomTimeZoneName(uiLocale);
  const titleOf = (articleId: number) =>
    editing?.stories.find((story) => story.articleId === articleId)?.title ?? `#${articleId}`;
  const draft = editing?.draft.layout;
  const stories = draft
    ? [draft.lead, ...draft.top].flatMap((slot) =>
        slot
          ? [
              {
                articleId: slot.articleId,
                title: titleOf(slot.articleId),
                pinnedUntil: slot.pinnedUntil ? wallTimeOf(new Date(slot.pinnedUntil), NEWSROOM_TIME_ZONE) : "",
              },
            ]
          : [],
      )
    : [];

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-gray-600">{t("intro")}</p>
      <nav aria-label={t("editions")} className="mb-4">
        <ul className="flex flex-wrap gap-1 text-sm">
          {LOCALES.map((locale) => (
            <li key={locale}>
              <Link
                href={`/front-page?edition=${locale}`}
                aria-current={locale === edition ? "page" : undefined}
                className="rounded border border-gray-300 px-3 py-1 aria-[current=page]:bg-brand aria-[current=page]:text-white"
              >
                {tLocales(locale)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {mayBreak ? (
        <div className="mb-6">
          <BreakingForm
            key={edition}
            edition={edition}
            timeZoneName={zone}
            current={
              banner?.active
                ? { text: banner.text, ends: banner.endsAt ? formatDateTime(banner.endsAt, uiLocale) : null }
                : null
            }
          />
        </div>
      ) : null}
      {editing ? (
        <>
          <p className="mb-4 text-sm text-gray-700" data-testid="live-state">
            {editing.live?.publishedAt
              ? t("liveSince", { time: formatDateTime(editing.live.publishedAt, uiLocale) })
              : t("noLive")}
          </p>
          <ArrangementDesk
            key={edition}
            edition={edition}
            version={editing.draft.version}
            stories={stories}
            sections={editing.draft.layout.sections.map((row) => row.sectionId)}
            sectionChoices={editing.sections}
            scheduled={editing.scheduled.map((row) => ({
              id: row.id,
              label: t("scheduledLabel", { time: formatDateTime(row.goLiveAt, uiLocale) }),
            }))}
            timeZoneName={zone}
          />
        </>
      ) : null}
    </>
  );
}
