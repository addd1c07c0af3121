import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";

/**
 * Sonderanfragen: saved report queries, checked by the engine, private or shared, versioned,
 * audited; seeing a shared query never widens what its report shows.
 */
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const berlinNetwork = seedId("unit", "state:DE-BE");
const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");

const byGender = { measure: "first_consultations", unit: berlinSub, from: "2022-01", to: "2022-Q4", by: "gender" };

describe("/api/monitoring/queries", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = (who: Parameters<TestApp["as"]>[0]) => t.as(who);
  const create = async (who: Parameters<TestApp["as"]>[0], body: Record<string, unknown>) =>
    (await as(who)).post("/api/monitoring/queries", body);
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  const auditActions = async (id: string) =>
    (await queryRows<{ action: string }>(t.database.db, sql`select action from audit_events where record_id = ${id} order by id`)).map(
      (r) => r.action,
    );

  it("saves a private query, shows it to its owner only, and audits the change", async () => {
    const res = await create("monitoring", { name: "Geschlecht Berlin 2022", description: "Für den Jahresbericht", query: byGender });
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      name: "Geschlecht Berlin 2022",
      description: "Für den Jahresbericht",
      query: byGender,
      own: true,
      sharing: "private",
      shareUnit: null,
      version: 1,
      abilities: { update: true, delete: true },
      owner: { name: expect.any(String) },
    });
    expect((await (await as("monitoring")).get(`/api/monitoring/queries/${saved.id}`)).json().id).toBe(saved.id);
    expect((await (await as("monitoring")).get("/api/monitoring/queries")).json().items.map((q: { id: string }) => q.id)).toContain(
      saved.id,
    );
    for (const other of ["federal", "coordinationBerlin", "leadBerlin"] as const) {
      expect((await (await as(other)).get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(404);
      expect((await (await as(other)).get("/api/monitoring/queries")).json().items.map((q: { id: string }) => q.id)).not.toContain(
        saved.id,
      );
      // Someone else's private query: as if it did not exist, and it stays as it was.
      expect((await (await as(other)).patch(`/api/monitoring/queries/${saved.id}`, { version: 1, name: "x" })).statusCode).toBe(404);
      expect((await (await as(other)).delete(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(404);
    }
    expect((await (await as("monitoring")).get(`/api/monitoring/queries/${saved.id}`)).json()).toMatchObject({
      name: saved.name,
      version: 1,
    });
    expect(await auditActions(saved.id)).toEqual(["monitoring.query.create"]);
  });

  describe("the query is the engine's", () => {
    it("refuses an unknown measure or breakdown naming the field", async () => {
      const badMeasure = await create("monitoring", { name: "x", query: { ...byGender, measure: "tea_consumption" } });
      expect(badMeasure.statusCode).toBe(400);
      expect(badMeasure.headers["content-type"]).toContain("application/problem+json");
      expect(fieldsOf(badMeasure)).toEqual(["query.measure"]);
      const badDimension = await create("monitoring", { name: "x", query: { ...byGender, by: "shoe_size" } });
      expect(fieldsOf(badDimension)).toEqual(["query.by"]);
    });

    it("refuses breakdowns the measure does not have, twice the same one, and by2 without by", async () => {
      const notAvailable = await create("monitoring", { name: "x", query: { ...byGender, by: "reason" } });
      expect(notAvailable.statusCode).toBe(400);
      expect(notAvailable.json().errors[0]).toMatchObject({ field: "query.by", code: "not_available", pointer: "#/query/by" });
      expect(fieldsOf(await create("monitoring", { name: "x", query: { ...byGender, by2: "gender" } }))).toEqual(["query.by2"]);
      const { by: _, ...noBy } = byGender;
      expect(fieldsOf(await create("monitoring", { name: "x", query: { ...noBy, by2: "gender" } }))).toEqual(["query.by2"]);
    });

    it("refuses a third breakdown", async () => {
      const res = await create("monitoring", { name: "x", query: { ...byGender, by2: "age_group", by3: "nationality" } });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(["query.by3"]);
    });

    it("refuses a bad period, an unknown unit, a missing name and filters the measure has not", async () => {
      expect(fieldsOf(await create("monitoring", { name: "x", query: { ...byGender, from: "2023", to: "2022" } }))).toEqual(["query.to"]);
      expect(
        fieldsOf(await create("monitoring", { name: "x", query: { ...byGender, period: "1999-2000", from: undefined, to: undefined } })),
      ).toEqual(["query.period"]);
      const unknownUnit = await create("monitoring", { name: "x", query: { ...byGender, unit: "00000000-0000-4000-8000-000000000000" } });
      expect(unknownUnit.statusCode).toBe(400);
      expect(fieldsOf(unknownUnit)).toEqual(["query.unit"]);
      expect(fieldsOf(await create("monitoring", { name: " ", query: byGender }))).toEqual(["name"]);
      const channel = await create("monitoring", {
        name: "x",
        query: { measure: "recognition_outcomes", unit: berlinSub, channel: "phone" },
      });
      expect(fieldsOf(channel)).toEqual(["query.channel"]);
    });

    it("refuses a unit outside the caller's scope (403) and callers who read no statistics", async () => {
      expect((await create("leadBerlin", { name: "x", query: { ...byGender, unit: bavariaSub } })).statusCode).toBe(403);
      expect((await create("counselorBerlin", { name: "x", query: byGender })).statusCode).toBe(403);
      expect((await (await as("counselorBerlin")).get("/api/monitoring/queries")).statusCode).toBe(403);
      expect((await (await as("admin")).get("/api/monitoring/queries")).statusCode).toBe(403);
    });
  });

  it("changes at the expected version and answers a stale one with 409", async () => {
    const saved = (await create("monitoring", { name: "Alt", query: byGender })).json();
    const client = await as("monitoring");
    const changed = await client.patch(`/api/monitoring/queries/${saved.id}`, {
      version: 1,
      name: "Neu",
      query: { ...byGender, by2: "age_group" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Neu", version: 2, query: { by: "gender", by2: "age_group" } });
    const stale = await client.patch(`/api/monitoring/queries/${saved.id}`, { version: 1, name: "Zu spät" });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    expect(stale.json()).toMatchObject({ type: "/problems/conflict", currentVersion: 2 });
    expect((await client.get(`/api/monitoring/queries/${saved.id}`)).json().name).toBe("Neu");
    const badChange = await client.patch(`/api/monitoring/queries/${saved.id}`, { version: 2, query: { ...byGender, by: "reason" } });
    expect(fieldsOf(badChange)).toEqual(["query.by"]);
    expect((await client.delete(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(404);
    expect(await auditActions(saved.id)).toEqual(["monitoring.query.create", "monitoring.query.update", "monitoring.query.delete"]);
  });

  describe("sharing", () => {
    it("with the unit: the owner's state network sees it; running it still asks the caller's scope", async () => {
      const networkQuery = { ...byGender, unit: berlinNetwork };
      const saved = (await create("coordinationBerlin", { name: "Berlin nach Geschlecht", query: networkQuery, sharing: "unit" })).json();
      expect(saved).toMatchObject({ sharing: "unit", shareUnit: { id: berlinNetwork } });
      for (const viewer of ["leadBerlin", "monitoring", "federal"] as const) {
        const list = (await (await as(viewer)).get("/api/monitoring/queries")).json().items;
        expect(list.find((q: { id: string }) => q.id === saved.id)).toMatchObject({ own: false, sharing: "unit" });
      }
      // The lead sees the query but not the network's figures: the engine's normal answer.
      const lead = await as("leadBerlin");
      expect((await lead.get(`/api/monitoring/queries/${saved.id}`)).json().abilities).toEqual({ update: false, delete: false });
      const params = new URLSearchParams(networkQuery as Record<string, string>);
      expect((await lead.get(`/api/monitoring/report?${params}`)).statusCode).toBe(403);
      expect((await (await as("coordinationBerlin")).get(`/api/monitoring/report?${params}`)).statusCode).toBe(200);
      // Seen is not changed: the lead may neither change nor delete it.
      expect((await lead.patch(`/api/monitoring/queries/${saved.id}`, { version: 1, name: "x" })).statusCode).toBe(403);
      expect((await lead.delete(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(403);
      // The national monitoring team curates shared queries, but the sharing stays the owner's.
      const monitoring = await as("monitoring");
      expect((await monitoring.patch(`/api/monitoring/queries/${saved.id}`, { version: 1, sharing: "private" })).statusCode).toBe(403);
      const renamed = await monitoring.patch(`/api/monitoring/queries/${saved.id}`, { version: 1, name: "Berlin: Geschlecht" });
      expect(renamed.json()).toMatchObject({ name: "Berlin: Geschlecht", version: 2, sharing: "unit", shareUnit: { id: berlinNetwork } });
      expect((await (await as("federal")).patch(`/api/monitoring/queries/${saved.id}`, { version: 2, name: "x" })).statusCode).toBe(403);
    });

    it("a sub-project lead shares with their sub-project only, never wider", async () => {
      const saved = (await create("leadBerlin", { name: "Mein Teilprojekt", query: byGender, sharing: "unit" })).json();
      expect(saved.shareUnit.id).toBe(berlinSub);
      expect((await (await as("coordinationBerlin")).get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(200);
    });

    it("national: the national team sees it, the state network does not", async () => {
      const saved = (await create("leadBerlin", { name: "Für das Monitoring", query: byGender, sharing: "national" })).json();
      expect(saved).toMatchObject({ sharing: "national", shareUnit: null });
      expect((await (await as("monitoring")).get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(200);
      expect((await (await as("federal")).get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(200);
      expect((await (await as("coordinationBerlin")).get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(404);
      // The owner takes it back.
      const back = await (await as("leadBerlin")).patch(`/api/monitoring/queries/${saved.id}`, { version: 1, sharing: "private" });
      expect(back.json()).toMatchObject({ sharing: "private", version: 2 });
      expect((await (await as("monitoring")).get(`/api/monitoring/queries/${saved.id}`)).statusCode).toBe(404);
    });
  });
});
