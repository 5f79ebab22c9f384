// Days and wall-clock times in the newsroom's time zone as instants: a date filter "from 2026-11-23" means midnight
// in Moscow, and "publish at 2026-11-25 10:00" means ten o'clock in Moscow, not in UTC, not wherever the server runs
// and not wherever the editor's laptop is.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

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

/** The instant of a `YYYY-MM-DDTHH:MM` wall-clock time (an `<input type="datetime-local">` value) in the zone. */
export function zonedWallTime(value: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return isReal(year, month, day, hour, minute) ? zonedInstant(year, month, day, hour, minute, timeZone) : null;
}
