/**
 * Days and times in a site's time zone (the API says which one). A day is "YYYY-MM-DD" in that
 * zone; its first instant is found from the zone's offset, so days across the change to or from
 * summer time have 23 or 25 hours and every appointment lands on its local day.
 */
import { CALENDAR } from "../../../components/format.js";

export type Day = string;

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      calendar: CALENDAR,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of partsIn(timeZone).formatToParts(instant)) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

/** Minutes the zone is ahead of UTC at this instant (Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = wallClock(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The day of an instant in the zone. */
export function dayIn(instant: Date, timeZone: string): Day {
  const p = wallClock(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The instant of a wall-clock time ("HH:MM", default midnight) on a day in the zone. */
export function zonedInstant(day: Day, timeZone: string, time = "00:00"): Date {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const guess = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // Near a change of offset the guess may sit on the other side of it: ask again at the result.
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

export function addDays(day: Day, days: number): Day {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const [y, m, d] = day.split("-").map(Number);
  return ((new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7) + 1;
}

export const mondayOf = (day: Day): Day => addDays(day, 1 - isoWeekday(day));

export const isDay = (value: string | null | undefined): value is Day =>
  Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

/** "09:30" in the zone's wall clock. */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, calendar: CALENDAR, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(iso),
  );
}

/** "Montag, 30. März 2026", or without the year (a day has no zone of its own: formatted as UTC). */
export function formatDay(day: Day, locale: string, style: "long" | "withoutYear" = "long"): string {
  const [y, m, d] = day.split("-").map(Number);
  const options: Intl.DateTimeFormatOptions =
    style === "long"
      ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
      : { weekday: "long", day: "numeric", month: "long" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC", calendar: CALENDAR }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** "30. März – 5. April 2026". */
export function formatDayRange(first: Day, last: Day, locale: string): string {
  const toDate = (day: Day) => new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    calendar: CALENDAR,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).formatRange(toDate(first), toDate(last));
}
