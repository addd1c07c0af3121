import { describe, expect, it } from "vitest";
import { addDays, dayIn, formatDayRange, formatTime, isoWeekday, mondayOf, offsetMinutes, zonedInstant } from "./zoned-time.js";

const BERLIN = "Europe/Berlin";

describe("days and times in a site's time zone", () => {
  it("finds local midnight in winter and in summer time", () => {
    expect(zonedInstant("2026-03-20", BERLIN).toISOString()).toBe("2026-03-19T23:00:00.000Z");
    expect(zonedInstant("2026-07-01", BERLIN).toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(zonedInstant("2026-07-01", BERLIN, "09:30").toISOString()).toBe("2026-07-01T07:30:00.000Z");
  });

  it("gives the days of the changes 23 and 25 hours", () => {
    const hours = (day: string) => (zonedInstant(addDays(day, 1), BERLIN).getTime() - zonedInstant(day, BERLIN).getTime()) / 3_600_000;
    expect(hours("2026-03-29")).toBe(23);
    expect(hours("2026-10-25")).toBe(25);
    expect(hours("2026-10-26")).toBe(24);
  });

  it("puts a time that does not exist (02:30 on the spring change) after the gap", () => {
    expect(zonedInstant("2026-03-29", BERLIN, "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(offsetMinutes(new Date("2026-03-29T01:30:00Z"), BERLIN)).toBe(120);
  });

  it("names the local day and time of an instant", () => {
    expect(dayIn(new Date("2026-03-29T22:30:00Z"), BERLIN)).toBe("2026-03-30");
    expect(dayIn(new Date("2026-03-29T22:30:00Z"), "UTC")).toBe("2026-03-29");
    expect(formatTime("2026-03-27T08:00:00Z", BERLIN, "de")).toBe("09:00");
    expect(formatTime("2026-03-30T07:00:00Z", BERLIN, "de")).toBe("09:00");
    expect(formatTime("2026-03-30T07:00:00Z", BERLIN, "fa")).toMatch(/۰۹:۰۰|09:00/);
  });

  it("counts weeks from Monday and across months", () => {
    expect(isoWeekday("2026-03-29")).toBe(7);
    expect(mondayOf("2026-03-29")).toBe("2026-03-23");
    expect(mondayOf("2026-03-30")).toBe("2026-03-30");
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(formatDayRange("2026-03-30", "2026-04-05", "de").replace(/\s/g, " ")).toBe("30. März – 5. April 2026");
  });
});
