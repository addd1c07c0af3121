import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, postcodes, providers } from "../../db/schema/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { ensurePostcodes, readPostcodeCsv } from "./postcodes.js";

describe("postcodes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("parses quoted fields with commas and maps numeric and letter state codes to ISO", async () => {
    const file = join(tmpdir(), `postcodes-${process.pid}.csv`);
    writeFileSync(
      file,
      [
        "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude",
        'DE,70767,"RTS Rieger Team, Werbeagentur",Baden-Württemberg,01,Regierungsbezirk Stuttgart,081,Landkreis Esslingen,08116,48.6933,9.1296',
        "DE,10115,Berlin,Berlin,BE,,00,Berlin,11000,52.5323,13.3846",
        "DE,99999,Nirgendwo,,,,,,,1,1",
      ].join("\n"),
    );
    const rows = await readPostcodeCsv(file);
    expect(rows).toEqual([
      {
        postcode: "70767",
        place: "RTS Rieger Team, Werbeagentur",
        stateCode: "DE-BW",
        districtCode: "08116",
        district: "Landkreis Esslingen",
        latitude: 48.6933,
        longitude: 9.1296,
      },
      {
        postcode: "10115",
        place: "Berlin",
        stateCode: "DE-BE",
        districtCode: "11000",
        district: "Berlin",
        latitude: 52.5323,
        longitude: 13.3846,
      },
    ]);
  });

  it("is loaded once, with every state", async () => {
    const [count] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(postcodes);
    expect(count!.n).toBeGreaterThan(23_000);
    const states = await t.database.db.selectDistinct({ s: postcodes.stateCode }).from(postcodes);
    expect(states.map((s) => s.s).sort()).toHaveLength(16);
    expect(await ensurePostcodes(t.database.db)).toEqual({ loaded: 0 });
  });

  it("answers a postcode lookup without a session (reference data)", async () => {
    const res = await t.anonymous().get("/api/postcodes/99084");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { postcode: "99084", place: "Erfurt", stateCode: "DE-TH", district: "Erfurt, Stadt", latitude: 50.9746, longitude: 11.0297 },
    ]);
    expect((await t.anonymous().get("/api/postcodes/00001")).json()).toEqual({ items: [] });
    const bad = await t.anonymous().get("/api/postcodes/1234a");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("postcode");
  });
});

describe("providers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("searches providers by name for staff, not for anonymous callers", async () => {
    const client = await t.login("counselorBerlin");
    const res = await client.get("/api/providers?q=wanderarbeiter");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ name: "Europäischer Verein für Wanderarbeiterfragen e.V. (EVW)", isDemo: false }),
    ]);
    expect((await t.anonymous().get("/api/providers")).statusCode).toBe(401);
  });

  it("lets the coordination add a provider once, with an audit event; counselors may not", async () => {
    const coordination = await t.login("coordinationBerlin");
    const res = await coordination.post("/api/providers", { name: "Neuer Träger Berlin gGmbH" });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect((await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, id)))[0]).toMatchObject({
      action: "directory.provider.created",
    });
    const again = await coordination.post("/api/providers", { name: "neuer träger berlin ggmbh" });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe("name");
    const counselor = await t.login("counselorBerlin");
    expect((await counselor.post("/api/providers", { name: "Heimlicher Träger" })).statusCode).toBe(403);
    expect(await t.database.db.select().from(providers).where(eq(providers.name, "Heimlicher Träger"))).toHaveLength(0);
    const empty = await coordination.post("/api/providers", { name: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe("name");
  });
});
