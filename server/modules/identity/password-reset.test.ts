import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { passwordResetTokens, users } from "../../db/schema/index.js";
import { createTestApp, DEMO_PASSWORD, personas, type TestApp } from "../../test/harness.js";
import { fakeClock } from "./testing/fake-clock.js";
import { startSmtpSink, tokenFromMail } from "./testing/smtp-sink.js";

const NEW_PASSWORD = "Neues-Sicheres-Passwort-2026";

describe("password reset by mail (real SMTP sink)", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const clock = fakeClock();
  let ipCounter = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: "https://lotse.example" }, clock });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Each test gets its own client address so the per-address limit does not leak between tests. */
  const freshIp = () => `10.20.0.${++ipCounter}`;
  const requestReset = (email: string, ip = freshIp()) =>
    t.app.inject({ method: "POST", url: "/api/auth/password-reset/request", payload: { email }, remoteAddress: ip });
  const confirm = (payload: unknown) => t.anonymous().post("/api/auth/password-reset/confirm", payload);
  const tryLogin = (email: string, password: string) => t.anonymous().post("/api/auth/login", { email, password });
  const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;

  /** Requests a reset, runs the mail job and returns the token from the received mail. */
  async function mailedToken(email: string): Promise<string> {
    const before = smtp.to(email).length;
    expect((await requestReset(email)).statusCode).toBe(202);
    await t.jobs.runDue();
    const mails = smtp.to(email);
    expect(mails).toHaveLength(before + 1);
    return tokenFromMail(mails.at(-1)!.text);
  }

  it("mails a German single-use link; confirming sets the password, ends every session and is audited", async () => {
    const email = personas.counselorBerlin;
    const oldSession = await t.login("counselorBerlin");
    const res = await requestReset(email);
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe("");
    expect(smtp.to(email)).toHaveLength(0); // queued, not sent inside the request
    expect(await t.jobs.runDue()).toBe(1);

    const [mail] = smtp.to(email);
    expect(mail!.subject).toBe("Lotse: Passwort zurücksetzen");
    expect(mail!.text).toContain("Guten Tag Ben Berater (Demo)");
    expect(mail!.text).toMatch(/https:\/\/lotse\.example\/staff\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    const token = tokenFromMail(mail!.text);

    // Only the hash is stored, valid for 60 minutes.
    const [row] = await t.database.db.select().from(passwordResetTokens).orderBy(sql`created_at desc`).limit(1);
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(60 * 60_000);

    expect((await confirm({ token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await oldSession.get("/api/auth/session")).statusCode).toBe(401);
    expect((await tryLogin(email, DEMO_PASSWORD)).statusCode).toBe(401);
    await t.login(email, NEW_PASSWORD);

    const again = await confirm({ token, password: "Noch-ein-anderes-Passwort-1" });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: "token_invalid", type: "/problems/token-invalid" });

    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(
      await count(sql`select count(*)::int as n from audit_events where action = 'identity.password.reset' and record_id = ${user!.id}`),
    ).toBe(1);
  });

  it("answers 202 for an unknown e-mail and sends nothing", async () => {
    const jobsBefore = await count(sql`select count(*)::int as n from jobs`);
    const res = await requestReset("niemand@lotse.demo");
    expect(res.statusCode).toBe(202);
    expect(await count(sql`select count(*)::int as n from jobs`)).toBe(jobsBefore);
    expect(await t.jobs.runDue()).toBe(0);
    expect(smtp.to("niemand@lotse.demo")).toHaveLength(0);
  });

  it("refuses an expired link with 410 and leaves the password as it was", async () => {
    const token = await mailedToken(personas.counselorBavaria);
    clock.advance(clock.minutes(61));
    const res = await confirm({ token, password: NEW_PASSWORD });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe("token_invalid");
    await t.login("counselorBavaria");
  });

  it("refuses an unknown token with 410", async () => {
    const res = await confirm({ token: "x".repeat(43), password: NEW_PASSWORD });
    expect(res.statusCode).toBe(410);
  });

  it("applies the password policy, naming the field, without using up the token", async () => {
    const token = await mailedToken(personas.leadBerlin);
    for (const password of ["kurz-2026", "password1234", "Passwort1234", "x".repeat(257), "Meine-leitung.berlin-2026"]) {
      const res = await confirm({ token, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["password"]);
    }
    const missing = await confirm({ password: NEW_PASSWORD });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(["token"]);
    expect((await confirm({ token, password: NEW_PASSWORD })).statusCode).toBe(204);
    await t.login("leadBerlin", NEW_PASSWORD);
  });

  it("clears a login lockout", async () => {
    const email = personas.coordinationBerlin;
    for (let i = 0; i < 5; i++) expect((await tryLogin(email, "falsches-passwort")).statusCode).toBe(401);
    expect((await tryLogin(email, DEMO_PASSWORD)).statusCode).toBe(429);
    const token = await mailedToken(email);
    expect((await confirm({ token, password: NEW_PASSWORD })).statusCode).toBe(204);
    await t.login(email, NEW_PASSWORD);
  });

  it("a newer confirmed link ends older open links of the same user", async () => {
    const first = await mailedToken(personas.monitoring);
    const second = await mailedToken(personas.monitoring);
    expect((await confirm({ token: second, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await confirm({ token: first, password: "Ganz-anderes-Passwort-77" })).statusCode).toBe(410);
    await t.login("monitoring", NEW_PASSWORD);
  });

  it("writes in the user's preferred language (English)", async () => {
    await t.database.db.update(users).set({ preferredLanguage: "en" }).where(eq(users.email, personas.federal));
    await mailedToken(personas.federal);
    const mail = smtp.to(personas.federal).at(-1)!;
    expect(mail.subject).toBe("Lotse: reset your password");
    expect(mail.text).toContain("The link works once and for 60 minutes.");
  });

  it("sends nothing to a disabled account", async () => {
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, personas.admin));
    expect((await requestReset(personas.admin)).statusCode).toBe(202);
    expect(await t.jobs.runDue()).toBe(0);
    expect(smtp.to(personas.admin)).toHaveLength(0);
    await t.database.db.update(users).set({ disabledAt: null }).where(eq(users.email, personas.admin));
  });

  it("limits requests per e-mail (silently) and per client address (429)", async () => {
    const email = "limit-test@lotse.demo";
    await t.database.db.insert(users).values({ email, displayName: "Limit Test", passwordHash: null });
    for (let i = 0; i < 5; i++) expect((await requestReset(email)).statusCode).toBe(202);
    await t.jobs.runDue();
    expect(smtp.to(email)).toHaveLength(3);

    const ip = "10.30.0.1";
    for (let i = 0; i < 20; i++) expect((await requestReset(`unknown-${i}@lotse.demo`, ip)).statusCode).toBe(202);
    const limited = await requestReset("another@lotse.demo", ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await requestReset("another@lotse.demo", "10.30.0.2")).statusCode).toBe(202);
  });

  it("names the field of a malformed request", async () => {
    const res = await requestReset("not-an-email");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["email"]);
  });
});
