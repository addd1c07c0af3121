import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/index.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { seedId } from "../../directory/seed.js";
import { type GenerateResult, generateMonitoringData } from "./index.js";
import { faireIntegration, publishedPeriods, stateFigures } from "./published.js";

/**
 * The national data set on PostgreSQL: the published figures come out exactly, counted by SQL over
 * the facts and read through the report engine (GET /api/monitoring/report) as the monitoring team
 * would. A national load takes 3–7 minutes on the shared 2-core machine, more than the suite should
 * spend, so it runs on request:
 *   MONITORING_NATIONAL=1 TEST_DATABASE_URL=… npx vitest run server/modules/monitoring/generator/national.test.ts
 * Without it, plan.test.ts checks the same figures on the plan in memory, and the benchmark
 * (npm run bench:monitoring) checks them on its full national load.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL) && process.env.MONITORING_NATIONAL === "1";
const root = seedId("unit", "federal");

describe.skipIf(!onPostgres)("monitoring generator, national scale (PostgreSQL)", () => {
  let t: TestApp;
  let result: GenerateResult;
  beforeAll(async () => {
    t = await createTestApp();
    result = await generateMonitoringData(t.ctx, { scale: "national" });
  }, 600_000);
  afterAll(() => t?.close());

  const report = async (query: string) => {
    const res = await (await t.as("monitoring")).get(`/api/monitoring/report?unit=${root}&${query}`);
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return res.json();
  };

  it("wrote about 400 sub-projects' facts and rebuilt the rollups", async () => {
    expect(result.write!.rollupRows).toBeGreaterThan(100_000);
    const [units] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from units where type = 'sub_project'`);
    expect(units!.n).toBeGreaterThanOrEqual(380);
    expect(units!.n).toBeLessThanOrEqual(420);
  });

  it("counts the published first consultations, refugees and top nationalities by SQL over the facts", async () => {
    for (const p of publishedPeriods) {
      const rows = await queryRows<{ nationality: string; n: number; refugee: number }>(
        t.database.db,
        sql`select k.nationalities[1] as nationality, count(*)::int as n, count(*) filter (where k.refugee_background)::int as refugee
              from consultations c join clients k on k.id = c.client_id join units u on u.id = c.unit_id
             where c.kind = 'first_consultation' and u.field_of_action = 'recognition_counseling'
               and c.date between ${`${p.from}-01`}::date and (${`${p.to}-01`}::date + interval '1 month - 1 day')
             group by 1 order by 2 desc`,
      );
      expect(
        rows.reduce((s, r) => s + r.n, 0),
        p.from,
      ).toBe(p.firstConsultations);
      expect(
        rows.reduce((s, r) => s + r.refugee, 0),
        p.from,
      ).toBe(p.refugee);
      expect(rows.slice(0, 5).map((r) => [r.nationality, r.n])).toEqual(p.topNationalities);
    }
  });

  it("shows the national report 01/2019–09/2022 as published, through the engine", async () => {
    const p = publishedPeriods[1]!;
    const period = `from=${p.from}&to=${p.to}&field=recognition_counseling&stichtag=2022-10-15`;
    expect((await report(`measure=first_consultations&${period}`)).total.value).toBe(181_175);
    const refugee = await report(`measure=first_consultations&${period}&by=refugee`);
    expect(refugee.rows.find((r: { refugee: string }) => r.refugee === "yes").value).toBe(45_540);
    expect((await report(`measure=refugee_share&${period}`)).total.value).toBe(25.1);
    const nationalities = await report(`measure=top_nationalities&${period}`);
    expect(
      nationalities.rows.slice(0, 5).map((r: { nationality: string; value: number; share: number }) => [r.nationality, r.value, r.share]),
    ).toEqual([
      ["SY", 20_299, 11.2],
      ["TR", 14_266, 7.9],
      ["UA", 14_010, 7.7],
      ["DE", 10_287, 5.7],
      ["IR", 10_068, 5.6],
    ]);
    const professions = await report(`measure=top_professions&${period}`);
    expect(professions.rows.slice(0, 5).map((r: { share: number }) => r.share)).toEqual([12.0, 9.9, 8.3, 8.2, 4.1]);
    const first = publishedPeriods[0]!;
    const before = await report(
      `measure=top_nationalities&from=${first.from}&to=${first.to}&field=recognition_counseling&stichtag=2019-01-15`,
    );
    expect(before.total.value).toBe(194_568);
    expect(before.rows.slice(0, 5).map((r: { value: number }) => r.value)).toEqual(first.topNationalities.map(([, n]) => n));
  });

  it("shows the Faire Integration reasons (first / follow-up, N = consultations) as published", async () => {
    const fi = await report(
      `measure=fi_reasons&from=${faireIntegration.from}&to=${faireIntegration.to}&by=reason&by2=kind&stichtag=2022-07-07`,
    );
    expect(fi.margins.kind).toEqual([
      { kind: "first_consultation", value: faireIntegration.firstConsultations, suppressed: false },
      { kind: "follow_up", value: faireIntegration.followUps, suppressed: false },
    ]);
    for (const [reason, first, follow] of faireIntegration.reasons) {
      const cells = fi.rows.filter((r: { reason: string }) => r.reason === reason).map((r: { value: number }) => r.value);
      expect(cells, reason).toEqual([first, follow]);
    }
    const ref = faireIntegration.referralConsultations;
    expect((await report(`measure=referral_consultations&from=${ref.from}&to=${ref.to}`)).total.value).toBe(ref.count);
    const g = faireIntegration.groupEventParticipants;
    expect((await report(`measure=group_event_participants&from=${g.from}&to=${g.to}`)).total.value).toBe(g.count);
  });

  it("shows the exact figures of the state networks' pages for their networks and Stichtage", async () => {
    for (const f of stateFigures) {
      const measure = f.measure === "first" ? "first_consultations" : f.measure === "all" ? "consultations" : "follow_ups";
      const stichtag = new Date(Date.UTC(Number(f.to.slice(0, 4)), Number(f.to.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const body = await (await t.as("monitoring")).get(
        `/api/monitoring/report?unit=${seedId("unit", `state:${f.state}`)}&measure=${measure}&from=${f.from}&to=${f.to}&field=recognition_counseling&stichtag=${stichtag}`,
      );
      expect(body.json().total.value, f.source).toBe(f.count);
    }
  });
});
