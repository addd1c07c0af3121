import { sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { issueFormToken } from "../../platform/public-form-guard.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { startSmtpSink } from "../identity/testing/smtp-sink.js";

const site = seedId("unit", "demo-sub-project:DE-BE:site:0");
const bavarianSite = seedId("unit", "demo-sub-project:DE-BY:site:0");
const berlinSubProject = seedId("unit", "demo-sub-project:DE-BE");

type Request = {
  id: string;
  status: string;
  name: string;
  site: { id: string; name: string };
  forwardedFrom: { id: string } | null;
  history: { status: string; actorName: string | null; toSite: { id: string } | null; note: string | null }[];
  actions: string[];
  clientId: string | null;
  consultationId: string | null;
};

const berlinToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

describe("online requests", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: "https://lotse.example" } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  let n = 0;
  /** Each request from its own address and with a token issued as if the form was filled in. */
  const send = (body: Record<string, unknown>, options: { token?: string | null; ip?: string } = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/requests",
      remoteAddress: options.ip ?? `198.51.100.${++n}`,
      payload: {
        siteId: site,
        topic: "recognition",
        language: "ar",
        channel: "phone",
        name: "Amal Haddad",
        email: `amal${n}@example.org`,
        description: "Ich bin Ärztin aus Syrien und möchte meine Approbation anerkennen lassen.",
        locale: "ar",
        consent: true,
        ...(options.token === null ? {} : { formToken: options.token ?? issueFormToken(t.ctx, new Date(Date.now() - 10_000)) }),
        ...body,
      },
    });
  const submitted = async (body: Record<string, unknown> = {}) => {
    const res = await send(body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  };
  const stored = (id: string) =>
    queryRows<{ status: string; site_id: string; client_id: string | null }>(
      t.database.db,
      sql`select status, site_id, client_id from online_requests where id = ${id}`,
    );
  const mailsTo = async (address: string) => {
    await t.jobs.runDue();
    return Promise.all(smtp.to(address).map((m) => simpleParser(m.raw)));
  };
  const auditOf = (id: string) =>
    queryRows<{ action: string; outcome: string; actor_label: string | null }>(
      t.database.db,
      sql`select action, outcome, actor_label from audit_events where record_id = ${id} order by id`,
    );

  it("names each missing or invalid field", async () => {
    const res = await send({ consent: false, email: "keine-mail", description: " ", topic: "other", language: "1", name: "" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["consent", "email", "description", "topic", "language", "name"]));
    const tooLong = await send({ description: "x".repeat(2001) });
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ field: "description", code: "too_big" })]);
    const notOffered = await send({ language: "zu" });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json().errors).toEqual([expect.objectContaining({ field: "language", code: "language_not_offered" })]);
  });

  it("refuses a form without a token or sent too fast, and answers a bot like a person without keeping anything", async () => {
    const noToken = await send({}, { token: null });
    expect(noToken.json().errors).toEqual([expect.objectContaining({ field: "formToken" })]);
    const tooFast = await send({}, { token: issueFormToken(t.ctx) });
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json().errors).toEqual([expect.objectContaining({ field: "formToken", code: "form_too_fast" })]);

    const bot = await send({ website: "https://spam.example", email: "victim@example.org" });
    expect(bot.statusCode).toBe(201);
    expect(bot.json()).toEqual({ id: expect.any(String), status: "new" });
    expect(await stored(bot.json().id)).toEqual([]);
    expect(await mailsTo("victim@example.org")).toEqual([]);
  });

  it("limits requests per e-mail address (429 with Retry-After)", async () => {
    for (let i = 0; i < 5; i++) await submitted({ email: "eine.adresse@example.org" });
    const sixth = await send({ email: "eine.adresse@example.org" });
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("404 for an unknown site or a unit that is no public site", async () => {
    expect((await send({ siteId: seedId("unit", "no-such-unit") })).statusCode).toBe(404);
    expect((await send({ siteId: berlinSubProject })).statusCode).toBe(404);
  });

  it("stores a request, confirms it in the page's language and tells the site without personal data", async () => {
    const { id, status } = await submitted({ email: "amal.haddad@example.org", phone: "+49 30 1234567" });
    expect(status).toBe("new");
    expect(await stored(id)).toEqual([{ status: "new", site_id: site, client_id: null }]);
    const [confirmation] = await mailsTo("amal.haddad@example.org");
    expect(confirmation!.subject).toMatch(/^وصل طلبك إلى /);
    expect(confirmation!.text).toContain("الموضوع: الاعتراف بالمؤهلات والتأهيل");
    // A Gregorian date with Latin digits, and nothing the sender typed.
    expect(confirmation!.text).toMatch(/تاريخ الاستلام: \d{1,2} \S+ 20\d\d/);
    expect(confirmation!.text).not.toContain("Amal");
    expect(confirmation!.text).not.toContain("Approbation");

    const [siteRow] = await queryRows<{ email: string }>(t.database.db, sql`select email from sites where unit_id = ${site}`);
    const notices = await mailsTo(siteRow!.email);
    const notice = notices.find((m) => m.text?.includes(id))!;
    expect(notice.subject).toMatch(/^Lotse: neue Online-Anfrage/);
    expect(notice.text).toContain(`https://lotse.example/staff/requests/${id}`);
    expect(notice.text).not.toContain("Amal");
    expect(notice.text).not.toContain("amal.haddad@example.org");
  });

  it("lists the inbox of the site's counselors without names; others see nothing", async () => {
    const { id } = await submitted();
    const berlin = await t.as("counselorBerlin");
    const inbox = await berlin.get(`/api/requests?site=${site}`);
    expect(inbox.statusCode).toBe(200);
    const line = (inbox.json().items as Record<string, unknown>[]).find((i) => i.id === id)!;
    expect(line).toMatchObject({ status: "new", topic: "recognition", language: "ar", channel: "phone", site: { id: site } });
    expect(line).not.toHaveProperty("name");
    expect(line).not.toHaveProperty("email");

    const bavaria = await (await t.as("counselorBavaria")).get("/api/requests");
    expect((bavaria.json().items as { id: string }[]).map((i) => i.id)).not.toContain(id);
    expect((await (await t.as("coordinationBerlin")).get("/api/requests")).statusCode).toBe(403);
    expect((await (await t.as("monitoring")).get("/api/requests")).statusCode).toBe(403);
    expect((await t.anonymous().get("/api/requests")).statusCode).toBe(401);
  });

  it("audits every read of a request, and a refused one (404 outside the caller's sites)", async () => {
    const { id } = await submitted();
    const read = await (await t.as("counselorBerlin")).get(`/api/requests/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ name: "Amal Haddad", status: "new", actions: ["accept", "forward", "close"] });
    expect((await (await t.as("counselorBavaria")).get(`/api/requests/${id}`)).statusCode).toBe(404);
    expect((await (await t.as("counselorBavaria")).get(`/api/requests/${id}`)).statusCode).toBe(404);
    expect(await auditOf(id)).toEqual([
      { action: "online_request.create", outcome: "success", actor_label: null },
      { action: "online_request.read", outcome: "success", actor_label: "berater.berlin@lotse.demo" },
      { action: "online_request.read", outcome: "denied", actor_label: "berater.bayern@lotse.demo" },
      { action: "online_request.read", outcome: "denied", actor_label: "berater.bayern@lotse.demo" },
    ]);
  });

  it("accepts a request into a client with the form's consent; a second accept is 409", async () => {
    const { id } = await submitted({ email: "accept.me@example.org" });
    const berlin = await t.as("counselorBerlin");
    expect((await (await t.as("counselorBavaria")).post(`/api/requests/${id}/accept`, acceptBody())).statusCode).toBe(404);

    const res = await berlin.post(`/api/requests/${id}/accept`, acceptBody());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { request: Request; clientId: string; consultationId: string | null; links: { client: string } };
    expect(body.request).toMatchObject({ status: "accepted", clientId: body.clientId, actions: [] });
    expect(body.consultationId).toBeNull();
    expect(body.links.client).toBe(`/staff/clients/${body.clientId}`);

    const client = (await berlin.get(`/api/clients/${body.clientId}`)).json();
    expect(client).toMatchObject({ firstName: "Amal", lastName: "Haddad", email: "accept.me@example.org", preferredLanguages: ["ar"] });
    const consents = client.consents as { kind: string; textVersion: string }[];
    expect(consents.map((c) => `${c.kind}:${c.textVersion}`).sort()).toEqual(["contact:2026-01-online", "processing:2026-01-online"]);

    const again = await berlin.post(`/api/requests/${id}/accept`, acceptBody());
    expect(again.statusCode).toBe(409);
    expect((await berlin.post(`/api/requests/${id}/close`, { answer: "Zu spät" })).statusCode).toBe(409);
  });

  it("accepts with a first consultation held already (consultations' rules apply), all or nothing", async () => {
    const { id } = await submitted();
    const berlin = await t.as("counselorBerlin");
    const clientsBefore = await clientCount("Haddad-Erst");
    const future = await berlin.post(
      `/api/requests/${id}/accept`,
      acceptBody({ lastName: "Haddad-Erst", firstConsultation: { date: "2999-01-01", channel: "phone" } }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().errors.map((e: { field: string }) => e.field)).toContain("date");
    // Nothing half-written: no client, the request still open.
    expect(await clientCount("Haddad-Erst")).toBe(clientsBefore);
    expect((await stored(id))[0]!.status).toBe("new");

    const res = await berlin.post(
      `/api/requests/${id}/accept`,
      acceptBody({ lastName: "Haddad-Erst", firstConsultation: { date: berlinToday(), channel: "phone", durationMinutes: 30 } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const { consultationId, links } = res.json();
    expect(links.consultation).toBe(`/staff/consultations/${consultationId}`);
    const consultation = (await berlin.get(`/api/consultations/${consultationId}`)).json();
    expect(consultation).toMatchObject({ kind: "first_consultation", channel: "phone", languages: ["ar"], siteId: site });
  });

  it("accepts with the first appointment booked in the same transaction; a slot taken meanwhile is 409 and leaves nothing", async () => {
    const { id } = await submitted({ email: "termin.me@example.org", channel: "in_person" });
    const berlin = await t.as("counselorBerlin");
    const slots = (await t.anonymous().get(`/api/public/sites/${site}/slots?channel=in_person`)).json().items as { id: string }[];
    expect(slots.length).toBeGreaterThan(1);
    const taken = await t.anonymous().post("/api/public/bookings", {
      slotId: slots[0]!.id,
      name: "Jemand Anderes",
      email: "someone@example.org",
      language: "de",
      topic: "recognition",
      consent: true,
    });
    expect(taken.statusCode, taken.body).toBe(201);

    const clientsBefore = await clientCount("Haddad-Termin");
    const conflict = await berlin.post(
      `/api/requests/${id}/accept`,
      acceptBody({ lastName: "Haddad-Termin", appointment: { slotId: slots[0]!.id } }),
    );
    expect(conflict.statusCode, conflict.body).toBe(409);
    expect(conflict.json()).toMatchObject({ code: "slot_taken" });
    expect(conflict.json().nextSlots.length).toBeGreaterThan(0);
    const nonsense = await berlin.post(
      `/api/requests/${id}/accept`,
      acceptBody({ lastName: "Haddad-Termin", appointment: { slotId: "x" } }),
    );
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.json().errors[0].field).toBe("appointment.slotId");
    const both = await berlin.post(
      `/api/requests/${id}/accept`,
      acceptBody({ appointment: { slotId: slots[1]!.id }, firstConsultation: { date: berlinToday(), channel: "phone" } }),
    );
    expect(both.statusCode).toBe(400);
    // Nothing half-written: no client, the request still open.
    expect(await clientCount("Haddad-Termin")).toBe(clientsBefore);
    expect((await stored(id))[0]!.status).toBe("new");

    const res = await berlin.post(
      `/api/requests/${id}/accept`,
      acceptBody({ lastName: "Haddad-Termin", appointment: { slotId: slots[1]!.id } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const { bookingId, request } = res.json() as { bookingId: string; request: Request };
    expect(bookingId).toBeTruthy();
    expect(request.history.at(-1)?.note ?? null).toBeNull();
    const [booking] = await queryRows<{ source: string; email: string; locale: string }>(
      t.database.db,
      sql`select source, email, locale from bookings where id = ${bookingId}`,
    );
    expect(booking).toEqual({ source: "request", email: "termin.me@example.org", locale: "ar" });
    // The person gets the booking's confirmation with its calendar file, in their language.
    const mails = await mailsTo("termin.me@example.org");
    expect(mails.some((m) => m.attachments.some((a) => a.filename === "termin.ics"))).toBe(true);
  });

  it("forwards to another site of the network: it moves inboxes, keeps its history and tells the person", async () => {
    const { id } = await submitted({ email: "forward.me@example.org", locale: "uk", language: "de" });
    const berlin = await t.as("counselorBerlin");
    const unknown = await berlin.post(`/api/requests/${id}/forward`, { siteId: seedId("unit", "no-such-unit") });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: "siteId", code: "unknown_site" })]);
    const same = await berlin.post(`/api/requests/${id}/forward`, { siteId: site });
    expect(same.json().errors).toEqual([expect.objectContaining({ field: "siteId", code: "same_site" })]);

    const res = await berlin.post(`/api/requests/${id}/forward`, { siteId: bavarianSite, note: "Wohnt in Bayern" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "forwarded", site: { id: bavarianSite }, actions: [] });
    expect((await berlin.get(`/api/requests/${id}`)).statusCode).toBe(404);

    const bavaria = await t.as("counselorBavaria");
    const inbox = (await bavaria.get("/api/requests")).json().items as { id: string; forwardedFrom: { id: string } | null }[];
    expect(inbox.find((i) => i.id === id)?.forwardedFrom?.id).toBe(site);
    const detail = (await bavaria.get(`/api/requests/${id}`)).json() as Request;
    expect(detail.actions).toEqual(["accept", "forward", "close"]);
    expect(detail.history.map((h) => h.status)).toEqual(["new", "forwarded"]);
    expect(detail.history[1]).toMatchObject({ actorName: expect.any(String), toSite: { id: bavarianSite }, note: "Wohnt in Bayern" });

    const mails = await mailsTo("forward.me@example.org");
    // (The mail job sends in parallel: the order of arrival is not the order of queueing.)
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Ваш запит до/), expect.stringMatching(/^Ваш запит передано до/)]),
    );
  });

  it("closes with an answer mailed in the person's language; closed is final", async () => {
    const { id } = await submitted({ email: "close.me@example.org", locale: "tr", language: "tr" });
    const berlin = await t.as("counselorBerlin");
    expect((await berlin.post(`/api/requests/${id}/close`, { answer: " " })).json().errors).toEqual([
      expect.objectContaining({ field: "answer" }),
    ]);
    const answer = "Für Ihr Anliegen ist die Beratungsstelle in Ihrer Stadt zuständig: https://example.org";
    const res = await berlin.post(`/api/requests/${id}/close`, { answer });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "closed", answer, actions: [] });
    const mails = await mailsTo("close.me@example.org");
    const last = mails.find((m) => m.subject?.endsWith("için talebinizin yanıtı"))!;
    expect(last.replyTo?.text).toMatch(/@demo\.example\.org$/);
    expect(last.text).toContain(answer);
    expect((await berlin.post(`/api/requests/${id}/close`, { answer })).statusCode).toBe(409);
    expect((await berlin.post(`/api/requests/${id}/accept`, acceptBody())).statusCode).toBe(409);
  });

  const clientCount = async (lastName: string) =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from clients where last_name = ${lastName}`))[0]!.n;
});

function acceptBody(extra: Record<string, unknown> = {}) {
  return { firstName: "Amal", lastName: "Haddad", birthYear: 1988, ...extra };
}
