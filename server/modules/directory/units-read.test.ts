import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../../db/schema/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { seedId } from "./seed.js";

const unitId = (key: string) => seedId("unit", key);
type Item = {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  depth: number;
  stateCode: string | null;
  abilities: Record<string, boolean>;
};

describe("reading the network", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const list = async (who: Parameters<TestApp["login"]>[0], query = "") => {
    const res = await (await t.login(who)).get(`/api/units${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Item[];
  };

  it("refuses the unit list without a session", async () => {
    const res = await t.anonymous().get("/api/units");
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("shows monitoring every open unit, in the contract shape, by depth then name, without paths", async () => {
    const items = await list("monitoring");
    const open = await t.database.db.select({ id: units.id }).from(units).where(isNull(units.closedOn));
    expect(items).toHaveLength(open.length);
    expect(items[0]).toMatchObject({ id: unitId("federal"), type: "federal", parentId: null, depth: 0, name: "Förderprogramm IQ (Bund)" });
    expect(Object.keys(items[0]!).sort()).toEqual(
      [
        "abilities",
        "closedOn",
        "depth",
        "fieldOfAction",
        "id",
        "isDemo",
        "name",
        "openedOn",
        "parentId",
        "providerId",
        "providerName",
        "shortName",
        "stateCode",
        "type",
        "version",
      ].sort(),
    );
    expect(JSON.stringify(items)).not.toContain('"path"');
    for (let i = 1; i < items.length; i++) expect(items[i]!.depth).toBeGreaterThanOrEqual(items[i - 1]!.depth);
    const states = items.filter((u) => u.type === "state_network");
    expect(states.map((s) => s.name)).toEqual([...states.map((s) => s.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Monitoring reads only.
    expect(items.every((u) => Object.values(u.abilities).every((v) => v === false))).toBe(true);
  });

  it("shows a Berlin counselor their sub-project subtree and its ancestors, nothing of Bavaria", async () => {
    const items = await list("counselorBerlin");
    const ids = new Set(items.map((u) => u.id));
    const own = unitId("demo-sub-project:DE-BE");
    expect(ids.has(unitId("federal"))).toBe(true);
    expect(ids.has(unitId("state:DE-BE"))).toBe(true);
    expect(ids.has(own)).toBe(true);
    expect(ids.has(unitId("state:DE-BY"))).toBe(false);
    expect(ids.has(unitId("demo-sub-project:DE-BY"))).toBe(false);
    expect(ids.has(unitId("fi:be"))).toBe(false); // a sibling sub-project in Berlin
    const sites = items.filter((u) => u.type === "site");
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.every((s) => s.parentId === own)).toBe(true);
    expect(items).toHaveLength(3 + sites.length);
    expect(items.every((u) => Object.values(u.abilities).every((v) => v === false))).toBe(true);
  });

  it("gives the Berlin coordination its state network with abilities, but not the network's own move or close", async () => {
    const items = await list("coordinationBerlin");
    const berlin = items.find((u) => u.id === unitId("state:DE-BE"))!;
    expect(berlin.abilities).toEqual({ update: true, move: false, close: false, reopen: false, createChild: true });
    const sub = items.find((u) => u.id === unitId("demo-sub-project:DE-BE"))!;
    expect(sub.abilities).toEqual({ update: true, move: true, close: true, reopen: false, createChild: true });
    const root = items.find((u) => u.id === unitId("federal"))!;
    expect(root.abilities.update).toBe(false);
    expect(items.some((u) => u.stateCode === "DE-BY")).toBe(false);
    expect(items.filter((u) => u.type === "state_network")).toHaveLength(1);
  });

  it("filters by type, parent and text", async () => {
    const states = await list("admin", "?type=state_network");
    expect(states).toHaveLength(16);
    expect(new Set(states.map((s) => s.stateCode)).size).toBe(16);
    const berlinChildren = await list("admin", `?parentId=${unitId("state:DE-BE")}`);
    expect(berlinChildren.length).toBeGreaterThanOrEqual(3);
    expect(berlinChildren.every((u) => u.parentId === unitId("state:DE-BE") && u.type === "sub_project")).toBe(true);
    const fi = await list("admin", "?q=faire%20integration&type=sub_project");
    expect(fi).toHaveLength(18);
    const escaped = await list("admin", "?q=%25");
    expect(escaped).toHaveLength(0);
  });

  it("answers bad list queries with 400 naming the field", async () => {
    const client = await t.login("admin");
    const res = await client.get("/api/units?type=planet&includeClosed=maybe");
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(["includeClosed", "type"]);
  });

  it("returns one unit with breadcrumbs, child count and site details", async () => {
    const client = await t.login("counselorBerlin");
    const sub = await client.get(`/api/units/${unitId("demo-sub-project:DE-BE")}`);
    expect(sub.statusCode).toBe(200);
    const body = sub.json();
    expect(body.ancestors.map((a: { id: string }) => a.id)).toEqual([unitId("federal"), unitId("state:DE-BE")]);
    expect(body.site).toBeNull();
    expect(body.providerName).toContain("(Demo)");
    expect(body).not.toHaveProperty("path");

    const children = await t.database.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.parentId, body.id), isNull(units.closedOn)));
    expect(body.childCount).toBe(children.length);
    const site = (await client.get(`/api/units/${children[0]!.id}`)).json();
    expect(site.type).toBe("site");
    expect(site.site.languages).toEqual(expect.arrayContaining(["de", "en", "ar", "fa", "uk", "tr", "ru"]));
    expect(site.site.postcode).toMatch(/^1\d{4}$/);
    expect(site.site.latitude).toBeGreaterThan(52.3);
    expect(site.site.latitude).toBeLessThan(52.7);
    expect(site.site.street).toContain("(Demo-Adresse)");
    expect(site.site.openingHours[0]).toMatchObject({ weekday: 1, opens: "09:00" });
    expect(Object.keys(site.site.accessibility).sort()).toEqual([
      "accessibleToilet",
      "elevator",
      "hearingLoop",
      "notes",
      "parking",
      "stepFree",
    ]);
    expect(site.ancestors).toHaveLength(3);
  });

  it("answers 404 for units the caller may not see and for unknown ids, 400 for malformed ids", async () => {
    const bavaria = await t.login("counselorBavaria");
    expect((await bavaria.get(`/api/units/${unitId("demo-sub-project:DE-BE")}`)).statusCode).toBe(404);
    expect((await bavaria.get(`/api/units/${unitId("demo-sub-project:DE-BE")}/history`)).statusCode).toBe(404);
    expect((await bavaria.get(`/api/units/${unitId("state:DE-BY")}`)).statusCode).toBe(200);
    expect((await bavaria.get("/api/units/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const bad = await bavaria.get("/api/units/not-a-uuid");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("id");
  });

  it("lists the history of a seeded unit", async () => {
    const res = await (await t.login("admin")).get(`/api/units/${unitId("state:DE-BE")}/history`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ change: "seeded", changedBy: null, snapshot: { name: "IQ Netzwerk Berlin", stateCode: "DE-BE" } });
    expect(items[0].snapshot).not.toHaveProperty("path");
  });

  it("documents every directory route in the OpenAPI document", async () => {
    const res = await t.anonymous().get("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths).filter((p) => /units|providers|postcodes/.test(p));
    expect(paths.sort()).toEqual(
      [
        "/api/postcodes/{postcode}",
        "/api/providers",
        "/api/units",
        "/api/units/{id}",
        "/api/units/{id}/close",
        "/api/units/{id}/history",
        "/api/units/{id}/move",
        "/api/units/{id}/reopen",
      ].sort(),
    );
  });
});
