"use client";
// The revisions of one text: a list that follows each autosave, two selectors to compare (never one revision with
// itself), and restoring an old one after a confirmation that names it.
import { useEffect, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { isolate } from "@minbar/i18n";
import { restoreRevisionAction } from "../../app/articles/actions.ts";
import { listRevisionsAction } from "../../lib/revision-actions.ts";
import type { RevisionRow } from "../../lib/revision-rows.ts";
import { useErrorText, type EditorError } from "./error-text.ts";
import { onSaved } from "./saved-events.ts";

type Props = {
  articleId: number;
  localizationId: number;
  /** The text's version as the page was rendered; autosaves move it on (see saved-events.ts). */
  version: number;
  canEdit: boolean;
  revisions: RevisionRow[];
  /** The revisions the page's diff compares, if any (from the address). */
  compared: { from: number; to: number } | null;
};

const newest = (rows: RevisionRow[]) => rows[0]?.number ?? 0;

/** The newest two by default: the previous revision against the latest. */
function defaultPair(rows: RevisionRow[]): { from: string; to: string } {
  return { from: String(rows[1]?.id ?? ""), to: String(rows[0]?.id ?? "") };
}

export function RevisionsPanel({ articleId, localizationId, version, canEdit, revisions, compared }: Props) {
  const t = useTranslations("Editor.revisions");
  const tr = useTranslations("EditorRevisions");
  const errorText = useErrorText();
  const router = useRouter();
  const pathname = usePathname();
  // The list as fetched after an autosave; a later render of the page (after a move or a restore) may be newer.
  const [fetched, setFetched] = useState<RevisionRow[]>([]);
  const rows = newest(fetched) > newest(revisions) ? fetched : revisions;
  const [savedVersion, setSavedVersion] = useState(version);
  const current = Math.max(version, savedVersion);
  // Until someone picks revisions by hand, the selectors follow the list: previous against latest.
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(() =>
    compared && compared.from !== compared.to ? { from: String(compared.from), to: String(compared.to) } : null,
  );
  const pair = chosen ?? defaultPair(rows);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<EditorError | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(
    () =>
      onSaved((saved) => {
        if (saved.localizationId !== localizationId) return;
        setSavedVersion((held) => Math.max(held, saved.version));
        void listRevisionsAction(localizationId).then((result) => {
          if (result.ok) setFetched((held) => (newest(result.value) >= newest(held) ? result.value : held));
        });
      }),
    [localizationId],
  );

  const choose = (end: "from" | "to", id: string) => setChosen({ ...pair, [end]: id });

  const restore = (revision: RevisionRow) =>
    startTransition(async () => {
      setError(null);
      setNotice(null);
      const result = await restoreRevisionAction({
        articleId,
        localizationId,
        revisionId: revision.id,
        expectedVersion: current,
      });
      setConfirming(null);
      if (!result.ok) return setError(result.error);
      if (result.value.status === "conflict") return setError({ code: "stale" });
      if (result.value.status === "slug_taken") return setError({ code: "slug_taken" });
      setSavedVersion(result.value.localization.version);
      setNotice(tr("restored", { from: revision.number, to: result.value.revision.number }));
      // The page renders again with the restored text in the editor (its key names the latest restore).
      router.refresh();
    });

  const same = pair.from === pair.to;
  const latest = newest(rows);
  return (
    <section aria-labelledby="revisions-title" className="rounded border border-gray-200 bg-white p-3">
      <h2 id="revisions-title" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      {notice ? (
        <p role="status" className="mb-2 rounded bg-emerald-50 p-2 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-2 text-sm font-semibold text-red-700">
          {errorText(error)}
        </p>
      ) : null}
      {rows.length < 2 ? (
        <p className="mb-3 text-sm text-gray-600">{tr("selectorsHint")}</p>
      ) : (
        <form
          className="mb-3 flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(event) => {
            event.preventDefault();
            if (same) return;
            // The diff renders below the page; it brings itself into view (revision-diff.tsx).
            router.push(`${pathname}?from=${pair.from}&to=${pair.to}`, { scroll: false });
          }}
        >
          {(["from", "to"] as const).map((end) => (
            <label key={end}>
              <span className="block">{t(end)}</span>
              <select
                name={end}
                value={pair[end]}
                onChange={(event) => choose(end, event.target.value)}
                className="rounded border border-gray-300 bg-white px-1 py-0.5"
              >
                {rows.map((revision) => (
                  <option key={revision.id} value={revision.id}>
                    {t("number", { number: revision.number })}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button
            type="submit"
            disabled={same}
            className="rounded border border-gray-400 bg-white px-2 py-0.5 disabled:opacity-50"
          >
            {t("compare")}
          </button>
          {same ? <span className="basis-full text-amber-800">{tr("sameRevision")}</span> : null}
        </form>
      )}
      <ol className="max-h-80 space-y-2 overflow-y-auto text-sm" data-testid="revision-list">
        {rows.map((revision) => (
          <li key={revision.id} className="border-b border-gray-100 pb-2">
            <p>
              <span className="font-semibold">{t("number", { number: revision.number })}</span>{" "}
              <span className="text-gray-600">{t(`origin.${revision.origin}`)}</span>
              {revision.restoredFromNumber !== null ? (
                <span className="text-gray-600"> · {tr("restoredFrom", { number: revision.restoredFromNumber })}</span>
              ) : null}
              {!revision.applied ? <span className="ms-1 text-amber-800">({t("notApplied")})</span> : null}
            </p>
            <p className="text-gray-600">
              {revision.author ? t("by", { name: isolate(revision.author) }) : t("byImporter")} ·{" "}
              <time dateTime={revision.at}>{revision.when}</time>
            </p>
            {canEdit && revision.number !== latest ? (
              confirming === revision.id ? (
                <div role="group" aria-label={t("restore")} className="mt-1 rounded bg-amber-50 p-2">
                  <p className="mb-1">{tr("confirmQuestion", { number: revision.number })}</p>
                  <div className="flex gap-2">
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => restore(revision)}
                      className="rounded bg-brand px-2 py-0.5 text-xs font-semibold text-white disabled:opacity-50"
                    >
                      {tr("confirm")}
                    </button>
                    <button
                      type="button"
                      onClick={() => setConfirming(null)}
                      className="rounded border border-gray-300 bg-white px-2 py-0.5 text-xs"
                    >
                      {tr("cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => setConfirming(revision.id)}
                  className="mt-1 rounded border border-gray-300 px-2 py-0.5 text-xs hover:bg-gray-50 disabled:opacity-50"
                >
                  {t("restore")}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
