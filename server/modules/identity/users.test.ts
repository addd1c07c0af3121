import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { passwordResetTokens, roleAssignments, users } from "../../db/schema/index.js";
import { createTestApp, personas, type TestApp, type TestClient } from "../../test/harness.js";
import { demoTeamAccounts } from "./demo-users.js";
import { startSmtpSink, tokenFromMail } from "./testing/smtp-sink.js";

type UserBody = {
  id: string;
  email: string;
  version: number;
  disabled: boolean;
  grants: { id: string; role: string; unitId: string; unitName: string; unitType: string; grantedAt: string }[];
  abilities: { update: boolean; disable: boolean; grantRoles: boolean };
};
const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);
const NOBODY = "00000000-0000-4000-8000-000000000000";
/** Every demo account: the personas and one counseling team per state network. */
const everyDemoUser = [...Object.values(personas), ...demoTeamAccounts.map((a) => a.email)].sort();
const teamBerlin = "team.be@lotse.demo";

describe("user administration", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let admin: TestClient;
  let coordination: TestClient;
  let lead: TestClient;
  let counselor: TestClient;
  let monitoring: TestClient;
  const ids: Record<string, string> = {};
  const unit: Record<"federal" | "berlin" | "spBerlin" | "spBavaria", string> = { federal: "", berlin: "", spBerlin: "", spBavaria: "" };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    admin = await t.login("admin");
    coordination = await t.login("coordinationBerlin");
    lead = await t.login("leadBerlin");
    counselor = await t.login("counselorBerlin");
    monitoring = await t.login("monitoring");
    for (const row of await t.database.db.select({ id: users.id, email: users.email }).from(users)) ids[row.email] = row.id;
    const unitOf = async (c: TestClient) => (await c.get("/api/auth/session")).json().user.grants[0].unitId as string;
    unit.federal = await unitOf(admin);
    unit.berlin = await unitOf(coordination);
    unit.spBerlin = await unitOf(lead);
    unit.spBavaria = await unitOf(await t.login("counselorBavaria"));
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const id = (p: keyof typeof personas) => ids[personas[p]]!;
  const emails = (res: { json(): { items: UserBody[] } }) =>
    res
      .json()
      .items.map((u) => u.email)
      .sort();
  const count = async (table: string, where = sql`true`) =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))[0]!.n;

  describe("listing", () => {
    it("shows a root administrator every user", async () => {
      const res = await admin.get("/api/users");
      expect(res.statusCode).toBe(200);
      expect(emails(res)).toEqual(everyDemoUser);
    });

    it("shows a state coordination the users of its network only, a lead those of the sub-project", async () => {
      expect(emails(await coordination.get("/api/users"))).toEqual(
        [personas.counselorBerlin, personas.coordinationBerlin, personas.leadBerlin, personas.faireIntegrationBerlin, teamBerlin].sort(),
      );
      expect(emails(await lead.get("/api/users"))).toEqual([personas.counselorBerlin, personas.leadBerlin, teamBerlin].sort());
    });

    it("refuses counselors, monitoring and federal (403)", async () => {
      for (const c of [counselor, monitoring, await t.login("federal")]) {
        const res = await c.get("/api/users");
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe("forbidden");
      }
    });

    it("searches by name or e-mail and filters by unit subtree, within the scope", async () => {
      expect(emails(await admin.get("/api/users?q=bea"))).toEqual([personas.counselorBavaria]);
      expect(emails(await admin.get("/api/users?q=LOTSE.DEMO&limit=200"))).toHaveLength(everyDemoUser.length);
      expect(emails(await admin.get("/api/users?q=100%25"))).toEqual([]);
      expect(emails(await admin.get(`/api/users?unitId=${unit.spBavaria}`))).toEqual([personas.counselorBavaria, "team.by@lotse.demo"]);
      expect(emails(await admin.get(`/api/users?unitId=${unit.berlin}`))).toHaveLength(5);
      expect(emails(await coordination.get(`/api/users?unitId=${unit.spBavaria}`))).toEqual([]);
      expect(emails(await coordination.get(`/api/users?unitId=${unit.federal}`))).toHaveLength(5);
      expect(emails(await admin.get(`/api/users?unitId=${NOBODY}`))).toEqual([]);
    });

    it("pages with a cursor, each user once", async () => {
      const seen: string[] = [];
      let url = "/api/users?limit=3";
      for (let page = 0; page < 20; page++) {
        const body = (await admin.get(url)).json();
        seen.push(...body.items.map((u: UserBody) => u.email));
        if (!body.nextCursor) break;
        expect(body.items).toHaveLength(3);
        url = `/api/users?limit=3&cursor=${body.nextCursor}`;
      }
      expect(seen.sort()).toEqual(everyDemoUser);
    });

    it("names bad query fields", async () => {
      expect(fields(await admin.get("/api/users?limit=0"))).toEqual(["limit"]);
      expect(fields(await admin.get("/api/users?unitId=berlin"))).toEqual(["unitId"]);
      expect(fields(await admin.get("/api/users?cursor=kaputt"))).toEqual(["cursor"]);
    });
  });

  describe("reading one user", () => {
    it("returns the user with grants and the caller's abilities", async () => {
      const res = await coordination.get(`/api/users/${id("counselorBerlin")}`);
      expect(res.statusCode).toBe(200);
      const body: UserBody = res.json();
      expect(body).toMatchObject({ email: personas.counselorBerlin, disabled: false, mfaEnabled: false, version: 1 });
      expect(body.grants).toEqual([
        expect.objectContaining({
          role: "counselor",
          unitId: unit.spBerlin,
          unitType: "sub_project",
          unitName: expect.stringContaining("Berlin"),
        }),
      ]);
      expect(body.abilities).toEqual({ update: true, disable: true, grantRoles: true });
      expect(Object.keys(body).sort()).toEqual([
        "abilities",
        "disabled",
        "displayName",
        "email",
        "grants",
        "id",
        "mfaEnabled",
        "preferredLanguage",
        "version",
      ]);
    });

    it("answers 404 for users outside the scope and for unknown ids", async () => {
      expect((await coordination.get(`/api/users/${id("counselorBavaria")}`)).statusCode).toBe(404);
      expect((await coordination.get(`/api/users/${id("admin")}`)).statusCode).toBe(404);
      expect((await lead.get(`/api/users/${id("coordinationBerlin")}`)).statusCode).toBe(404);
      expect((await counselor.get(`/api/users/${id("leadBerlin")}`)).statusCode).toBe(404);
      expect((await admin.get(`/api/users/${NOBODY}`)).statusCode).toBe(404);
      expect(fields(await admin.get("/api/users/123"))).toEqual(["id"]);
    });

    it("shows oneself without abilities", async () => {
      const res = await counselor.get(`/api/users/${id("counselorBerlin")}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().abilities).toEqual({ update: false, disable: false, grantRoles: false });
    });
  });

  describe("creating users", () => {
    it("creates a user without password, grants the role, audits and mails an invitation valid 7 days", async () => {
      const res = await coordination.post("/api/users", {
        email: " Neu.Beraterin@Lotse.Demo ",
        displayName: "Nora Neu",
        role: "counselor",
        unitId: unit.spBerlin,
      });
      expect(res.statusCode).toBe(201);
      const body: UserBody = res.json();
      expect(body).toMatchObject({ email: "neu.beraterin@lotse.demo", displayName: "Nora Neu", preferredLanguage: "de", disabled: false });
      expect(body.grants).toEqual([expect.objectContaining({ role: "counselor", unitId: unit.spBerlin })]);
      const [row] = await t.database.db.select().from(users).where(eq(users.id, body.id));
      expect(row!.passwordHash).toBeNull();
      const [token] = await t.database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, body.id));
      expect(token!.purpose).toBe("invitation");
      expect(token!.expiresAt.getTime() - token!.createdAt.getTime()).toBe(7 * 86_400_000);
      expect(
        await count("audit_events", sql`record_id = ${body.id} and action in ('identity.user.created', 'identity.role.granted')`),
      ).toBe(2);

      await t.jobs.runDue();
      const [mail] = smtp.to("neu.beraterin@lotse.demo");
      expect(mail!.subject).toBe("Lotse: Einladung");
      expect(mail!.text).toContain("Kim Koordination (Demo) hat für Sie ein Konto in Lotse angelegt");
      const password = "Noras-erstes-Passwort-2026";
      const confirmed = await t.anonymous().post("/api/auth/password-reset/confirm", { token: tokenFromMail(mail!.text), password });
      expect(confirmed.statusCode).toBe(204);
      const nora = await t.login("neu.beraterin@lotse.demo", password);
      expect((await nora.get("/api/auth/session")).json().user.grants).toEqual([expect.objectContaining({ role: "counselor" })]);
    });

    it("refuses roles and units outside the actor's power with 403, writing nothing", async () => {
      const before = await count("users");
      const cases: [TestClient, string, string][] = [
        [lead, "state_coordination", unit.berlin],
        [lead, "sub_project_lead", unit.spBerlin],
        [lead, "counselor", unit.spBavaria],
        [coordination, "administrator", unit.berlin],
        [coordination, "counselor", unit.spBavaria],
        [counselor, "counselor", unit.spBerlin],
        [monitoring, "counselor", unit.spBerlin],
      ];
      for (const [client, role, unitId] of cases) {
        const res = await client.post("/api/users", { email: `x-${role}@lotse.demo`, displayName: "X", role, unitId });
        expect(res.statusCode, `${role}@${unitId}`).toBe(403);
      }
      expect(await count("users")).toBe(before);
    });

    it("only a root administrator creates administrators; theirs may not", async () => {
      const res = await admin.post("/api/users", {
        email: "admin.berlin@lotse.demo",
        displayName: "Berlin Admin",
        role: "administrator",
        unitId: unit.berlin,
      });
      expect(res.statusCode).toBe(201);
      await t.jobs.runDue();
      const token = tokenFromMail(smtp.to("admin.berlin@lotse.demo")[0]!.text);
      await t.anonymous().post("/api/auth/password-reset/confirm", { token, password: "Berlin-Admin-Passwort-1" });
      const berlinAdmin = await t.login("admin.berlin@lotse.demo", "Berlin-Admin-Passwort-1");
      expect((await berlinAdmin.get(`/api/roles/grantable?unitId=${unit.berlin}`)).json().roles).toEqual(["state_coordination"]);
      const refused = await berlinAdmin.post("/api/users", {
        email: "a2@lotse.demo",
        displayName: "A2",
        role: "administrator",
        unitId: unit.berlin,
      });
      expect(refused.statusCode).toBe(403);
      const ok = await berlinAdmin.post("/api/users", {
        email: "lead2@lotse.demo",
        displayName: "Lead 2",
        role: "sub_project_lead",
        unitId: unit.spBerlin,
      });
      expect(ok.statusCode).toBe(201);
    });

    it("answers bad input with 400 naming the field", async () => {
      const valid = { email: "valid@lotse.demo", displayName: "Valid", role: "counselor", unitId: unit.spBerlin };
      const cases: [Record<string, unknown>, string[]][] = [
        [{ ...valid, email: "kein-at" }, ["email"]],
        [{ ...valid, displayName: "   " }, ["displayName"]],
        [{ ...valid, role: "king" }, ["role"]],
        [{ ...valid, unitId: "x" }, ["unitId"]],
        [{ ...valid, preferredLanguage: "fr" }, ["preferredLanguage"]],
        [{ ...valid, unitId: NOBODY }, ["unitId"]],
        [{ ...valid, role: "counselor", unitId: unit.berlin }, ["role"]],
        [{}, ["displayName", "email", "role", "unitId"]],
      ];
      for (const [body, expected] of cases) {
        const res = await coordination.post("/api/users", body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(fields(res)?.sort(), JSON.stringify(body)).toEqual(expected);
      }
      expect(await count("users", sql`email = 'valid@lotse.demo'`)).toBe(0);
    });

    it("answers a taken e-mail with 409 naming the field", async () => {
      const before = { audit: await count("audit_events"), jobs: await count("jobs") };
      const res = await coordination.post("/api/users", {
        email: personas.counselorBavaria,
        displayName: "Dup",
        role: "counselor",
        unitId: unit.spBerlin,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("already_exists");
      expect(fields(res)).toEqual(["email"]);
      expect({ audit: await count("audit_events"), jobs: await count("jobs") }).toEqual(before);
    });

    it("leaves no user, grant, token, audit row or mail job behind when a late step fails", async () => {
      // A real failure inside the transaction: the mail queue refuses the invitation job.
      await t.database.db.execute(
        sql.raw(
          "create function test_refuse_mail() returns trigger language plpgsql as $$ begin raise exception 'mail queue unavailable'; end $$",
        ),
      );
      await t.database.db.execute(
        sql.raw("create trigger test_refuse_mail before insert on jobs for each row execute function test_refuse_mail()"),
      );
      const before = {
        users: await count("users"),
        grants: await count("role_assignments"),
        tokens: await count("password_reset_tokens"),
        audit: await count("audit_events"),
        jobs: await count("jobs"),
      };
      try {
        const res = await coordination.post("/api/users", {
          email: "halb@lotse.demo",
          displayName: "Halb",
          role: "counselor",
          unitId: unit.spBerlin,
        });
        expect(res.statusCode).toBe(500);
        expect(res.json().code).toBe("internal");
      } finally {
        await t.database.db.execute(sql.raw("drop trigger test_refuse_mail on jobs"));
        await t.database.db.execute(sql.raw("drop function test_refuse_mail()"));
      }
      expect({
        users: await count("users"),
        grants: await count("role_assignments"),
        tokens: await count("password_reset_tokens"),
        audit: await count("audit_events"),
        jobs: await count("jobs"),
      }).toEqual(before);
    });
  });

  describe("changing users", () => {
    it("renames with optimistic concurrency: a stale version answers 409", async () => {
      const ben = id("counselorBerlin");
      const { version } = (await coordination.get(`/api/users/${ben}`)).json();
      const res = await coordination.patch(`/api/users/${ben}`, { version, displayName: "Ben B. Berater" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ displayName: "Ben B. Berater", version: version + 1 });
      const stale = await coordination.patch(`/api/users/${ben}`, { version, displayName: "Zu spät" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("conflict");
      expect((await admin.get(`/api/users/${ben}`)).json().displayName).toBe("Ben B. Berater");
    });

    it("disabling ends the user's sessions and logins until re-enabled; audited", async () => {
      const ben = id("counselorBerlin");
      const benClient = await t.login("counselorBerlin");
      let { version } = (await coordination.get(`/api/users/${ben}`)).json();
      const res = await coordination.patch(`/api/users/${ben}`, { version, disabled: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().disabled).toBe(true);
      expect((await benClient.get("/api/auth/session")).statusCode).toBe(401);
      expect(
        (await t.anonymous().post("/api/auth/login", { email: personas.counselorBerlin, password: "lotse-demo-2026" })).statusCode,
      ).toBe(401);
      expect(await count("audit_events", sql`record_id = ${ben} and action = 'identity.user.disabled'`)).toBe(1);
      expect(await count("sessions", sql`user_id = ${ben} and revoked_at is null`)).toBe(0);

      version = res.json().version;
      expect((await coordination.patch(`/api/users/${ben}`, { version, disabled: false })).statusCode).toBe(200);
      counselor = await t.login("counselorBerlin"); // the shared client's session ended with the disabling
      expect(await count("audit_events", sql`record_id = ${ben} and action = 'identity.user.enabled'`)).toBe(1);
    });

    it("refuses outside the scope (404), oneself and superiors (403), bad bodies (400)", async () => {
      expect((await coordination.patch(`/api/users/${id("counselorBavaria")}`, { version: 1, disabled: true })).statusCode).toBe(404);
      expect((await lead.patch(`/api/users/${id("coordinationBerlin")}`, { version: 1, disabled: true })).statusCode).toBe(404);
      expect((await lead.patch(`/api/users/${id("leadBerlin")}`, { version: 1, disabled: true })).statusCode).toBe(403);
      expect((await coordination.patch(`/api/users/${id("coordinationBerlin")}`, { version: 1, displayName: "Ich" })).statusCode).toBe(403);
      expect((await counselor.patch(`/api/users/${id("counselorBerlin")}`, { version: 1, displayName: "Ich" })).statusCode).toBe(403);
      expect(fields(await coordination.patch(`/api/users/${id("counselorBerlin")}`, { displayName: "Ohne Version" }))).toEqual(["version"]);
      expect(fields(await coordination.patch(`/api/users/${id("counselorBerlin")}`, { version: 1, displayName: "" }))).toEqual([
        "displayName",
      ]);
      expect(fields(await coordination.patch(`/api/users/${id("counselorBerlin")}`, { version: 1, disabled: "ja" }))).toEqual(["disabled"]);
      const [bea] = await t.database.db
        .select()
        .from(users)
        .where(eq(users.id, id("counselorBavaria")));
      expect(bea!.disabledAt).toBeNull();
    });

    it("signs a user out everywhere", async () => {
      const leadClient = await t.login("leadBerlin");
      expect((await coordination.delete(`/api/users/${id("leadBerlin")}/sessions`)).statusCode).toBe(204);
      expect((await leadClient.get("/api/auth/session")).statusCode).toBe(401);
      expect((await lead.get("/api/auth/session")).statusCode).toBe(401);
      lead = await t.login("leadBerlin");
      expect((await lead.delete(`/api/users/${id("coordinationBerlin")}/sessions`)).statusCode).toBe(404);
      expect((await counselor.delete(`/api/users/${id("counselorBerlin")}/sessions`)).statusCode).toBe(403);
      expect(await count("audit_events", sql`record_id = ${id("leadBerlin")} and action = 'identity.sessions.revoked'`)).toBe(1);
    });
  });

  describe("granting and revoking roles", () => {
    let grantId = "";

    it("grants a role in scope (201, audited); the same active grant again is 409", async () => {
      const ben = id("counselorBerlin");
      const res = await coordination.post(`/api/users/${ben}/roles`, { role: "sub_project_lead", unitId: unit.spBerlin });
      expect(res.statusCode).toBe(201);
      const grant = (res.json() as UserBody).grants.find((g) => g.role === "sub_project_lead");
      expect(grant).toMatchObject({ unitId: unit.spBerlin, unitType: "sub_project" });
      grantId = grant!.id;
      expect(
        await count("audit_events", sql`record_id = ${ben} and action = 'identity.role.granted' and details->>'grantId' = ${grantId}`),
      ).toBe(1);
      const again = await coordination.post(`/api/users/${ben}/roles`, { role: "sub_project_lead", unitId: unit.spBerlin });
      expect(again.statusCode).toBe(409);
    });

    it("refuses grants beyond the actor's power (403), out of sight (404), unfit or unknown units (400)", async () => {
      const ben = id("counselorBerlin");
      const before = await count("role_assignments");
      expect((await coordination.post(`/api/users/${ben}/roles`, { role: "administrator", unitId: unit.berlin })).statusCode).toBe(403);
      expect((await coordination.post(`/api/users/${ben}/roles`, { role: "counselor", unitId: unit.spBavaria })).statusCode).toBe(403);
      expect(
        (await coordination.post(`/api/users/${id("coordinationBerlin")}/roles`, { role: "counselor", unitId: unit.spBerlin })).statusCode,
      ).toBe(403);
      expect((await lead.post(`/api/users/${ben}/roles`, { role: "state_coordination", unitId: unit.berlin })).statusCode).toBe(403);
      // Ben now leads the sub-project too (previous test), so Bea plays the plain counselor here.
      const bea = await t.login("counselorBavaria");
      expect((await bea.post(`/api/users/${id("counselorBavaria")}/roles`, { role: "counselor", unitId: unit.spBavaria })).statusCode).toBe(
        403,
      );
      expect((await bea.post(`/api/users/${id("leadBerlin")}/roles`, { role: "counselor", unitId: unit.spBerlin })).statusCode).toBe(404);
      expect(
        (await coordination.post(`/api/users/${id("counselorBavaria")}/roles`, { role: "counselor", unitId: unit.spBerlin })).statusCode,
      ).toBe(404);
      expect((await monitoring.post(`/api/users/${ben}/roles`, { role: "counselor", unitId: unit.spBerlin })).statusCode).toBe(404);
      expect(fields(await coordination.post(`/api/users/${ben}/roles`, { role: "counselor", unitId: NOBODY }))).toEqual(["unitId"]);
      expect(fields(await admin.post(`/api/users/${ben}/roles`, { role: "monitoring", unitId: unit.berlin }))).toEqual(["role"]);
      expect(fields(await admin.post(`/api/users/${ben}/roles`, { role: "chef" }))?.sort()).toEqual(["role", "unitId"]);
      expect(await count("role_assignments")).toBe(before);
    });

    it("revokes a grant: revoked_at set, the row and an audit event kept; twice is 404", async () => {
      const ben = id("counselorBerlin");
      expect((await lead.delete(`/api/users/${ben}/roles/${grantId}`)).statusCode).toBe(403); // a lead cannot revoke a lead
      expect((await lead.delete(`/api/users/${id("coordinationBerlin")}/roles/${grantId}`)).statusCode).toBe(404);
      expect((await coordination.delete(`/api/users/${ben}/roles/${grantId}`)).statusCode).toBe(204);
      const [row] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.id, grantId));
      expect(row!.revokedAt).not.toBeNull();
      expect(row!.revokedBy).toBe(id("coordinationBerlin"));
      expect((await coordination.get(`/api/users/${ben}`)).json().grants.map((g: { role: string }) => g.role)).toEqual(["counselor"]);
      expect(await count("audit_events", sql`record_id = ${ben} and action = 'identity.role.revoked'`)).toBe(1);
      expect((await coordination.delete(`/api/users/${ben}/roles/${grantId}`)).statusCode).toBe(404);
      expect((await coordination.delete(`/api/users/${ben}/roles/${NOBODY}`)).statusCode).toBe(404);
    });

    it("never lets anyone revoke their own grants", async () => {
      const own = (await coordination.get(`/api/users/${id("coordinationBerlin")}`)).json().grants[0].id;
      expect((await coordination.delete(`/api/users/${id("coordinationBerlin")}/roles/${own}`)).statusCode).toBe(403);
      const adminGrant = (await admin.get(`/api/users/${id("admin")}`)).json().grants[0].id;
      expect((await admin.delete(`/api/users/${id("admin")}/roles/${adminGrant}`)).statusCode).toBe(403);
    });

    it("takes effect on the next request of the affected user", async () => {
      const ben = id("counselorBerlin");
      const benClient = await t.login("counselorBerlin");
      const granted = await coordination.post(`/api/users/${ben}/roles`, { role: "sub_project_lead", unitId: unit.spBerlin });
      expect((await benClient.get("/api/users")).statusCode).toBe(200);
      const g = (granted.json() as UserBody).grants.find((x) => x.role === "sub_project_lead")!;
      await coordination.delete(`/api/users/${ben}/roles/${g.id}`);
      expect((await benClient.get("/api/users")).statusCode).toBe(403);
    });
  });

  describe("grantable roles", () => {
    it("lists what the caller may grant on a unit", async () => {
      const roles = async (c: TestClient, unitId: string) => (await c.get(`/api/roles/grantable?unitId=${unitId}`)).json().roles;
      expect(await roles(admin, unit.federal)).toEqual(["administrator", "monitoring", "federal"]);
      expect(await roles(admin, unit.berlin)).toEqual(["administrator", "state_coordination"]);
      expect(await roles(coordination, unit.spBerlin)).toEqual(["sub_project_lead", "counselor"]);
      expect(await roles(coordination, unit.spBavaria)).toEqual([]);
      expect(await roles(lead, unit.spBerlin)).toEqual(["counselor"]);
      expect((await counselor.get(`/api/roles/grantable?unitId=${unit.spBerlin}`)).statusCode).toBe(403);
      expect((await monitoring.get(`/api/roles/grantable?unitId=${unit.federal}`)).statusCode).toBe(403);
      expect((await admin.get(`/api/roles/grantable?unitId=${NOBODY}`)).statusCode).toBe(404);
      expect(fields(await admin.get("/api/roles/grantable"))).toEqual(["unitId"]);
    });
  });

  it("needs a session for every user administration route", async () => {
    const anon = t.anonymous();
    const ben = id("counselorBerlin");
    for (const res of [
      await anon.get("/api/users"),
      await anon.get(`/api/users/${ben}`),
      await anon.post("/api/users", {}),
      await anon.patch(`/api/users/${ben}`, {}),
      await anon.post(`/api/users/${ben}/roles`, {}),
      await anon.delete(`/api/users/${ben}/roles/${NOBODY}`),
      await anon.delete(`/api/users/${ben}/sessions`),
      await anon.get(`/api/roles/grantable?unitId=${unit.berlin}`),
    ]) {
      expect(res.statusCode).toBe(401);
    }
  });
});
