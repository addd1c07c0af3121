import { describe, expect, it } from "vitest";
import { dateKeyIn, formatDate, formatDateTime, formatLongDate, formatTime } from "./format.js";

// Persian and Arabic locales default to other calendars (Solar Hijri, Islamic): 2026-12-03 would
// read as 1405 or 1448. Every date Lotse shows is a Gregorian date.
const gregorianYear = /2026|٢٠٢٦|۲۰۲۶/;

describe("dates in every UI language are Gregorian", () => {
  for (const locale of ["de", "en", "ar", "fa", "uk", "ru", "tr", "ar-SA", "fa-IR"]) {
    it(locale, () => {
      expect(formatDate("2026-12-03", locale)).toMatch(gregorianYear);
      expect(formatDateTime("2026-12-03T10:30:00Z", locale)).toMatch(gregorianYear);
    });
  }

  it("would not be without the calendar option (the test can fail)", () => {
    expect(new Intl.DateTimeFormat("fa", { dateStyle: "medium" }).format(new Date(Date.UTC(2026, 11, 3)))).not.toMatch(gregorianYear);
  });
});

describe("times of a site are wall-clock times in its time zone", () => {
  it("follows summer and winter time (Berlin: UTC+2 in summer, UTC+1 in winter)", () => {
    expect(formatTime("2026-03-27T09:00:00Z", "de", "Europe/Berlin")).toBe("10:00");
    expect(formatTime("2026-03-30T08:00:00Z", "de", "Europe/Berlin")).toBe("10:00");
  });

  it("uses the 24-hour clock in every language", () => {
    for (const locale of ["ar", "en", "fa", "tr"])
      expect(formatTime("2026-12-07T13:15:00Z", locale, "Europe/Berlin")).toMatch(/^(14:15|۱۴:۱۵|١٤:١٥)$/);
  });

  it("puts an instant on the calendar day of the time zone", () => {
    expect(dateKeyIn("2026-07-01T22:30:00Z", "Europe/Berlin")).toBe("2026-07-02");
    expect(dateKeyIn("2026-07-01T22:30:00Z", "UTC")).toBe("2026-07-01");
  });

  it("names a whole date in the Gregorian calendar, also in Farsi", () => {
    expect(formatLongDate("2026-12-07", "de")).toBe("Montag, 7. Dezember 2026");
    expect(formatLongDate("2026-12-07", "fa")).toMatch(gregorianYear);
  });
});
