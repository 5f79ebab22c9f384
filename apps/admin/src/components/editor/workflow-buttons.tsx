"use client";
// The workflow moves this user may make now. The server re-checks each one; the text is saved before moving.
// Publishing and scheduling, which reach readers, are confirmed first in a modal dialog.
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { directionOf, formatDateTime, type Locale, NEWSROOM_TIME_ZONE, zonedWallTime } from "@minbar/i18n";
import { moveAction, type MoveOutcome } from "../../app/articles/actions.ts";
import type { ActionError } from "../../lib/action-result.ts";
import { useErrorText } from "./error-text.ts";
import { DateTimeField } from "../date-time-field.tsx";

export type MoveOption = {
  to: "draft" | "in_review" | "approved" | "scheduled" | "published" | "unpublished" | "archived";
  action: string;
};

type Props = {
  localizationId: number;
  /** The text's language, for showing its title in the confirmation. */
  locale: Locale;
  title: string;
  moves: MoveOption[];
  /** The newsroom's time zone, named: the schedule is read in it on the server (see moveAction). */
  timeZoneName: string;
  /** Saves pending text; resolves to the version to move from, or null if the text could not be saved. */
  beforeMove: () => Promise<number | null>;
  afterMove: (outcome: MoveOutcome) => void;
};

const PRIMARY = new Set(["article.publish", "article.submit", "article.approve"]);
/** Moves that put the text before readers (or set the time they will): asked first. */
const CONFIRMED = new Set<MoveOption["to"]>(["published", "scheduled"]);

export function WorkflowButtons({ localizationId, locale, title, moves, timeZoneName, beforeMove, afterMove }: Props) {
  const t = useTranslations("Editor.workflow");
  const tFlow = useTranslations("EditorFlow.confirm");
  const tEditor = useTranslations("Editor");
  const uiLocale = useLocale();
  const errorText = useErrorText();
  const [comment, setComment] = useState("");
  const [when, setWhen] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [asking, setAsking] = useState<MoveOption | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const label = (move: MoveOption) => t(`moves.${move.action.replace("article.", "")}` as "moves.publish");

  const run = async (move: MoveOption) => {
    setBusy(true);
    setError(null);
    try {
      const version = await beforeMove();
      if (version === null) return;
      const result = await moveAction({
        localizationId,
        to: move.to,
        expectedVersion: version,
        ...(comment.trim() ? { comment } : {}),
        ...(move.to === "scheduled" && when ? { scheduledFor: when } : {}),
      });
      if (result.ok) {
        setComment("");
        afterMove(result.value);
      } else setError(result.error);
    } finally {
      setBusy(false);
    }
  };

  const ask = (move: MoveOption) => {
    if (!CONFIRMED.has(move.to)) return void run(move);
    setAsking(move);
  };

  // Opened once its content is rendered, so the dialog's focus lands on its buttons.
  useEffect(() => {
    if (asking && !dialog.current?.open) dialog.current?.showModal();
  }, [asking]);

  const answer = (confirmed: boolean) => {
    const move = asking;
    dialog.current?.close();
    setAsking(null);
    if (confirmed && move) void run(move);
  };

  const scheduledFor = when ? zonedWallTime(when, NEWSROOM_TIME_ZONE) : null;
  const schedules = moves.some((move) => move.to === "scheduled");
  return (
    <section aria-labelledby="workflow-title" className="rounded border border-gray-200 bg-gray-50 p-3">
      <h2 id="workflow-title" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      <label className="mb-2 block text-sm">
        <span className="mb-1 block">{t("comment")}</span>
        <textarea
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={2}
          maxLength={2000}
          dir="auto"
          className="w-full rounded border border-gray-300 bg-white px-2 py-1"
        />
      </label>
      {schedules ? (
        <div className="mb-2">
          <DateTimeField label={t("scheduleAt", { zone: timeZoneName })} value={when} onChange={setWhen} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {moves.map((move) => (
          <button
            key={`${move.action}-${move.to}`}
            type="button"
            disabled={busy || (move.to === "scheduled" && !when)}
            onClick={() => ask(move)}
            className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-50 ${PRIMARY.has(move.action) ? "bg-brand text-white" : "border border-gray-400 bg-white"}`}
          >
            {label(move)}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-700">
          {errorText(error)}
        </p>
      ) : null}

      {/* A native modal dialog: focus moves into it, Escape cancels, and focus returns to the button after. */}
      <dialog
        ref={dialog}
        aria-labelledby="confirm-move-title"
        onCancel={() => setAsking(null)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded border border-gray-300 p-4 shadow-xl backdrop:bg-black/40"
      >
        {asking ? (
          <>
            <h2 id="confirm-move-title" className="mb-2 text-lg font-bold">
              {asking.to === "published" ? tFlow("publishTitle") : tFlow("scheduleTitle")}
            </h2>
            <p className="mb-2 font-semibold" lang={locale} dir={directionOf(locale)}>
              {title.trim() || tEditor("untitled")}
            </p>
            <p className="mb-4 text-sm">
              {asking.to === "published"
                ? tFlow("publishText")
                : tFlow("scheduleText", {
                    when: scheduledFor ? formatDateTime(scheduledFor, uiLocale) : when,
                    zone: timeZoneName,
                  })}
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => answer(true)}
                className="rounded bg-brand px-3 py-1.5 font-semibold text-white"
              >
                {label(asking)}
              </button>
              {/* Cancel has the focus: a stray Enter does not publish. */}
              <button
                type="button"
                autoFocus
                onClick={() => answer(false)}
                className="rounded border border-gray-400 bg-white px-3 py-1.5"
              >
                {tFlow("cancel")}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </section>
  );
}
