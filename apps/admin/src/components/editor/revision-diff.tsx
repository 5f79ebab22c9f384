"use client";
// The word diff between two revisions, below the editor: it brings itself into view and takes focus whenever a
// comparison is asked for, so the result of "compare" is never off screen.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { RevisionDiff as Diff } from "@minbar/db/editorial";
import { directionOf, type Locale } from "@minbar/i18n";
import { DiffSegments } from "./diff-segments.tsx";

export function RevisionDiff({ diff, locale }: { diff: Pick<Diff, "from" | "to" | "segments">; locale: Locale }) {
  const t = useTranslations("Editor.diff");
  const ref = useRef<HTMLElement>(null);
  const from = diff.from.number;
  const to = diff.to.number;
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: "start", behavior: "instant" });
  }, [from, to]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="diff-title"
      className="rounded border border-gray-200 bg-white p-4 focus:outline-2 focus:outline-brand lg:col-span-2"
    >
      <h2 id="diff-title" className="mb-2 font-semibold">
        {t("title", { from, to })}
      </h2>
      <p className="mb-2 text-xs text-gray-600">
        <ins className="bg-emerald-100 text-emerald-900 no-underline">{t("added")}</ins> ·{" "}
        <del className="bg-red-100 text-red-900">{t("removed")}</del>
      </p>
      <div
        lang={locale}
        dir={directionOf(locale)}
        className="whitespace-pre-wrap leading-loose"
        data-testid="revision-diff"
      >
        <DiffSegments segments={diff.segments} />
      </div>
    </section>
  );
}
