import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard, DashboardOptions, Report } from "../../../common/contracts/monitoring.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { createFactWriter } from "./testing/random-facts.js";

/**
 * The dashboard endpoint: every panel equals the report the engine answers for the same query
 * (numbers, suppression, labels), on random facts with many small counts; who may read which
 * scope; problem details naming the field.
 */
const root = seedId("unit", "federal");
const berlinNetwork = seedId("unit", "state:DE-BE");
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");
const bavariaNetwork = seedId("unit", "state:DE-BY");
const fiBerlin = seedId("unit", "fi:be");

/** The report queries whose answers the panels are (GET /api/monitoring/report). */
function panelQueries(field: string | null): Record<keyof Dashboard["panels"], string> {
  const f = field ? `&field=${field}` : "";
  return {
    firstConsultations: `measure=first_consultations&by=month${f}`,
    followUps: `measure=follow_ups&by=month${f}`,
    topNationalities: `measure=top_nationalities&top=5${f}`,
    topProfessions: `measure=top_professions&top=5${f}`,
    fiReasons: "measure=fi_reasons&by=reason&by2=kind",
    recognitionOutcomes: "measure=recognition_outcomes&by=outcome",
    byState: `measure=first_consultations&by=state${f}`,
  };
}

describe("GET /api/monitoring/dashboard", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const writer = await createFactWriter(t, 5_2026);
    for (let i = 0; i < 40; i++) await writer.ops.insertClients();
    for (let i = 0; i < 60; i++) await writer.ops.insertConsultations(8);
    for (let i = 0; i < 30; i++) await writer.ops.procedures();
    for (let i = 0; i < 20; i++) await writer.step();
    // The random operations above may leave fewer than three decided procedures (the minimum
    // count below which a figure is suppressed); the outcome panel asserted below needs some.
    await writer.ops.decidedProcedures(6);
  }, 120_000);
  afterAll(() => t.close());

  const get = async (who: Persona, path: string) => (await t.as(who)).get(path);

  async function expectPanelsAsReports(who: Persona, scope: string) {
    const res = await get(who, `/api/monitoring/dashboard?${scope}`);
    expect(res.statusCode, res.body).toBe(200);
    const dashboard = res.json<Dashboard>();
    for (const [panel, query] of Object.entries(panelQueries(dashboard.consultationField))) {
      const report = await get(who, `/api/monitoring/report?${query}&${scope}`);
      expect(report.statusCode, report.body).toBe(200);
      expect(dashboard.panels[panel as keyof Dashboard["panels"]], `${panel} of ${scope}`).toEqual(report.json<Report>());
    }
    return dashboard;
  }

  describe("figures", () => {
    it("answers every panel exactly as the engine's report, for a sub-project, a state network and the nation", async () => {
      const berlin = await expectPanelsAsReports("monitoring", `unit=${berlinSub}&from=2016&to=2025`);
      expect(berlin.consultationField).toBe("recognition_counseling");
      expect(berlin.panels.firstConsultations.total.value).toBeGreaterThan(20);
      expect(berlin.panels.firstConsultations.rows.length).toBeGreaterThan(10);
      await expectPanelsAsReports("coordinationBerlin", `unit=${berlinNetwork}&from=2016-01&to=2025-12&lang=en`);
      const national = await expectPanelsAsReports("monitoring", `unit=${root}&from=2016&to=2025`);
      expect(national.panels.fiReasons.total.value).toBeGreaterThan(0);
      expect(national.panels.recognitionOutcomes.total.value).toBeGreaterThan(0);
    });

    it("with a Stichtag and a shorter period, still as the reports", async () => {
      await expectPanelsAsReports("monitoring", `unit=${root}&from=2018-Q2&to=2021-09&stichtag=2020-06-30`);
      await expectPanelsAsReports("leadBerlin", "from=2019&to=2019");
    });

    it("counts all fields of a scope without recognition counseling (a Faire Integration sub-project)", async () => {
      const fi = await expectPanelsAsReports("monitoring", `unit=${fiBerlin}&from=2016&to=2025`);
      expect(fi.consultationField).toBeNull();
      expect(fi.panels.firstConsultations.filters.field).toBeNull();
      expect(fi.panels.fiReasons.filters.field).toBe("faire_integration");
    });

    it("never shows a count below the minimum, and says so where it hides one", async () => {
      const res = await get("monitoring", `/api/monitoring/dashboard?unit=${berlinSub}&from=2016&to=2025`);
      const dashboard = res.json<Dashboard>();
      let belowMinimum = 0;
      for (const report of Object.values(dashboard.panels)) {
        for (const row of [...report.rows, ...Object.values(report.margins).flat(), report.total]) {
          if (row.suppressed) expect(row.value).toBeNull();
          else if (report.value === "count" && row.value !== null && row.value !== 0)
            expect(row.value).toBeGreaterThanOrEqual(dashboard.minCount);
          if (row.belowMinimum) belowMinimum++;
        }
      }
      expect(belowMinimum).toBeGreaterThan(0);
      expect(dashboard.minCount).toBe(3);
    });

    it("is empty but whole for a period without facts", async () => {
      const res = await get("monitoring", `/api/monitoring/dashboard?unit=${berlinSub}&from=2010-01&to=2010-03`);
      expect(res.statusCode).toBe(200);
      for (const report of Object.values(res.json<Dashboard>().panels)) {
        expect(report.rows).toEqual([]);
        expect(report.total.value ?? 0).toBe(0);
      }
    });
  });

  describe("access and problem details", () => {
    const problem = async (who: Persona, query: string, status: number, field?: string, code?: string) => {
      const res = await get(who, `/api/monitoring/dashboard?${query}`);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      if (field) expect(res.json().errors).toEqual([expect.objectContaining({ field, ...(code ? { code } : {}) })]);
      return res.json();
    };

    it("refuses a scope outside the caller's (403) and an unknown unit (404), both as problem details", async () => {
      await problem("leadBerlin", `unit=${bavariaSub}`, 403);
      await problem("leadBerlin", `unit=${berlinNetwork}`, 403);
      await problem("coordinationBerlin", `unit=${bavariaNetwork}`, 403);
      await problem("coordinationBerlin", `unit=${root}`, 403);
      await problem("counselorBerlin", `unit=${berlinSub}`, 403);
      await problem("admin", `unit=${berlinSub}`, 403);
      await problem("monitoring", "unit=00000000-0000-4000-8000-000000000000", 404, "unit", "not_found");
      expect((await t.anonymous().get(`/api/monitoring/dashboard?unit=${berlinSub}`)).statusCode).toBe(401);
    });

    it("names the field of bad input", async () => {
      await problem("monitoring", "unit=berlin", 400, "unit");
      await problem("monitoring", `unit=${berlinSub}&from=2022-03&to=2021-12`, 400, "to", "before_from");
      await problem("monitoring", `unit=${berlinSub}&from=2022-13`, 400, "from");
      await problem("monitoring", `unit=${berlinSub}&to=22`, 400, "to");
      await problem("monitoring", `unit=${berlinSub}&stichtag=2022-02-30`, 400, "stichtag");
    });
  });

  describe("options", () => {
    it("offers the nation, every state network and the sub-projects to the monitoring", async () => {
      const res = await get("monitoring", "/api/monitoring/dashboard/options");
      expect(res.statusCode).toBe(200);
      const options = res.json<DashboardOptions>();
      expect(options.units[0]).toMatchObject({ id: root, level: "national", networkId: null });
      expect(options.defaultUnit).toBe(root);
      const networks = options.units.filter((u) => u.level === "network");
      expect(networks.map((u) => u.id)).toContain(berlinNetwork);
      expect(options.units.find((u) => u.id === berlinSub)).toMatchObject({ level: "sub_project", networkId: berlinNetwork });
      expect(options.from <= options.to).toBe(true);
      expect(options.periods.length).toBeGreaterThan(0);
    });

    it("offers a sub-project lead their sub-project only; a counselor nothing", async () => {
      const lead = (await get("leadBerlin", "/api/monitoring/dashboard/options")).json<DashboardOptions>();
      expect(lead.units.map((u) => u.id)).toEqual([berlinSub]);
      expect(lead.defaultUnit).toBe(berlinSub);
      const coordination = (await get("coordinationBerlin", "/api/monitoring/dashboard/options")).json<DashboardOptions>();
      expect(coordination.units[0]).toMatchObject({ id: berlinNetwork, level: "network" });
      expect(coordination.units.every((u) => u.id === berlinNetwork || u.networkId === berlinNetwork)).toBe(true);
      expect((await get("counselorBerlin", "/api/monitoring/dashboard/options")).statusCode).toBe(403);
    });
  });
});
