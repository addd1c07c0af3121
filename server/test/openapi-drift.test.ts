import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFromRoot } from "../platform/paths.js";
import { createTestApp, type TestApp } from "./harness.js";

// The committed OpenAPI document is the API's published contract (as Immich does with its spec):
// a route or schema change must come with `npm run openapi`, so reviewers see the contract diff.
describe("OpenAPI document", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("matches the committed docs/api/openapi.json (run `npm run openapi` after changing routes)", () => {
    const committed = JSON.parse(readFileSync(resolveFromRoot("docs/api/openapi.json"), "utf8"));
    const generated = JSON.parse(JSON.stringify(t.app.swagger()));
    expect(generated).toEqual(committed);
  });

  it("is OpenAPI 3.1 and documents every API route", () => {
    const spec = t.app.swagger() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    const hidden = new Set(["GET /api/openapi.json", "GET /api/dev/outbox"]);
    const missing = t.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !documented.has(key) && !hidden.has(key));
    expect(missing).toEqual([]);
  });
});
