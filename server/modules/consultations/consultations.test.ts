import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clients, consultations } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { berlinToday } from "../directory/service.js";
import { insertConsultation, isFirstPerPeriodViolation } from "./repository.js";
import { timelineEntries } from "./service.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const berlinSite = seedId("unit", "demo-sub-project:DE-BE:site:0");
const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");
const fiBerlin = seedId("unit", "fi:be");

describe("consultations", () => {
  let t: TestApp;
  let today: string;
  const as = (who: Persona) => t.as(who);
  beforeAll(async () => {
    t = await createTestApp();
    today = berlinToday(t.ctx);
  });
  afterAll(() => t.close());

  let serial = 0;
  const newClient = async (who: Persona = "counselorBerlin", unitId = berlinSub) => {
    const res = await (await as(who)).post("/api/clients", {
      firstName: "Test",
      lastName: `Beratung ${++serial}`,
      birthYear: 1985,
      nationalities: ["UA"],
      unitId,
      consent: { processing: true },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const record = async (body: Record<string, unknown>, who: Persona = "counselorBerlin") =>
    (await as(who)).post("/api/consultations", { channel: "in_person", languages: ["de"], ...body });
  const auditOf = (action: string, outcome = "success") =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, outcome)));
  const count = async (clientId: string) =>
    (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(consultations).where(eq(consultations.clientId, clientId)))[0]!.n;

  describe("the first-consultation rule", () => {
    it("makes a client's first contact in a period the first consultation, and the next a follow-up", async () => {
      const clientId = await newClient();
      const first = await record({ clientId, date: "2024-03-04", siteId: berlinSite, durationMinutes: 45, interpreter: true });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        clientId,
        kind: "first_consultation",
        date: "2024-03-04",
        fundingPeriod: "2023-2028",
        unitId: berlinSub,
        siteId: berlinSite,
        counselorName: "Ben Berater (Demo)",
        interpreter: true,
        supportRequests: [],
        abilities: { update: true, requestSupport: false },
      });
      expect(first.json().unitName).toBeTruthy();
      expect(first.json().siteName).toBeTruthy();
      expect(first.json()).not.toHaveProperty("createdBy");
      const next = await record({ clientId, date: "2024-04-02" });
      expect(next.statusCode).toBe(201);
      expect(next.json().kind).toBe("follow_up");

      const [created] = (await auditOf("consultation.create")).filter((e) => e.recordId === first.json().id);
      expect(created?.details).toEqual({ clientId, kind: "first_consultation" });
      const [client] = await t.database.db.select().from(clients).where(eq(clients.id, clientId));
      expect(client!.lastContactOn).toBe("2024-04-02");
    });

    it("refuses a second first consultation in the same period, linking the existing one", async () => {
      const clientId = await newClient();
      const first = (await record({ clientId, date: "2024-05-06", kind: "first_consultation" })).json();
      const second = await record({ clientId, date: "2024-06-01", kind: "first_consultation" });
      expect(second.statusCode).toBe(409);
      expect(second.headers["content-type"]).toContain("application/problem+json");
      expect(second.json()).toMatchObject({
        code: "already_exists",
        existingConsultationId: first.id,
        existingConsultationDate: "2024-05-06",
        errors: [expect.objectContaining({ field: "kind", code: "first_consultation_exists" })],
      });
      expect(second.json().detail).toContain("06.05.2024");
      expect(await count(clientId)).toBe(1);
    });

    it("starts again in the next funding period", async () => {
      const clientId = await newClient();
      expect((await record({ clientId, date: "2021-09-01" })).json().kind).toBe("first_consultation");
      expect((await record({ clientId, date: "2022-02-01" })).json().kind).toBe("follow_up");
      const next = await record({ clientId, date: "2023-02-01", kind: "first_consultation" });
      expect(next.statusCode).toBe(201);
      expect(next.json()).toMatchObject({ kind: "first_consultation", fundingPeriod: "2023-2028" });
    });

    it("refuses a follow-up without a first consultation, and one dated before it", async () => {
      const clientId = await newClient();
      for (const kind of ["follow_up", "referral_consultation"]) {
        const res = await record({ clientId, date: "2024-01-10", kind });
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0]).toMatchObject({ field: "kind", code: "first_consultation_missing" });
      }
      const first = (await record({ clientId, date: "2024-02-10" })).json();
      const earlier = await record({ clientId, date: "2024-01-10" });
      expect(earlier.statusCode).toBe(409);
      expect(earlier.json()).toMatchObject({
        existingConsultationId: first.id,
        errors: [expect.objectContaining({ field: "date", code: "before_first_consultation" })],
      });
      expect((await record({ clientId, date: "2024-02-10", kind: "referral_consultation" })).statusCode).toBe(201);
    });

    it("lets exactly one of 20 concurrent first consultations through", async () => {
      const clientId = await newClient();
      const client = await as("counselorBerlin");
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.post("/api/consultations", { clientId, kind: "first_consultation", date: `2024-07-${String(i + 1).padStart(2, "0")}` }),
        ),
      );
      const codes = responses.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      const winner = responses.find((r) => r.statusCode === 201)!.json().id;
      for (const loser of responses.filter((r) => r.statusCode === 409)) expect(loser.json().existingConsultationId).toBe(winner);
      expect(await count(clientId)).toBe(1);
    });

    it("has the database refuse a second first consultation too (what a lost race runs into)", async () => {
      const clientId = await newClient();
      const first = (await record({ clientId, date: "2024-08-01" })).json();
      const [row] = await t.database.db.select().from(consultations).where(eq(consultations.id, first.id));
      const { id: _id, isDemo: _demo, version: _version, ...copy } = row!;
      const error = await insertConsultation(t.database.db, { ...copy, id: randomUUID(), date: "2024-08-02" }).catch((e: unknown) => e);
      expect(isFirstPerPeriodViolation(error)).toBe(true);
      expect(isFirstPerPeriodViolation(new Error("other"))).toBe(false);
    });
  });

  describe("validation", () => {
    let clientId: string;
    beforeAll(async () => {
      clientId = await newClient();
    });

    const fieldsOf = (res: { json(): { errors?: { field: string; code: string }[] } }) =>
      (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

    it("refuses a day in the future or before 2015 by name of the field", async () => {
      const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const future = await record({ clientId, date: tomorrow });
      expect(future.statusCode).toBe(400);
      expect(fieldsOf(future)).toEqual(["date:in_future"]);
      expect(fieldsOf(await record({ clientId, date: "2014-12-31" }))).toEqual(["date:too_early"]);
      expect(fieldsOf(await record({ clientId, date: "2024-02-30" }))).toEqual(["date:invalid_format"]);
      expect(await count(clientId)).toBe(0);
    });

    it("names every field that does not belong to the sub-project's field of action", async () => {
      const res = await record({ clientId, date: "2024-03-01", fiReasons: ["pay"], fiReasonOther: "x", employerSector: "cleaning" });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual([
        "employerSector:not_for_field_of_action",
        "fiReasonOther:not_for_field_of_action",
        "fiReasons:not_for_field_of_action",
      ]);
      const fiClient = await newClient("faireIntegrationBerlin", fiBerlin);
      const profession = (await (await as("counselorBerlin")).get("/api/reference-professions?q=Elektroniker")).json().items[0].id;
      const fi = await record(
        { clientId: fiClient, date: "2024-03-01", fiReasons: ["pay"], referenceProfessionId: profession, topics: ["financing"] },
        "faireIntegrationBerlin",
      );
      expect(fieldsOf(fi)).toEqual(["referenceProfessionId:not_for_field_of_action", "topics:not_for_field_of_action"]);
    });

    it("checks the Faire Integration reasons: at least one, from the list, 'other' with its text", async () => {
      const fiClient = await newClient("faireIntegrationBerlin", fiBerlin);
      const fi = (body: Record<string, unknown>) => record({ clientId: fiClient, date: "2024-03-01", ...body }, "faireIntegrationBerlin");
      expect(fieldsOf(await fi({}))).toEqual(["fiReasons:required"]);
      expect(fieldsOf(await fi({ fiReasons: ["other"] }))).toEqual(["fiReasonOther:required"]);
      expect(fieldsOf(await fi({ fiReasons: ["pay"], fiReasonOther: "Urlaub" }))).toEqual(["fiReasonOther:other_not_chosen"]);
      expect((await fi({ fiReasons: ["bribery"] })).json().errors[0].field).toBe("fiReasons.0");
      expect((await fi({ fiReasons: ["pay"], employerSector: "space_travel" })).json().errors[0].field).toBe("employerSector");
      const ok = await fi({ fiReasons: ["pay", "other", "pay"], fiReasonOther: "Urlaubsanspruch", employerSector: "cleaning" });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({
        fiReasons: ["pay", "other"],
        fiReasonOther: "Urlaubsanspruch",
        employerSector: "cleaning",
        abilities: { update: true, requestSupport: true },
      });
    });

    it("checks the reference profession, the site, the sub-project and the language codes", async () => {
      const retired = await (await as("admin")).post("/api/reference-professions", {
        name: "Ausgemusterter Beruf",
        regulated: false,
        professionalField: "crafts_construction",
        qualificationKind: "vocational",
      });
      await (await as("admin")).patch(`/api/reference-professions/${retired.json().id}`, { active: false });
      const res = await record({
        clientId,
        date: "2024-03-01",
        referenceProfessionId: retired.json().id,
        siteId: seedId("unit", "demo-sub-project:DE-BY:site:0"),
      });
      expect(fieldsOf(res)).toEqual(["referenceProfessionId:inactive", "siteId:not_in_unit"]);
      expect(fieldsOf(await record({ clientId, date: "2024-03-01", unitId: bavariaSub }))).toEqual(["unitId:not_allowed"]);
      expect((await record({ clientId, date: "2024-03-01", languages: ["Arabisch"] })).json().errors[0].field).toBe("languages.0");
      expect(await count(clientId)).toBe(0);
    });

    it("records a recognition consultation with its profession and topics", async () => {
      const profession = (await (await as("counselorBerlin")).get("/api/reference-professions?q=Krankenpfleger")).json().items[0];
      const res = await record({
        clientId,
        date: "2024-03-01",
        referenceProfessionId: profession.id,
        topics: ["recognition_procedure", "documents"],
        nextSteps: "Zeugnisse übersetzen lassen",
        languages: ["ar", "de"],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        referenceProfession: { id: profession.id, name: profession.name, regulated: true },
        topics: ["recognition_procedure", "documents"],
        nextSteps: "Zeugnisse übersetzen lassen",
        languages: ["ar", "de"],
      });
    });
  });

  describe("funding periods from the configuration", () => {
    let gap: TestApp;
    beforeAll(async () => {
      gap = await createTestApp({ env: { FUNDING_PERIODS: "2015-2018:2015-01-01..2018-12-31,2023-2028:2023-01-01..2028-12-31" } });
    });
    afterAll(() => gap.close());

    it("refuses a day outside every period on the date field", async () => {
      const counselor = await gap.login("counselorBerlin");
      const client = await counselor.post("/api/clients", {
        firstName: "Lücke",
        lastName: "Periode",
        birthYear: 1990,
        consent: { processing: true },
      });
      const res = await counselor.post("/api/consultations", { clientId: client.json().id, date: "2020-06-01" });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: "date", code: "outside_funding_periods" })]);
    });
  });

  describe("access", () => {
    it("answers 404 to a Bavarian counselor on a Berlin client and audits the refusal", async () => {
      const clientId = await newClient();
      const res = await record({ clientId, date: "2024-03-01" }, "counselorBavaria");
      expect(res.statusCode).toBe(404);
      const denied = (await auditOf("consultation.create", "denied")).filter((e) => e.recordId === clientId);
      expect(denied).toHaveLength(1);
      expect(await count(clientId)).toBe(0);

      const consultation = (await record({ clientId, date: "2024-03-01" })).json();
      expect((await (await as("counselorBavaria")).get(`/api/consultations/${consultation.id}`)).statusCode).toBe(404);
      expect((await (await as("counselorBavaria")).get(`/api/consultations?clientId=${clientId}`)).statusCode).toBe(404);
      expect((await auditOf("consultation.read", "denied")).some((e) => e.recordId === clientId)).toBe(true);
    });

    it("keeps roles without casework out with 403", async () => {
      const clientId = await newClient();
      const consultation = (await record({ clientId, date: "2024-03-01" })).json();
      for (const who of ["monitoring", "coordinationBerlin", "federal", "admin"] as const) {
        const client = await as(who);
        expect((await client.post("/api/consultations", { clientId, date: "2024-03-02" })).statusCode).toBe(403);
        expect((await client.get(`/api/consultations/${consultation.id}`)).statusCode).toBe(403);
        expect((await client.get(`/api/consultations?clientId=${clientId}`)).statusCode).toBe(403);
      }
      expect(await count(clientId)).toBe(1);
    });

    it("lists a client's consultations newest first as one audited read", async () => {
      const clientId = await newClient();
      const ids = [];
      for (const date of ["2024-01-05", "2024-03-05", "2024-02-05"]) ids.push((await record({ clientId, date })).json().id);
      const res = await (await as("leadBerlin")).get(`/api/consultations?clientId=${clientId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((c: { date: string }) => c.date)).toEqual(["2024-03-05", "2024-02-05", "2024-01-05"]);
      const [event] = (await auditOf("consultation.list")).filter((e) => (e.details as { clientId?: string }).clientId === clientId);
      expect((event!.details as { shown: string[] }).shown.sort()).toEqual(ids.sort());
    });
  });

  describe("changing", () => {
    it("changes with the right version and refuses a stale one, changing nothing", async () => {
      const clientId = await newClient();
      const created = (await record({ clientId, date: "2024-03-01", durationMinutes: 30 })).json();
      const client = await as("counselorBerlin");
      const changed = await client.patch(`/api/consultations/${created.id}`, {
        version: created.version,
        durationMinutes: 50,
        channel: "phone",
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ durationMinutes: 50, channel: "phone", version: created.version + 1 });
      const stale = await client.patch(`/api/consultations/${created.id}`, { version: created.version, durationMinutes: 10 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: "conflict", currentVersion: created.version + 1 });
      const [row] = await t.database.db.select().from(consultations).where(eq(consultations.id, created.id));
      expect(row).toMatchObject({ durationMinutes: 50, version: created.version + 1 });
      const [event] = (await auditOf("consultation.update")).filter((e) => e.recordId === created.id);
      expect(event!.details).toEqual({ clientId, fields: ["channel", "durationMinutes"] });
    });

    it("re-checks the rule when the date or kind changes", async () => {
      const clientId = await newClient();
      const client = await as("counselorBerlin");
      const first = (await record({ clientId, date: "2024-03-01" })).json();
      const follow = (await record({ clientId, date: "2024-04-01" })).json();
      // A follow-up cannot become a second first consultation, nor move before the first.
      const toFirst = await client.patch(`/api/consultations/${follow.id}`, { version: follow.version, kind: "first_consultation" });
      expect(toFirst.json()).toMatchObject({
        existingConsultationId: first.id,
        errors: [expect.objectContaining({ code: "first_consultation_exists" })],
      });
      const before = await client.patch(`/api/consultations/${follow.id}`, { version: follow.version, date: "2024-02-01" });
      expect(before.json().errors[0].code).toBe("before_first_consultation");
      // The first consultation cannot leave its period or its role while a follow-up needs it.
      const away = await client.patch(`/api/consultations/${first.id}`, { version: first.version, date: "2022-03-01" });
      expect(away.statusCode).toBe(409);
      expect(away.json().errors[0].code).toBe("first_consultation_missing");
      const demoted = await client.patch(`/api/consultations/${first.id}`, { version: first.version, kind: "follow_up" });
      expect(demoted.json().errors[0].code).toBe("first_consultation_missing");
      // Moving the follow-up into the previous period, where it is alone, needs it to be the first there.
      const moved = await client.patch(`/api/consultations/${follow.id}`, {
        version: follow.version,
        date: "2022-05-01",
        kind: "first_consultation",
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ fundingPeriod: "2019-2022", kind: "first_consultation" });
      // Now the 2024 first consultation is alone and may move freely within its period.
      expect((await client.patch(`/api/consultations/${first.id}`, { version: first.version, date: "2024-06-01" })).statusCode).toBe(200);
    });

    it("refuses changes by the Bavarian counselor (404) and by the Berlin coordination (403)", async () => {
      const clientId = await newClient();
      const created = (await record({ clientId, date: "2024-03-01" })).json();
      expect(
        (await (await as("counselorBavaria")).patch(`/api/consultations/${created.id}`, { version: 1, durationMinutes: 5 })).statusCode,
      ).toBe(404);
      expect(
        (await (await as("coordinationBerlin")).patch(`/api/consultations/${created.id}`, { version: 1, durationMinutes: 5 })).statusCode,
      ).toBe(403);
      const [row] = await t.database.db.select().from(consultations).where(eq(consultations.id, created.id));
      expect(row!.version).toBe(1);
    });

    it("rolls the whole recording back when its last step fails", async () => {
      const clientId = await newClient();
      await t.database.db.execute(sql`create function fail_consultation_audit() returns trigger language plpgsql as $$
        begin if new.action = 'consultation.create' then raise exception 'simulated failure'; end if; return new; end $$`);
      await t.database.db.execute(
        sql`create trigger fail_consultation_audit before insert on audit_events for each row execute function fail_consultation_audit()`,
      );
      try {
        expect((await record({ clientId, date: "2024-03-01" })).statusCode).toBe(500);
        expect(await count(clientId)).toBe(0);
        const [client] = await t.database.db.select().from(clients).where(eq(clients.id, clientId));
        expect(client!.lastContactOn).toBeNull();
      } finally {
        await t.database.db.execute(sql`drop trigger fail_consultation_audit on audit_events`);
        await t.database.db.execute(sql`drop function fail_consultation_audit()`);
      }
    });
  });

  describe("fast recording", () => {
    it("prefills the last-used values, today's kind and the client's last reference profession", async () => {
      const clientId = await newClient("leadBerlin");
      const lead = await as("leadBerlin");
      const empty = await lead.get(`/api/consultations/defaults?clientId=${clientId}`);
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toMatchObject({
        unitId: berlinSub,
        siteId: null,
        kind: "first_consultation",
        firstConsultation: null,
        date: today,
      });

      const profession = (await lead.get("/api/reference-professions?q=Lehrer")).json().items[0];
      const first = await record(
        {
          clientId,
          date: today,
          siteId: berlinSite,
          channel: "video",
          languages: ["uk", "de"],
          interpreter: true,
          durationMinutes: 40,
          referenceProfessionId: profession.id,
        },
        "leadBerlin",
      );
      expect(first.statusCode).toBe(201);
      const res = await lead.get(`/api/consultations/defaults?clientId=${clientId}`);
      expect(res.json()).toMatchObject({
        unitId: berlinSub,
        siteId: berlinSite,
        channel: "video",
        languages: ["uk", "de"],
        interpreter: true,
        durationMinutes: 40,
        kind: "follow_up",
        firstConsultation: { id: first.json().id, date: today },
        referenceProfession: { id: profession.id, name: profession.name },
      });
      // A follow-up is then one request with the prefill and nothing else.
      const { unitId, siteId, channel, languages, interpreter, durationMinutes } = res.json();
      const follow = await lead.post("/api/consultations", {
        clientId,
        date: today,
        unitId,
        siteId,
        channel,
        languages,
        interpreter,
        durationMinutes,
      });
      expect(follow.json().kind).toBe("follow_up");
    });
  });

  describe("timeline", () => {
    it("contributes the consultation lines, newest first, with names", async () => {
      const clientId = await newClient();
      await record({ clientId, date: "2024-03-01", durationMinutes: 20 });
      await record({ clientId, date: "2024-05-01", channel: "phone" });
      const entries = await timelineEntries(t.database.db, clientId);
      expect(entries).toEqual([
        expect.objectContaining({
          type: "consultation",
          at: "2024-05-01",
          kind: "follow_up",
          channel: "phone",
          counselorName: "Ben Berater (Demo)",
        }),
        expect.objectContaining({ type: "consultation", at: "2024-03-01", kind: "first_consultation", durationMinutes: 20 }),
      ]);
      expect(entries[0]!.type === "consultation" && entries[0]!.unitName).toBeTruthy();
    });
  });
});
