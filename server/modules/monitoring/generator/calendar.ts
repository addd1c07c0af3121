import type { Random } from "./random.js";

/** Months as indexes from January 2015 (0) — the generator's time axis. */
export const START_YEAR = 2015;

export const monthIndex = (ym: string) => (Number(ym.slice(0, 4)) - START_YEAR) * 12 + Number(ym.slice(5, 7)) - 1;
export const monthKey = (i: number) => `${START_YEAR + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
const monthLengths: number[] = [];
export const daysIn = (i: number) =>
  (monthLengths[i] ??= new Date(Date.UTC(START_YEAR + Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate());
export const dayOf = (i: number, day: number) => `${monthKey(i)}-${String(day).padStart(2, "0")}`;
export const monthOfDay = (isoDay: string) => monthIndex(isoDay.slice(0, 7));

const DAY = 86_400_000;
export const addDays = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

const firstWeekday: number[] = [];
/** Weekday (0 = Sunday) of the month's first day, cached: the generator asks a million times. */
const weekdayOfFirst = (month: number) =>
  (firstWeekday[month] ??= new Date(Date.UTC(START_YEAR + Math.floor(month / 12), month % 12, 1)).getUTCDay());

/** A working day of the month (weekends are rare in counseling), not after `lastDay`. */
export function randomDay(random: Random, month: number, lastDay?: string): string {
  const max = lastDay && monthOfDay(lastDay) === month ? Number(lastDay.slice(8, 10)) : daysIn(month);
  let day = random.int(1, max);
  for (let attempt = 0; attempt < 4; attempt++) {
    const weekday = (weekdayOfFirst(month) + day - 1) % 7;
    if (weekday !== 0 && weekday !== 6) break;
    day = random.int(1, max);
  }
  return dayOf(month, day);
}

/**
 * When a fact was recorded: on its day or up to three days later, but never in a later month and
 * never after `today` — so a Stichtag at a month's end counts exactly the months before it
 * (every Stichtag of the publication lies at or after the end of its period).
 */
export function recordedAt(random: Random, isoDay: string, today: string): string {
  const month = isoDay.slice(0, 7);
  const day = Number(isoDay.slice(8, 10));
  // Within the month: day arithmetic on the text is enough.
  const last = month === today.slice(0, 7) ? Number(today.slice(8, 10)) : daysIn(monthIndex(month));
  const lag = Math.max(0, Math.min(random.int(0, 3), last - day));
  const hour = String(random.int(7, 15)).padStart(2, "0");
  const minute = String(random.int(0, 59)).padStart(2, "0");
  return `${month}-${String(day + lag).padStart(2, "0")}T${hour}:${minute}:00Z`;
}

/**
 * Relative demand per month for recognition counseling: the arrivals of 2015/16, the pandemic's
 * spring of 2020, the arrivals from Ukraine from March 2022; summer and December a little lower.
 */
export function demand(month: number): number {
  const year = START_YEAR + Math.floor(month / 12);
  const m = (month % 12) + 1;
  let level = { 2015: 1.0 + (m / 12) * 0.4, 2016: 1.5, 2017: 1.3, 2018: 1.1, 2019: 1.0, 2020: 0.85, 2021: 0.9, 2022: 1.0 }[year] ?? 1.0;
  if (year === 2020 && (m === 4 || m === 5)) level = 0.55;
  if (year === 2022 && m >= 3) level = 1.45;
  if (m === 8) level *= 0.85;
  if (m === 12) level *= 0.8;
  return level;
}
