import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, providers, sites, unitHistory, units } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp, type TestClient } from "../../test/harness.js";
import { seedId } from "./seed.js";

const unitId = (key: string) => seedId("unit", key);

describe("changing the network", () => {
  let t: TestApp;
  const clients = new Map<Persona, TestClient>();
  const as = async (who: Persona) => {
    if (!clients.has(who)) clients.set(who, await t.login(who));
    return clients.get(who)!;
  };
  const row = async (id: string) => (await t.database.db.select().from(units).where(eq(units.id, id)))[0]!;
  const historyOf = async (id: string) => t.database.db.select().from(unitHistory).where(eq(unitHistory.unitId, id));
  const auditOf = async (id: string) => t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
  const subtreePaths = async (path: string) =>
    (
      await t.database.db
        .select({ id: units.id, path: units.path })
        .from(units)
        .where(like(units.path, `${path}%`))
    ).sort((a, b) => a.id.localeCompare(b.id));
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

  /** A fresh Berlin sub-project with one site, made by the Berlin coordination. */
  const newBerlinSubProject = async (name: string) => {
    const coordination = await as("coordinationBerlin");
    const sub = await coordination.post("/api/units", {
      type: "sub_project",
      parentId: unitId("state:DE-BE"),
      name,
      fieldOfAction: "qualification",
      providerName: `Träger von ${name}`,
      openedOn: "2024-01-01",
    });
    expect(sub.statusCode).toBe(201);
    const site = await coordination.post("/api/units", {
      type: "site",
      parentId: sub.json().id,
      name: `${name} – Standort Mitte`,
      openedOn: "2024-02-01",
      site: { city: "Berlin", postcode: "10117", street: "Teststraße 1" },
    });
    expect(site.statusCode).toBe(201);
    return { sub: sub.json(), site: site.json() };
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe("create", () => {
    it("creates a sub-project with a new provider, a history snapshot and an audit event", async () => {
      const res = await (await as("coordinationBerlin")).post("/api/units", {
        type: "sub_project",
        parentId: unitId("state:DE-BE"),
        name: "  Mentoring für Pflegekräfte  ",
        shortName: "Mentoring",
        fieldOfAction: "qualification",
        providerName: "Pflegebrücke Berlin e.V.",
        description: "Begleitung zur Kenntnisprüfung",
        openedOn: "2025-03-01",
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        type: "sub_project",
        name: "Mentoring für Pflegekräfte",
        parentId: unitId("state:DE-BE"),
        depth: 2,
        stateCode: "DE-BE",
        providerName: "Pflegebrücke Berlin e.V.",
        fieldOfAction: "qualification",
        openedOn: "2025-03-01",
        closedOn: null,
        isDemo: false,
        version: 1,
        childCount: 0,
        abilities: { update: true, move: true, close: true, reopen: false, createChild: true },
      });
      const stored = await row(body.id);
      expect(stored.path).toBe(`${unitId("federal")}/${unitId("state:DE-BE")}/${body.id}`);
      const [provider] = await t.database.db.select().from(providers).where(eq(providers.id, stored.providerId!));
      expect(provider!.name).toBe("Pflegebrücke Berlin e.V.");
      const history = await historyOf(body.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ change: "created", snapshot: expect.objectContaining({ name: "Mentoring für Pflegekräfte" }) });
      const audit = await auditOf(body.id);
      expect(audit.map((a) => a.action)).toEqual(["directory.unit.created"]);
      expect(audit[0]).toMatchObject({ recordType: "unit", outcome: "success", actorLabel: "koordination.berlin@lotse.demo" });
    });

    it("lets a sub-project lead add a site; coordinates and state come from the postcode", async () => {
      const res = await (await as("leadBerlin")).post("/api/units", {
        type: "site",
        parentId: unitId("demo-sub-project:DE-BE"),
        name: "Beratung im Stadtteilzentrum",
        site: {
          city: "Berlin",
          postcode: "10115",
          street: "Invalidenstraße 5",
          languages: ["de", "ar", "uk"],
          channels: ["in_person", "video"],
          openingHours: [{ weekday: 2, opens: "10:00", closes: "14:00" }],
          accessibility: { stepFree: true, notes: "Klingel links" },
          directions: "U6 Naturkundemuseum, 3 Minuten",
        },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.stateCode).toBe("DE-BE");
      expect(body.site).toMatchObject({
        postcode: "10115",
        city: "Berlin",
        languages: ["de", "ar", "uk"],
        channels: ["in_person", "video"],
        timeZone: "Europe/Berlin",
      });
      expect(body.site.latitude).toBeCloseTo(52.53, 1);
      expect(body.site.longitude).toBeCloseTo(13.38, 1);
      expect(body.site.accessibility).toEqual({
        stepFree: true,
        accessibleToilet: null,
        elevator: null,
        hearingLoop: null,
        parking: null,
        notes: "Klingel links",
      });
    });

    it("names each invalid field with 400", async () => {
      const client = await as("admin");
      const missing = await client.post("/api/units", { type: "sub_project", parentId: unitId("state:DE-BE") });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().code).toBe("validation_failed");
      expect(fields(missing.json())).toEqual(["fieldOfAction", "name"]);

      const badSite = await client.post("/api/units", {
        type: "site",
        parentId: unitId("demo-sub-project:DE-BE"),
        name: "Kaputt",
        site: {
          city: "Berlin",
          postcode: "1011",
          languages: ["deu"],
          channels: ["telepathy"],
          openingHours: [{ weekday: 8, opens: "16:00", closes: "09:00" }],
        },
      });
      expect(badSite.statusCode).toBe(400);
      expect(fields(badSite.json())).toEqual(
        ["site.channels.0", "site.languages.0", "site.openingHours.0.closes", "site.openingHours.0.weekday", "site.postcode"].sort(),
      );

      const wrongParent = await client.post("/api/units", {
        type: "site",
        parentId: unitId("state:DE-BE"),
        name: "Falsch",
        site: { city: "Berlin" },
      });
      expect(wrongParent.statusCode).toBe(400);
      expect(fields(wrongParent.json())).toEqual(["parentId"]);
      expect(wrongParent.json().errors[0].code).toBe("parent_type_not_allowed");

      const unknownProvider = await client.post("/api/units", {
        type: "sub_project",
        parentId: unitId("state:DE-BE"),
        name: "X",
        fieldOfAction: "qualification",
        providerId: "00000000-0000-4000-8000-000000000000",
      });
      expect(unknownProvider.statusCode).toBe(400);
      expect(fields(unknownProvider.json())).toEqual(["providerId"]);
      expect(await t.database.db.select().from(units).where(eq(units.name, "X"))).toHaveLength(0);
    });

    it("answers 404 for an unknown or invisible parent and 403 for a visible one without rights", async () => {
      const body = { type: "sub_project", name: "Nicht erlaubt", fieldOfAction: "qualification" };
      const unknown = await (await as("admin")).post("/api/units", { ...body, parentId: "00000000-0000-4000-8000-000000000000" });
      expect(unknown.statusCode).toBe(404);
      expect(fields(unknown.json())).toEqual(["parentId"]);
      expect((await (await as("counselorBavaria")).post("/api/units", { ...body, parentId: unitId("state:DE-BE") })).statusCode).toBe(404);
      expect((await (await as("counselorBerlin")).post("/api/units", { ...body, parentId: unitId("state:DE-BE") })).statusCode).toBe(403);
      expect((await (await as("leadBerlin")).post("/api/units", { ...body, parentId: unitId("state:DE-BE") })).statusCode).toBe(403);
      expect(await t.database.db.select().from(units).where(eq(units.name, "Nicht erlaubt"))).toHaveLength(0);
    });
  });

  describe("update", () => {
    it("updates with the current version and records the change", async () => {
      const id = unitId("demo-sub-project:DE-BE");
      const before = await row(id);
      const res = await (await as("leadBerlin")).patch(`/api/units/${id}`, {
        version: before.version,
        description: "Neue Beschreibung",
        shortName: "AB Berlin",
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ description: "Neue Beschreibung", shortName: "AB Berlin", version: before.version + 1 });
      const history = await historyOf(id);
      expect(history.map((h) => h.change).sort()).toEqual(["seeded", "updated"]);
      const audit = await auditOf(id);
      expect(audit.at(-1)).toMatchObject({ action: "directory.unit.updated", details: { fields: ["shortName", "description"] } });
    });

    it("refuses a stale version with 409 and changes nothing", async () => {
      const id = unitId("state:DE-BE");
      const before = await row(id);
      const historyBefore = (await historyOf(id)).length;
      const res = await (await as("coordinationBerlin")).patch(`/api/units/${id}`, { version: before.version + 5, name: "Überschrieben" });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("conflict");
      const after = await row(id);
      expect(after.name).toBe("IQ Netzwerk Berlin");
      expect(after.version).toBe(before.version);
      expect(await historyOf(id)).toHaveLength(historyBefore);
    });

    it("hides a Berlin unit from a Bavarian counselor (404) and leaves the row unchanged", async () => {
      const id = unitId("demo-sub-project:DE-BE");
      const before = await row(id);
      const res = await (await as("counselorBavaria")).patch(`/api/units/${id}`, { version: before.version, name: "Gekapert" });
      expect(res.statusCode).toBe(404);
      expect(await row(id)).toEqual(before);
    });

    it("forbids read-only roles and leads outside their sub-project (403)", async () => {
      const sub = unitId("demo-sub-project:DE-BE");
      const net = unitId("state:DE-BE");
      expect(
        (await (await as("counselorBerlin")).patch(`/api/units/${sub}`, { version: (await row(sub)).version, name: "X" })).statusCode,
      ).toBe(403);
      expect((await (await as("monitoring")).patch(`/api/units/${net}`, { version: (await row(net)).version, name: "X" })).statusCode).toBe(
        403,
      );
      expect((await (await as("leadBerlin")).patch(`/api/units/${net}`, { version: (await row(net)).version, name: "X" })).statusCode).toBe(
        403,
      );
      expect((await row(net)).name).toBe("IQ Netzwerk Berlin");
    });

    it("updates site fields and rejects fields that do not apply", async () => {
      const { site } = await newBerlinSubProject("Sprachpraxis Pflege");
      const lead = await as("coordinationBerlin");
      const res = await lead.patch(`/api/units/${site.id}`, {
        version: site.version,
        site: { languages: ["de", "fa"], phone: "+49 30 1234567", postcode: "10115" },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().site).toMatchObject({
        languages: ["de", "fa"],
        phone: "+49 30 1234567",
        postcode: "10115",
        street: "Teststraße 1",
      });
      const wrong = await lead.patch(`/api/units/${site.id}`, { version: site.version + 1, fieldOfAction: "qualification" });
      expect(wrong.statusCode).toBe(400);
      expect(fields(wrong.json())).toEqual(["fieldOfAction"]);
      const noVersion = await lead.patch(`/api/units/${site.id}`, { name: "Ohne Version" });
      expect(noVersion.statusCode).toBe(400);
      expect(fields(noVersion.json())).toEqual(["version"]);
    });
  });

  describe("move", () => {
    it("moves a sub-project with its site to another state network, rewriting paths and states", async () => {
      const { sub, site } = await newBerlinSubProject("Umzugsprojekt");
      const res = await (await as("admin")).post(`/api/units/${sub.id}/move`, { version: sub.version, parentId: unitId("state:DE-BY") });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ parentId: unitId("state:DE-BY"), stateCode: "DE-BY", version: sub.version + 1, depth: 2 });
      const movedSite = await row(site.id);
      expect(movedSite.path).toBe(`${unitId("federal")}/${unitId("state:DE-BY")}/${sub.id}/${site.id}`);
      expect(movedSite.stateCode).toBe("DE-BY");
      expect(movedSite.depth).toBe(3);
      expect((await historyOf(site.id)).map((h) => h.change).sort()).toEqual(["created", "moved"]);
      expect((await auditOf(sub.id)).map((a) => a.action)).toEqual(["directory.unit.created", "directory.unit.moved"]);
      // The Berlin coordination no longer sees it; Bavaria's counselor sees only her own sub-project.
      expect((await (await as("coordinationBerlin")).get(`/api/units/${sub.id}`)).statusCode).toBe(404);
    });

    it("refuses a move into the unit's own subtree and leaves every path unchanged", async () => {
      const { sub, site } = await newBerlinSubProject("Kreisprojekt");
      const before = await subtreePaths((await row(sub.id)).path);
      const res = await (await as("admin")).post(`/api/units/${sub.id}/move`, { version: sub.version, parentId: site.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: "parentId", code: "cycle" })]);
      const self = await (await as("admin")).post(`/api/units/${unitId("state:DE-BE")}/move`, {
        version: (await row(unitId("state:DE-BE"))).version,
        parentId: sub.id,
      });
      expect(self.statusCode).toBe(400);
      expect(await subtreePaths((await row(sub.id)).path)).toEqual(before);
      expect((await row(sub.id)).version).toBe(sub.version);
    });

    it("checks rights at source and target, the allowed parent types and the version", async () => {
      const { sub } = await newBerlinSubProject("Wanderprojekt");
      const before = await row(sub.id);
      // Bavaria is not visible to the Berlin coordination: 404 naming the target.
      const foreign = await (await as("coordinationBerlin")).post(`/api/units/${sub.id}/move`, {
        version: sub.version,
        parentId: unitId("state:DE-BY"),
      });
      expect(foreign.statusCode).toBe(404);
      const lead = await (await as("leadBerlin")).post(`/api/units/${unitId("demo-sub-project:DE-BE")}/move`, {
        version: (await row(unitId("demo-sub-project:DE-BE"))).version,
        parentId: unitId("state:DE-BY"),
      });
      expect(lead.statusCode).toBe(403);
      const wrongType = await (await as("admin")).post(`/api/units/${sub.id}/move`, {
        version: sub.version,
        parentId: unitId("support-team"),
      });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().errors[0]).toMatchObject({ field: "parentId", code: "parent_type_not_allowed" });
      const stale = await (await as("admin")).post(`/api/units/${sub.id}/move`, {
        version: sub.version + 1,
        parentId: unitId("state:DE-HH"),
      });
      expect(stale.statusCode).toBe(409);
      expect(await row(sub.id)).toEqual(before);
    });
  });

  describe("close and reopen", () => {
    it("forbids closing the Berlin state network to its lead and its own coordination (403)", async () => {
      const id = unitId("state:DE-BE");
      const version = (await row(id)).version;
      for (const who of ["leadBerlin", "coordinationBerlin"] as const) {
        const res = await (await as(who)).post(`/api/units/${id}/close`, { version, closedOn: "2026-12-31", cascade: true });
        expect(res.statusCode).toBe(403);
      }
      expect((await row(id)).closedOn).toBeNull();
    });

    it("refuses to close a unit with open units below it unless cascading, then closes the subtree on one date", async () => {
      const { sub, site } = await newBerlinSubProject("Auslaufprojekt");
      const client = await as("coordinationBerlin");
      const refused = await client.post(`/api/units/${sub.id}/close`, { version: sub.version, closedOn: "2025-06-30" });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: "invalid_state", openDescendants: [{ id: site.id, name: site.name, type: "site" }] });
      expect((await row(sub.id)).closedOn).toBeNull();
      expect(await historyOf(sub.id)).toHaveLength(1);

      const closed = await client.post(`/api/units/${sub.id}/close`, { version: sub.version, closedOn: "2025-06-30", cascade: true });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ closedOn: "2025-06-30", abilities: { close: false, reopen: true, move: false } });
      expect((await row(site.id)).closedOn).toBe("2025-06-30");
      expect((await historyOf(site.id)).map((h) => h.change).sort()).toEqual(["closed", "created"]);
      expect((await auditOf(site.id)).map((a) => a.action)).toContain("directory.unit.closed");

      // Closed units stay (for the statistics of their period) but leave the default list.
      const open = (await client.get(`/api/units?parentId=${unitId("state:DE-BE")}`)).json().items;
      expect(open.some((u: { id: string }) => u.id === sub.id)).toBe(false);
      const all = (await client.get(`/api/units?parentId=${unitId("state:DE-BE")}&includeClosed=true`)).json().items;
      expect(all.some((u: { id: string }) => u.id === sub.id)).toBe(true);
      expect((await client.get(`/api/units/${sub.id}`)).statusCode).toBe(200);

      const again = await client.post(`/api/units/${sub.id}/close`, { version: sub.version + 1, closedOn: "2025-07-01" });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("invalid_state");

      // A site cannot reopen below a closed sub-project; the sub-project can.
      const siteReopen = await client.post(`/api/units/${site.id}/reopen`, { version: (await row(site.id)).version });
      expect(siteReopen.statusCode).toBe(409);
      const reopened = await client.post(`/api/units/${sub.id}/reopen`, { version: sub.version + 1 });
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json()).toMatchObject({ closedOn: null, version: sub.version + 2 });
      expect((await auditOf(sub.id)).map((a) => a.action)).toEqual([
        "directory.unit.created",
        "directory.unit.closed",
        "directory.unit.reopened",
      ]);
    });

    it("rejects a closing date before the opening date (400) and lets a lead close a site", async () => {
      const { site } = await newBerlinSubProject("Frühschluss");
      const client = await as("coordinationBerlin");
      const early = await client.post(`/api/units/${site.id}/close`, { version: site.version, closedOn: "2020-01-01" });
      expect(early.statusCode).toBe(400);
      expect(fields(early.json())).toEqual(["closedOn"]);
      const own = (await (await as("leadBerlin")).get(`/api/units?parentId=${unitId("demo-sub-project:DE-BE")}&type=site`)).json().items;
      const res = await (await as("leadBerlin")).post(`/api/units/${own[0].id}/close`, { version: own[0].version, closedOn: "2026-01-31" });
      expect(res.statusCode).toBe(200);
      expect((await row(own[0].id)).closedOn).toBe("2026-01-31");
    });
  });

  describe("atomicity", () => {
    it("leaves nothing half-written when a step in the middle of a use case fails", async () => {
      const { sub } = await newBerlinSubProject("Fehlerprojekt");
      const pathsBefore = await subtreePaths((await row(sub.id)).path);
      // The audit insert comes after the unit, site and history rows: make it fail.
      await t.database.db.execute(sql`create function fail_directory_audit() returns trigger language plpgsql as $$
        begin if new.action like 'directory.%' then raise exception 'simulated failure'; end if; return new; end $$`);
      await t.database.db.execute(
        sql`create trigger fail_directory_audit before insert on audit_events for each row execute function fail_directory_audit()`,
      );
      try {
        const client = await as("admin");
        const countRows = async () => ({
          units: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n,
          sites: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(sites))[0]!.n,
          history: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(unitHistory))[0]!.n,
          audit: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n,
        });
        const before = await countRows();
        const created = await client.post("/api/units", {
          type: "site",
          parentId: sub.id,
          name: "Halbfertiger Standort",
          site: { city: "Berlin", postcode: "10117" },
        });
        expect(created.statusCode).toBe(500);
        expect(created.json().code).toBe("internal");
        expect(await t.database.db.select().from(units).where(eq(units.name, "Halbfertiger Standort"))).toHaveLength(0);
        expect(
          await t.database.db.select().from(unitHistory).where(sql`${unitHistory.snapshot}->>'name' = 'Halbfertiger Standort'`),
        ).toHaveLength(0);

        const moved = await client.post(`/api/units/${sub.id}/move`, { version: sub.version, parentId: unitId("state:DE-HH") });
        expect(moved.statusCode).toBe(500);
        const after = await row(sub.id);
        expect(after.parentId).toBe(unitId("state:DE-BE"));
        expect(after.stateCode).toBe("DE-BE");
        expect(after.version).toBe(sub.version);
        expect(await subtreePaths(after.path)).toEqual(pathsBefore);
        expect((await historyOf(sub.id)).map((h) => h.change)).toEqual(["created"]);
        // Not one row more anywhere: no unit, site, history or audit row survived the failures.
        expect(await countRows()).toEqual(before);
      } finally {
        await t.database.db.execute(sql`drop trigger fail_directory_audit on audit_events`);
        await t.database.db.execute(sql`drop function fail_directory_audit()`);
      }
      const unitCount = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.parentId, sub.id));
      expect(unitCount[0]!.n).toBe(1);
    });
  });
});
