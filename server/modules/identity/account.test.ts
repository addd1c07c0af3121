import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { createTestApp, DEMO_PASSWORD, personas, type TestApp } from "../../test/harness.js";

const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

describe("own sessions and password change", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lists the caller's active sessions with the current one marked", async () => {
    const a = await t.login("counselorBerlin");
    const b = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: personas.counselorBerlin, password: DEMO_PASSWORD },
      headers: { "user-agent": "Zweitgerät/1.0" },
      remoteAddress: "10.50.0.7",
    });
    expect(b.statusCode).toBe(200);
    await t.login("counselorBavaria"); // someone else's session must not show up
    const res = await a.get("/api/me/sessions");
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(2);
    expect(items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(items).toContainEqual(
      expect.objectContaining({ ip: "10.50.0.7", userAgent: "Zweitgerät/1.0", current: false, createdAt: expect.any(String) }),
    );
    for (const s of items)
      expect(Object.keys(s).sort()).toEqual(["createdAt", "current", "expiresAt", "id", "ip", "lastSeenAt", "userAgent"]);
  });

  it("ends one of the caller's own sessions; another user's session id is 404 and stays alive", async () => {
    const a = await t.login("leadBerlin");
    const b = await t.login("leadBerlin");
    const other = await t.login("coordinationBerlin");
    const bId = (await b.get("/api/me/sessions")).json().items.find((s: { current: boolean }) => s.current).id;
    const otherId = (await other.get("/api/me/sessions")).json().items.find((s: { current: boolean }) => s.current).id;

    expect((await a.delete(`/api/me/sessions/${otherId}`)).statusCode).toBe(404);
    expect((await other.get("/api/auth/session")).statusCode).toBe(200);
    expect((await a.delete("/api/me/sessions/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const malformed = await a.delete("/api/me/sessions/not-a-uuid");
    expect(malformed.statusCode).toBe(400);
    expect(fields(malformed)).toEqual(["id"]);

    expect((await a.delete(`/api/me/sessions/${bId}`)).statusCode).toBe(204);
    expect((await b.get("/api/auth/session")).statusCode).toBe(401);
    expect((await a.get("/api/auth/session")).statusCode).toBe(200);
    expect((await a.delete(`/api/me/sessions/${bId}`)).statusCode).toBe(404);
  });

  it("ends the current session when asked to, like a logout", async () => {
    const a = await t.login("federal");
    const id = (await a.get("/api/me/sessions")).json().items.find((s: { current: boolean }) => s.current).id;
    const res = await a.delete(`/api/me/sessions/${id}`);
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === "lotse_session")?.value).toBe("");
    expect((await a.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("changes the password after checking the current one and ends the other sessions", async () => {
    const current = await t.login("counselorBavaria");
    const other = await t.login("counselorBavaria");
    const newPassword = "Ein-neues-Passwort-fuer-Bea";

    const wrong = await current.post("/api/me/password", { currentPassword: "falsch-falsch", newPassword });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(["currentPassword"]);
    const short = await current.post("/api/me/password", { currentPassword: DEMO_PASSWORD, newPassword: "zu-kurz" });
    expect(short.statusCode).toBe(400);
    expect(fields(short)).toEqual(["newPassword"]);
    const common = await current.post("/api/me/password", { currentPassword: DEMO_PASSWORD, newPassword: "Password1234" });
    expect(fields(common)).toEqual(["newPassword"]);
    const withEmail = await current.post("/api/me/password", { currentPassword: DEMO_PASSWORD, newPassword: "berater.bayern-2026-neu" });
    expect(withEmail.statusCode).toBe(400);
    expect(fields(withEmail)).toEqual(["newPassword"]);
    const missing = await current.post("/api/me/password", {});
    expect(fields(missing)?.sort()).toEqual(["currentPassword", "newPassword"]);
    // Nothing changed so far.
    expect((await other.get("/api/auth/session")).statusCode).toBe(200);

    expect((await current.post("/api/me/password", { currentPassword: DEMO_PASSWORD, newPassword })).statusCode).toBe(204);
    expect((await current.get("/api/auth/session")).statusCode).toBe(200);
    expect((await other.get("/api/auth/session")).statusCode).toBe(401);
    await t.login("counselorBavaria", newPassword);
    expect((await t.anonymous().post("/api/auth/login", { email: personas.counselorBavaria, password: DEMO_PASSWORD })).statusCode).toBe(
      401,
    );
    const [audit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'identity.password.changed' and actor_label = ${personas.counselorBavaria}`,
    );
    expect(audit!.n).toBe(1);
  });

  it("counts wrong current passwords towards the lockout", async () => {
    const client = await t.login("monitoring");
    for (let i = 0; i < 5; i++) {
      expect(
        (await client.post("/api/me/password", { currentPassword: `falsch-${i}`, newPassword: "Irgendein-Neues-Passwort" })).statusCode,
      ).toBe(400);
    }
    const locked = await client.post("/api/me/password", { currentPassword: DEMO_PASSWORD, newPassword: "Irgendein-Neues-Passwort" });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("account_locked");
  });

  it("needs a session for all of these", async () => {
    const anon = t.anonymous();
    expect((await anon.get("/api/me/sessions")).statusCode).toBe(401);
    expect((await anon.delete("/api/me/sessions/00000000-0000-4000-8000-000000000000")).statusCode).toBe(401);
    expect((await anon.post("/api/me/password", { currentPassword: "x", newPassword: "y" })).statusCode).toBe(401);
  });
});
