"use client";
// The workflow moves this user may make now. The server re-checks each one; the text is saved before moving.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { moveAction } from "../../app/articles/actions.ts";
import type { ActionError } from "../../lib/action-result.ts";
import { useErrorText } from "./error-text.ts";
import { DateTimeField } from "../date-time-field.tsx";

export type MoveOption = {
  to: "draft" | "in_review" | "approved" | "scheduled" | "published" | "unpublished" | "archived";
  action: string;
};

type Props = {
  localizationId: number;
  moves: MoveOption[];
  /** The newsroom's time zone, named: the schedule is read in it on the server (see moveAction). */
  timeZoneName: string;
  /** Saves pending text; resolves to the version to move from, or null if the text could not be saved. */
  beforeMove: () => Promise<number | null>;
  afterMove: (version: number) => void;
};

const PRIMARY = new Set(["article.publish", "article.submit", "article.approve"]);

export function WorkflowButtons({ localizationId, moves, timeZoneName, beforeMove, afterMove }: Props) {
  const t = useTranslations("Editor.workflow");
  const errorText = useErrorText();
  const [comment, setComment] = useState("");
  const [when, setWhen] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);

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
        afterMove(result.value.version);
      } else setError(result.error);
    } finally {
      setBusy(false);
    }
  };

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
            onClick={() => void run(move)}
            className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-50 ${PRIMARY.has(move.action) ? "bg-brand text-white" : "border border-gray-400 bg-white"}`}
          >
            {t(`moves.${move.action.replace("article.", "")}` as "moves.publish")}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-700">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}
