import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, personas } from "../test/harness.js";
import { freePort } from "../test/pg-cluster.js";
import { type ServerProcess, spawnServer, waitForHealthy } from "../test/server-process.js";

/**
 * SIGTERM on the real server process (embedded PGlite): the request in flight is answered,
 * new connections are refused, the process exits 0 with the database closed cleanly, and a
 * restart on the same DATA_DIR has every write that was acknowledged before the shutdown.
 */
describe("graceful shutdown", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "lotse-shutdown-"));
  const running: ServerProcess[] = [];
  afterAll(() => {
    for (const server of running) if (server.child.exitCode === null) server.child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ server: ServerProcess; port: number }> {
    const port = await freePort();
    const server = spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
    running.push(server);
    await waitForHealthy(server, port, 60_000);
    return { server, port };
  }

  const loginBody = JSON.stringify({ email: personas.counselorBerlin, password: DEMO_PASSWORD });

  async function login(port: number): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: loginBody,
    });
    expect(res.status).toBe(200);
    return sessionCookie(res.headers.getSetCookie());
  }

  const sessionCookie = (setCookie: string[] | undefined) => {
    const cookie = setCookie?.find((c) => c.startsWith("lotse_session="));
    if (!cookie) throw new Error("no session cookie");
    return cookie.split(";")[0]!;
  };

  const sessionStatus = async (port: number, cookie: string) =>
    (await fetch(`http://127.0.0.1:${port}/api/auth/session`, { headers: { cookie } })).status;

  /** Resolves "refused" once nothing accepts TCP connections on the port any more. */
  const connectOutcome = (port: number) =>
    new Promise<"refused" | "accepted">((resolve) => {
      const socket = connect({ port, host: "127.0.0.1" });
      socket.once("connect", () => {
        socket.destroy();
        resolve("accepted");
      });
      socket.once("error", () => resolve("refused"));
    });

  it("finishes the request in flight, refuses new connections, exits 0 and loses no acknowledged write", { timeout: 120_000 }, async () => {
    const first = await start();
    const acknowledgedBefore = await login(first.port);

    // A slow client: the login's headers and half its body arrive, the rest comes after SIGTERM.
    const inFlight = httpRequest({
      host: "127.0.0.1",
      port: first.port,
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(loginBody) },
    });
    const response = new Promise<IncomingMessage & { body: string }>((resolve, reject) => {
      inFlight.on("response", (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(Object.assign(res, { body })));
      });
      inFlight.on("error", reject);
    });
    const half = Math.floor(loginBody.length / 2);
    inFlight.write(loginBody.slice(0, half));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server has accepted it and read the headers

    first.server.child.kill("SIGTERM");
    await expect.poll(() => connectOutcome(first.port), { timeout: 5_000, interval: 50 }).toBe("refused");
    expect(first.server.child.exitCode).toBeNull(); // still busy with the request in flight

    inFlight.end(loginBody.slice(half));
    const answered = await response;
    expect(answered.statusCode, answered.body).toBe(200);
    const acknowledgedDuring = sessionCookie(answered.headers["set-cookie"]);

    expect(await first.server.exited).toBe(0);
    expect(first.server.output()).not.toMatch(/shutdown took too long|error during shutdown/);

    // Same DATA_DIR: PGlite opens cleanly and both sessions written before the exit are there.
    const second = await start();
    expect(await sessionStatus(second.port, acknowledgedBefore)).toBe(200);
    expect(await sessionStatus(second.port, acknowledgedDuring)).toBe(200);
    // Idle, it stops at once (well within main.ts's 15 s limit).
    const stopping = Date.now();
    second.server.child.kill("SIGTERM");
    expect(await second.server.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
  });
});
