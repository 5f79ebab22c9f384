// Days and wall-clock times in the newsroom's time zone as instants: a date filter "from 2026-11-23" means midnight
// in Moscow, and "publish at 2026-11-25 10:00" means ten o'clock in Moscow, not in UTC, not wherever the server runs
// and not wherever the editor's laptop is.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** Whether the numbers name a day of the calendar (not 30 February) and a time of day. */
function isReal(year: number, month: number, day: number, hour = 0, minute = 0): boolean {
  const check = new Date(Date.UTC(year, month - 1, day));
  return (
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59
  );
}

/**
 * The instant the zone's clocks show that time (the numbers may run past a month's end: day 32 is the 1st of the
 * next). The offset is taken twice, the second time at the first answer, so a time just after a daylight-saving
 * change gets the new offset; a time the clocks skip (spring forward) comes out an hour on, as a wall clock has it.
 */
function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  return new Date(asUtc - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** The instant a `YYYY-MM-DD` day begins in the zone, `days` days later; null for anything that is not a real date. */
export function startOfDay(day: string, timeZone: string, days = 0): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  return isReal(year, month, date) ? zonedInstant(year, month, date + days, 0, 0, timeZone) : null;
}

/** The instant of a `YYYY-MM-DDTHH:MM` wall-clock time (what the date-time field gives) in the zone. */
export function zonedWallTime(value: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return isReal(year, month, day, hour, minute) ? zonedInstant(year, month, day, hour, minute, timeZone) : null;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** What the zone's clocks show at that instant, as `YYYY-MM-DDTHH:MM` (the inverse of zonedWallTime). */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}

/** Whether two zones' clocks agree at that instant (then a second, "your local time" reading adds nothing). */
export function sameClock(instant: Date, zone: string, other: string): boolean {
  return offsetMinutes(instant, zone) === offsetMinutes(instant, other);
}

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII, the rest dropped: what an editor types into a number box. */
export function asciiDigits(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0x660 && code <= 0x669) return String(code - 0x660);
      if (code >= 0x6f0 && code <= 0x6f9) return String(code - 0x6f0);
      return /[0-9]/.test(char) ? char : "";
    })
    .join("");
}

/** The date-time field's boxes, as typed: digits in any script, hour on a 12- or 24-hour clock. */
export type WallTimeParts = {
  year: string;
  month: string;
  day: string;
  hour?: string;
  minute?: string;
  /** On a 12-hour clock: "am" or "pm"; absent on a 24-hour one. */
  period?: "am" | "pm";
};

/**
 * The `YYYY-MM-DD` (or with `withTime`, `YYYY-MM-DDTHH:MM`) value the boxes name, or null while they name no
 * real day and time (30 February, hour 13 on a 12-hour clock, a box left empty).
 */
export function composeWallTime(parts: WallTimeParts, withTime = true): string | null {
  const number = (text: string | undefined, maxDigits: number) => {
    const digits = asciiDigits(text ?? "");
    return digits.length > 0 && digits.length <= maxDigits ? Number(digits) : null;
  };
  const year = number(parts.year, 4);
  const month = number(parts.month, 2);
  const day = number(parts.day, 2);
  if (year === null || month === null || day === null || year < 1000 || month < 1 || day < 1) return null;
  if (!isReal(year, month, day)) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!withTime) return date;
  let hour = number(parts.hour, 2);
  const minute = number(parts.minute, 2);
  if (hour === null || minute === null || minute > 59) return null;
  if (parts.period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (parts.period === "pm" ? 12 : 0);
  }
  return hour <= 23 ? `${date}T${pad(hour)}:${pad(minute)}` : null;
}

/** The boxes for a `YYYY-MM-DD[THH:MM]` value (ASCII digits; the field shows them in the interface's digits). */
export function splitWallTime(value: string, twelveHour: boolean): WallTimeParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match as unknown as [string, string, string, string, string?, string?];
  const parts: WallTimeParts = { year, month: String(Number(month)), day: String(Number(day)) };
  if (hour === undefined || minute === undefined) return parts;
  const h = Number(hour);
  if (!twelveHour) return { ...parts, hour: String(h), minute };
  return { ...parts, hour: String(h % 12 === 0 ? 12 : h % 12), minute, period: h < 12 ? "am" : "pm" };
}

/** In which order a language writes day, month and year (ar and ru: day first; en: month first). */
export function dateOrderOf(intlLocale: string): ("day" | "month" | "year")[] {
  return new Intl.DateTimeFormat(intlLocale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" })
    .formatToParts(new Date(Date.UTC(2026, 10, 24)))
    .map((part) => part.type)
    .filter((type): type is "day" | "month" | "year" => type === "day" || type === "month" || type === "year");
}

/** Whether a language reads the time on a 12-hour clock (Arabic, English) or a 24-hour one (Russian). */
export function usesTwelveHourClock(intlLocale: string): boolean {
  const cycle = new Intl.DateTimeFormat(intlLocale, { hour: "numeric" }).resolvedOptions().hourCycle;
  return cycle === "h11" || cycle === "h12";
}
