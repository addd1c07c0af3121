import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clientAccessGrants, jobs } from "../../db/schema/index.js";
import { MAIL_JOB, type MailMessage } from "../../platform/mail.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { fakeClock } from "../identity/testing/fake-clock.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const REASON = "Klient steht bei uns vor der Tür, Abstimmung zur Anerkennung nötig";

describe("break-the-glass", () => {
  let t: TestApp;
  const clock = fakeClock();
  const as = (who: Persona) => t.as(who);
  let client: { id: string; number: string; version: number };

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { BREAK_GLASS_MINUTES: "30" } });
    const res = await (await as("counselorBerlin")).post("/api/clients", {
      firstName: "Samira",
      lastName: "Notfallakte",
      birthYear: 1987,
      nationalities: ["ER"],
      postcode: "10115",
      unitId: berlinSub,
      consent: { processing: true },
    });
    expect(res.statusCode).toBe(201);
    client = res.json();
  });
  afterAll(() => t.close());

  const read = async (who: Persona) => (await as(who)).get(`/api/clients/${client.id}`);
  const breakGlass = async (who: Persona, reason = REASON) => (await as(who)).post(`/api/clients/${client.id}/break-glass`, { reason });
  const events = (action: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.recordId, client.id)))
      .orderBy(desc(auditEvents.id));
  const grantsCount = async () =>
    (
      await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(clientAccessGrants)
        .where(eq(clientAccessGrants.clientId, client.id))
    )[0]!.n;
  const mails = async () =>
    (await t.database.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB)).orderBy(desc(jobs.id))).map((j) => j.payload as MailMessage);

  it("keeps a counselor in Bayern out of a Berlin client, with or without a reason, and audits both attempts", async () => {
    const mailsBefore = (await mails()).length;
    expect((await read("counselorBavaria")).statusCode).toBe(404);
    const attempt = await breakGlass("counselorBavaria");
    expect(attempt.statusCode).toBe(404);
    expect(attempt.body).not.toContain("Notfallakte");
    const [readDenied] = await events("client.read");
    const [glassDenied] = await events("client.break_glass");
    expect(readDenied).toMatchObject({ actorLabel: "berater.bayern@lotse.demo", outcome: "denied" });
    expect(glassDenied).toMatchObject({ actorLabel: "berater.bayern@lotse.demo", outcome: "denied", details: null });
    expect(await grantsCount()).toBe(0);
    expect((await mails()).length).toBe(mailsBefore);
  });

  it("answers 404 to roles without casework and 409 inside the own sub-project", async () => {
    expect((await breakGlass("coordinationBerlin")).statusCode).toBe(404);
    expect((await breakGlass("monitoring")).statusCode).toBe(404);
    const own = await breakGlass("counselorBerlin");
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toContain("nicht nötig");
    expect(await grantsCount()).toBe(0);
  });

  it("wants a reason of at least 10 characters, named by field", async () => {
    const res = await breakGlass("faireIntegrationBerlin", "   kurz   ");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: "reason", message: expect.stringContaining("mindestens 10 Zeichen") }),
    ]);
    expect(await grantsCount()).toBe(0);
  });

  it("rolls back when notifying the lead fails: no grant, no audit, no access", async () => {
    await t.database.db.execute(sql`create function fail_mail_job() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end $$`);
    await t.database.db.execute(sql`create trigger fail_mail_job before insert on jobs for each row execute function fail_mail_job()`);
    try {
      const successesBefore = (await events("client.break_glass")).filter((e) => e.outcome === "success").length;
      expect((await breakGlass("faireIntegrationBerlin")).statusCode).toBe(500);
      expect(await grantsCount()).toBe(0);
      expect((await events("client.break_glass")).filter((e) => e.outcome === "success")).toHaveLength(successesBefore);
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(403);
    } finally {
      await t.database.db.execute(sql`drop trigger fail_mail_job on jobs`);
      await t.database.db.execute(sql`drop function fail_mail_job()`);
    }
  });

  describe("a counselor of another Berlin sub-project", () => {
    let grant: { id: string; expiresAt: string; active: boolean };

    it("is refused first (403: a justified access is possible), and the refusal is audited", async () => {
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(403);
      const [denied] = await events("client.read");
      expect(denied).toMatchObject({ actorLabel: "fi.berlin@lotse.demo", outcome: "denied" });
    });

    it("opens the file with a reason: a grant until the expiry, the reason audited, the lead notified by number", async () => {
      const res = await breakGlass("faireIntegrationBerlin");
      expect(res.statusCode).toBe(201);
      grant = res.json();
      expect(grant).toMatchObject({ clientId: client.id, reason: REASON, active: true, revokedAt: null });
      expect(new Date(grant.expiresAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);

      const [audited] = await events("client.break_glass");
      expect(audited).toMatchObject({ actorLabel: "fi.berlin@lotse.demo", outcome: "success" });
      expect(audited!.details).toEqual({ grantId: grant.id, reason: REASON, expiresAt: grant.expiresAt });

      const [mail] = await mails();
      expect(mail!.to).toBe("leitung.berlin@lotse.demo");
      expect(mail!.subject).toContain(client.number);
      expect(mail!.text).toContain("Fatma Faire-Integration");
      expect(mail!.text).toContain(client.number);
      expect(mail!.text).toContain(REASON);
      expect(mail!.text).toMatch(/Zugriff bis: .*\d{2}:\d{2} Uhr/);
      expect(`${mail!.subject}${mail!.text}`).not.toMatch(/Samira|Notfallakte/);
    });

    it("then reads the client (audited as break-the-glass) but changes nothing", async () => {
      const res = await read("faireIntegrationBerlin");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ lastName: "Notfallakte", abilities: { update: false } });
      const [audited] = await events("client.read");
      expect(audited).toMatchObject({ actorLabel: "fi.berlin@lotse.demo", outcome: "success", details: { via: "break_glass" } });

      const fi = await as("faireIntegrationBerlin");
      // A justified access is for reading: every change is refused with 403, audited.
      const patch = await fi.patch(`/api/clients/${client.id}`, { version: client.version, germanLevel: "B1" });
      expect(patch.statusCode).toBe(403);
      expect(await events("client.update")).toMatchObject([{ outcome: "denied" }]);
      expect((await read("counselorBerlin")).json()).toMatchObject({ germanLevel: "not_stated", version: client.version });
      expect((await fi.post(`/api/clients/${client.id}/tasks`, { title: "Übernahme", dueOn: "2099-01-01" })).statusCode).toBe(403);
      expect((await fi.get(`/api/clients/${client.id}/tasks`)).statusCode).toBe(200);
      expect((await fi.get(`/api/clients/${client.id}/access-grants`)).statusCode).toBe(403);
    });

    it("still does not find the client by search: search-first stays bound to the own scope", async () => {
      const res = await (await as("faireIntegrationBerlin")).get("/api/clients?q=Notfallakte");
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
      const byNumber = await (await as("faireIntegrationBerlin")).get(`/api/clients?q=${client.number}`);
      expect(byNumber.json().items).toEqual([]);
    });

    it("is listed for the owning sub-project: who, why, until when", async () => {
      for (const who of ["leadBerlin", "counselorBerlin"] as const) {
        const res = await (await as(who)).get(`/api/clients/${client.id}/access-grants`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items[0]).toMatchObject({
          id: grant.id,
          user: { name: "Fatma Faire-Integration (Demo)" },
          reason: REASON,
          expiresAt: grant.expiresAt,
          active: true,
        });
      }
      expect((await (await as("counselorBavaria")).get(`/api/clients/${client.id}/access-grants`)).statusCode).toBe(404);
      expect((await events("client.access_grants_read")).filter((e) => e.outcome === "success").length).toBeGreaterThanOrEqual(2);
    });

    it("ends at the expiry: reads are refused again, and the refusal is audited", async () => {
      clock.advance(clock.minutes(29));
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(200);
      clock.advance(clock.minutes(1) + 1_000);
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(403);
      const [denied] = await events("client.read");
      expect(denied).toMatchObject({ actorLabel: "fi.berlin@lotse.demo", outcome: "denied" });
      const listed = (await (await as("leadBerlin")).get(`/api/clients/${client.id}/access-grants`)).json().items[0];
      expect(listed).toMatchObject({ id: grant.id, active: false, revokedAt: null });
    });
  });

  describe("revoking", () => {
    let grantId: string;
    beforeAll(async () => {
      const res = await breakGlass("faireIntegrationBerlin");
      expect(res.statusCode).toBe(201);
      grantId = res.json().id;
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(200);
    });
    const revoke = async (who: Persona, id = grantId) => (await as(who)).post(`/api/clients/${client.id}/access-grants/${id}/revoke`, {});

    it("is for the owning sub-project's lead only (counselors 403, others 404, the refusal audited)", async () => {
      expect((await revoke("counselorBerlin")).statusCode).toBe(403);
      expect((await revoke("faireIntegrationBerlin")).statusCode).toBe(403);
      expect((await revoke("counselorBavaria")).statusCode).toBe(404);
      const denials = (await events("client.break_glass_revoke")).filter((e) => e.outcome === "denied");
      expect(denials.map((e) => e.actorLabel)).toEqual(
        expect.arrayContaining(["berater.berlin@lotse.demo", "fi.berlin@lotse.demo", "berater.bayern@lotse.demo"]),
      );
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(200);
    });

    it("ends the access at once; a second revoke changes nothing; an unknown grant is 404", async () => {
      const first = await revoke("leadBerlin");
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ id: grantId, active: false });
      expect(first.json().revokedAt).toBeTruthy();
      expect((await read("faireIntegrationBerlin")).statusCode).toBe(403);

      const second = await revoke("leadBerlin");
      expect(second.statusCode).toBe(200);
      expect(second.json().revokedAt).toBe(first.json().revokedAt);
      const successes = (await events("client.break_glass_revoke")).filter((e) => e.outcome === "success");
      expect(successes).toHaveLength(1);
      expect(successes[0]!.details).toMatchObject({ grantId });

      expect((await revoke("leadBerlin", "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    });
  });
});
