import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/**
 * A private, throwaway PostgreSQL cluster for operational tests that stop and start the
 * server (outage, recovery) and so must not share the suite's cluster. Same recipe as
 * scripts/lib/pg.sh: initdb in a temp dir, trust auth on 127.0.0.1, a free port.
 */
const binDir = (() => {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], "bin") : undefined;
})();

/** PostgreSQL binaries are installed (CI always has them; scripts/test.sh installs them). */
export const pgAvailable = binDir !== undefined;

const asRoot = userInfo().uid === 0;

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
function asOwner(command: string, args: string[]): string {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type PgCluster = {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  urlFor(database: string): string;
  /** Stops the server (fast shutdown: open connections are terminated), keeps the data. */
  stop(): void;
  /** Starts it again on the same port with the same data. */
  start(): void;
  /** Stops the server and deletes the cluster. */
  destroy(): void;
};

export async function startPgCluster(): Promise<PgCluster> {
  if (!binDir) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin");
  const dir = mkdtempSync(join(tmpdir(), "lotse-pg-private-"));
  chmodSync(dir, 0o755);
  const socketDir = join(dir, "socket");
  mkdirSync(socketDir);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  const data = join(dir, "data");
  asOwner(join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`;
  const pgCtl = (...args: string[]) => asOwner(join(binDir, "pg_ctl"), ["-D", data, ...args]);
  let running = false;
  const cluster: PgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      pgCtl("-l", join(dir, "server.log"), "-w", "-t", "30", "-o", options, "start");
      running = true;
    },
    stop() {
      pgCtl("-m", "fast", "-w", "stop");
      running = false;
    },
    destroy() {
      if (running) {
        try {
          pgCtl("-m", "immediate", "-w", "stop");
        } catch {
          // already gone
        }
        running = false;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
