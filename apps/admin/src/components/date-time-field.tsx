"use client";
// One date (and time) field for the whole admin, in place of the browser's own picker (which shows mm/dd/yyyy and
// English whatever the page's language): day, month and year in the interface language's order, digits and month
// names, the hour on its clock (12-hour with ص/م in Arabic, 24-hour in Russian), read as the newsroom's time; the
// editor's own clock is shown beside when it reads differently. Why not a library: docs/decisions/0018.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  asciiDigits,
  composeWallTime,
  dateOrderOf,
  intlLocaleOf,
  isLocale,
  type Locale,
  NEWSROOM_TIME_ZONE,
  splitWallTime,
  usesTwelveHourClock,
  type WallTimeParts,
  zonedWallTime,
} from "@minbar/i18n";
import { LocalTime } from "./local-time.tsx";

type Props = {
  /** The legend naming the whole field (it labels every box). */
  label: string;
  /** `YYYY-MM-DDTHH:MM` (or `YYYY-MM-DD` with `withTime` false) as the newsroom's clock reads it, or "". */
  value: string;
  /** Called with the value the boxes name, or "" while they name no real day (and time). */
  onChange?: (value: string) => void;
  /** For a plain form: the value goes out in a hidden input of that name. */
  name?: string;
  withTime?: boolean;
  disabled?: boolean;
  /** Marks the boxes invalid (aria-invalid), when the server refused the value. */
  invalid?: boolean;
  /** A line under the legend (e.g. the time zone the time is read in). */
  note?: string;
};

function monthNames(intlLocale: string): string[] {
  const format = new Intl.DateTimeFormat(intlLocale, { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2026, month, 15))));
}

function periodNames(intlLocale: string): { am: string; pm: string } {
  const format = new Intl.DateTimeFormat(intlLocale, { hour: "numeric", hour12: true, timeZone: "UTC" });
  const period = (hour: number) =>
    format.formatToParts(new Date(Date.UTC(2026, 0, 1, hour))).find((part) => part.type === "dayPeriod")?.value ?? "";
  return { am: period(9), pm: period(21) };
}

export function DateTimeField({
  label,
  value,
  onChange,
  name,
  withTime = true,
  disabled = false,
  invalid = false,
  note,
}: Props) {
  const t = useTranslations("DateTimeField");
  const current = useLocale();
  const locale: Locale = isLocale(current) ? current : "ar";
  const intlLocale = intlLocaleOf(locale);
  const twelveHour = withTime && usesTwelveHourClock(intlLocale);
  const digits = new Intl.NumberFormat(intlLocale, { useGrouping: false });
  const empty: WallTimeParts = { year: "", month: "", day: "", ...(twelveHour ? { period: "am" } : {}) };
  const [parts, setParts] = useState<WallTimeParts>(() => splitWallTime(value, twelveHour) ?? empty);
  // A new value from the parent (cleared after a move, say) replaces the boxes unless they already name it.
  const [given, setGiven] = useState(value);
  if (value !== given) {
    setGiven(value);
    if ((composeWallTime(parts, withTime) ?? "") !== value) setParts(splitWallTime(value, twelveHour) ?? empty);
  }

  const composed = composeWallTime(parts, withTime);
  const update = (change: Partial<WallTimeParts>) => {
    const next = { ...parts, ...change };
    setParts(next);
    onChange?.(composeWallTime(next, withTime) ?? "");
  };
  // Typed digits are kept as ASCII and shown in the interface's own digits (Arabic-Indic in Arabic).
  const shown = (text: string | undefined) => [...(text ?? "")].map((digit) => digits.format(Number(digit))).join("");
  const box = (key: "day" | "year" | "hour" | "minute", size: number) => (
    <input
      key={key}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      aria-label={t(key)}
      aria-invalid={invalid || undefined}
      placeholder={t(`${key}Placeholder`)}
      size={size}
      maxLength={size}
      disabled={disabled}
      value={shown(parts[key])}
      onChange={(event) => update({ [key]: asciiDigits(event.target.value) })}
      className={`${size > 2 ? "w-20" : "w-12"} rounded border border-gray-300 bg-white px-1.5 py-1 text-center disabled:bg-gray-50`}
    />
  );
  const months = monthNames(intlLocale);
  const periods = periodNames(intlLocale);
  const complete = withTime
    ? [parts.year, parts.month, parts.day, parts.hour, parts.minute].every(Boolean)
    : [parts.year, parts.month, parts.day].every(Boolean);
  const instant = composed && withTime ? zonedWallTime(composed, NEWSROOM_TIME_ZONE) : null;
  return (
    <fieldset className="text-sm" data-testid="date-time-field">
      <legend className="mb-1">{label}</legend>
      {note ? <p className="mb-1 text-xs text-gray-600">{note}</p> : null}
      <div className="flex flex-wrap items-center gap-1">
        {dateOrderOf(intlLocale).map((part) =>
          part === "month" ? (
            <select
              key="month"
              aria-label={t("month")}
              disabled={disabled}
              value={parts.month}
              onChange={(event) => update({ month: event.target.value })}
              className="rounded border border-gray-300 bg-white px-1 py-1 disabled:bg-gray-50"
            >
              <option value="">{t("monthPlaceholder")}</option>
              {months.map((month, index) => (
                <option key={month} value={String(index + 1)}>
                  {month}
                </option>
              ))}
            </select>
          ) : part === "day" ? (
            box("day", 2)
          ) : (
            box("year", 4)
          ),
        )}
        {withTime ? (
          <>
            {/* Hour before minute, left to right, as times are written in every one of the three languages. */}
            <span dir="ltr" className="ms-3 inline-flex items-center gap-0.5">
              {box("hour", 2)}
              <span aria-hidden="true">:</span>
              {box("minute", 2)}
            </span>
            {twelveHour ? (
              <select
                aria-label={t("period")}
                disabled={disabled}
                value={parts.period ?? "am"}
                onChange={(event) => update({ period: event.target.value === "pm" ? "pm" : "am" })}
                className="rounded border border-gray-300 bg-white px-1 py-1 disabled:bg-gray-50"
              >
                <option value="am">{periods.am}</option>
                <option value="pm">{periods.pm}</option>
              </select>
            ) : null}
          </>
        ) : null}
      </div>
      {complete && !composed ? (
        <p role="alert" className="mt-1 text-xs font-semibold text-red-700">
          {t(withTime ? "noSuchTime" : "noSuchDay")}
        </p>
      ) : null}
      {instant ? <LocalTime instant={instant} /> : null}
      {name ? <input type="hidden" name={name} value={composed ?? ""} /> : null}
    </fieldset>
  );
}
