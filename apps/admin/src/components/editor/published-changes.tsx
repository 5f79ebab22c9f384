"use client";
// A published text's pending changes beside the editor: the word diff against what readers see, and publishing them
// (marked as a correction or an update, or not), scheduling, discarding, sending to review; and the text's time to
// come down. Each act saves the text on screen first; the server re-checks every permission.
import { useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { DiffSegment, LocalizationSnapshot } from "@minbar/db/editorial";
import { directionOf, formatDateTime, type Locale } from "@minbar/i18n";
import {
  discardChangesAction,
  publishChangesAction,
  returnChangesAction,
  scheduleChangesAction,
  setUnpublishAtAction,
  submitChangesAction,
  unscheduleChangesAction,
  type ChangeOutcome,
} from "../../app/articles/change-actions.ts";
import type { ActionResult } from "../../lib/action-result.ts";
import { DateTimeField } from "../date-time-field.tsx";
import { DiffSegments } from "./diff-segments.tsx";
import { useErrorText, type EditorError } from "./error-text.ts";

export type PublishedChangesView = {
  localizationId: number;
  locale: Locale;
  status: LocalizationSnapshot["status"];
  pending: LocalizationSnapshot["pending"];
  unpublishAt: Date | null;
  diff: DiffSegment[] | null;
  may: { publish: boolean; schedule: boolean; discard: boolean; submit: boolean; return: boolean };
  canScheduleUnpublish: boolean;
};

type Props = {
  view: PublishedChangesView;
  timeZoneName: string;
  /** Saves the text on screen; resolves to the version to act on, or null if it could not be saved. */
  beforeAct: () => Promise<number | null>;
  afterAct: (outcome: ChangeOutcome) => void;
};

type Mark = "none" | "update" | "correction";

export function PublishedChanges({ view, timeZoneName, beforeAct, afterAct }: Props) {
  const t = useTranslations("Changes");
  const uiLocale = useLocale();
  const errorText = useErrorText();
  const [mark, setMark] = useState<Mark>("none");
  const [note, setNote] = useState("");
  const [when, setWhen] = useState("");
  const [downAt, setDownAt] = useState("");
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; url: string | null } | null>(null);
  const { pending, may } = view;
  const dir = directionOf(view.locale);
  const when_ = (date: Date) => formatDateTime(date, uiLocale);

  const act = async (
    run: (expectedVersion: number) => Promise<ActionResult<ChangeOutcome>>,
    done: (outcome: ChangeOutcome) => string,
  ) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const version = await beforeAct();
      if (version === null) return;
      const result = await run(version);
      if (!result.ok) {
        const refused = result.error as EditorError;
        setError(refused.code === "invalid" && refused.detail === "note" ? t("noteRequired") : errorText(refused));
        return;
      }
      setNotice({ text: done(result.value), url: result.value.publicUrl });
      setConfirmingDiscard(false);
      setNote("");
      setMark("none");
      afterAct(result.value);
    } finally {
      setBusy(false);
    }
  };
  const target = (expectedVersion: number) => ({ localizationId: view.localizationId, expectedVersion });
  const marked = { mark, ...(note.trim() ? { note } : {}) };

  if (view.status !== "published" && view.status !== "scheduled") return null;

  return (
    <div className="space-y-3">
      {notice ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
          {notice.text}{" "}
          {notice.url ? (
            <a href={notice.url} target="_blank" rel="noopener" className="font-semibold underline">
              {t("viewLive")}
            </a>
          ) : null}
        </p>
      ) : null}
      {view.status === "published" && !pending ? (
        <p role="note" className="rounded bg-sky-50 p-2 text-sm text-sky-950" data-testid="published-note">
          {t("publishedNote")}
        </p>
      ) : null}

      {pending ? (
        <section
          aria-labelledby="pending-title"
          data-testid="pending-changes"
          className="space-y-3 rounded border-2 border-amber-400 bg-amber-50 p-3"
        >
          <h2 id="pending-title" className="font-semibold text-amber-950">
            {t("title")}
          </h2>
          <p className="text-sm">{t("since", { when: when_(pending.since) })}</p>
          {pending.submittedAt ? (
            <p className="text-sm">{t("submitted", { when: when_(pending.submittedAt) })}</p>
          ) : null}
          {pending.scheduledAt ? (
            <p className="text-sm font-semibold text-indigo-900">
              {t("scheduled", { when: when_(pending.scheduledAt), zone: timeZoneName })}
            </p>
          ) : null}
          {view.diff ? (
            <details open>
              <summary className="cursor-pointer text-sm font-semibold">{t("diffTitle")}</summary>
              <div
                lang={view.locale}
                dir={dir}
                data-testid="pending-diff"
                className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded border border-gray-200 bg-white p-2 text-sm"
              >
                <DiffSegments segments={view.diff} />
              </div>
            </details>
          ) : null}

          {may.publish ? (
            <fieldset className="space-y-1 text-sm">
              <legend className="font-semibold">{t("markLegend")}</legend>
              {(["none", "update", "correction"] as const).map((option) => (
                <label key={option} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="change-mark"
                    value={option}
                    checked={mark === option}
                    onChange={() => setMark(option)}
                  />
                  {t(option === "none" ? "markNone" : option === "update" ? "markUpdate" : "markCorrection")}
                </label>
              ))}
              {mark !== "none" ? (
                <label className="block pt-1">
                  <span className="mb-1 block">{t("note")}</span>
                  <textarea
                    value={note}
                    onChange={(event) => setNote(event.target.value)}
                    rows={2}
                    maxLength={500}
                    required={mark === "correction"}
                    lang={view.locale}
                    dir={dir}
                    className="w-full rounded border border-gray-300 bg-white px-2 py-1"
                  />
                </label>
              ) : null}
            </fieldset>
          ) : null}

          <div className="flex flex-wrap gap-2">
            {may.publish ? (
              <ActButton
                kind="primary"
                busy={busy}
                onClick={() =>
                  void act(
                    (v) => publishChangesAction({ ...target(v), ...marked }),
                    () => t("published"),
                  )
                }
              >
                {t("publish")}
              </ActButton>
            ) : null}
            {may.submit ? (
              <ActButton
                kind="primary"
                busy={busy}
                onClick={() =>
                  void act(
                    (v) => submitChangesAction(target(v)),
                    () => t("done"),
                  )
                }
              >
                {t("submit")}
              </ActButton>
            ) : null}
            {may.return ? (
              <ActButton
                kind="secondary"
                busy={busy}
                onClick={() =>
                  void act(
                    (v) => returnChangesAction(target(v)),
                    () => t("done"),
                  )
                }
              >
                {t("return")}
              </ActButton>
            ) : null}
            {may.discard && !confirmingDiscard ? (
              <ActButton kind="secondary" busy={busy} onClick={() => setConfirmingDiscard(true)}>
                {t("discard")}
              </ActButton>
            ) : null}
          </div>
          {confirmingDiscard ? (
            <div
              role="group"
              aria-label={t("discard")}
              className="space-y-2 rounded border border-red-300 bg-white p-2"
            >
              <p className="text-sm">{t("discardConfirm")}</p>
              <div className="flex gap-2">
                <ActButton
                  kind="danger"
                  busy={busy}
                  onClick={() =>
                    void act(
                      (v) => discardChangesAction(target(v)),
                      () => t("discarded"),
                    )
                  }
                >
                  {t("discardYes")}
                </ActButton>
                <button type="button" autoFocus className={KINDS.secondary} onClick={() => setConfirmingDiscard(false)}>
                  {t("keep")}
                </button>
              </div>
            </div>
          ) : null}

          {may.schedule ? (
            <div className="space-y-2 border-t border-amber-300 pt-2">
              {pending.scheduledAt ? (
                <ActButton
                  kind="secondary"
                  busy={busy}
                  onClick={() =>
                    void act(
                      (v) => unscheduleChangesAction(target(v)),
                      () => t("done"),
                    )
                  }
                >
                  {t("unschedule")}
                </ActButton>
              ) : (
                <>
                  <DateTimeField label={t("scheduleAt", { zone: timeZoneName })} value={when} onChange={setWhen} />
                  <ActButton
                    kind="secondary"
                    busy={busy}
                    disabled={busy || !when}
                    onClick={() =>
                      void act(
                        (v) => scheduleChangesAction({ ...target(v), ...marked, scheduledFor: when }),
                        () => t("done"),
                      )
                    }
                  >
                    {t("schedule")}
                  </ActButton>
                </>
              )}
            </div>
          ) : null}
        </section>
      ) : null}

      {view.canScheduleUnpublish ? (
        <section aria-labelledby="unpublish-title" className="space-y-2 rounded border border-gray-200 bg-gray-50 p-3">
          <h2 id="unpublish-title" className="font-semibold">
            {t("unpublishTitle")}
          </h2>
          {view.unpublishAt ? (
            <>
              <p className="text-sm" data-testid="unpublish-at">
                {t("unpublishWhen", { when: when_(view.unpublishAt), zone: timeZoneName })}
              </p>
              <ActButton
                kind="secondary"
                busy={busy}
                onClick={() =>
                  void act(
                    (v) => setUnpublishAtAction({ ...target(v), unpublishFor: null }),
                    () => t("done"),
                  )
                }
              >
                {t("unpublishClear")}
              </ActButton>
            </>
          ) : (
            <>
              <DateTimeField label={t("unpublishAt", { zone: timeZoneName })} value={downAt} onChange={setDownAt} />
              <ActButton
                kind="secondary"
                busy={busy}
                disabled={busy || !downAt}
                onClick={() =>
                  void act(
                    (v) => setUnpublishAtAction({ ...target(v), unpublishFor: downAt }),
                    () => t("done"),
                  )
                }
              >
                {t("unpublishSet")}
              </ActButton>
            </>
          )}
        </section>
      ) : null}

      {error ? (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const BUTTON = "rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-50";
const KINDS = {
  primary: `${BUTTON} bg-brand text-white`,
  secondary: `${BUTTON} border border-gray-400 bg-white`,
  danger: `${BUTTON} bg-red-700 text-white`,
} as const;

function ActButton({
  kind,
  busy,
  disabled = false,
  onClick,
  children,
}: {
  kind: keyof typeof KINDS;
  busy: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" disabled={busy || disabled} className={KINDS[kind]} onClick={onClick}>
      {children}
    </button>
  );
}
