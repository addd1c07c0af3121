import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { families, measureIds, measures } from "../../../../common/domain/monitoring/measures.js";
import { germanStates } from "../../../../common/domain/units.js";
import { queryRows } from "../../../db/index.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { seedId } from "../../directory/seed.js";
import { rawContributionsSql, rollupContributionsSql } from "../raw-facts.js";
import { contributions } from "../testing/random-facts.js";
import type { Facts } from "./facts.js";
import { generateMonitoringData } from "./index.js";
import { GENERATED_MARKER, writeFacts } from "./write.js";

/**
 * The demo scale on the database the tests run on (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * written by COPY with the triggers off and rebuilt, every measure and every state network has
 * data, the rollups equal the facts, a failed load leaves nothing behind and the triggers on, and
 * a second run does nothing.
 */
const root = seedId("unit", "federal");

describe("monitoring generator, demo scale", () => {
  let t: TestApp;
  const count = async (table: string) =>
    Number((await queryRows<{ n: string }>(t.database.db, sql`select count(*) as n from ${sql.raw(table)}`))[0]!.n);
  const triggersOn = async () =>
    queryRows<{ tgname: string; tgenabled: string }>(
      t.database.db,
      sql`select tgname, tgenabled from pg_trigger where tgname like '%monitoring_insert' order by tgname`,
    );

  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it("rolls a failed load back whole: no rows, no marker, the triggers on", async () => {
    const before = await count("consultations");
    const facts: Facts = { clients: [], consultations: [], referrals: [], procedures: [], groupEvents: [] };
    facts.consultations.push({
      id: "00000000-0000-4000-8000-000000000001",
      clientId: "00000000-0000-4000-8000-000000000002", // no such client
      unitId: seedId("unit", "demo-sub-project:DE-BE"),
      counselorId: "00000000-0000-4000-8000-000000000003",
      date: "2020-01-02",
      fundingPeriod: "2019-2022",
      kind: "follow_up",
      channel: "phone",
      languages: ["de"],
      professionId: null,
      fiReasons: [],
      createdAt: "2020-01-02T09:00:00Z",
    });
    await expect(writeFacts(t.database, facts, "failing")).rejects.toThrow();
    expect(await count("consultations")).toBe(before);
    expect(await queryRows(t.database.db, sql`select 1 from instance_settings where key = ${GENERATED_MARKER}`)).toEqual([]);
    const triggers = await triggersOn();
    expect(triggers).toHaveLength(4);
    for (const trigger of triggers) expect(trigger.tgenabled, trigger.tgname).toBe("O");
  });

  it("writes a few thousand consultations from 2015 to today, with the rollups rebuilt and the triggers back on", async () => {
    const result = await generateMonitoringData(t.ctx, { scale: "demo", seed: 5 });
    expect(result.write).not.toBeNull();
    expect(result.rows.consultations).toBeGreaterThan(3_000);
    expect(await count("consultations")).toBeGreaterThanOrEqual(result.rows.consultations!);
    for (const trigger of await triggersOn()) expect(trigger.tgenabled, trigger.tgname).toBe("O");
    for (const family of families) {
      const rollups = await contributions(t.database.db, rollupContributionsSql(family));
      const facts = await contributions(t.database.db, rawContributionsSql(family));
      expect(rollups, family).toEqual(facts);
    }
  }, 180_000);

  it("populates every measure in every state network (read through the report API)", async () => {
    const monitoring = await t.as("monitoring");
    const networks = germanStates.map((s) => seedId("unit", `state:${s.code}`));
    const thisMonth = t.ctx.clock.now().toISOString().slice(0, 7);
    for (const id of measureIds) {
      const m = measures[id];
      const base = `/api/monitoring/report?measure=${id}&unit=${root}&from=2015-01&to=${thisMonth}`;
      const total = await monitoring.get(base);
      expect(total.statusCode, id).toBe(200);
      expect(total.json().total.value, id).toBeGreaterThan(0);
      if (!m.dimensions.includes("network")) continue;
      const by = m.mentions ? `&by=network&by2=${m.mentions.dimension}` : "&by=network";
      const res = await monitoring.get(`${base}${by}`);
      expect(res.statusCode, id).toBe(200);
      const body = res.json();
      const shown = new Set<string>((m.mentions ? body.margins.network : body.rows).map((r: { network: string }) => r.network));
      expect(
        [...networks].filter((n) => !shown.has(n)),
        id,
      ).toEqual([]);
    }
  }, 180_000);

  it("runs once per database: a second run writes nothing", async () => {
    const before = await count("consultations");
    const again = await generateMonitoringData(t.ctx, { scale: "demo", seed: 5 });
    expect(again.write).toBeNull();
    expect(await count("consultations")).toBe(before);
  });
});
