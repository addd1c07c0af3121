import { describe, expect, it } from "vitest";
import { hsdsId, uuidV5 } from "./ids.js";
import { presentAccessibility, presentSchedules } from "./presenter.js";
import { paginate } from "./service.js";

describe("HSDS ids", () => {
  it("are RFC 9562 name-based UUIDs (version 5), stable and distinct per object type", () => {
    // The example of RFC 9562, appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    const site = "7f1c2e4a-0000-4000-8000-000000000001";
    expect(hsdsId("location", site)).toBe(hsdsId("location", site));
    expect(hsdsId("location", site)).not.toBe(hsdsId("service_at_location", site));
    expect(hsdsId("location", site)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("HSDS schedules", () => {
  it("group the days that share opening hours into one weekly schedule", () => {
    const schedules = presentSchedules(
      "s",
      "l",
      [
        { weekday: 5, opens: "09:00", closes: "13:00" },
        { weekday: 1, opens: "09:00", closes: "16:00" },
        { weekday: 2, opens: "09:00", closes: "16:00" },
        { weekday: 4, opens: "09:00", closes: "18:00" },
        { weekday: 2, opens: "09:00", closes: "16:00" },
        { weekday: 9, opens: "09:00", closes: "16:00" },
      ],
      "Europe/Berlin",
    );
    expect(schedules.map(({ byday, opens_at, closes_at, freq }) => ({ byday, opens_at, closes_at, freq }))).toEqual([
      { byday: "MO,TU", opens_at: "09:00", closes_at: "16:00", freq: "WEEKLY" },
      { byday: "TH", opens_at: "09:00", closes_at: "18:00", freq: "WEEKLY" },
      { byday: "FR", opens_at: "09:00", closes_at: "13:00", freq: "WEEKLY" },
    ]);
    expect(schedules[0]!.description).toBe("Mo, Di 09:00–16:00 Uhr (Ortszeit Europe/Berlin)");
    expect(new Set(schedules.map((s) => s.id)).size).toBe(3);
  });

  it("say nothing about accessibility when nothing is known", () => {
    const unknown = { stepFree: null, accessibleToilet: null, elevator: null, hearingLoop: null, parking: null, notes: null };
    expect(presentAccessibility("s", "l", unknown)).toEqual([]);
    expect(presentAccessibility("s", "l", { ...unknown, stepFree: true, elevator: false, notes: "Klingel links" })).toEqual([
      expect.objectContaining({ description: "Stufenloser Zugang: ja; Aufzug: nein", details: "Klingel links" }),
    ]);
  });
});

describe("HSDS pages", () => {
  const items = Array.from({ length: 23 }, (_, i) => i);
  it("count pages from 1 and flag the first, the last and empty ones", () => {
    expect(paginate(items, { page: 1, per_page: 10 })).toMatchObject({
      total_items: 23,
      total_pages: 3,
      page_number: 1,
      size: 10,
      first_page: true,
      last_page: false,
      empty: false,
    });
    expect(paginate(items, { page: 3, per_page: 10 })).toMatchObject({ size: 3, last_page: true, contents: [20, 21, 22] });
    expect(paginate(items, { page: 4, per_page: 10 })).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
    expect(paginate([], { page: 1, per_page: 10 })).toMatchObject({ total_pages: 0, first_page: true, last_page: true, empty: true });
  });
});
