import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clientConsents, clients, retentionRuns } from "../../db/schema/index.js";
import type { Clock } from "../../platform/context.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { runRetention, yearsBefore } from "./retention.js";

const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");

describe("a client as a whole: timeline, export, erasure, merge, retention", () => {
  let t: TestApp;
  let now = new Date("2026-06-15T10:00:00Z");
  const clock: Clock = { now: () => now };
  const as = (who: Persona) => t.as(who);
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  let n = 0;
  const create = async (body: Record<string, unknown> = {}, who: Persona = "counselorBerlin") => {
    const res = await (await as(who)).post("/api/clients", {
      firstName: "Lebens",
      lastName: `Zyklus ${++n}`,
      birthYear: 1985,
      nationalities: ["IR"],
      postcode: "10115",
      refugeeBackground: false,
      email: "person@example.org",
      consent: { processing: true, contact: true },
      unitId: who === "counselorBavaria" ? bavariaSub : berlinSub,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; number: string };
  };
  const audit = (action: string, recordId: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.recordId, recordId)));

  describe("timeline", () => {
    it("lists consents newest first and audits the read", async () => {
      const client = await create();
      const res = await (await as("counselorBerlin")).get(`/api/clients/${client.id}/timeline`);
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json()
          .items.filter((e: { type: string }) => e.type === "consent")
          .map((e: { kind: string }) => e.kind)
          .sort(),
      ).toEqual(["contact", "processing"]);
      expect(await audit("client.timeline_read", client.id)).toHaveLength(1);
    });

    it("answers 404 to a counselor of another state network and audits the refusal", async () => {
      const client = await create();
      const res = await (await as("counselorBavaria")).get(`/api/clients/${client.id}/timeline`);
      expect(res.statusCode).toBe(404);
      expect((await audit("client.timeline_read", client.id)).map((e) => e.outcome)).toEqual(["denied"]);
    });
  });

  describe("access export", () => {
    it("returns the record, consents and every module's part, audited", async () => {
      const client = await create();
      const res = await (await as("counselorBerlin")).get(`/api/clients/${client.id}/export`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.client).toMatchObject({ id: client.id, firstName: "Lebens", email: "person@example.org", number: client.number });
      expect(body.client.searchName).toBeUndefined();
      expect(body.consents).toHaveLength(2);
      expect(body.records).toBeTypeOf("object");
      expect(await audit("client.export", client.id)).toHaveLength(1);
    });

    it("prints the same export as a PDF for the person, audited", async () => {
      const client = await create({ firstName: "محمد", lastName: "Ärztin-Yıldız" });
      const res = await (await as("counselorBerlin")).get(`/api/clients/${client.id}/export.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toContain(client.number);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(res.rawPayload.length).toBeGreaterThan(5_000);
      expect(await audit("client.export", client.id)).toHaveLength(1);
      expect((await (await as("counselorBavaria")).get(`/api/clients/${client.id}/export.pdf`)).statusCode).toBe(404);
    });

    it("is refused to roles without casework (monitoring 403) and outside the scope (404)", async () => {
      const client = await create();
      expect((await (await as("monitoring")).get(`/api/clients/${client.id}/export`)).statusCode).toBe(404);
      expect((await (await as("counselorBavaria")).get(`/api/clients/${client.id}/export`)).statusCode).toBe(404);
    });
  });

  describe("erasure on request", () => {
    it("is the lead's decision: a counselor gets 403 and nothing changes", async () => {
      const client = await create();
      const res = await (await as("counselorBerlin")).post(`/api/clients/${client.id}/erase`, { version: client.version });
      expect(res.statusCode).toBe(403);
      const [row] = await t.database.db.select().from(clients).where(eq(clients.id, client.id));
      expect(row!.firstName).toBe("Lebens");
    });

    it("removes names and contact, keeps the pseudonymous facts, and a repeat changes nothing", async () => {
      const client = await create();
      const lead = await as("leadBerlin");
      const stale = await lead.post(`/api/clients/${client.id}/erase`, { version: client.version + 5 });
      expect(stale.statusCode).toBe(409);
      const res = await lead.post(`/api/clients/${client.id}/erase`, { version: client.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().changed).toMatchObject({ clients: 1 });
      const [row] = await t.database.db.select().from(clients).where(eq(clients.id, client.id));
      expect(row).toMatchObject({
        firstName: "",
        lastName: "",
        email: null,
        phone: null,
        searchName: "",
        birthYear: 1985,
        nationalities: ["IR"],
        stateCode: "DE-BE",
      });
      const again = await lead.post(`/api/clients/${client.id}/erase`, { version: client.version });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ changed: {}, erasedAt: res.json().erasedAt });
      expect(await audit("client.erase", client.id)).toHaveLength(1);
      const found = await (await as("counselorBerlin")).get(`/api/clients?q=${encodeURIComponent(`Zyklus ${n}`)}`);
      expect(found.json().items.map((c: { id: string }) => c.id)).not.toContain(client.id);
      const read = await (await as("counselorBerlin")).get(`/api/clients/${client.id}`);
      expect(read.json()).toMatchObject({
        firstName: "",
        erasedAt: expect.any(String),
        abilities: { update: false, giveConsent: false, erase: false },
      });
    });
  });

  describe("merge", () => {
    it("moves the duplicate's consents to the kept record, fills gaps, leaves a pointer, and is safe to repeat", async () => {
      const kept = await create({ email: null, germanLevel: "not_stated" });
      const dup = await create({ germanLevel: "B1", nationalities: ["IR", "AF"] });
      const counselor = await as("counselorBerlin");
      const res = await counselor.post(`/api/clients/${kept.id}/merge`, {
        duplicateId: dup.id,
        version: kept.version,
        duplicateVersion: dup.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ keptId: kept.id, mergedId: dup.id, moved: { clients: 2 } });
      const after = (await counselor.get(`/api/clients/${kept.id}`)).json();
      expect(after).toMatchObject({ email: "person@example.org", germanLevel: "B1", nationalities: ["IR", "AF"] });
      expect(after.consents).toHaveLength(4);
      expect((await counselor.get(`/api/clients/${dup.id}`)).statusCode).toBe(404);
      const [pointer] = await t.database.db.select().from(clients).where(eq(clients.id, dup.id));
      expect(pointer).toMatchObject({ mergedIntoId: kept.id, firstName: "" });
      const again = await counselor.post(`/api/clients/${kept.id}/merge`, {
        duplicateId: dup.id,
        version: kept.version,
        duplicateVersion: dup.version,
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().moved).toEqual({});
      expect(await t.database.db.select().from(clientConsents).where(eq(clientConsents.clientId, dup.id))).toHaveLength(0);
      expect(await audit("client.merge", kept.id)).toHaveLength(1);
    });

    it("refuses a merge with itself (400), stale versions (409), and a duplicate outside the scope (404), changing nothing", async () => {
      const kept = await create();
      const counselor = await as("counselorBerlin");
      const self = await counselor.post(`/api/clients/${kept.id}/merge`, { duplicateId: kept.id, version: 1, duplicateVersion: 1 });
      expect(self.statusCode).toBe(400);
      expect(self.json().errors[0].field).toBe("duplicateId");
      const dup = await create();
      const stale = await counselor.post(`/api/clients/${kept.id}/merge`, {
        duplicateId: dup.id,
        version: kept.version,
        duplicateVersion: dup.version + 1,
      });
      expect(stale.statusCode).toBe(409);
      const foreign = await create({}, "counselorBavaria");
      const outside = await counselor.post(`/api/clients/${kept.id}/merge`, {
        duplicateId: foreign.id,
        version: kept.version,
        duplicateVersion: foreign.version,
      });
      expect(outside.statusCode).toBe(404);
      const rows = await t.database.db.select().from(clients).where(eq(clients.id, dup.id));
      expect(rows[0]!.mergedIntoId).toBeNull();
      expect(await t.database.db.select().from(clientConsents).where(eq(clientConsents.clientId, kept.id))).toHaveLength(2);
    });
  });

  describe("automatic deletion", () => {
    it("erases clients whose last contact is older than the retention period, once, and reports it", async () => {
      expect(yearsBefore("2024-02-29", 1)).toBe("2023-02-28");
      now = new Date("2020-03-01T10:00:00Z");
      const old = await create();
      now = new Date("2026-06-15T10:00:00Z");
      const recent = await create();
      const first = await runRetention(t.ctx);
      expect(first.erasedClientIds).toContain(old.id);
      expect(first.erasedClientIds).not.toContain(recent.id);
      expect(first.results.client).toEqual({ cutoff: "2023-06-15", erased: first.erasedClientIds.length });
      const [row] = await t.database.db.select().from(clients).where(eq(clients.id, old.id));
      expect(row).toMatchObject({ firstName: "", birthYear: 1985 });
      const second = await runRetention(t.ctx);
      expect(second.erasedClientIds).toEqual([]);
      expect(await t.database.db.select().from(retentionRuns)).toHaveLength(2);
      expect(await audit("client.retention_erase", old.id)).toHaveLength(1);
      const report = await (await as("admin")).get("/api/retention/runs");
      expect(report.statusCode).toBe(200);
      expect(report.json().items[0]).toMatchObject({ runDay: "2026-06-15", erasedClients: 0 });
      expect((await (await as("leadBerlin")).get("/api/retention/runs")).statusCode).toBe(403);
    });
  });
});
