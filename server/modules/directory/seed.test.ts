import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../db/index.js";
import { applyMigrations } from "../../db/migrate.js";
import { providers, sites, unitHistory, units } from "../../db/schema/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { faireIntegrationCentres } from "./data/network.js";
import { ensureReferenceNetwork, seedId, seedNetwork } from "./seed.js";

describe("network seed", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const unitsOf = (type: string) => t.database.db.select().from(units).where(eq(units.type, type));
  const providerName = async (id: string | null) =>
    id ? (await t.database.db.select().from(providers).where(eq(providers.id, id)))[0]!.name : null;
  const childrenOf = (id: string) => t.database.db.select().from(units).where(eq(units.parentId, id));

  it("has the 16 state networks with their coordinating providers", async () => {
    const states = await unitsOf("state_network");
    expect(states).toHaveLength(16);
    expect(new Set(states.map((s) => s.stateCode)).size).toBe(16);
    expect(states.every((s) => s.isDemo === false && s.depth === 1 && s.providerId)).toBe(true);
    const bw = states.find((s) => s.stateCode === "DE-BW")!;
    expect(bw.name).toBe("IQ Netzwerk Baden-Württemberg");
    expect(await providerName(bw.providerId)).toBe("Interkulturelles Bildungszentrum Mannheim gGmbH (ikubiz)");
    expect(await providerName(states.find((s) => s.stateCode === "DE-BY")!.providerId)).toBe("Tür an Tür – Integrationsprojekte gGmbH");
    expect(await providerName(states.find((s) => s.stateCode === "DE-TH")!.providerId)).toBe("Bildungswerk der Thüringer Wirtschaft e.V.");
  });

  it("has the five expert units, the transfer project and the support team with their providers", async () => {
    const experts = await unitsOf("expert_unit");
    expect(experts.map((e) => e.name).sort()).toEqual([
      "IQ Fachstelle Beratung und Qualifizierung",
      "IQ Fachstelle Berufsbezogenes Deutsch",
      "IQ Fachstelle Einwanderung",
      "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
      "IQ Fachstelle Migrantenökonomie",
    ]);
    expect(await providerName(experts.find((e) => e.name.endsWith("Migrantenökonomie"))!.providerId)).toBe(
      "Institut für Sozialpädagogische Forschung Mainz e.V. (ism)",
    );
    const [transfer] = await unitsOf("transfer_project");
    expect(transfer!.name).toBe("IQ Multiplikatorenprojekt Transfer (MUT IQ)");
    expect(await providerName(transfer!.providerId)).toBe("ebb Entwicklungsgesellschaft für berufliche Bildung mbH");
    const [support] = await unitsOf("support_team");
    expect(support!.name).toBe("Support Faire Integration");
    expect(await providerName(support!.providerId)).toBe("DGB Bildungswerk BUND e.V.");
    const supportSites = await t.database.db
      .select()
      .from(units)
      .innerJoin(sites, eq(sites.unitId, units.id))
      .where(eq(units.parentId, support!.id));
    expect(supportSites.map((s) => s.sites.city).sort()).toEqual(["Berlin", "Dortmund", "Frankfurt a.M.", "Nürnberg"]);
    const nuremberg = supportSites.find((s) => s.sites.city === "Nürnberg")!;
    expect(await providerName(nuremberg.units.providerId)).toBe("Europäischer Verein für Wanderarbeiterfragen e.V. (EVW)");
    expect(nuremberg.units.stateCode).toBe("DE-BY");
    // One provider row per organisation, however often it is named.
    const ism = await t.database.db.select().from(providers).where(sql`lower(${providers.name}) like '%(ism)%'`);
    expect(ism).toHaveLength(1);
  });

  it("has every Faire Integration centre under its state network, with one site per city at the city centroid", async () => {
    const centres = await t.database.db
      .select()
      .from(units)
      .where(and(eq(units.type, "sub_project"), eq(units.fieldOfAction, "faire_integration")));
    expect(centres).toHaveLength(18);
    expect(centres.every((c) => !c.isDemo && c.parentId === seedId("unit", `state:${c.stateCode}`))).toBe(true);
    const citiesByCentre = new Map<string, string[]>();
    const rows = await t.database.db
      .select({
        parentId: units.parentId,
        city: sites.city,
        street: sites.street,
        postcode: sites.postcode,
        lat: sites.latitude,
        lon: sites.longitude,
      })
      .from(units)
      .innerJoin(sites, eq(sites.unitId, units.id))
      .where(
        inArray(
          units.parentId,
          centres.map((c) => c.id),
        ),
      );
    for (const r of rows) citiesByCentre.set(r.parentId!, [...(citiesByCentre.get(r.parentId!) ?? []), r.city!].sort());
    const all = rows.map((r) => r.city).sort();
    expect(all).toEqual(faireIntegrationCentres.flatMap((c) => c.cities.map((x) => x.city)).sort());
    expect(all).toHaveLength(27);
    expect(citiesByCentre.get(seedId("unit", "fi:sn"))).toEqual(["Chemnitz", "Dresden", "Leipzig"]);
    expect(citiesByCentre.get(seedId("unit", "fi:st"))).toEqual(["Halle (Saale)", "Magdeburg"]);
    // Real sites: no invented street or postcode, but coordinates of the city.
    expect(rows.every((r) => r.street === null && r.postcode === null)).toBe(true);
    const cottbus = rows.find((r) => r.city === "Cottbus")!;
    expect(cottbus.lat).toBeCloseTo(51.76, 1);
    expect(cottbus.lon).toBeCloseTo(14.33, 1);
    const bw = centres.find((c) => c.stateCode === "DE-BW")!;
    expect(bw.name).toBe("Faire Integration in Baden-Württemberg – mira");
    expect(await providerName(bw.providerId)).toBe("adis e.V.");
    expect(await providerName(centres.find((c) => c.stateCode === "DE-SH")!.providerId)).toBe("Antidiskriminierungsverband e.V.");
  });

  it("repairs the broken ligatures of the source text", async () => {
    const names = [
      ...(await t.database.db.select({ n: units.name }).from(units)).map((r) => r.n),
      ...(await t.database.db.select({ n: providers.name }).from(providers)).map((r) => r.n),
    ];
    const cities = (await t.database.db.select({ c: sites.city }).from(sites)).map((r) => r.c ?? "");
    for (const text of [...names, ...cities]) expect(text).not.toMatch(/�|Integra |Stu |Magedeburg|An diskriminierung|Ini a/);
    expect(cities).toContain("Cottbus");
    expect(cities).toContain("Stuttgart");
  });

  it("marks demo data as demo and only demo data, with 2–4 sub-projects in every state network", async () => {
    const all = await t.database.db.select().from(units);
    for (const u of all) expect(u.name.includes("(Demo)")).toBe(u.isDemo);
    const demoProviders = await t.database.db.select().from(providers).where(eq(providers.isDemo, true));
    expect(demoProviders.length).toBeGreaterThan(16);
    expect(demoProviders.every((p) => p.name.includes("(Demo)"))).toBe(true);
    for (const state of await unitsOf("state_network")) {
      const demo = (await childrenOf(state.id)).filter((c) => c.isDemo);
      expect(demo.length).toBeGreaterThanOrEqual(2);
      expect(demo.length).toBeLessThanOrEqual(4);
      for (const sub of demo) {
        expect(["recognition_counseling", "qualification", "intercultural_competence", "immigration_employers"]).toContain(
          sub.fieldOfAction,
        );
        const subSites = await childrenOf(sub.id);
        expect(subSites.length).toBeGreaterThanOrEqual(1);
        expect(subSites.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it("gives demo sites postcode, coordinates, languages, channels, hours and accessibility; Berlin counsels in 11 languages", async () => {
    const demoSites = await t.database.db.select().from(sites).innerJoin(units, eq(units.id, sites.unitId)).where(eq(units.isDemo, true));
    expect(demoSites.length).toBeGreaterThan(40);
    for (const { sites: s } of demoSites) {
      expect(s.postcode).toMatch(/^\d{5}$/);
      expect(s.street).toContain("(Demo-Adresse)");
      expect(s.latitude).toBeGreaterThan(47);
      expect(s.latitude).toBeLessThan(55.1);
      expect(s.languages).toEqual(expect.arrayContaining(["de", "en"]));
      expect(s.channels).toContain("in_person");
      expect((s.openingHours as unknown[]).length).toBeGreaterThan(0);
      expect(Object.keys(s.accessibility as object).sort()).toEqual([
        "accessibleToilet",
        "elevator",
        "hearingLoop",
        "notes",
        "parking",
        "stepFree",
      ]);
      expect(s.directions).toMatch(/Haltestelle/);
    }
    const berlin = demoSites.filter((s) => s.units.stateCode === "DE-BE");
    for (const { sites: s } of berlin) expect(s.languages).toEqual(expect.arrayContaining(["de", "en", "ar", "fa", "uk", "tr", "ru"]));
    expect(new Set(berlin.flatMap((s) => s.sites.languages)).size).toBe(11);
    // A demo site's postcode is a real postcode of its city.
    const [match] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from sites s where s.postcode is not null
            and not exists (select 1 from postcodes p where p.postcode = s.postcode)`,
    );
    expect(match!.n).toBe(0);
  });

  it("keeps the ids the demo accounts hang off, with a seeded history row per unit", async () => {
    const be = (
      await t.database.db
        .select()
        .from(units)
        .where(eq(units.id, seedId("unit", "demo-sub-project:DE-BE")))
    )[0]!;
    expect(be).toMatchObject({ type: "sub_project", stateCode: "DE-BE", isDemo: true, fieldOfAction: "recognition_counseling" });
    const total = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units);
    const seeded = await t.database.db
      .select({ n: sql<number>`count(distinct unit_id)::int` })
      .from(unitHistory)
      .where(eq(unitHistory.change, "seeded"));
    expect(seeded[0]!.n).toBe(total[0]!.n);
  });

  it("is idempotent: seeding again adds nothing and returns the same keys", async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units);
    const keys = await seedNetwork(t.database.db, { demo: true });
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(keys.get("federal")).toBe(seedId("unit", "federal"));
    expect(keys.get("state:DE-BY")).toBe(seedId("unit", "state:DE-BY"));
    expect(keys.get("demo-sub-project:DE-BY")).toBe(seedId("unit", "demo-sub-project:DE-BY"));
  });

  // How long it takes (with ~23,000 postcodes) is a matter for a benchmark, not for this test.
  it("seeds only the real network without demo data (production)", async () => {
    const database = await openDatabase({ kind: "pglite" });
    try {
      await applyMigrations(database);
      expect(await ensureReferenceNetwork(database.db)).toBe(true);
      expect(await ensureReferenceNetwork(database.db)).toBe(false);
      const demo = await database.db.select().from(units).where(eq(units.isDemo, true));
      expect(demo).toHaveLength(0);
      const open = await database.db.select({ n: sql<number>`count(*)::int` }).from(units).where(isNull(units.closedOn));
      expect(open[0]!.n).toBe(1 + 16 + 5 + 1 + 1 + 4 + 18 + 27);
    } finally {
      await database.close();
    }
  });
});
