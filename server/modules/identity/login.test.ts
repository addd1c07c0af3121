import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.js";

describe("login and sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs in a demo account and returns the session with its grants", async () => {
    const client = await t.login("counselorBerlin");
    const res = await client.get("/api/auth/session");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe("berater.berlin@lotse.demo");
    expect(body.user.grants).toEqual([expect.objectContaining({ role: "counselor", unitType: "sub_project" })]);
    expect(body.csrfToken).toBe(client.csrfToken);
  });

  it("answers a wrong password with 401 problem details and no cookie", async () => {
    const res = await t.anonymous().post("/api/auth/login", { email: "berater.berlin@lotse.demo", password: "wrong-password" });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ type: "/problems/invalid-credentials", status: 401 });
    expect(res.cookies).toHaveLength(0);
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const res = await t.anonymous().post("/api/auth/login", { email: "nobody@lotse.demo", password: "whatever-password" });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("invalid_credentials");
  });

  it("names each invalid field", async () => {
    const res = await t.anonymous().post("/api/auth/login", { email: "not-an-email" });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(["email", "password"]);
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const client = await t.login("counselorBerlin");
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: client.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf_failed");
  });

  it("refuses a login posted from a foreign origin", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { email: "berater.berlin@lotse.demo", password: "lotse-demo-2026" },
    });
    expect(res.statusCode).toBe(403);
  });

  it("logs out: the session no longer works", async () => {
    const client = await t.login("counselorBerlin");
    expect((await client.post("/api/auth/logout")).statusCode).toBe(204);
    expect((await client.get("/api/auth/session")).statusCode).toBe(401);
  });
});
