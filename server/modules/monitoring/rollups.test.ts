import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ageGroupOf, ageGroups } from "../../../common/domain/monitoring/dimensions.js";
import { families } from "../../../common/domain/monitoring/measures.js";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { compactRollups, rebuildRollups } from "./maintenance.js";
import { networkRollupContributionsSql, rawContributionsSql, rawNetworkContributionsSql, rollupContributionsSql } from "./raw-facts.js";
import { berlinSub, contributions, createFactWriter } from "./testing/random-facts.js";

/**
 * Rollups == facts: after random inserts, edits, deletes, bulk statements, merges, erasures and
 * compactions, the rollups summed per key equal the hand-written SQL over the facts, family by
 * family and for every key (month, sub-project, recording day, channel, languages and every
 * client attribute); and the network rollups equal the facts per state network, field of action
 * and client attribute, also after sub-projects move or change their field. The same seed gives
 * the same run on PGlite and on PostgreSQL.
 */
const SEED = Number(process.env.MONITORING_SEED ?? 20260501);
const STEPS = Number(process.env.MONITORING_STEPS ?? 160);

describe("monitoring rollups", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const expectRollupsEqualFacts = async (label: string) => {
    for (const family of families) {
      const rollups = await contributions(t.database.db, rollupContributionsSql(family));
      const facts = await contributions(t.database.db, rawContributionsSql(family));
      expect(rollups, `${label}: ${family}`).toEqual(facts);
      const networkRollups = await contributions(t.database.db, networkRollupContributionsSql(family));
      const networkFacts = await contributions(t.database.db, rawNetworkContributionsSql(family));
      expect(networkRollups, `${label}: ${family} per state network`).toEqual(networkFacts);
    }
  };

  it("hold the demo data from the start (the migration built them, the seed's writes kept them)", async () => {
    await expectRollupsEqualFacts("after seeding");
  });

  it(`equal the facts after ${STEPS} random writes, edits, merges and erasures (seed ${SEED})`, async () => {
    const writer = await createFactWriter(t, SEED);
    // Enough to work with before the random walk starts.
    for (let i = 0; i < 4; i++) await writer.ops.insertClients();
    for (let i = 0; i < 4; i++) await writer.ops.insertConsultations(8);
    const done: string[] = [];
    for (let step = 1; step <= STEPS; step++) {
      done.push(await writer.step());
      if (step % 40 === 0) await expectRollupsEqualFacts(`after step ${step} (${done.slice(-5).join(", ")})`);
    }
    await expectRollupsEqualFacts("at the end");
    // The walk touched every kind of write.
    for (const op of ["insertConsultations", "editClients", "editConsultations", "merge", "erase"]) expect(done).toContain(op);
    const [counts] = await queryRows<{ consultations: number; merged: number; erased: number }>(
      t.database.db,
      sql`select (select count(*)::int from consultations) as consultations,
                 (select count(*)::int from clients where merged_into_id is not null) as merged,
                 (select count(*)::int from clients where erased_at is not null) as erased`,
    );
    expect(counts!.consultations).toBeGreaterThan(100);
    expect(counts!.merged).toBeGreaterThan(0);
    expect(counts!.erased).toBeGreaterThan(0);
  });

  it("take in a bulk COPY (the national generator's load) in one statement", async () => {
    const db = t.database.db;
    const [counselor] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'berater.berlin@lotse.demo'`);
    const clientIds = (await queryRows<{ id: string }>(db, sql`select id from clients where merged_into_id is null limit 40`)).map(
      (r) => r.id,
    );
    // Follow-ups only: COPY must not trip over the first-consultation index.
    const csv = Array.from({ length: 400 }, (_, i) => {
      const day = `2018-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
      const languages = i % 3 === 0 ? '"{de,ar}"' : "{de}";
      return [
        clientIds[i % clientIds.length],
        berlinSub,
        counselor!.id,
        day,
        "2015-2018",
        "follow_up",
        "phone",
        languages,
        `${day}T10:00:00Z`,
      ].join(",");
    }).join("\n");
    const columns = "client_id, unit_id, counselor_id, date, funding_period, kind, channel, languages, created_at";
    const before = Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from consultations`))[0]!.n);
    if (t.database.pglite) {
      await t.database.pglite.query(`copy consultations (${columns}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([`${csv}\n`]),
      });
    } else {
      const client = await t.database.pool!.connect();
      try {
        await pipeline(Readable.from([`${csv}\n`]), client.query(copyFrom(`copy consultations (${columns}) from stdin with (format csv)`)));
      } finally {
        client.release();
      }
    }
    const after = Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from consultations`))[0]!.n);
    expect(after - before).toBe(400);
    await expectRollupsEqualFacts("after COPY");
  });

  it("are recomputed from the facts by the rebuild, and compaction changes no sum", async () => {
    const before = await contributions(t.database.db, rollupContributionsSql("consultation"));
    const { rows } = await rebuildRollups(t.ctx);
    expect(rows).toBeGreaterThan(0);
    await expectRollupsEqualFacts("after the rebuild");
    expect(await contributions(t.database.db, rollupContributionsSql("consultation"))).toEqual(before);
    // After a rebuild every key is one row: nothing to fold.
    expect(await compactRollups(t.ctx)).toBe(0);
  });

  it("move a sub-project's counts along when it moves to another state network or changes its field", async () => {
    const admin = await t.as("admin");
    const unit = async () => (await admin.get(`/api/units/${berlinSub}`)).json() as { version: number; parentId: string };
    const before = await unit();
    const [bavaria] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from units where type = 'state_network' and state_code = 'DE-BY'`,
    );
    expect((await admin.post(`/api/units/${berlinSub}/move`, { version: before.version, parentId: bavaria!.id })).statusCode).toBe(200);
    await expectRollupsEqualFacts("after moving a sub-project to another state network");
    const moved = await unit();
    expect((await admin.patch(`/api/units/${berlinSub}`, { version: moved.version, fieldOfAction: "faire_integration" })).statusCode).toBe(
      200,
    );
    await expectRollupsEqualFacts("after changing its field of action");
    const changed = await unit();
    expect(
      (await admin.patch(`/api/units/${berlinSub}`, { version: changed.version, fieldOfAction: "recognition_counseling" })).statusCode,
    ).toBe(200);
    const back = await unit();
    expect((await admin.post(`/api/units/${berlinSub}/move`, { version: back.version, parentId: before.parentId })).statusCode).toBe(200);
    await expectRollupsEqualFacts("after moving it back");
  });

  it("group ages as the shared definition does (SQL and TypeScript agree)", async () => {
    const rows = await queryRows<{ age: number; group: string }>(
      t.database.db,
      sql`select a as age, monitoring_age_group(2020, 2020 - a) as group from generate_series(0, 99) a`,
    );
    for (const r of rows) expect(r.group, `age ${r.age}`).toBe(ageGroupOf(2020, 2020 - r.age));
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(ageGroups));
  });

  it("leave out nothing that identifies a person: no client ids, names or contact data in the rollups", async () => {
    const networkColumns = await queryRows<{ column_name: string }>(
      t.database.db,
      sql`select column_name from information_schema.columns where table_name = 'monitoring_network_rollups'`,
    );
    expect(networkColumns.map((c) => c.column_name).sort()).toEqual(
      ["detail", "dimension", "field", "kind", "measure", "month", "n", "network_id", "value"].sort(),
    );
    const columns = await queryRows<{ column_name: string }>(
      t.database.db,
      sql`select column_name from information_schema.columns where table_name = 'monitoring_rollups'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      [
        "age_group",
        "channel",
        "detail",
        "gender",
        "kind",
        "languages",
        "measure",
        "month",
        "n",
        "nationality",
        "profession",
        "recorded_on",
        "refugee",
        "state_code",
        "unit_id",
      ].sort(),
    );
  });
});
