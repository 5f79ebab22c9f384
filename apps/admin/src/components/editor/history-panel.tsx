// The history of one text: its workflow moves (a withdrawal said as such), restored revisions and review comments,
// with the comment form below.
import { getTranslations } from "next-intl/server";
import type { WorkflowHistoryEntry } from "@minbar/db/editorial";
import { CommentForm } from "./small-actions.tsx";

export async function HistoryPanel({
  articleId,
  localizationId,
  history,
  when,
}: {
  articleId: number;
  localizationId: number;
  history: WorkflowHistoryEntry[];
  when: (date: Date) => string;
}) {
  const [t, tr, tStatus] = await Promise.all([
    getTranslations("Editor"),
    getTranslations("EditorRevisions"),
    getTranslations("Status"),
  ]);
  return (
    <section aria-labelledby="history-title" className="rounded border border-gray-200 bg-white p-3">
      <h2 id="history-title" className="mb-2 font-semibold">
        {t("history.title")}
      </h2>
      <ol className="space-y-2 text-sm">
        {history.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} className="border-b border-gray-100 pb-2">
            <p className="text-gray-600">
              {entry.actor ? <bdi>{entry.actor.name}</bdi> : t("history.system")} ·{" "}
              <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time>
            </p>
            {entry.kind === "move" ? (
              <p>
                {entry.action === "article.withdraw" && entry.from
                  ? tr("historyWithdrawn", { from: tStatus(entry.from), to: tStatus(entry.to) })
                  : entry.from
                    ? t("history.move", { from: tStatus(entry.from), to: tStatus(entry.to) })
                    : t("history.created", { to: tStatus(entry.to) })}
                {entry.comment && entry.actor ? (
                  <span className="block text-gray-700" dir="auto">
                    «{entry.comment}»
                  </span>
                ) : null}
              </p>
            ) : entry.kind === "restore" ? (
              <p>
                {entry.restoredFromNumber !== null
                  ? tr("historyRestored", { from: entry.restoredFromNumber, to: entry.number })
                  : `${t("revisions.origin.restore")} · ${t("revisions.number", { number: entry.number })}`}
              </p>
            ) : (
              <p dir="auto" className="whitespace-pre-line rounded bg-amber-50 p-2">
                {entry.body}
              </p>
            )}
          </li>
        ))}
      </ol>
      <CommentForm articleId={articleId} localizationId={localizationId} />
    </section>
  );
}
