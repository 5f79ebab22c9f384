"use client";
// The breaking-news banner of one edition: its text (counted against the limit), its link and an optional end, set
// or ended now. The server checks breaking.manage and every field; a refusal is said in the interface language.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { DateTimeField } from "../../components/date-time-field.tsx";
import { OutcomeNotice, type Notice } from "../../lib/outcome-notice.tsx";
import { endBreakingAction, setBreakingAction, type BreakingOutcome } from "./actions.ts";

const MAX = 140;

type Props = {
  edition: string;
  timeZoneName: string;
  /** The banner shown now, with its end already worded, or null. */
  current: { text: string; ends: string | null } | null;
};

export function BreakingForm({ edition, timeZoneName, current }: Props) {
  const t = useTranslations("BreakingDesk");
  const router = useRouter();
  const [text, setText] = useState("");
  const [link, setLink] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, startTransition] = useTransition();

  const show = (outcome: BreakingOutcome) =>
    setNotice({ ok: outcome === "set" || outcome === "ended", text: t(`outcomes.${outcome}`) });
  const act = (run: () => ReturnType<typeof endBreakingAction>) =>
    startTransition(async () => {
      const result = await run();
      if (!result.ok) {
        setNotice({
          ok: false,
          text: t(result.error.code === "signed_out" ? "errors.signed_out" : "errors.forbidden"),
        });
        return;
      }
      show(result.value.outcome);
      if (result.value.outcome === "set" || result.value.outcome === "ended") router.refresh();
    });
  const length = [...text].length;

  return (
    <section aria-labelledby="breaking-title" className="rounded border border-red-200 bg-white p-4">
      <h2 id="breaking-title" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-gray-600">{t("intro")}</p>
      <p className="mb-3 text-sm" data-testid="breaking-current">
        {current ? (
          <>
            {t("current", { text: current.text })}{" "}
            {current.ends ? t("currentEnds", { time: current.ends }) : t("currentNoEnd")}
          </>
        ) : (
          t("currentNone")
        )}
      </p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          act(() => setBreakingAction(edition, { text, link, endsAt }));
        }}
      >
        <div>
          <label htmlFor="breaking-text" className="block text-sm font-medium">
            {t("text")}
          </label>
          <input
            id="breaking-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby="breaking-text-hint"
            dir="auto"
            className="w-full rounded border border-gray-300 px-2 py-1"
          />
          <p id="breaking-text-hint" className={`text-xs ${length > MAX ? "text-red-700" : "text-gray-500"}`}>
            {t("textHint", { max: MAX })} {t("counter", { count: length, max: MAX })}
          </p>
        </div>
        <div>
          <label htmlFor="breaking-link" className="block text-sm font-medium">
            {t("link")}
          </label>
          <input
            id="breaking-link"
            value={link}
            onChange={(event) => setLink(event.target.value)}
            aria-describedby="breaking-link-hint"
            dir="ltr"
            className="w-full rounded border border-gray-300 px-2 py-1"
          />
          <p id="breaking-link-hint" className="text-xs text-gray-500">
            {t("linkHint")}
          </p>
        </div>
        <DateTimeField label={t("endsAt", { zone: timeZoneName })} value={endsAt} onChange={setEndsAt} />
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-red-700 px-3 py-1.5 font-semibold text-white hover:opacity-90"
          >
            {t("set")}
          </button>
          <button
            type="button"
            disabled={pending || !current}
            onClick={() => act(() => endBreakingAction(edition))}
            className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50 disabled:opacity-50"
          >
            {t("endNow")}
          </button>
        </div>
      </form>
      <OutcomeNotice notice={notice} />
    </section>
  );
}
