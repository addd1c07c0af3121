import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clients, clientTasks, roleAssignments, users } from "../../db/schema/index.js";
import { createTestApp, DEMO_PASSWORD, type Persona, personas, type TestApp, type TestClient } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { hashPassword } from "../identity/passwords.js";
import { fakeClock } from "../identity/testing/fake-clock.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");
const clock = fakeClock(new Date("2026-05-04T08:00:00Z"));
const NEW_COUNSELOR = "nora.neu@lotse.demo";

describe("caseload", () => {
  let t: TestApp;
  const sessions = new Map<Persona | string, TestClient>();
  const as = async (who: Persona | string) => {
    if (!sessions.has(who)) sessions.set(who, await t.login(who));
    return sessions.get(who)!;
  };
  const ids = new Map<string, string>();
  const userId = async (who: Persona | string) => {
    const email = who in personas ? personas[who as Persona] : who;
    if (!ids.has(email)) ids.set(email, (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id);
    return ids.get(email)!;
  };
  const record = async (lastName: string, who: Persona = "counselorBerlin", unitId = berlinSub) => {
    const res = await (await as(who)).post("/api/clients", {
      firstName: "Omid",
      lastName,
      birthYear: 1985,
      nationalities: ["IR"],
      postcode: who === "counselorBavaria" ? "80331" : "10115",
      unitId,
      consent: { processing: true },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const addTask = async (clientId: string, dueOn: string, assignee?: Persona | string, who: Persona = "counselorBerlin") => {
    const res = await (await as(who)).post(`/api/clients/${clientId}/tasks`, {
      title: "Wiedervorlage",
      dueOn,
      assigneeId: assignee ? await userId(assignee) : undefined,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const counselorOf = async (clientId: string) =>
    (await t.database.db.select({ counselorId: clients.counselorId }).from(clients).where(eq(clients.id, clientId)))[0]!.counselorId;
  const openTasksOf = async (assignee: string) =>
    (
      await t.database.db
        .select({ id: clientTasks.id })
        .from(clientTasks)
        .where(and(eq(clientTasks.assigneeId, assignee), isNull(clientTasks.doneAt)))
    ).map((r) => r.id);
  const lastEvent = async (action: string) =>
    (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // A second counselor of the Berlin sub-project, to take over a caseload.
    const [nora] = await t.database.db
      .insert(users)
      .values({ email: NEW_COUNSELOR, displayName: "Nora Neu", passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning();
    await t.database.db.insert(roleAssignments).values({ userId: nora!.id, role: "counselor", unitId: berlinSub });
  });
  afterAll(() => t.close());

  it("puts a new client into the caseload of the counselor who records it; a lead's stays unassigned", async () => {
    const byCounselor = await record("Fallbestand");
    expect(await counselorOf(byCounselor.id)).toBe(await userId("counselorBerlin"));
    const byLead = await record("Leitungsakte", "leadBerlin");
    expect(await counselorOf(byLead.id)).toBeNull();
  });

  describe("assigning one client", () => {
    let client: { id: string; version: number };
    beforeAll(async () => {
      client = await record("Einzelzuweisung");
    });
    const assign = async (body: Record<string, unknown>, who: Persona = "counselorBerlin") =>
      (await as(who)).post(`/api/clients/${client.id}/assign`, body);

    it("moves the client and the previous counselor's open tasks on it, with a new version and an audit entry", async () => {
      const open = await addTask(client.id, "2026-05-06");
      const forLead = await addTask(client.id, "2026-05-06", "leadBerlin");
      const res = await assign({ counselorId: await userId(NEW_COUNSELOR), version: client.version });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        clientId: client.id,
        counselor: { id: await userId(NEW_COUNSELOR), name: "Nora Neu" },
        version: client.version + 1,
        tasksMoved: 1,
      });
      expect(await counselorOf(client.id)).toBe(await userId(NEW_COUNSELOR));
      expect(await openTasksOf(await userId(NEW_COUNSELOR))).toContain(open.id);
      expect(await openTasksOf(await userId("leadBerlin"))).toContain(forLead.id);
      expect((await lastEvent("client.assign"))!.details).toEqual({
        counselorId: await userId(NEW_COUNSELOR),
        previousCounselorId: await userId("counselorBerlin"),
        tasksMoved: 1,
      });
      client.version += 1;
    });

    it("refuses a stale version (409), a counselor outside the sub-project (field error), and outsiders (404, audited)", async () => {
      const stale = await assign({ counselorId: await userId("counselorBerlin"), version: client.version - 1 });
      expect(stale.statusCode).toBe(409);
      const outside = await assign({ counselorId: await userId("counselorBavaria"), version: client.version });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors).toEqual([expect.objectContaining({ field: "counselorId", code: "not_allowed" })]);
      expect(
        (await assign({ counselorId: await userId("counselorBavaria"), version: client.version }, "counselorBavaria")).statusCode,
      ).toBe(404);
      expect(await lastEvent("client.assign")).toMatchObject({ outcome: "denied", actorLabel: "berater.bayern@lotse.demo" });
      expect(await counselorOf(client.id)).toBe(await userId(NEW_COUNSELOR));
    });
  });

  describe("reassigning all clients of a counselor who leaves", () => {
    let mine: { id: string }[];
    let leadsClient: { id: string; version: number };
    let bavarian: { id: string };
    let expectedTasks: string[];
    let untouchedTasks: string[];
    const reassign = async (body: Record<string, unknown>, who: Persona = "leadBerlin") =>
      (await as(who)).post("/api/caseload/reassign", body);
    const body = async () => ({
      fromCounselorId: await userId("counselorBerlin"),
      toCounselorId: await userId(NEW_COUNSELOR),
      unitId: berlinSub,
    });

    beforeAll(async () => {
      mine = [await record("Umverteilung Eins"), await record("Umverteilung Zwei")];
      leadsClient = await record("Umverteilung Leitung", "leadBerlin");
      bavarian = await record("Umverteilung Bayern", "counselorBavaria", bavariaSub);
      const onMine = await addTask(mine[0]!.id, "2026-05-05");
      const onLeads = await addTask(leadsClient.id, "2026-05-07", "counselorBerlin", "leadBerlin");
      const done = await addTask(mine[1]!.id, "2026-05-05");
      await (await as("counselorBerlin")).patch(`/api/clients/${mine[1]!.id}/tasks/${done.id}`, { version: done.version, done: true });
      const leadOwn = await addTask(mine[1]!.id, "2026-05-05", "leadBerlin");
      expectedTasks = [onMine.id, onLeads.id];
      untouchedTasks = [done.id, leadOwn.id];
    });

    it("is for the lead of that sub-project only", async () => {
      expect((await reassign(await body(), "counselorBerlin")).statusCode).toBe(403);
      expect((await reassign(await body(), "counselorBavaria")).statusCode).toBe(403);
      expect((await reassign(await body(), "coordinationBerlin")).statusCode).toBe(403);
      expect((await reassign(await body(), "admin")).statusCode).toBe(403);
      expect((await reassign({ ...(await body()), unitId: bavariaSub })).statusCode).toBe(403);
    });

    it("names bad input by field: the same person, a successor outside the sub-project, an unknown unit", async () => {
      const same = await reassign({ ...(await body()), toCounselorId: await userId("counselorBerlin") });
      expect(same.json().errors).toEqual([expect.objectContaining({ field: "toCounselorId" })]);
      const outside = await reassign({ ...(await body()), toCounselorId: await userId("counselorBavaria") });
      expect(outside.json().errors).toEqual([expect.objectContaining({ field: "toCounselorId", code: "not_allowed" })]);
      const unknown = await reassign({ ...(await body()), unitId: "00000000-0000-4000-8000-000000000000" });
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: "unitId", code: "not_found" })]);
    });

    it("rolls everything back when its last step fails", async () => {
      await t.database.db.execute(sql`create function fail_reassign_audit() returns trigger language plpgsql as $$
        begin if new.action = 'caseload.reassign' then raise exception 'simulated failure'; end if; return new; end $$`);
      await t.database.db.execute(
        sql`create trigger fail_reassign_audit before insert on audit_events for each row execute function fail_reassign_audit()`,
      );
      try {
        expect((await reassign(await body())).statusCode).toBe(500);
        for (const c of mine) expect(await counselorOf(c.id)).toBe(await userId("counselorBerlin"));
        expect(await openTasksOf(await userId("counselorBerlin"))).toEqual(expect.arrayContaining(expectedTasks));
      } finally {
        await t.database.db.execute(sql`drop trigger fail_reassign_audit on audit_events`);
        await t.database.db.execute(sql`drop function fail_reassign_audit()`);
      }
    });

    it("moves exactly that counselor's clients of the unit and open tasks there, with one audit entry", async () => {
      const caseloadBefore = (
        await t.database.db
          .select({ id: clients.id })
          .from(clients)
          .where(eq(clients.counselorId, await userId("counselorBerlin")))
      )
        .map((r) => r.id)
        .sort();
      expect(caseloadBefore).toEqual(expect.arrayContaining(mine.map((c) => c.id)));
      const res = await reassign(await body());
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ clients: caseloadBefore.length, tasks: expectedTasks.length, clientIds: caseloadBefore });
      for (const c of mine) expect(await counselorOf(c.id)).toBe(await userId(NEW_COUNSELOR));
      expect(await counselorOf(leadsClient.id)).toBeNull();
      expect(await counselorOf(bavarian.id)).toBe(await userId("counselorBavaria"));
      expect(await openTasksOf(await userId(NEW_COUNSELOR))).toEqual(expect.arrayContaining(expectedTasks));
      expect(await openTasksOf(await userId("counselorBerlin"))).toEqual([]);
      const untouched = await t.database.db.select().from(clientTasks).where(inArray(clientTasks.id, untouchedTasks));
      expect(untouched.map((r) => r.assigneeId).sort()).toEqual([await userId("counselorBerlin"), await userId("leadBerlin")].sort());

      const event = await lastEvent("caseload.reassign");
      expect(event).toMatchObject({ recordType: "unit", recordId: berlinSub, outcome: "success", actorLabel: "leitung.berlin@lotse.demo" });
      expect(event!.details).toMatchObject({
        clients: caseloadBefore.length,
        clientIds: caseloadBefore,
        fromCounselorId: await userId("counselorBerlin"),
      });
    });

    it("moves nothing the second time, and an edit begun before the move meets a 409", async () => {
      const again = await reassign(await body());
      expect(again.json()).toEqual({ clients: 0, tasks: 0, clientIds: [] });
      const stale = await (await as("counselorBerlin")).patch(`/api/clients/${mine[0]!.id}`, { version: 1, germanLevel: "B1" });
      expect(stale.statusCode).toBe(409);
    });
  });

  describe("counts", () => {
    type Entry = {
      unit: { id: string };
      counselor: { id: string; name: string } | null;
      clients: number;
      openTasks: number;
      overdueTasks: number;
    };
    const caseload = async (who: Persona | string, counselorId?: string) =>
      (await as(who)).get(`/api/caseload${counselorId ? `?counselorId=${counselorId}` : ""}`);

    it("shows a lead every counselor of the sub-project (also without clients) and the unassigned clients, no names of clients", async () => {
      clock.advance(clock.minutes(60 * 24 * 2)); // 6 May: tasks due on the 5th are overdue now
      sessions.clear();
      const res = await caseload("leadBerlin");
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Entry[];
      expect(items.every((i) => i.unit.id === berlinSub)).toBe(true);
      const of = async (who: Persona | string) => {
        const id = await userId(who);
        return items.find((i) => i.counselor?.id === id);
      };
      expect(await of(NEW_COUNSELOR)).toMatchObject({ counselor: { name: "Nora Neu" }, openTasks: 3, overdueTasks: 1 });
      expect((await of(NEW_COUNSELOR))!.clients).toBeGreaterThanOrEqual(3);
      expect(await of("counselorBerlin")).toMatchObject({ clients: 0, openTasks: 0, overdueTasks: 0 });
      expect(items.find((i) => i.counselor === null)!.clients).toBeGreaterThanOrEqual(2);
      expect(res.body).not.toContain("Omid");
    });

    it("shows a counselor their own caseload, and a lead one counselor's", async () => {
      const own = (await caseload(NEW_COUNSELOR)).json().items as Entry[];
      expect(own.map((i) => i.counselor?.name)).toEqual(["Nora Neu"]);
      const viaLead = (await caseload("leadBerlin", await userId(NEW_COUNSELOR))).json().items;
      expect(viaLead).toEqual(own);
    });

    it("refuses another counselor's caseload and roles without casework", async () => {
      expect((await caseload("counselorBerlin", await userId(NEW_COUNSELOR))).statusCode).toBe(403);
      expect((await caseload("counselorBavaria", await userId(NEW_COUNSELOR))).statusCode).toBe(403);
      expect((await caseload("coordinationBerlin")).statusCode).toBe(403);
      expect((await caseload("monitoring")).statusCode).toBe(403);
      const bavaria = (await caseload("counselorBavaria")).json().items as Entry[];
      expect(bavaria.every((i) => i.unit.id === bavariaSub && i.counselor?.name === "Bea Beraterin (Demo)")).toBe(true);
    });
  });
});
