import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, jobs } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";

const fiBerlin = seedId("unit", "fi:be");

describe("second-level support (Faire Integration)", () => {
  let t: TestApp;
  const as = (who: Persona) => t.as(who);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A client of Faire Integration Berlin with a consultation about pay in the cleaning sector. */
  const fiCase = async (lastName: string) => {
    const fi = await as("faireIntegrationBerlin");
    const client = (
      await fi.post("/api/clients", { firstName: "Olena", lastName, birthYear: 1991, unitId: fiBerlin, consent: { processing: true } })
    ).json();
    const consultation = await fi.post("/api/consultations", {
      clientId: client.id,
      date: "2024-09-03",
      fiReasons: ["pay", "working_time"],
      employerSector: "cleaning",
    });
    expect(consultation.statusCode).toBe(201);
    return { client, consultation: consultation.json() };
  };

  it("carries a question to the support team and its answer back, without the client's identity", async () => {
    const { client, consultation } = await fiCase("Kowalenko");
    const fi = await as("faireIntegrationBerlin");
    const asked = await fi.post(`/api/consultations/${consultation.id}/support-requests`, {
      question: "Arbeitgeber zahlt Überstunden nicht; Ausschlussfrist im Tarifvertrag?",
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: "open", answer: null, version: 1 });

    const support = await as("supportTeam");
    const queue = await support.get("/api/support-requests?status=open");
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === asked.json().id);
    expect(item).toMatchObject({
      question: "Arbeitgeber zahlt Überstunden nicht; Ausschlussfrist im Tarifvertrag?",
      consultationDate: "2024-09-03",
      fiReasons: ["pay", "working_time"],
      employerSector: "cleaning",
      stateNetwork: { id: seedId("unit", "state:DE-BE") },
    });
    // Neither the client's id, number nor name reaches the support team.
    for (const secret of [client.id, client.number, "Kowalenko", "Olena", consultation.id]) expect(queue.body).not.toContain(secret);
    expect(item).not.toHaveProperty("clientId");

    const answered = await support.post(`/api/support-requests/${item.id}/answer`, {
      answer: "Ausschlussfristen prüfen; Geltendmachung schriftlich.",
      version: 1,
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: "answered", version: 2 });
    expect(answered.body).not.toContain("Kowalenko");

    // The asking counselor sees the answer on the consultation and gets a mail with a link only.
    const seen = (await fi.get(`/api/consultations/${consultation.id}`)).json();
    expect(seen.supportRequests).toEqual([
      expect.objectContaining({ status: "answered", answer: "Ausschlussfristen prüfen; Geltendmachung schriftlich." }),
    ]);
    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "mail.send"), eq(jobs.uniqueKey, `support-request-answered:${item.id}`)));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.payload as { to: string; text: string; subject: string };
    expect(mail.to).toBe("fi.berlin@lotse.demo");
    expect(mail.text).toContain(`/staff/consultations/${consultation.id}`);
    for (const secret of ["Kowalenko", "Olena", "Überstunden", "Ausschlussfristen"]) expect(mail.text + mail.subject).not.toContain(secret);

    expect((await support.get("/api/support-requests?status=open")).json().items.some((i: { id: string }) => i.id === item.id)).toBe(false);
    expect((await support.get("/api/support-requests?status=answered")).json().items[0].id).toBe(item.id);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "support_request"), eq(auditEvents.recordId, item.id)));
    expect(audit.map((e) => e.action).sort()).toEqual(["support_request.answer", "support_request.create"]);
  });

  it("answers once: a retry with the same answer is harmless, another answer or a stale version is refused", async () => {
    const { consultation } = await fiCase("Retry");
    const asked = (
      await (await as("faireIntegrationBerlin")).post(`/api/consultations/${consultation.id}/support-requests`, { question: "Frage?" })
    ).json();
    const support = await as("supportTeam");
    const stale = await support.post(`/api/support-requests/${asked.id}/answer`, { answer: "Antwort", version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("conflict");
    expect((await support.post(`/api/support-requests/${asked.id}/answer`, { answer: "Antwort", version: 1 })).statusCode).toBe(200);
    const retry = await support.post(`/api/support-requests/${asked.id}/answer`, { answer: "Antwort", version: 1 });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().version).toBe(2);
    const other = await support.post(`/api/support-requests/${asked.id}/answer`, { answer: "Andere Antwort", version: 2 });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe("invalid_state");
    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `support-request-answered:${asked.id}`));
    expect(mails).toHaveLength(1);
  });

  it("is for Faire Integration consultations, asked by their counselors, answered by the support team only", async () => {
    const { client, consultation } = await fiCase("Zugriff");
    // A recognition consultation has no second-level support.
    const berlin = await as("counselorBerlin");
    const other = (
      await berlin.post("/api/clients", { firstName: "Anna", lastName: "Anerkennung", birthYear: 1980, consent: { processing: true } })
    ).json();
    const recognition = (await berlin.post("/api/consultations", { clientId: other.id, date: "2024-09-03" })).json();
    const refused = await berlin.post(`/api/consultations/${recognition.id}/support-requests`, { question: "?" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("invalid_state");

    // Others cannot ask about the FI client's consultation: not in their scope, or no casework at all.
    expect((await berlin.post(`/api/consultations/${consultation.id}/support-requests`, { question: "?" })).statusCode).toBe(403);
    expect(
      (await (await as("supportTeam")).post(`/api/consultations/${consultation.id}/support-requests`, { question: "?" })).statusCode,
    ).toBe(404);
    expect(
      (await (await as("monitoring")).post(`/api/consultations/${consultation.id}/support-requests`, { question: "?" })).statusCode,
    ).toBe(403);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "support_request.create"), eq(auditEvents.outcome, "denied"), eq(auditEvents.recordId, client.id)));
    expect(denied.length).toBeGreaterThanOrEqual(2);

    // The queue and the answers belong to the support team.
    const asked = (
      await (await as("faireIntegrationBerlin")).post(`/api/consultations/${consultation.id}/support-requests`, { question: "Frage" })
    ).json();
    for (const who of ["faireIntegrationBerlin", "counselorBerlin", "monitoring", "admin"] as const) {
      expect((await (await as(who)).get("/api/support-requests")).statusCode).toBe(403);
      expect((await (await as(who)).post(`/api/support-requests/${asked.id}/answer`, { answer: "x", version: 1 })).statusCode).toBe(404);
    }
    // The support team sees nothing of the client itself.
    const support = await as("supportTeam");
    expect((await support.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    expect((await support.get(`/api/consultations/${consultation.id}`)).statusCode).toBe(404);
  });

  it("validates the question and the answer", async () => {
    const { consultation } = await fiCase("Leer");
    const empty = await (await as("faireIntegrationBerlin")).post(`/api/consultations/${consultation.id}/support-requests`, {
      question: "  ",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe("question");
    const missing = await (await as("supportTeam")).post(`/api/support-requests/${consultation.id}/answer`, { answer: "x", version: 1 });
    expect(missing.statusCode).toBe(404);
  });
});
