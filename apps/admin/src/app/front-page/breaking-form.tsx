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
        <HintedField
          id="breaking-text"
          label={t("text")}
          value={text}
          onChange={setText}
          dir="auto"
          hint={`${t("textHint", { max: MAX })} ${t("counter", { count: length, max: MAX })}`}
          hintTone={length > MAX ? "text-red-700" : "text-gray-500"}
        />
        <HintedField
          id="breaking-link"
          label={t("link")}
          value={link}
          onChange={setLink}
          dir="ltr"
          hint={t("linkHint")}
        />
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

/** A labelled text field with a hint under it that screen readers read with the field. */
function HintedField({
  id,
  label,
  value,
  onChange,
  dir,
  hint,
  hintTone = "text-gray-500",
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  dir: "auto" | "ltr";
  hint: string;
  hintTone?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        dir={dir}
        className="w-full rounded border border-gray-300 px-2 py-1"
      />
      <p id={`${id}-hint`} className={`text-xs ${hintTone}`}>
        {hint}
      </p>
    </div>
  );
}
