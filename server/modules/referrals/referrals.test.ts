import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerDueOn } from "../../../common/domain/referrals.js";
import { queryRows } from "../../db/index.js";
import { auditEvents, referralEvents, referrals } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { berlinToday } from "../directory/service.js";
import { referralRecordKeeper, timelineEntries } from "./service.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const qualificationBavaria = seedId("unit", "demo-sub-project:DE-BY:qualification");
const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");

type Referral = {
  id: string;
  clientId: string | null;
  side: string;
  targetName: string;
  status: string;
  version: number;
  message: string | null;
  events: { status: string; reason: string | null; actorUnit: { id: string } | null }[];
  shared: { consentWithdrawn: boolean; client: Record<string, unknown> | null } | null;
  abilities: { nextStatuses: string[] };
};

describe("referrals", () => {
  let t: TestApp;
  const as = (who: Persona) => t.as(who);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let n = 0;
  /** A Berlin client with contact data; with a sharing consent for the Bavarian qualification project unless told otherwise. */
  const newClient = async (options: { sharingWith?: string | null } = {}) => {
    const counselor = await as("counselorBerlin");
    const created = await counselor.post("/api/clients", {
      firstName: "Rania",
      lastName: `Verweis ${++n}`,
      email: `rania${n}@example.org`,
      phone: "030 1234567",
      preferredLanguages: ["ar"],
      birthYear: 1991,
      nationalities: ["SY"],
      postcode: "10115",
      refugeeBackground: true,
      residenceStatus: "protection_status",
      germanLevel: "B1",
      qualificationCountry: "SY",
      qualificationKind: "academic",
      qualificationYear: 2014,
      consent: { processing: true },
    });
    expect(created.statusCode).toBe(201);
    const client = created.json() as { id: string };
    const partner = options.sharingWith === undefined ? qualificationBavaria : options.sharingWith;
    if (partner) {
      const consent = await counselor.post(`/api/clients/${client.id}/consents`, { kind: "sharing", partnerUnitId: partner });
      expect(consent.statusCode).toBe(201);
    }
    return client.id;
  };
  const refer = async (clientId: string, body: Record<string, unknown> = {}, who: Persona = "counselorBerlin") =>
    (await as(who)).post("/api/referrals", {
      clientId,
      toUnitId: qualificationBavaria,
      sharedFields: ["name", "german_level"],
      message: "Bitte um Aufnahme in die Brückenqualifizierung.",
      ...body,
    });
  const sent = async (clientId: string, body: Record<string, unknown> = {}) => {
    const res = await refer(clientId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Referral;
  };
  const setStatus = async (who: Persona, id: string, body: Record<string, unknown>) =>
    (await as(who)).post(`/api/referrals/${id}/status`, body);
  const read = async (who: Persona, id: string) => (await as(who)).get(`/api/referrals/${id}`);
  const auditOf = (action: string, recordId?: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), recordId ? eq(auditEvents.recordId, recordId) : undefined))
      .orderBy(auditEvents.id);
  const countReferrals = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(referrals))[0]!.n;

  describe("sending", () => {
    it("refuses a referral to a partner without the client's sharing consent, saying what is missing", async () => {
      const clientId = await newClient({ sharingWith: null });
      const before = await countReferrals();
      const res = await refer(clientId);
      expect(res.statusCode).toBe(409);
      const problem = res.json();
      expect(problem.code).toBe("sharing_consent_missing");
      expect(problem.errors).toEqual([expect.objectContaining({ field: "toUnitId", code: "sharing_consent_missing" })]);
      expect(problem.detail).toMatch(/Einwilligung/);
      expect(problem.detail).toMatch(/Brückenqualifizierung Bayern/);
      expect(await countReferrals()).toBe(before);
    });

    it("does not count a consent for another partner, nor a withdrawn one", async () => {
      const other = await newClient({ sharingWith: bavariaSub });
      expect((await refer(other)).json().code).toBe("sharing_consent_missing");

      const withdrawn = await newClient();
      const counselor = await as("counselorBerlin");
      const client = (await counselor.get(`/api/clients/${withdrawn}`)).json();
      const sharing = client.consents.find((c: { kind: string }) => c.kind === "sharing");
      await counselor.post(`/api/clients/${withdrawn}/consents/${sharing.id}/withdraw`, {});
      expect((await refer(withdrawn)).json().code).toBe("sharing_consent_missing");
    });

    it("sends with consent: 201, due day, first event, overdue notice queued, audited with field names only", async () => {
      const clientId = await newClient();
      const referral = await sent(clientId);
      expect(referral).toMatchObject({
        clientId,
        side: "sender",
        status: "sent",
        version: 1,
        fromUnit: { id: berlinSub },
        toUnit: { id: qualificationBavaria },
        externalService: null,
        targetName: expect.stringContaining("Brückenqualifizierung"),
        sharedFields: ["name", "german_level"],
        answerDueOn: answerDueOn(berlinToday(t.ctx), t.ctx.config.referralAnswerDays),
        overdue: false,
        shared: null,
        abilities: { nextStatuses: ["withdrawn"] },
      });
      expect(referral.events).toEqual([expect.objectContaining({ status: "sent", actorUnit: expect.objectContaining({ id: berlinSub }) })]);
      const [job] = await queryRows<{ kind: string; payload: unknown }>(
        t.database.db,
        sql`select kind, payload from jobs where unique_key = ${`referral-overdue:${referral.id}`}`,
      );
      expect(job).toEqual({ kind: "referrals.overdue_notice", payload: { referralId: referral.id } });
      const [audit] = await auditOf("referral.create", referral.id);
      expect(audit!.details).toEqual({
        clientId,
        toUnitId: qualificationBavaria,
        externalService: null,
        sharedFields: ["name", "german_level"],
      });
      expect(JSON.stringify(audit)).not.toMatch(/Rania|Verweis \d|Brückenqualifizierung/);
    });

    it("names each invalid field", async () => {
      const clientId = await newClient();
      const fields = async (body: Record<string, unknown>) => {
        const res = await refer(clientId, body);
        expect(res.statusCode, res.body).toBe(400);
        return res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      };
      expect(await fields({ toUnitId: null })).toEqual(["toUnitId:custom"]);
      expect(await fields({ externalService: "job_centre" })).toEqual(["toUnitId:custom", "sharedFields:custom"]);
      expect(await fields({ sharedFields: ["name", "salary"] })).toEqual([expect.stringMatching(/^sharedFields\.1:/)]);
      expect(await fields({ toUnitId: berlinSub })).toEqual(["toUnitId:own_unit"]);
      expect(await fields({ toUnitId: seedId("unit", "state:DE-BY") })).toEqual(["toUnitId:not_sub_project"]);
      expect(await fields({ toUnitId: seedId("unit", "no-such-unit") })).toEqual(["toUnitId:not_found"]);
      expect(await fields({ consultationId: seedId("consultation", "none") })).toEqual(["consultationId:not_found"]);
    });

    it("lets only casework of the client's owning sub-project send, and audits the refusals", async () => {
      const clientId = await newClient();
      expect((await refer(clientId, {}, "counselorBavaria")).statusCode).toBe(404);
      expect((await refer(clientId, {}, "qualificationBavaria")).statusCode).toBe(404);
      expect((await refer(clientId, {}, "coordinationBerlin")).statusCode).toBe(403);
      expect((await refer(clientId, {}, "leadBerlin")).statusCode).toBe(201);
      const refusals = (await auditOf("referral.create")).filter((e) => e.recordId === clientId && e.outcome === "denied");
      expect(refusals.map((e) => e.actorLabel)).toEqual(["berater.bayern@lotse.demo", "quali.bayern@lotse.demo"]);
    });

    it("rolls the whole use case back when its last step fails", async () => {
      const clientId = await newClient();
      await t.database.db.execute(sql`create function fail_referral_audit() returns trigger language plpgsql as $$
        begin if new.action = 'referral.create' then raise exception 'simulated failure'; end if; return new; end $$`);
      await t.database.db.execute(
        sql`create trigger fail_referral_audit before insert on audit_events for each row execute function fail_referral_audit()`,
      );
      try {
        const count = async () =>
          queryRows<{ referrals: number; events: number; jobs: number }>(
            t.database.db,
            sql`select (select count(*) from referrals)::int as referrals,
              (select count(*) from referral_events)::int as events,
              (select count(*) from jobs where kind = 'referrals.overdue_notice')::int as jobs`,
          );
        const before = await count();
        expect((await refer(clientId)).statusCode).toBe(500);
        expect(await count()).toEqual(before);
      } finally {
        await t.database.db.execute(sql`drop trigger fail_referral_audit on audit_events`);
        await t.database.db.execute(sql`drop function fail_referral_audit()`);
      }
    });
  });

  describe("the recipient", () => {
    let clientId: string;
    let referral: Referral;
    beforeAll(async () => {
      clientId = await newClient();
      referral = await sent(clientId, { sharedFields: ["name", "german_level", "qualification"] });
    });

    it("finds it in the inbox, without any personal data in the list", async () => {
      const res = await (await as("qualificationBavaria")).get("/api/referrals/inbox");
      expect(res.statusCode).toBe(200);
      const item = res.json().items.find((r: { id: string }) => r.id === referral.id);
      expect(item).toMatchObject({ side: "recipient", clientId: null, status: "sent", overdue: false });
      expect(item.abilities.nextStatuses).toEqual(["accepted", "declined"]);
      expect(res.body).not.toMatch(/Rania|rania|Aufnahme in die/);
      const berlinInbox = (await (await as("counselorBerlin")).get("/api/referrals/inbox")).json().items;
      expect(berlinInbox.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    });

    it("reads exactly the shared fields and nothing else; the read is audited with the field names", async () => {
      const res = await read("qualificationBavaria", referral.id);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Referral;
      expect(body).toMatchObject({ side: "recipient", clientId: null, message: "Bitte um Aufnahme in die Brückenqualifizierung." });
      expect(body.shared).toEqual({
        consentWithdrawn: false,
        client: {
          name: { firstName: "Rania", lastName: expect.stringMatching(/^Verweis/) },
          germanLevel: "B1",
          qualification: { country: "SY", kind: "academic", year: 2014 },
        },
      });
      for (const hidden of ["rania", "030 1234567", "1991", "protection_status", "10115", clientId]) expect(res.body).not.toContain(hidden);
      const [audit] = (await auditOf("client.read_shared", clientId)).slice(-1);
      expect(audit).toMatchObject({ outcome: "success", actorLabel: "quali.bayern@lotse.demo" });
      expect(audit!.details).toEqual({
        fields: ["german_level", "name", "qualification"],
        partnerUnitId: qualificationBavaria,
        referralId: referral.id,
      });
    });

    it("is 404 for everyone else, and the attempts are audited", async () => {
      for (const who of ["counselorBavaria", "coordinationBerlin", "monitoring", "faireIntegrationBerlin"] as const) {
        expect((await read(who, referral.id)).statusCode, who).toBe(404);
        expect((await setStatus(who, referral.id, { status: "accepted", version: 1 })).statusCode, who).toBe(404);
      }
      expect((await read("counselorBavaria", seedId("referral", "none"))).statusCode).toBe(404);
      const inbox = (await (await as("counselorBavaria")).get("/api/referrals/inbox")).json().items;
      expect(inbox.map((r: { id: string }) => r.id)).not.toContain(referral.id);
      expect((await (await as("counselorBavaria")).get(`/api/referrals?clientId=${clientId}`)).statusCode).toBe(404);
      const denied = (await auditOf("referral.read", referral.id)).filter((e) => e.outcome === "denied").map((e) => e.actorLabel);
      expect(denied).toEqual([
        "berater.bayern@lotse.demo",
        "koordination.berlin@lotse.demo",
        "monitoring@lotse.demo",
        "fi.berlin@lotse.demo",
      ]);
      expect(await t.database.db.select().from(referrals).where(eq(referrals.id, referral.id))).toEqual([
        expect.objectContaining({ status: "sent", version: 1 }),
      ]);
    });

    it("sees no personal data once the client withdraws the consent, and that read is audited too", async () => {
      const other = await newClient();
      const ref = await sent(other, { sharedFields: ["name", "contact"] });
      const counselor = await as("counselorBerlin");
      const sharing = (await counselor.get(`/api/clients/${other}`)).json().consents.find((c: { kind: string }) => c.kind === "sharing");
      expect((await counselor.post(`/api/clients/${other}/consents/${sharing.id}/withdraw`, {})).statusCode).toBe(200);

      const res = await read("qualificationBavaria", ref.id);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Referral;
      expect(body).toMatchObject({ status: "sent", message: null, shared: { consentWithdrawn: true, client: null } });
      expect(res.body).not.toMatch(/Rania|rania|030 1234567|Aufnahme in die/);
      const [audit] = (await auditOf("client.read_shared", other)).slice(-1);
      expect(audit!.details).toEqual({ fields: [], partnerUnitId: qualificationBavaria, referralId: ref.id, consentWithdrawn: true });
      // The sender still sees the whole referral.
      expect((await read("counselorBerlin", ref.id)).json()).toMatchObject({ message: expect.any(String), shared: null, clientId: other });
    });
  });

  describe("status cycle", () => {
    it("accept → in progress → completed by the recipient; both sides see every change", async () => {
      const ref = await sent(await newClient());
      let version = ref.version;
      for (const status of ["accepted", "in_progress", "completed"]) {
        const res = await setStatus("qualificationBavaria", ref.id, { status, version });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ status, version: version + 1 });
        version++;
        for (const who of ["counselorBerlin", "qualificationBavaria"] as const) {
          const seen = (await read(who, ref.id)).json() as Referral;
          expect(seen.status, who).toBe(status);
          expect(seen.events.at(-1)).toMatchObject({ status, actorUnit: { id: qualificationBavaria } });
        }
      }
      const final = (await read("counselorBerlin", ref.id)).json() as Referral;
      expect(final.events.map((e) => e.status)).toEqual(["sent", "accepted", "in_progress", "completed"]);
      expect(final.abilities.nextStatuses).toEqual([]);
      const changes = await auditOf("referral.status_change", ref.id);
      expect(changes.map((c) => c.details)).toEqual([
        { clientId: final.clientId, from: "sent", to: "accepted" },
        { clientId: final.clientId, from: "accepted", to: "in_progress" },
        { clientId: final.clientId, from: "in_progress", to: "completed" },
      ]);
    });

    it("answers a repeated status like the first time, without a second event", async () => {
      const ref = await sent(await newClient());
      const first = await setStatus("qualificationBavaria", ref.id, { status: "accepted", version: 1 });
      const again = await setStatus("qualificationBavaria", ref.id, { status: "accepted", version: 1 });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ status: "accepted", version: first.json().version });
      const events = await t.database.db.select().from(referralEvents).where(eq(referralEvents.referralId, ref.id));
      expect(events.map((e) => e.status)).toEqual(["sent", "accepted"]);
    });

    it("wants a reason for a decline, and shows it to the sender", async () => {
      const ref = await sent(await newClient());
      const without = await setStatus("qualificationBavaria", ref.id, { status: "declined", version: 1 });
      expect(without.statusCode).toBe(400);
      expect(without.json().errors).toEqual([expect.objectContaining({ field: "reason" })]);
      const blank = await setStatus("qualificationBavaria", ref.id, { status: "declined", reason: "  ", version: 1 });
      expect(blank.statusCode).toBe(400);
      const declined = await setStatus("qualificationBavaria", ref.id, { status: "declined", reason: "Kurs ist voll", version: 1 });
      expect(declined.statusCode).toBe(200);
      const seen = (await read("counselorBerlin", ref.id)).json();
      expect(seen).toMatchObject({ status: "declined", statusReason: "Kurs ist voll" });
      expect(seen.events.at(-1)).toMatchObject({ status: "declined", reason: "Kurs ist voll" });
    });

    it("refuses an invalid transition with 409 naming from and to, and a stale version with 409", async () => {
      const ref = await sent(await newClient());
      const skip = await setStatus("qualificationBavaria", ref.id, { status: "completed", version: 1 });
      expect(skip.statusCode).toBe(409);
      expect(skip.json()).toMatchObject({ code: "invalid_transition", from: "sent", to: "completed" });
      const back = await setStatus("qualificationBavaria", ref.id, { status: "sent", version: 1 });
      expect(back.json()).toMatchObject({ code: "invalid_transition", from: "sent", to: "sent" });

      expect((await setStatus("qualificationBavaria", ref.id, { status: "accepted", version: 1 })).statusCode).toBe(200);
      const stale = await setStatus("qualificationBavaria", ref.id, { status: "in_progress", version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: "conflict", currentVersion: 2 });
      expect((await read("counselorBerlin", ref.id)).json().status).toBe("accepted");
    });

    it("lets one of two simultaneous answers win; the other gets 409 and nothing is overwritten", async () => {
      const ref = await sent(await newClient());
      const [accept, decline] = await Promise.all([
        setStatus("qualificationBavaria", ref.id, { status: "accepted", version: 1 }),
        setStatus("qualificationBavaria", ref.id, { status: "declined", reason: "kein Platz", version: 1 }),
      ]);
      expect([accept.statusCode, decline.statusCode].sort()).toEqual([200, 409]);
      const winner = accept.statusCode === 200 ? "accepted" : "declined";
      const events = await t.database.db.select().from(referralEvents).where(eq(referralEvents.referralId, ref.id));
      expect(events.map((e) => e.status)).toEqual(["sent", winner]);
    });

    it("keeps each side to its own moves: the sender withdraws, the recipient answers", async () => {
      const ref = await sent(await newClient());
      expect((await setStatus("counselorBerlin", ref.id, { status: "accepted", version: 1 })).statusCode).toBe(403);
      expect((await setStatus("qualificationBavaria", ref.id, { status: "withdrawn", version: 1 })).statusCode).toBe(403);
      const denied = (await auditOf("referral.status_change", ref.id)).filter((e) => e.outcome === "denied");
      expect(denied).toHaveLength(2);

      expect((await setStatus("qualificationBavaria", ref.id, { status: "accepted", version: 1 })).statusCode).toBe(200);
      const withdrawn = await setStatus("counselorBerlin", ref.id, { status: "withdrawn", reason: "Person ist umgezogen", version: 2 });
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json().events.at(-1)).toMatchObject({ status: "withdrawn", actorUnit: { id: berlinSub } });
      expect((await read("qualificationBavaria", ref.id)).json()).toMatchObject({ status: "withdrawn", abilities: { nextStatuses: [] } });
      const late = await setStatus("qualificationBavaria", ref.id, { status: "in_progress", version: 3 });
      expect(late.json()).toMatchObject({ code: "invalid_transition", from: "withdrawn", to: "in_progress" });
    });
  });

  describe("external services", () => {
    it("refers to an external service without sharing data; the sender records the answer", async () => {
      const clientId = await newClient({ sharingWith: null });
      const res = await refer(clientId, { toUnitId: undefined, externalService: "central_recognition_service", sharedFields: [] });
      expect(res.statusCode, res.body).toBe(201);
      const ref = res.json() as Referral;
      expect(ref).toMatchObject({
        toUnit: null,
        externalService: "central_recognition_service",
        targetName: "Zentrale Servicestelle Berufsanerkennung (ZSBA)",
        sharedFields: [],
        abilities: { nextStatuses: ["accepted", "declined", "withdrawn"] },
      });
      for (const [status, version] of [
        ["accepted", 1],
        ["in_progress", 2],
        ["completed", 3],
      ] as const) {
        const moved = await setStatus("counselorBerlin", ref.id, { status, version });
        expect(moved.statusCode, moved.body).toBe(200);
        expect(moved.json().events.at(-1).actorUnit.id).toBe(berlinSub);
      }
      // Nobody in another unit sees it.
      expect((await read("qualificationBavaria", ref.id)).statusCode).toBe(404);
    });

    it("shares nothing with an external service and wants a name for 'other'", async () => {
      const clientId = await newClient({ sharingWith: null });
      const shared = await refer(clientId, { toUnitId: undefined, externalService: "job_centre", sharedFields: ["name"] });
      expect(shared.statusCode).toBe(400);
      expect(shared.json().errors[0].field).toBe("sharedFields");
      const other = await refer(clientId, { toUnitId: undefined, externalService: "other", sharedFields: [] });
      expect(other.json().errors[0].field).toBe("externalNote");
      const named = await refer(clientId, {
        toUnitId: undefined,
        externalService: "other",
        externalNote: "Migrationsberatung der Caritas",
        sharedFields: [],
      });
      expect(named.statusCode).toBe(201);
      expect(named.json()).toMatchObject({ targetName: "Andere Stelle", externalNote: "Migrationsberatung der Caritas" });
    });
  });

  describe("lists and timeline", () => {
    let clientId: string;
    let partner: Referral;
    let external: Referral;
    beforeAll(async () => {
      clientId = await newClient();
      partner = await sent(clientId);
      external = await sent(clientId, { toUnitId: undefined, externalService: "job_centre", sharedFields: [] });
    });

    it("shows the sender's referrals of a client, audited with the ids shown", async () => {
      const res = await (await as("leadBerlin")).get(`/api/referrals?clientId=${clientId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([external.id, partner.id]);
      const [audit] = (await auditOf("referral.list")).slice(-1);
      expect(audit).toMatchObject({ outcome: "success", actorLabel: "leitung.berlin@lotse.demo" });
      expect(audit!.details).toEqual({ clientId, shown: [external.id, partner.id] });
    });

    it("lists sent referrals in the outbox, filterable by status and overdue", async () => {
      const outbox = async (query = "") =>
        ((await (await as("counselorBerlin")).get(`/api/referrals/outbox${query}`)).json().items as { id: string }[]).map((r) => r.id);
      expect(await outbox()).toEqual(expect.arrayContaining([partner.id, external.id]));
      expect(await outbox("?status=sent&overdue=false")).toEqual(expect.arrayContaining([partner.id, external.id]));
      expect(await outbox("?overdue=true")).not.toContain(partner.id);
      expect(await outbox("?status=completed")).not.toContain(partner.id);
      expect((await (await as("qualificationBavaria")).get("/api/referrals/outbox")).json().items).toEqual([]);
      expect((await (await as("coordinationBerlin")).get("/api/referrals/outbox")).statusCode).toBe(403);
      expect((await (await as("counselorBerlin")).get("/api/referrals/inbox?overdue=maybe")).statusCode).toBe(400);
    });

    it("contributes timeline lines with the target's name", async () => {
      const entries = await timelineEntries(t.database.db, clientId);
      expect(entries).toEqual([
        expect.objectContaining({
          id: external.id,
          type: "referral",
          targetName: "Jobcenter / Agentur für Arbeit",
          status: "sent",
          overdue: false,
        }),
        expect.objectContaining({ id: partner.id, type: "referral", targetName: partner.targetName, status: "sent", overdue: false }),
      ]);
      const later = await timelineEntries(t.database.db, clientId, "2999-01-01");
      expect(later.every((e) => e.type === "referral" && e.overdue)).toBe(true);
    });

    it("exports, erases the free texts of, and moves a client's referrals for the clients module", async () => {
      const owner = await newClient();
      const ref = await sent(owner);
      await setStatus("qualificationBavaria", ref.id, { status: "declined", reason: "Kurs ist voll", version: 1 });
      const db = t.database.db;
      const [exported] = await referralRecordKeeper.exportRecords(db, owner);
      expect(exported).toMatchObject({
        id: ref.id,
        message: "Bitte um Aufnahme in die Brückenqualifizierung.",
        statusReason: "Kurs ist voll",
        events: [expect.objectContaining({ status: "sent" }), expect.objectContaining({ status: "declined", reason: "Kurs ist voll" })],
      });

      expect(await referralRecordKeeper.erasePersonalData(db, owner)).toBe(1);
      expect(await referralRecordKeeper.erasePersonalData(db, owner)).toBe(0);
      const [erased] = await referralRecordKeeper.exportRecords(db, owner);
      expect(erased).toMatchObject({ message: null, statusReason: null, status: "declined", sharedFields: ["name", "german_level"] });
      expect((erased as { events: { reason: string | null }[] }).events.map((e) => e.reason)).toEqual([null, null]);

      const kept = await newClient();
      expect(await referralRecordKeeper.moveRecords(db, owner, kept)).toBe(1);
      expect((await referralRecordKeeper.timelineEntries(db, kept)).map((e) => e.id)).toEqual([ref.id]);
      expect(await referralRecordKeeper.timelineEntries(db, owner)).toEqual([]);
    });
  });
  describe("partners", () => {
    it("lists open sub-projects of every state network by name to any counselor, with no personal data", async () => {
      const res = await (await as("counselorBerlin")).get("/api/referrals/partners?q=Qualifizierung");
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { id: string; stateCode: string }[];
      expect(items.map((p) => p.id)).toContain(qualificationBavaria);
      expect(new Set(items.map((p) => p.stateCode)).size).toBeGreaterThan(1);
      expect(Object.keys(items[0]!).sort()).toEqual(["fieldOfAction", "id", "name", "stateCode"]);
      expect((await (await as("monitoring")).get("/api/referrals/partners?q=a")).statusCode).toBe(403);
      expect((await (await as("counselorBerlin")).get("/api/referrals/partners?limit=500")).statusCode).toBe(400);
    });
  });
});
