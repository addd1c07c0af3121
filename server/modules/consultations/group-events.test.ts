import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, groupEvents } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const berlinSite = seedId("unit", "demo-sub-project:DE-BE:site:0");
const berlinNetwork = seedId("unit", "state:DE-BE");

describe("group information events", () => {
  let t: TestApp;
  const as = (who: Persona) => t.as(who);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    date: "2024-05-14",
    title: "Infoabend Anerkennung",
    languages: ["ar", "de"],
    participants: 18,
    refugeeParticipants: 11,
    ...extra,
  });
  const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);

  it("records counts only, in the caller's sub-project, with audit", async () => {
    const res = await (await as("counselorBerlin")).post("/api/group-events", body({ siteId: berlinSite }));
    expect(res.statusCode).toBe(201);
    const event = res.json();
    expect(event).toMatchObject({
      unitId: berlinSub,
      siteId: berlinSite,
      channel: "in_person",
      participants: 18,
      refugeeParticipants: 11,
      version: 1,
      abilities: { update: true },
    });
    expect(event).not.toHaveProperty("createdBy");
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "group_event.create"), eq(auditEvents.recordId, event.id)));
    expect(audit).toHaveLength(1);
  });

  it("validates the counts and the day by name of the field", async () => {
    const client = await as("counselorBerlin");
    expect(fields(await client.post("/api/group-events", body({ participants: 0, refugeeParticipants: null })))).toEqual(["participants"]);
    expect(fields(await client.post("/api/group-events", body({ participants: 5, refugeeParticipants: 6 })))).toEqual([
      "refugeeParticipants",
    ]);
    expect(fields(await client.post("/api/group-events", body({ refugeeParticipants: -1 })))).toEqual(["refugeeParticipants"]);
    expect(fields(await client.post("/api/group-events", body({ date: "2099-01-01" })))).toEqual(["date"]);
    expect(fields(await client.post("/api/group-events", body({ title: " " })))).toEqual(["title"]);
    const bavarianSite = seedId("unit", "demo-sub-project:DE-BY:site:0");
    expect(fields(await client.post("/api/group-events", body({ siteId: bavarianSite })))).toEqual(["siteId"]);
    // No client ids: the contract has no field for them, unknown keys are dropped.
    const extra = await client.post("/api/group-events", body({ clientIds: ["x"] }));
    expect(extra.statusCode).toBe(201);
    expect(extra.json()).not.toHaveProperty("clientIds");
  });

  it("lets the sub-project, its state coordination and monitoring read the list; others not", async () => {
    await (await as("counselorBerlin")).post("/api/group-events", body({ date: "2023-11-02", title: "Alt" }));
    const own = await (await as("counselorBerlin")).get(`/api/group-events?unitId=${berlinSub}&from=2024-01-01`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    expect(own.json().items.every((e: { date: string }) => e.date >= "2024-01-01")).toBe(true);

    const coordination = await (await as("coordinationBerlin")).get(`/api/group-events?unitId=${berlinNetwork}`);
    expect(coordination.statusCode).toBe(200);
    expect(coordination.json().items.some((e: { title: string }) => e.title === "Alt")).toBe(true);
    expect(coordination.json().items.every((e: { abilities: { update: boolean } }) => !e.abilities.update)).toBe(true);
    expect((await (await as("monitoring")).get(`/api/group-events?unitId=${berlinSub}`)).statusCode).toBe(200);
    expect((await (await as("counselorBavaria")).get(`/api/group-events?unitId=${berlinSub}`)).statusCode).toBe(403);
    expect((await (await as("federal")).get(`/api/group-events?unitId=${berlinSub}`)).statusCode).toBe(403);
  });

  it("changes by version, re-checks the counts against the stored ones, and refuses others", async () => {
    const client = await as("counselorBerlin");
    const event = (await client.post("/api/group-events", body())).json();
    const tooMany = await client.patch(`/api/group-events/${event.id}`, { version: 1, participants: 10 });
    expect(tooMany.statusCode).toBe(400);
    expect(fields(tooMany)).toEqual(["refugeeParticipants"]);
    const ok = await client.patch(`/api/group-events/${event.id}`, { version: 1, participants: 25, title: "Infoabend (verschoben)" });
    expect(ok.json()).toMatchObject({ participants: 25, title: "Infoabend (verschoben)", version: 2 });
    const stale = await client.patch(`/api/group-events/${event.id}`, { version: 1, participants: 30 });
    expect(stale.statusCode).toBe(409);
    expect((await (await as("counselorBavaria")).patch(`/api/group-events/${event.id}`, { version: 2, participants: 3 })).statusCode).toBe(
      404,
    );
    expect(
      (await (await as("coordinationBerlin")).patch(`/api/group-events/${event.id}`, { version: 2, participants: 3 })).statusCode,
    ).toBe(403);
    const [row] = await t.database.db.select().from(groupEvents).where(eq(groupEvents.id, event.id));
    expect(row).toMatchObject({ participants: 25, version: 2 });
  });

  it("keeps roles without casework from recording", async () => {
    for (const who of ["monitoring", "coordinationBerlin"] as const) {
      expect((await (await as(who)).post("/api/group-events", body({ unitId: berlinSub }))).statusCode).toBe(403);
    }
  });
});
