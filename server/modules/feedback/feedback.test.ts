import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { queryRows } from "../../db/index.js";
import type { MailMessage } from "../../platform/mail.js";
import { issueFormToken } from "../../platform/public-form-guard.js";
import { createTestApp, type TestApp } from "../../test/harness.js";

describe("reports of barriers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ACCESSIBILITY_FEEDBACK_TO: "barrierefreiheit@betreiber.example" } });
  });
  afterAll(() => t.close());

  let n = 0;
  /** Each report from its own address, so the tests do not share a rate limit. */
  const send = (body: Record<string, unknown>, withToken = true) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/accessibility-feedback",
      remoteAddress: `192.0.2.${++n}`,
      payload: { ...(withToken ? { formToken: issueFormToken(t.ctx, new Date(Date.now() - 10_000)) } : {}), ...body },
    });
  const reportsWith = (description: string) =>
    queryRows<{ page: string | null; name: string | null; email: string | null; language: string }>(
      t.database.db,
      sql`select page, name, email, language from accessibility_feedback where description = ${description}`,
    );
  const mailsTo = async (to: string) =>
    (
      await queryRows<{ payload: MailMessage }>(
        t.database.db,
        sql`select payload from jobs where kind = 'mail.send' and payload->>'to' = ${to} order by id`,
      )
    ).map((r) => r.payload);

  it("names each missing or invalid field (the form shows them at the fields)", async () => {
    const empty = await send({ description: "   ", email: "kein-at-zeichen" });
    expect(empty.statusCode).toBe(400);
    const fields = (empty.json().errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(["description:too_small", "email:invalid_format"]));

    const tooLong = await send({ description: "x".repeat(4001) });
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ field: "description", code: "too_big" })]);

    const noToken = await send({ description: "Ohne Token" }, false);
    expect(noToken.statusCode).toBe(400);
    expect(noToken.json().errors).toEqual([expect.objectContaining({ field: "formToken" })]);
  });

  it("stores a report, mails the operator (reply goes to the person) and confirms in the page's language", async () => {
    const description = "Das Menü lässt sich mit der Tastatur nicht öffnen.";
    const res = await send({ page: "/beratung-finden", description, name: "Amal", email: "Amal@Example.org", language: "ar" });
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe("");
    expect(await reportsWith(description)).toEqual([{ page: "/beratung-finden", name: "Amal", email: "amal@example.org", language: "ar" }]);

    const [notice] = await mailsTo("barrierefreiheit@betreiber.example");
    expect(notice).toMatchObject({ replyTo: "amal@example.org", subject: expect.stringMatching(/^Lotse: Barriere gemeldet/) });
    expect(notice!.text).toContain(description);
    expect(notice!.text).toContain("/beratung-finden");

    const confirmations = await mailsTo("amal@example.org");
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.subject).toBe("لوتسه: وصلنا بلاغك عن عائق");
    // Nothing the sender typed goes to the address they gave (it may be someone else's).
    expect(confirmations[0]!.text).not.toContain("Tastatur");
    expect(confirmations[0]!.text).not.toContain("Amal");
  });

  it("without an e-mail address mails only the operator; the page is optional", async () => {
    const description = "Der Kontrast im Fußbereich ist zu gering.";
    const before = (await mailsTo("barrierefreiheit@betreiber.example")).length;
    expect((await send({ description, page: "", name: "" })).statusCode).toBe(202);
    expect(await reportsWith(description)).toEqual([{ page: null, name: null, email: null, language: "de" }]);
    const notices = await mailsTo("barrierefreiheit@betreiber.example");
    expect(notices).toHaveLength(before + 1);
    expect(notices.at(-1)!.replyTo).toBeUndefined();
  });

  it("answers a bot (honeypot filled) exactly like a person, and keeps and mails nothing", async () => {
    const description = "Kaufen Sie jetzt!";
    const res = await send({ description, email: "bot-victim@example.org", website: "https://spam.example" });
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe("");
    expect(await reportsWith(description)).toEqual([]);
    expect(await mailsTo("bot-victim@example.org")).toEqual([]);
  });

  it("refuses a form sent faster than a person fills it in", async () => {
    const res = await send({ description: "Zu schnell", formToken: issueFormToken(t.ctx) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "formToken", code: "form_too_fast" })]);
    expect(await reportsWith("Zu schnell")).toEqual([]);
  });

  it("lists reports newest first, page by page, for the network administrator only", async () => {
    const admin = await t.as("admin");
    const first = await admin.get("/api/accessibility-feedback?limit=2");
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { items: { id: number; description: string; createdAt: string }[]; nextBefore: number | null };
    expect(page1.items.map((i) => i.description)).toEqual([
      "Der Kontrast im Fußbereich ist zu gering.",
      "Das Menü lässt sich mit der Tastatur nicht öffnen.",
    ]);
    expect(page1.nextBefore).toBe(page1.items[1]!.id);
    const page2 = (await admin.get(`/api/accessibility-feedback?limit=2&before=${page1.nextBefore}`)).json();
    expect(page2).toEqual({ items: [], nextBefore: null });

    expect((await (await t.as("counselorBerlin")).get("/api/accessibility-feedback")).statusCode).toBe(403);
    expect((await (await t.as("coordinationBerlin")).get("/api/accessibility-feedback")).statusCode).toBe(403);
    expect((await t.anonymous().get("/api/accessibility-feedback")).statusCode).toBe(401);
  });

  it("sends reports to the sender address of mails unless ACCESSIBILITY_FEEDBACK_TO is set", () => {
    expect(loadConfig({ NODE_ENV: "test" }).accessibilityFeedbackTo).toBe("no-reply@lotse.local");
    expect(loadConfig({ NODE_ENV: "test", MAIL_FROM: "Netzwerk <post@netzwerk.example>" }).accessibilityFeedbackTo).toBe(
      "post@netzwerk.example",
    );
    expect(() => loadConfig({ NODE_ENV: "test", ACCESSIBILITY_FEEDBACK_TO: "keine-adresse" })).toThrow(/ACCESSIBILITY_FEEDBACK_TO/);
  });
});
