import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "../../db/schema/index.js";
import { createTestApp, type Persona, personas, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { fakeClock } from "../identity/testing/fake-clock.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");

/** 23:30 UTC on 10 March is already 11 March in Berlin (CET): "today" is a Berlin day. */
const clock = fakeClock(new Date("2026-03-10T23:30:00Z"));
const TODAY = "2026-03-11";

describe("follow-up tasks", () => {
  let t: TestApp;
  const as = (who: Persona) => t.as(who);
  const userId = async (who: Persona) =>
    (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, personas[who])))[0]!.id;
  const newClient = async (lastName: string) => {
    const res = await (await as("counselorBerlin")).post("/api/clients", {
      firstName: "Rana",
      lastName,
      birthYear: 1990,
      nationalities: ["IQ"],
      postcode: "10115",
      unitId: berlinSub,
      consent: { processing: true },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const lastEvent = async (action: string) =>
    (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

  let client: { id: string; number: string };
  beforeAll(async () => {
    t = await createTestApp({ clock });
    client = await newClient("Wiedervorlage");
  });
  afterAll(() => t.close());

  const tasksUrl = () => `/api/clients/${client.id}/tasks`;
  const addTask = async (body: Record<string, unknown>, who: Persona = "counselorBerlin") => (await as(who)).post(tasksUrl(), body);

  describe("creating", () => {
    it("adds a task for the caller by default, audited with the client id only", async () => {
      const res = await addTask({ title: "Zeugnisübersetzung nachfragen", dueOn: TODAY });
      expect(res.statusCode).toBe(201);
      const task = res.json();
      expect(task).toMatchObject({
        clientId: client.id,
        title: "Zeugnisübersetzung nachfragen",
        dueOn: TODAY,
        assignee: { id: await userId("counselorBerlin"), name: "Ben Berater (Demo)" },
        done: false,
        doneAt: null,
        version: 1,
      });
      const event = await lastEvent("task.create");
      expect(event).toMatchObject({ recordType: "client_task", recordId: task.id, outcome: "success", details: { clientId: client.id } });
    });

    it("assigns to the sub-project's lead, but not to someone outside it (field error)", async () => {
      const toLead = await addTask({ title: "Rücksprache Leitung", dueOn: "2026-03-12", assigneeId: await userId("leadBerlin") });
      expect(toLead.statusCode).toBe(201);
      expect(toLead.json().assignee.name).toBe("Lea Leitung (Demo)");

      for (const assigneeId of [
        await userId("counselorBavaria"),
        await userId("coordinationBerlin"),
        "00000000-0000-4000-8000-000000000000",
      ]) {
        const res = await addTask({ title: "Falsch zugewiesen", dueOn: TODAY, assigneeId });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toEqual([expect.objectContaining({ field: "assigneeId", code: "not_allowed" })]);
      }
    });

    it("names a bad date, a past date and an empty title by field", async () => {
      const wrongFormat = await addTask({ title: "Termin", dueOn: "11.03.2026" });
      expect(wrongFormat.statusCode).toBe(400);
      expect(wrongFormat.json().errors.map((e: { field: string }) => e.field)).toEqual(["dueOn"]);

      // 10 March is still "today" in UTC, but already yesterday in Berlin.
      const past = await addTask({ title: "Termin", dueOn: "2026-03-10" });
      expect(past.statusCode).toBe(400);
      expect(past.json().errors).toEqual([expect.objectContaining({ field: "dueOn", code: "in_past" })]);

      const empty = await addTask({ title: "  ", dueOn: TODAY });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].field).toBe("title");
    });

    it("answers 404 outside the scope and audits the refusal; roles without casework get 404 too", async () => {
      expect((await addTask({ title: "Fremd", dueOn: TODAY }, "counselorBavaria")).statusCode).toBe(404);
      expect(await lastEvent("task.create")).toMatchObject({
        outcome: "denied",
        actorLabel: "berater.bayern@lotse.demo",
        recordId: client.id,
      });
      expect((await addTask({ title: "Fremd", dueOn: TODAY }, "coordinationBerlin")).statusCode).toBe(404);
      expect((await (await as("counselorBavaria")).get(tasksUrl())).statusCode).toBe(404);
    });
  });

  describe("changing", () => {
    let task: { id: string; version: number };
    beforeAll(async () => {
      task = (await addTask({ title: "Bescheid besprechen", dueOn: "2026-03-20" })).json();
    });
    const patch = async (body: Record<string, unknown>, who: Persona = "counselorBerlin") =>
      (await as(who)).patch(`${tasksUrl()}/${task.id}`, body);

    it("closes and reopens a task; a stale version is a 409 and overwrites nothing", async () => {
      const closed = await patch({ version: task.version, done: true });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ done: true, version: task.version + 1 });
      expect(closed.json().doneAt).toBe(clock.now().toISOString());

      const stale = await patch({ version: task.version, title: "Überschrieben" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().currentVersion).toBe(task.version + 1);

      const reopened = await patch({ version: task.version + 1, done: false, dueOn: "2026-03-21" });
      expect(reopened.json()).toMatchObject({
        done: false,
        doneAt: null,
        dueOn: "2026-03-21",
        title: "Bescheid besprechen",
        version: task.version + 2,
      });
      expect((await lastEvent("task.update"))!.details).toEqual({ clientId: client.id, fields: ["done", "dueOn"] });
    });

    it("checks a new assignee and a new date like on creation", async () => {
      const current = (await (await as("counselorBerlin")).get(tasksUrl())).json().items.find((i: { id: string }) => i.id === task.id);
      const outside = await patch({ version: current.version, assigneeId: await userId("counselorBavaria") });
      expect(outside.json().errors).toEqual([expect.objectContaining({ field: "assigneeId" })]);
      const past = await patch({ version: current.version, dueOn: "2026-01-01" });
      expect(past.json().errors).toEqual([expect.objectContaining({ field: "dueOn", code: "in_past" })]);
    });

    it("knows a task only under its own client", async () => {
      const other = await newClient("Anderer");
      const res = await (await as("counselorBerlin")).patch(`/api/clients/${other.id}/tasks/${task.id}`, { version: 1, done: true });
      expect(res.statusCode).toBe(404);
      expect((await patch({ version: 1, done: true }, "counselorBavaria")).statusCode).toBe(404);
    });
  });

  it("offers the caseworkers of the client's sub-project as assignees, to those who may add tasks only", async () => {
    const res = await (await as("counselorBerlin")).get(`/api/clients/${client.id}/task-assignees`);
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as { id: string; name: string }[]).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([await userId("counselorBerlin"), await userId("leadBerlin")]));
    expect(ids).not.toContain(await userId("counselorBavaria"));
    expect(ids).not.toContain(await userId("faireIntegrationBerlin"));
    expect((await (await as("counselorBavaria")).get(`/api/clients/${client.id}/task-assignees`)).statusCode).toBe(404);
    expect((await lastEvent("task.assignees"))?.outcome).toBe("denied");
    expect((await (await as("monitoring")).get(`/api/clients/${client.id}/task-assignees`)).statusCode).toBe(404);
  });

  it("lists a client's tasks, open ones first by due day, as an audited read", async () => {
    const res = await (await as("leadBerlin")).get(tasksUrl());
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { dueOn: string; done: boolean }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    const open = items.filter((i) => !i.done).map((i) => i.dueOn);
    expect(open).toEqual([...open].sort());
    expect(await lastEvent("task.list")).toMatchObject({
      actorLabel: "leitung.berlin@lotse.demo",
      recordId: client.id,
      outcome: "success",
    });
  });

  describe("my tasks", () => {
    let second: { id: string; number: string };
    beforeAll(async () => {
      second = await newClient("Zweitakte");
      const counselor = await as("counselorBerlin");
      await counselor.post(`/api/clients/${second.id}/tasks`, { title: "Heute anrufen", dueOn: TODAY });
      await counselor.post(`/api/clients/${second.id}/tasks`, { title: "Nächste Woche", dueOn: "2026-03-18" });
      const done = (await counselor.post(`/api/clients/${second.id}/tasks`, { title: "Schon erledigt", dueOn: TODAY })).json();
      await counselor.patch(`/api/clients/${second.id}/tasks/${done.id}`, { version: done.version, done: true });
    });
    const mine = async (due?: string, who: Persona = "counselorBerlin") =>
      (await as(who)).get(`/api/tasks/mine${due ? `?due=${due}` : ""}`);
    const titles = (res: { json(): { items: { title: string }[] } }) =>
      res
        .json()
        .items.map((i) => i.title)
        .sort();

    it("shows the caller's open tasks due today in Berlin, with client number and name; audits the shown clients", async () => {
      const res = await mine();
      expect(res.statusCode).toBe(200);
      expect(res.json().today).toBe(TODAY);
      expect(titles(res)).toEqual(["Heute anrufen", "Zeugnisübersetzung nachfragen"]);
      const call = res.json().items.find((i: { title: string }) => i.title === "Heute anrufen");
      expect(call.client).toEqual({ id: second.id, number: second.number, firstName: "Rana", lastName: "Zweitakte" });
      const event = await lastEvent("task.list_mine");
      expect(event).toMatchObject({ actorLabel: "berater.berlin@lotse.demo", recordType: "client" });
      expect((event!.details as { shown: string[] }).shown.sort()).toEqual([client.id, second.id].sort());
      expect(JSON.stringify(event)).not.toMatch(/Rana|Zweitakte/);
    });

    it("shows only the caller's own tasks", async () => {
      expect(titles(await mine("upcoming", "leadBerlin"))).toEqual(["Rücksprache Leitung"]);
      expect(titles(await mine("today", "counselorBavaria"))).toEqual([]);
    });

    it("moves tasks from upcoming to today to overdue as the Berlin days pass", async () => {
      expect(titles(await mine("upcoming"))).toEqual(["Bescheid besprechen", "Nächste Woche"]);
      expect(titles(await mine("overdue"))).toEqual([]);
      clock.advance(clock.minutes(60 * 24 * 7));
      t.forgetSessions(); // a week later everyone signs in again
      expect((await mine()).json().today).toBe("2026-03-18");
      expect(titles(await mine())).toEqual(["Nächste Woche"]);
      expect(titles(await mine("overdue"))).toEqual(["Heute anrufen", "Zeugnisübersetzung nachfragen"]);
      expect(titles(await mine("upcoming"))).toEqual(["Bescheid besprechen"]);
    });

    it("refuses an unknown filter by field and roles without casework", async () => {
      const bad = await mine("tomorrow");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe("due");
      expect((await mine("today", "coordinationBerlin")).statusCode).toBe(403);
      expect((await mine("today", "monitoring")).statusCode).toBe(403);
    });
  });
});
