// Calendar days in the newsroom's time zone as instants: a date filter "from 2026-11-23" means midnight in Moscow,
// not in UTC or wherever the server happens to run.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
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
  const asUtc = Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant a `YYYY-MM-DD` day begins in the zone, `days` days later; null for anything that is not a real date. */
export function startOfDay(day: string, timeZone: string, days = 0): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, date + days);
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  const guess = new Date(utcMidnight);
  return new Date(utcMidnight - offsetMinutes(guess, timeZone) * 60_000);
}
