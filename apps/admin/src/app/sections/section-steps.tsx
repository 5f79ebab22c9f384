"use client";
// A section's one-step changes as buttons, each a small form (keyboard and screen reader usable as they are): move up,
// move down, retire or restore, make default. The outcome is announced next to them.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { OutcomeNotice } from "../../lib/outcome-notice.tsx";
import { sectionStepAction, type StepState } from "./actions.ts";

type Props = {
  id: number;
  version: number;
  name: string;
  first: boolean;
  last: boolean;
  retired: boolean;
  isDefault: boolean;
};

const button = "rounded border border-gray-300 bg-white px-2 py-1 hover:bg-gray-50 disabled:opacity-50";

export function SectionSteps({ id, version, name, first, last, retired, isDefault }: Props) {
  const t = useTranslations("SectionsDesk");
  const [state, action, pending] = useActionState<StepState, FormData>(sectionStepAction, { notice: null });
  const steps = [
    { step: "up", label: t("steps.up", { name }), text: t("steps.upShort"), show: !first },
    { step: "down", label: t("steps.down", { name }), text: t("steps.downShort"), show: !last },
    {
      step: "default",
      label: t("steps.default", { name }),
      text: t("steps.defaultShort"),
      show: !retired && !isDefault,
    },
    { step: "retire", label: t("steps.retire", { name }), text: t("steps.retireShort"), show: !retired && !isDefault },
    { step: "restore", label: t("steps.restore", { name }), text: t("steps.restoreShort"), show: retired },
  ];
  return (
    <div className="text-sm">
      <div className="flex flex-wrap gap-1">
        {steps
          .filter((s) => s.show)
          .map((s) => (
            <form key={s.step} action={action}>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="step" value={s.step} />
              <button type="submit" disabled={pending} aria-label={s.label} className={button}>
                {s.text}
              </button>
            </form>
          ))}
      </div>
      <div aria-live="polite">
        <OutcomeNotice notice={state.notice} />
      </div>
    </div>
  );
}
