/**
 * Starts `node dist/server/main.js` on a free port with a fresh DATA_DIR (embedded PGlite,
 * demo data seeded at start) — or on a fresh database of the PostgreSQL server named by
 * E2E_DATABASE_URL — and
 * waits for /api/health. Nothing is built here: run `npm run build` first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = join(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/**
 * With E2E_DATABASE_URL, each server gets a fresh database of its own on that PostgreSQL
 * server (as each gets its own data directory on PGlite), so one test file's sign-in state —
 * a second factor enrolled, a lockout — never leaks into another's.
 */
async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lotse_e2e_${randomBytes(5).toString("hex")}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Starts one server with a fresh data directory (and database); `env` adds or overrides variables. */
export async function startServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  for (const file of ["dist/server/main.js", "dist/web/index.html"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing — run \`npm run build\` before the browser tests`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "lotse-e2e-"));
  const database = process.env.E2E_DATABASE_URL ? await freshDatabase(process.env.E2E_DATABASE_URL) : null;
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    DEMO_DATA: "true",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    DATABASE_URL: database?.url ?? "",
    // Every browser test books from 127.0.0.1, and the files share one server: the per-address
    // booking limit (10 an hour) is raised; per e-mail and the live-booking cap keep their defaults.
    BOOKING_LIMIT_PER_IP: "1000",
    ...env,
  };
  let output = "";
  const child = spawn(process.execPath, ["dist/server/main.js"], { cwd: root, env: fullEnv, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    await database?.drop().catch(() => {});
    throw error;
  }

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve();
        }, 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  return { baseUrl, stop };
}

export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide("baseUrl", server.baseUrl);
  return server.stop;
}
