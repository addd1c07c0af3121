import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index.js";
import { createTestApp, DEMO_PASSWORD, personas, type TestApp, type TestClient } from "../../test/harness.js";
import { fakeClock } from "./testing/fake-clock.js";
import { totpFor } from "./totp.js";

/** A "staff" route any signed-in user may call: answers 200 once the second factor is done. */
const STAFF_PROBE = "/api/users/00000000-0000-4000-8000-000000000000";

describe("TOTP second factor with REQUIRE_MFA", () => {
  let t: TestApp;
  const clock = fakeClock();
  beforeAll(async () => {
    t = await createTestApp({ env: { REQUIRE_MFA: "true" }, clock });
  });
  afterAll(() => t.close());

  const code = (secret: string) => totpFor(secret, "test").generate({ timestamp: clock.now().getTime() });
  const login = (email: string, extra: Record<string, string> = {}) =>
    t.anonymous().post("/api/auth/login", { email, password: DEMO_PASSWORD, ...extra });
  const nextStep = () => clock.advance(30_000);

  let counselor: TestClient;
  let secret: string;

  it("gives a counselor without TOTP a pending session: staff routes answer 403 mfa_enrollment_required", async () => {
    const res = await login(personas.counselorBerlin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mfaPending: true, user: { mfaEnabled: false } });
    counselor = await t.login("counselorBerlin");
    const probe = await counselor.get(STAFF_PROBE);
    expect(probe.statusCode).toBe(403);
    expect(probe.json().code).toBe("mfa_enrollment_required");
    expect((await counselor.get("/api/auth/session")).statusCode).toBe(200);
  });

  it("sets up a pending secret (stored encrypted), with an otpauth URL and an SVG QR code", async () => {
    const res = await counselor.post("/api/me/totp/setup");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Lotse:berater\.berlin%40lotse\.demo\?/);
    expect(body.otpauthUrl).toContain(`secret=${secret}`);
    expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const [row] = await t.database.db.select().from(users).where(eq(users.email, personas.counselorBerlin));
    expect(row!.totpPendingSecretEnc).toMatch(/^v1\./);
    expect(row!.totpPendingSecretEnc).not.toContain(secret);
    expect(row!.totpEnabledAt).toBeNull();
    // Not enabled yet: login does not ask for a code.
    expect((await login(personas.counselorBerlin)).statusCode).toBe(200);
  });

  it("refuses a wrong code naming the field, then enables with the right one and verifies this session", async () => {
    const wrong = await counselor.post("/api/me/totp/enable", { code: code(secret) === "000000" ? "111111" : "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(["code"]);
    const malformed = await counselor.post("/api/me/totp/enable", { code: "12ab" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { field: string }) => e.field)).toEqual(["code"]);

    expect((await counselor.post("/api/me/totp/enable", { code: code(secret) })).statusCode).toBe(204);
    expect((await counselor.get(STAFF_PROBE)).statusCode).toBe(404); // past the guard: an unknown user
    const session = (await counselor.get("/api/auth/session")).json();
    expect(session).toMatchObject({ mfaPending: false, user: { mfaEnabled: true } });
  });

  it("then asks for the code at login: missing → totp_required, wrong → totp_invalid, replayed → refused", async () => {
    const missing = await login(personas.counselorBerlin);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe("totp_required");
    expect(missing.cookies).toHaveLength(0);

    const wrong = await login(personas.counselorBerlin, { totp: code(secret) === "123456" ? "654321" : "123456" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe("totp_invalid");

    // The code that enabled the factor belongs to this time step: it cannot be used again.
    const replayOfEnable = await login(personas.counselorBerlin, { totp: code(secret) });
    expect(replayOfEnable.statusCode).toBe(401);
    expect(replayOfEnable.json().code).toBe("totp_invalid");

    nextStep();
    const fresh = code(secret);
    const ok = await login(personas.counselorBerlin, { totp: fresh });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mfaPending).toBe(false);
    const replay = await login(personas.counselorBerlin, { totp: fresh });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("totp_invalid");
  });

  it("refuses a second set-up while enabled, and disabling where the roles require a second factor", async () => {
    expect((await counselor.post("/api/me/totp/setup")).statusCode).toBe(409);
    const res = await counselor.post("/api/me/totp/disable", { password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
    const [row] = await t.database.db.select().from(users).where(eq(users.email, personas.counselorBerlin));
    expect(row!.totpEnabledAt).not.toBeNull();
  });

  it("refuses to enable without a set-up", async () => {
    const lead = await t.login("leadBerlin");
    const res = await lead.post("/api/me/totp/enable", { code: "123456" });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("invalid_state");
  });

  it("asks no second factor of monitoring; they may enrol and remove it with their password", async () => {
    const res = await login(personas.monitoring);
    expect(res.json().mfaPending).toBe(false);
    const monitoring = await t.login("monitoring");
    expect((await monitoring.get(STAFF_PROBE)).statusCode).toBe(404);

    const { secret: own } = (await monitoring.post("/api/me/totp/setup")).json();
    nextStep();
    expect((await monitoring.post("/api/me/totp/enable", { code: code(own) })).statusCode).toBe(204);
    expect((await login(personas.monitoring)).json().code).toBe("totp_required");

    const wrong = await monitoring.post("/api/me/totp/disable", { password: "nicht-das-passwort" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(["password"]);
    expect((await monitoring.post("/api/me/totp/disable", { password: DEMO_PASSWORD })).statusCode).toBe(204);
    expect((await login(personas.monitoring)).statusCode).toBe(200);
  });

  it("requires the CSRF token and a session for the set-up", async () => {
    expect((await t.anonymous().post("/api/me/totp/setup")).statusCode).toBe(401);
    const client = await t.login("federal");
    const res = await t.app.inject({ method: "POST", url: "/api/me/totp/setup", headers: { cookie: client.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf_failed");
  });
});

describe("TOTP without REQUIRE_MFA (demo / test default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lets a counselor remove an enrolled second factor", async () => {
    const counselor = await t.login("counselorBavaria");
    const { secret } = (await counselor.post("/api/me/totp/setup")).json();
    expect((await counselor.post("/api/me/totp/enable", { code: totpFor(secret, "x").generate() })).statusCode).toBe(204);
    expect((await counselor.post("/api/me/totp/disable", { password: DEMO_PASSWORD })).statusCode).toBe(204);
    expect((await t.anonymous().post("/api/auth/login", { email: personas.counselorBavaria, password: DEMO_PASSWORD })).statusCode).toBe(
      200,
    );
  });
});
