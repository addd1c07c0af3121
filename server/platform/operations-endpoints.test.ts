import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness.js";

/** The endpoints operators and tools rely on: OpenAPI, API docs, metrics, request ids. */
describe("operations endpoints", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("serves OpenAPI 3.1 at /api/openapi.json listing every registered /api route", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    const spec = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toMatch(/^3\.1\./);
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    // The routes Fastify itself knows (collected in buildApp's onRoute hook), less the document itself and dev-only pages.
    const undocumentedOnPurpose = new Set(["GET /api/openapi.json", "GET /api/dev/outbox"]);
    const registered = t.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !undocumentedOnPurpose.has(key));
    expect(registered.length).toBeGreaterThan(3);
    expect(registered.filter((key) => !documented.has(key))).toEqual([]);
    // …and nothing is documented that does not exist.
    expect([...documented].filter((key) => !registered.includes(key))).toEqual([]);
    for (const key of registered) {
      const [method, url] = key.split(" ") as [string, string];
      expect(t.app.hasRoute({ method: method as "GET", url }), key).toBe(true);
    }
  });

  it("renders the API docs at /api/docs as HTML", async () => {
    let res = await t.app.inject({ method: "GET", url: "/api/docs" });
    if (res.statusCode >= 300 && res.statusCode < 400) res = await t.app.inject({ method: "GET", url: res.headers.location as string });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toMatch(/<html/i);
  });

  it("serves Prometheus metrics at /metrics, including request durations", async () => {
    await t.app.inject({ method: "GET", url: "/api/health" });
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain("# TYPE lotse_http_request_duration_seconds histogram");
    expect(res.body).toMatch(/lotse_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.body).toContain("lotse_process_cpu_seconds_total");
  });

  it("keeps metrics for the scraper when METRICS_TOKEN is set", async () => {
    const guarded = await createTestApp({ env: { METRICS_TOKEN: "scrape-token-0123456789" } });
    try {
      expect((await guarded.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
      const ok = await guarded.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer scrape-token-0123456789" } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("tags every response with x-request-id and honours a sane incoming one", async () => {
    const own = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(own.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const other = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(other.headers["x-request-id"]).not.toBe(own.headers["x-request-id"]);

    const incoming = await t.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "proxy-req-12345678" } });
    expect(incoming.headers["x-request-id"]).toBe("proxy-req-12345678");
    // Errors carry it too, so a user's report can be matched with the logs.
    const problem = await t.app.inject({ method: "GET", url: "/api/no-such-route", headers: { "x-request-id": "proxy-req-87654321" } });
    expect(problem.statusCode).toBe(404);
    expect(problem.headers["x-request-id"]).toBe("proxy-req-87654321");

    // A header that could forge log lines is replaced, not echoed.
    const forged = await t.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "bad id\nwith newline" } });
    expect(forged.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
