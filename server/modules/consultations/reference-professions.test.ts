import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceProfessionSeed } from "../../../common/domain/reference-professions.js";
import { auditEvents, referenceProfessions } from "../../db/schema/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { ensureReferenceProfessions } from "./reference-professions-repository.js";

describe("reference professions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const names = async (query: string) => {
    const res = await (await t.login("counselorBerlin")).get(`/api/reference-professions?${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json().items as { name: string }[]).map((p) => p.name);
  };

  it("holds the curated catalogue: at least 60 entries, regulated and not, in every professional field", async () => {
    expect(referenceProfessionSeed.length).toBeGreaterThanOrEqual(60);
    const rows = await t.database.db.select().from(referenceProfessions);
    expect(rows.length).toBe(referenceProfessionSeed.length);
    expect(rows.filter((r) => r.regulated).length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(await ensureReferenceProfessions(t.database.db)).toEqual({ added: 0 }); // idempotent at every start
  });

  it("finds a profession by its current or former name, without accents", async () => {
    expect(await names("q=Krankenpfleger")).toContain("Pflegefachfrau/Pflegefachmann");
    expect(await names("q=arztin")).toContain("Arzt/Ärztin");
    expect(await names("q=Ingenieur")).toContain("Ingenieur/in");
    expect(await names("q=Elektroniker&regulated=false")).toContain("Elektroniker/in");
    expect(await names("q=Elektroniker&regulated=true")).toEqual([]);
    const health = await names("field=health&limit=200");
    expect(health).toContain("Apotheker/in");
    expect(health).not.toContain("Lehrer/in");
  });

  it("names a bad filter", async () => {
    const res = await (await t.login("counselorBerlin")).get("/api/reference-professions?field=astrology");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("field");
  });

  it("lets the network administrator add, rename and retire entries, with audit; a taken name is refused", async () => {
    const admin = await t.login("admin");
    const created = await admin.post("/api/reference-professions", {
      name: "Orthopädietechnik-Mechaniker/in",
      regulated: false,
      professionalField: "health",
      qualificationKind: "vocational",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(await names("q=orthopadietechnik")).toContain("Orthopädietechnik-Mechaniker/in");

    const taken = await admin.post("/api/reference-professions", {
      name: "arzt/ärztin",
      regulated: true,
      professionalField: "health",
      qualificationKind: "academic",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe("name");

    const retired = await admin.patch(`/api/reference-professions/${id}`, { active: false });
    expect(retired.json().active).toBe(false);
    expect(await names("q=orthopadietechnik")).toEqual([]);
    expect(await names("q=orthopadietechnik&includeInactive=true")).toContain("Orthopädietechnik-Mechaniker/in");
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
    expect(events.map((e) => e.action).sort()).toEqual(["reference_profession.create", "reference_profession.update"]);
  });

  it("keeps curation to the network administrator", async () => {
    const res = await (await t.login("coordinationBerlin")).post("/api/reference-professions", {
      name: "Neuer Beruf",
      regulated: false,
      professionalField: "health",
      qualificationKind: "vocational",
    });
    expect(res.statusCode).toBe(403);
  });
});
