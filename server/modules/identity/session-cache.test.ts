import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { type Database, openDatabase, queryRows } from "../../db/index.js";
import { createTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { SessionCache } from "./session-cache.js";
import { fakeClock } from "./testing/fake-clock.js";

// Two nodes on one database: node A is the harness app, node B a second app with its own pool
// (PostgreSQL) or on the same embedded instance (PGlite). Both keep sessions for 60 s, so
// anything that ends a session sooner than that is the invalidation at work, not the entry aging.
describe("session cache across nodes", () => {
  const clock = fakeClock();
  let t: TestApp;
  let nodeB: Awaited<ReturnType<typeof buildApp>>;
  let databaseB: Database;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_CACHE_SECONDS: "60" } });
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
  const statusOf = async (client: TestClient) => (await client.get("/api/auth/session")).statusCode;
  // Delivery of a notification to the other node takes a moment; a second is generous.
  const settlesTo = (client: TestClient, status: number) =>
    expect.poll(() => statusOf(client), { timeout: 2_000, interval: 10 }).toBe(status);

  it("serves a session from memory: a change the database does not announce goes unseen until the entry ages", async () => {
    const client = await t.login("counselorBerlin");
    expect(await statusOf(client)).toBe(200);
    // Revoke behind the cache's back (the announcing trigger off for this one statement).
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table sessions disable trigger sessions_identity_changed`);
      await tx.execute(sql`update sessions set revoked_at = now() where id = (select id from sessions order by created_at desc limit 1)`);
      await tx.execute(sql`alter table sessions enable trigger sessions_identity_changed`);
    });
    expect(await statusOf(client)).toBe(200);
    clock.advance(60_000);
    expect(await statusOf(client)).toBe(401);
  });

  it("ends a session on the other node as soon as it logs out", async () => {
    const client = await t.login("counselorBerlin");
    const sameOnB = onNodeB(client);
    expect(await statusOf(sameOnB)).toBe(200);
    expect(await statusOf(sameOnB)).toBe(200);
    expect((await client.post("/api/auth/logout")).statusCode).toBe(204);
    expect(await statusOf(client)).toBe(401); // the node that answered the logout: at once
    await settlesTo(sameOnB, 401);
  });

  it("drops the cache on every node for a change made outside the app (an operator disabling a user in psql)", async () => {
    const client = await t.login("leadBerlin");
    const sameOnB = onNodeB(client);
    expect(await statusOf(client)).toBe(200);
    expect(await statusOf(sameOnB)).toBe(200);
    await t.database.db.execute(sql`update users set disabled_at = now() where email = 'leitung.berlin@lotse.demo'`);
    await settlesTo(client, 401);
    await settlesTo(sameOnB, 401);
    await t.database.db.execute(sql`update users set disabled_at = null where email = 'leitung.berlin@lotse.demo'`);
  });

  it("applies a revoked grant on the other node without waiting", async () => {
    const admin = await t.login("admin");
    const lead = await t.login("leadBerlin");
    const leadOnB = onNodeB(lead);
    const grantsOf = async (c: TestClient) => (await c.get("/api/auth/session")).json().user.grants.length;
    expect(await grantsOf(leadOnB)).toBe(1);
    const [grant] = await queryRows<{ id: string; user_id: string }>(
      t.database.db,
      sql`select ra.id, ra.user_id from role_assignments ra join users u on u.id = ra.user_id
           where u.email = 'leitung.berlin@lotse.demo' and ra.revoked_at is null`,
    );
    const revoked = await admin.delete(`/api/users/${grant!.user_id}/roles/${grant!.id}`);
    expect(revoked.statusCode).toBe(204);
    await expect.poll(() => grantsOf(leadOnB), { timeout: 2_000, interval: 10 }).toBe(0);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    "stops caching while its listening connection is gone and resumes when it is back",
    async () => {
      const client = await t.login("counselorBerlin");
      const sameOnB = onNodeB(client);
      expect(await statusOf(sameOnB)).toBe(200);
      const listeners = () =>
        queryRows<{ pid: number }>(
          t.database.db,
          sql`select pid from pg_stat_activity where datname = current_database() and application_name like '%-listen'`,
        );
      const before = (await listeners()).map((r) => r.pid);
      expect(before.length).toBe(4); // two per node: identity and directory announcements
      await t.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
                                     where datname = current_database() and application_name like '%-listen'`);
      // Both nodes reconnect by themselves…
      await expect
        .poll(async () => (await listeners()).filter((r) => !before.includes(r.pid)).length, { timeout: 5_000, interval: 50 })
        .toBe(4);
      expect(await statusOf(sameOnB)).toBe(200);
      // …and hear announcements again.
      await t.database.db.execute(sql`update sessions set revoked_at = now() where revoked_at is null`);
      await settlesTo(sameOnB, 401);
    },
  );
});

describe("SessionCache", () => {
  // The embedded engine is the smallest real database to listen on.
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: "pglite" });
  });
  afterAll(() => database.close());

  const listeningCache = async <T = string>(ttlMs: number, maxEntries?: number) => {
    const cache = new SessionCache<T>(ttlMs, { maxEntries });
    await cache.start(database);
    return cache;
  };

  it("does not store what a lookup read before the cache was dropped", async () => {
    const cache = await listeningCache(10_000);
    const generation = cache.currentGeneration;
    cache.clear(); // a logout answered while the lookup was in flight
    cache.set("token", "stale", generation, 0);
    expect(cache.get("token", 1)).toBeUndefined();
    cache.set("token", "fresh", cache.currentGeneration, 0);
    expect(cache.get("token", 1)).toBe("fresh");
    await cache.stop();
  });

  it("drops everything when the database announces a change", async () => {
    const cache = await listeningCache(10_000);
    cache.set("token", "value", cache.currentGeneration, 0);
    await database.db.execute(sql`select pg_notify('identity_changed', 'test')`);
    await expect.poll(() => cache.get("token", 1)).toBeUndefined();
    await cache.stop();
  });

  it("forgets an entry when its time is up", async () => {
    const cache = await listeningCache(1_000);
    cache.set("token", "value", cache.currentGeneration, 0);
    expect(cache.get("token", 999)).toBe("value");
    expect(cache.get("token", 1_000)).toBeUndefined();
    await cache.stop();
  });

  it("stays off before it listens, after it stops, and with a lifetime of 0", async () => {
    const idle = new SessionCache<string>(10_000);
    idle.set("token", "value", idle.currentGeneration, 0);
    expect(idle.get("token", 1)).toBeUndefined();

    const stopped = await listeningCache(10_000);
    await stopped.stop();
    stopped.set("token", "value", stopped.currentGeneration, 0);
    expect(stopped.get("token", 1)).toBeUndefined();

    const off = await listeningCache(0);
    off.set("token", "value", off.currentGeneration, 0);
    expect(off.get("token", 1)).toBeUndefined();
  });

  it("keeps at most its bound of entries, dropping the oldest", async () => {
    const cache = await listeningCache<number>(10_000, 2);
    for (const n of [1, 2, 3]) cache.set(`t${n}`, n, cache.currentGeneration, 0);
    expect([cache.get("t1", 1), cache.get("t2", 1), cache.get("t3", 1)]).toEqual([undefined, 2, 3]);
    await cache.stop();
  });
});
