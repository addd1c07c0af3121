import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format.js";

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
