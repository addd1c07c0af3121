/**
 * Dates and times are shown in Europe/Berlin, in the UI language's conventions, and always in the
 * Gregorian calendar: Farsi defaults to the Solar Hijri calendar (and some Arabic locales to the
 * Islamic one), but appointments, decisions and deadlines in Germany are Gregorian dates.
 */
const TIME_ZONE = "Europe/Berlin";
export const CALENDAR = "gregory";

export function formatDateTime(iso: string | null | undefined, locale: string, dateStyle: "medium" | "short" = "medium"): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, calendar: CALENDAR, dateStyle, timeStyle: "short" }).format(date);
}

/** A calendar date "YYYY-MM-DD" (no time zone shift). */
export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return "–";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", calendar: CALENDAR, dateStyle: "medium" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "09:00:00" or "09:00" → "09:00". */
export const shortTime = (time: string) => time.slice(0, 5);

/** Today as YYYY-MM-DD in Europe/Berlin. */
export function todayInBerlin(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
