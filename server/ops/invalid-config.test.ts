import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnServer } from "../test/server-process.js";

/** A misconfigured server refuses to start: non-zero exit, one message naming the variable, no stack trace. */
// Each case is its own process, so they run side by side.
describe.concurrent("invalid configuration", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "lotse-config-"));

  it.each([
    ["PORT=abc", { PORT: "abc" }, "PORT"],
    ["PORT out of range", { PORT: "70000" }, "PORT"],
    ["production without SESSION_SECRET", { NODE_ENV: "production" }, "SESSION_SECRET"],
    ["production with demo data", { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), DEMO_DATA: "true" }, "DEMO_DATA"],
    ["a short SESSION_SECRET", { SESSION_SECRET: "too-short" }, "SESSION_SECRET"],
    ["DATABASE_URL that is not PostgreSQL", { DATABASE_URL: "mysql://db/lotse" }, "DATABASE_URL"],
    ["a misspelt boolean", { JOBS_ENABLED: "yes" }, "JOBS_ENABLED"],
  ])("refuses %s", async (_name, env, variable) => {
    const server = spawnServer({ DATA_DIR: dataDir, PORT: "0", ...env });
    const code = await server.exited;
    const output = server.output().trim();
    expect(code).not.toBe(0);
    expect(code).toBe(2);
    expect(output).toMatch(/^Invalid configuration:\n/);
    expect(output).toContain(`- ${variable}: `);
    expect(output.split("\n")).toHaveLength(2); // the heading and one line for the one bad variable
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("names every bad variable at once", async () => {
    const server = spawnServer({ DATA_DIR: dataDir, PORT: "abc", NODE_ENV: "production" });
    expect(await server.exited).toBe(2);
    expect(server.output()).toMatch(/- PORT: [\s\S]*- SESSION_SECRET: /);
  });
});
