import { dateTimeFormat } from "./intl-cache.js";

/**
 * Dates and times are shown in Europe/Berlin, in the UI language's conventions, and always in the
 * Gregorian calendar: Farsi defaults to the Solar Hijri calendar (and some Arabic locales to the
 * Islamic one), but appointments, decisions and deadlines in Germany are Gregorian dates.
 */
const TIME_ZONE = "Europe/Berlin";
export const CALENDAR = "gregory";

export function formatDateTime(
  iso: string | null | undefined,
  locale: string,
  dateStyle: "full" | "medium" | "short" = "medium",
  timeZone = TIME_ZONE,
): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // The 24-hour clock of German appointments and letters in every language (no "AM", no "ص").
  return dateTimeFormat(locale, { timeZone, calendar: CALENDAR, dateStyle, timeStyle: "short", hourCycle: "h23" }).format(date);
}

/**
 * "09:30" – the wall-clock time of an instant in a time zone (a site's), on the 24-hour clock of
 * German appointments in every language (Arabic's "ص/م" markers also broke the "09:00–10:00" ranges).
 */
export function formatTime(iso: string, locale: string, timeZone = TIME_ZONE): string {
  return dateTimeFormat(locale, { timeZone, calendar: CALENDAR, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(iso),
  );
}

/** The calendar date "YYYY-MM-DD" of an instant in a time zone (a slot at 00:30 in Berlin is still that day). */
export function dateKeyIn(iso: string, timeZone = TIME_ZONE): string {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

/** "Montag, 7. Dezember 2026" for a calendar date "YYYY-MM-DD". */
export function formatLongDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return dateTimeFormat(locale, { timeZone: "UTC", calendar: CALENDAR, dateStyle: "full" }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** A calendar date "YYYY-MM-DD" (no time zone shift). */
export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return "–";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return dateTimeFormat(locale, { timeZone: "UTC", calendar: CALENDAR, dateStyle: "medium" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "09:00:00" or "09:00" → "09:00". */
export const shortTime = (time: string) => time.slice(0, 5);

/** Today as YYYY-MM-DD in Europe/Berlin. */
export function todayInBerlin(): string {
  return dateKeyIn(new Date().toISOString());
}
