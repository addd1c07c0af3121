import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import type { Clock } from "../platform/context.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export const DEMO_PASSWORD = "lotse-demo-2026";

/** The demo personas of the README, by the name tests use for them. */
export const personas = {
  admin: "admin@lotse.demo",
  coordinationBerlin: "koordination.berlin@lotse.demo",
  leadBerlin: "leitung.berlin@lotse.demo",
  counselorBerlin: "berater.berlin@lotse.demo",
  counselorBavaria: "berater.bayern@lotse.demo",
  qualificationBavaria: "quali.bayern@lotse.demo",
  faireIntegrationBerlin: "fi.berlin@lotse.demo",
  supportTeam: "support.fi@lotse.demo",
  monitoring: "monitoring@lotse.demo",
  federal: "bund@lotse.demo",
} as const;
export type Persona = keyof typeof personas;

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * A real app on its own clone of the seeded template database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set). Requests go through app.inject: the full HTTP pipeline, no socket.
 */
export async function createTestApp(options: { env?: Record<string, string>; clock?: Clock } = {}) {
  const database: TestDatabase = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "lotse-test-"));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir, JOBS_ENABLED: "false", ...options.env });
  const { app, ctx, jobs, apiRoutes } = await buildApp({ config, database, clock: options.clock, logger: false });
  await app.ready();
  const sessions = new Map<string, TestClient>();
  return {
    app,
    ctx,
    jobs,
    apiRoutes,
    database,
    dataDir,
    async close() {
      await app.close();
      await database.drop();
    },
    /** Signs in through the real login route and returns a client carrying cookie and CSRF token. */
    async login(who: Persona | string, password = DEMO_PASSWORD) {
      const email = who in personas ? personas[who as Persona] : who;
      const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === "lotse_session")!;
      return new TestClient(app, `${cookie.name}=${cookie.value}`, response.json().csrfToken as string);
    },
    /** One signed-in client per persona for the whole test app (signing in costs an argon2 hash). */
    async as(who: Persona | string) {
      if (!sessions.has(who)) sessions.set(who, await this.login(who));
      return sessions.get(who)!;
    },
    /** Makes `as` sign in afresh (e.g. after the test clock moved past the session lifetime). */
    forgetSessions() {
      sessions.clear();
    },
    anonymous() {
      return new TestClient(app, undefined, undefined);
    },
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export class TestClient {
  constructor(
    private readonly app: Awaited<ReturnType<typeof buildApp>>["app"],
    readonly cookie: string | undefined,
    readonly csrfToken: string | undefined,
  ) {}

  request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      payload: payload as object | undefined,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
    });
  }
  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, payload?: unknown) {
    return this.request("POST", url, payload ?? {});
  }
  put(url: string, payload?: unknown) {
    return this.request("PUT", url, payload ?? {});
  }
  patch(url: string, payload?: unknown) {
    return this.request("PATCH", url, payload ?? {});
  }
  delete(url: string) {
    return this.request("DELETE", url);
  }
}
