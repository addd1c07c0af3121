import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { type Database, openDatabase } from "../../db/index.js";
import { createTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { fakeClock } from "../identity/testing/fake-clock.js";
import { seedId } from "./seed.js";

type Item = { id: string; name: string; abilities: Record<string, boolean> };

// Two nodes on one database, both keeping unit lists for an hour: whatever a list shows sooner
// than that after a change is the invalidation at work (directory-cache.ts, migration 0010).
describe("unit list cache across nodes", () => {
  const clock = fakeClock();
  let t: TestApp;
  let nodeB: Awaited<ReturnType<typeof buildApp>>;
  let databaseB: Database;
  const berlin = seedId("unit", "state:DE-BE");
  const subProject = seedId("unit", "demo-sub-project:DE-BE");

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DIRECTORY_CACHE_SECONDS: "3600" } });
    databaseB = t.database.url ? await openDatabase({ kind: "postgres", url: t.database.url, poolSize: 2 }) : t.database;
    nodeB = await buildApp({ config: t.ctx.config, database: databaseB, clock, logger: false });
    await nodeB.app.ready();
  });
  afterAll(async () => {
    await nodeB.app.close();
    if (databaseB !== t.database) await databaseB.close();
    await t.close();
  });

  const onNodeB = (client: TestClient) => new TestClient(nodeB.app, client.cookie, client.csrfToken);
  const list = async (client: TestClient, query = "") => {
    const res = await client.get(`/api/units${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    return res.json().items as Item[];
  };
  const nameOf = async (client: TestClient, id: string) => (await list(client)).find((u) => u.id === id)?.name;
  const cacheHits = async () => {
    const metrics = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    return Number(/lotse_directory_cache_lookups_total\{result="hit"\} (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  it("answers a repeated list from memory, with the same body", async () => {
    const client = await t.login("coordinationBerlin");
    const first = (await client.get("/api/units?type=sub_project")).body;
    const hitsBefore = await cacheHits();
    const second = (await client.get("/api/units?type=sub_project")).body;
    expect(second).toBe(first);
    expect(await cacheHits()).toBe(hitsBefore + 1);
  });

  it("keeps lists apart by grants: a counselor sees less and may do less than the coordination", async () => {
    const coordination = await list(await t.login("coordinationBerlin"));
    const counselorBavaria = await list(await t.login("counselorBavaria"));
    expect(coordination.some((u) => u.id === berlin)).toBe(true);
    expect(counselorBavaria.some((u) => u.id === berlin)).toBe(false);
    expect(coordination.find((u) => u.id === subProject)?.abilities.update).toBe(true);
    const counselorBerlin = await list(await t.login("counselorBerlin"));
    expect(counselorBerlin.find((u) => u.id === subProject)?.abilities.update).toBe(false);
  });

  it("shows a rename at once on the node that made it and, announced by the database, on the other", async () => {
    const coordination = await t.login("coordinationBerlin");
    const sameOnB = onNodeB(coordination);
    const before = await nameOf(sameOnB, subProject);
    expect(await nameOf(coordination, subProject)).toBe(before);
    const { version } = (await coordination.get(`/api/units/${subProject}`)).json();
    const renamed = await coordination.patch(`/api/units/${subProject}`, { version, name: "Umbenanntes Teilprojekt (Cache)" });
    expect(renamed.statusCode).toBe(200);
    expect(await nameOf(coordination, subProject)).toBe("Umbenanntes Teilprojekt (Cache)");
    await expect.poll(() => nameOf(sameOnB, subProject), { timeout: 2_000, interval: 10 }).toBe("Umbenanntes Teilprojekt (Cache)");
  });

  it("drops every node's lists for a change made outside the app (a provider renamed in psql)", async () => {
    const coordination = await t.login("coordinationBerlin");
    const providerOf = async (client: TestClient) =>
      ((await client.get(`/api/units?type=sub_project`)).json().items as { id: string; providerName: string | null }[]).find(
        (u) => u.id === subProject,
      )?.providerName;
    const provider = await providerOf(coordination);
    expect(provider).toBeTruthy();
    expect(await providerOf(onNodeB(coordination))).toBe(provider);
    await t.database.db.execute(
      sql`update providers set name = name || ' (umbenannt)' where id = (select provider_id from units where id = ${subProject})`,
    );
    await expect.poll(() => providerOf(coordination), { timeout: 2_000, interval: 10 }).toBe(`${provider} (umbenannt)`);
    await expect.poll(() => providerOf(onNodeB(coordination)), { timeout: 2_000, interval: 10 }).toBe(`${provider} (umbenannt)`);
  });

  it("checks the unit of a recording from memory, and refuses it on every node once the unit is closed", async () => {
    const counselor = await t.login("counselorBerlin");
    const counselorOnB = onNodeB(counselor);
    const site = seedId("unit", "demo-sub-project:DE-BE:site:0");
    const newClient = async (n: number) =>
      (
        await counselor.post("/api/clients", {
          firstName: "Cache",
          lastName: `Test ${n}`,
          birthYear: 1990,
          nationalities: ["SY"],
          unitId: subProject,
          consent: { processing: true },
        })
      ).json().id as string;
    const record = (client: TestClient, clientId: string, date: string) =>
      client.post("/api/consultations", { clientId, date, unitId: subProject, siteId: site, channel: "in_person", languages: ["de"] });
    const today = clock.now().toISOString().slice(0, 10);
    const first = await newClient(1);
    expect((await record(counselor, first, today)).statusCode).toBe(201);
    const hitsBefore = await cacheHits();
    expect((await record(counselor, await newClient(2), today)).statusCode).toBe(201);
    expect(await cacheHits()).toBeGreaterThanOrEqual(hitsBefore + 2); // the sub-project and the site
    expect((await record(counselorOnB, await newClient(3), today)).statusCode).toBe(201);

    const admin = await t.login("admin");
    const { version } = (await admin.get(`/api/units/${site}`)).json();
    expect((await admin.post(`/api/units/${site}/close`, { version, closedOn: today })).statusCode).toBe(200);
    const client4 = await newClient(4);
    const refusedSite = async (client: TestClient) =>
      ((await record(client, client4, today)).json().errors ?? []).map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(await refusedSite(counselor)).toEqual(["siteId:closed"]);
    await expect.poll(() => refusedSite(counselorOnB), { timeout: 2_000, interval: 10 }).toEqual(["siteId:closed"]);
    const reopened = await admin.post(`/api/units/${site}/reopen`, { version: version + 1 });
    expect(reopened.statusCode, reopened.body).toBe(200);
  });

  it("answers the public search from memory and drops a closed site from it on every node", async () => {
    const search = async (app: typeof t.app) => {
      const res = await app.inject({ method: "GET", url: "/api/public/sites?postcode=10115&limit=50" });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((item) => item.id);
    };
    const found = await search(t.app);
    expect(await search(nodeB.app)).toEqual(found);
    const hitsBefore = await cacheHits();
    expect(await search(t.app)).toEqual(found);
    expect(await cacheHits()).toBeGreaterThan(hitsBefore);

    const site = found[0]!;
    const admin = await t.login("admin");
    const { version } = (await admin.get(`/api/units/${site}`)).json();
    const today = clock.now().toISOString().slice(0, 10);
    expect((await admin.post(`/api/units/${site}/close`, { version, closedOn: today })).statusCode).toBe(200);
    expect(await search(t.app)).not.toContain(site);
    await expect.poll(() => search(nodeB.app), { timeout: 2_000, interval: 10 }).not.toContain(site);
    const slots = await nodeB.app.inject({ method: "GET", url: `/api/public/sites/${site}/slots` });
    expect(slots.statusCode).toBe(404);
    expect((await admin.post(`/api/units/${site}/reopen`, { version: version + 1 })).statusCode).toBe(200);
    expect(await search(t.app)).toContain(site);
  });

  it("lets a unit closed as of tomorrow drop out of the default list when the day changes", async () => {
    const monitoring = await t.login("monitoring");
    const site = (await list(monitoring, "?type=site"))[0]!;
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    // Behind the cache's back (no announcement): only the day in the key can make it drop out.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table units disable trigger units_directory_changed`);
      await tx.execute(sql`update units set closed_on = ${tomorrow}::date where id = ${site.id}`);
      await tx.execute(sql`alter table units enable trigger units_directory_changed`);
    });
    expect((await list(monitoring, "?type=site")).some((u) => u.id === site.id)).toBe(true);
    clock.advance(2 * 86_400_000);
    const nextDay = await t.login("monitoring"); // the old session has gone idle
    expect((await list(nextDay, "?type=site")).some((u) => u.id === site.id)).toBe(false);
  });
});
