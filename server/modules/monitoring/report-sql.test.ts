import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dimension } from "../../../common/domain/monitoring/dimensions.js";
import { type Family, familiesWithChannel, familyDimensions, measures } from "../../../common/domain/monitoring/measures.js";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { type StatisticalUnit, statisticalUnitsUnder } from "../directory/service.js";
import { rawSliceSql } from "./raw-facts.js";
import { networkAttribute, networkRollupSource, rollupSource, type Slice, sliceSql, toSliceRows } from "./report-sql.js";
import { berlinSub, createFactWriter } from "./testing/random-facts.js";

/**
 * Every report shape on the rollups equals the same query on the raw facts (raw-facts.ts): all
 * families, every breakdown alone and in pairs, with the Stichtag, channel, language, field and
 * unit filters, after a random history of writes, edits, merges and erasures. Where the network
 * rollups may answer (whole state networks, one client attribute, no Stichtag/channel/language),
 * they must give the same rows too.
 */
describe("reports read from the rollups equal the hand-written SQL over the facts", () => {
  let t: TestApp;
  let national: StatisticalUnit[];
  let berlin: StatisticalUnit[];
  let fromNetworkRollups = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const writer = await createFactWriter(t, 99);
    for (let i = 0; i < 6; i++) await writer.ops.insertClients();
    for (let i = 0; i < 12; i++) await writer.ops.insertConsultations(8);
    for (let i = 0; i < 120; i++) await writer.step();
    const [root] = await queryRows<{ path: string }>(t.database.db, sql`select path from units where type = 'federal'`);
    national = await statisticalUnitsUnder(t.database.db, root!.path);
    const [network] = await queryRows<{ path: string }>(
      t.database.db,
      sql`select p.path from units u join units p on p.id = u.parent_id where u.id = ${berlinSub}`,
    );
    berlin = await statisticalUnitsUnder(t.database.db, network!.path);
  }, 120_000);
  afterAll(() => t.close());

  const run = async (slice: Slice) => {
    const read = async (query: ReturnType<typeof sliceSql>) =>
      toSliceRows(await queryRows<Record<string, unknown>>(t.database.db, query), slice.dims.length)
        .filter((r) => r.value !== 0 || r.part !== 0 || r.d.every((d) => d === null))
        .map((r) => JSON.stringify(r))
        .sort();
    const rollups = await read(sliceSql(rollupSource(slice.family), slice));
    const facts = await read(rawSliceSql(slice));
    expect(rollups, JSON.stringify({ ...slice, units: slice.units.length })).toEqual(facts);
    const attribute = networkAttribute(slice);
    if (attribute !== null) {
      const networks = await read(sliceSql(networkRollupSource(slice.family, attribute), slice));
      expect(networks, `network rollups: ${JSON.stringify({ ...slice, units: slice.units.length })}`).toEqual(facts);
      fromNetworkRollups++;
    }
    return rollups.length;
  };

  const base = (family: Family, dims: Dimension[]): Slice => ({
    family,
    fromMonth: "2016-01-01",
    toMonth: "2025-12-01",
    units: national,
    dims,
    wholeNetworks: true,
  });

  it("every breakdown alone, and each with a second one, for every family", async () => {
    let rows = 0;
    for (const family of Object.keys(familyDimensions) as Family[]) {
      const dims = familyDimensions[family];
      for (const d of dims) rows += await run(base(family, [d]));
      for (let i = 0; i < dims.length; i++) rows += await run(base(family, [dims[i]!, dims[(i + 3) % dims.length]!]));
      rows += await run(base(family, []));
    }
    expect(rows).toBeGreaterThan(500);
    expect(fromNetworkRollups).toBeGreaterThan(40);
  });

  it("with kinds, a shorter period, the Stichtag, channel, language, a state network and a field", async () => {
    const first = measures.first_consultations;
    await run({ ...base("consultation", ["network", "nationality"]), kinds: first.kinds, fromMonth: "2019-01-01", toMonth: "2022-09-01" });
    await run({ ...base("consultation", ["year"]), referenceDate: "2021-06-15" });
    await run({ ...base("referral", ["status", "target"]), referenceDate: "2020-02-29" });
    for (const family of familiesWithChannel) {
      await run({ ...base(family, ["month"]), channel: "phone" });
      await run({ ...base(family, ["refugee"]), language: "ar" });
    }
    await run({ ...base("consultation", ["sub_project", "gender"]), units: berlin });
    await run({ ...base("consultation", ["quarter", "gender"]), units: berlin });
    await run({ ...base("referral", ["network", "status"]), units: berlin, kinds: ["accepted"] });
    // A sub-project's scope is not whole networks: only its own rollups answer.
    const one = berlin.filter((u) => u.id === berlinSub);
    await run({ ...base("consultation", ["month", "nationality"]), units: one, wholeNetworks: false });
    await run({ ...base("fi_reason", ["reason", "kind"]), units: national.filter((u) => u.field === "faire_integration") });
    await run({ ...base("consultation", ["age_group"]), kinds: first.kinds, part: { dimension: "refugee", code: "yes" } });
    await run({ ...base("consultation", ["year"]), kinds: first.kinds, part: { dimension: "refugee", code: "yes" } });
    await run({ ...base("consultation", ["field", "refugee"]), kinds: first.kinds, part: { dimension: "refugee", code: "yes" } });
  });

  it("admits to the network rollups only what they keep", () => {
    const slice = base("consultation", ["network", "nationality"]);
    expect(networkAttribute(slice)).toBe("nationality");
    expect(networkAttribute({ ...slice, dims: ["year"] })).toBe("");
    expect(networkAttribute({ ...slice, dims: ["year"], part: { dimension: "refugee", code: "yes" } })).toBe("refugee");
    expect(networkAttribute({ ...slice, wholeNetworks: false })).toBeNull();
    expect(networkAttribute({ ...slice, referenceDate: "2021-01-01" })).toBeNull();
    expect(networkAttribute({ ...slice, channel: "phone" })).toBeNull();
    expect(networkAttribute({ ...slice, language: "ar" })).toBeNull();
    expect(networkAttribute({ ...slice, dims: ["sub_project"] })).toBeNull();
    expect(networkAttribute({ ...slice, dims: ["channel"] })).toBeNull();
    expect(networkAttribute({ ...slice, dims: ["gender", "nationality"] })).toBeNull();
    expect(networkAttribute({ ...slice, dims: ["nationality"], part: { dimension: "refugee", code: "yes" } })).toBeNull();
  });
});
