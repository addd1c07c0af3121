import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/index.js";
import { applyMigrations } from "../db/migrate.js";
import { seedDemoData } from "../seed/demo.js";
import { adminQuery } from "../test/database.js";
import { DEMO_PASSWORD, personas } from "../test/harness.js";
import { type PgCluster, pgAvailable, startPgCluster } from "../test/pg-cluster.js";

/**
 * The app on a private PostgreSQL that the test stops and starts again: health says what
 * fails, requests answer 503 quickly instead of hanging, and the app recovers on its own.
 */
// Skipped only on a developer machine without PostgreSQL; in CI a missing server is a failure.
describe.skipIf(!pgAvailable && !process.env.CI)("database outage (PostgreSQL)", () => {
  let cluster: PgCluster;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>["app"];

  beforeAll(async () => {
    cluster = await startPgCluster();
    await adminQuery(cluster.url, "create database lotse_ops");
    const url = cluster.urlFor("lotse_ops");
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: process.env.OPS_LOG ?? "silent",
      DATA_DIR: mkdtempSync(join(tmpdir(), "lotse-ops-")),
      DATABASE_URL: url,
      JOBS_ENABLED: "false",
    });
    database = await openDatabase({ kind: "postgres", url, poolSize: 5 });
    await applyMigrations(database);
    const built = await buildApp({ config, database, logger: process.env.OPS_LOG ? undefined : false });
    app = built.app;
    await seedDemoData(built.ctx, { monitoring: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close().catch(() => {});
    cluster?.destroy();
  });

  const health = () => app.inject({ method: "GET", url: "/api/health" });
  const login = () =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { email: personas.counselorBerlin, password: DEMO_PASSWORD } });

  it("reports healthy while PostgreSQL is up", async () => {
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 quickly while PostgreSQL is down, and recovers without a restart", async () => {
    const session = await login();
    expect(session.statusCode, session.body).toBe(200);
    const cookie = session.cookies.find((c) => c.name === "lotse_session")!;

    cluster.stop();

    const down = await health();
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: "error", db: "unavailable" });

    const started = Date.now();
    const refused = await login();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.headers["retry-after"]).toBeDefined();
    expect(refused.json()).toMatchObject({ code: "database_unavailable", status: 503, type: "/problems/database-unavailable" });

    // A signed-in request fails in the session lookup, before any route code: also 503, also fast.
    const t0 = Date.now();
    const sessionRead = await app.inject({ method: "GET", url: "/api/auth/session", cookies: { lotse_session: cookie.value } });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(sessionRead.statusCode).toBe(503);
    expect(sessionRead.json().code).toBe("database_unavailable");

    cluster.start();

    // The pool drops the dead connections and opens new ones: no restart, no operator action.
    await expect.poll(async () => (await health()).statusCode, { timeout: 10_000, interval: 200 }).toBe(200);
    expect((await login()).statusCode).toBe(200);
    const again = await app.inject({ method: "GET", url: "/api/auth/session", cookies: { lotse_session: cookie.value } });
    expect(again.statusCode).toBe(200);
  });
});
