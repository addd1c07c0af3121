import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { totpFor } from "../server/modules/identity/totp.js";
import { projectRoot } from "../server/platform/paths.js";
import { env, type Measurement, machineFacts, measure, replaceBetween, round } from "./lib/measure.js";

/**
 * The benchmark driver (bench/run.sh starts the servers, then this). Measures with autocannon:
 *   login      POST /api/auth/login, argon2id-bound        8 connections, 10 s
 *   units      GET /api/units, signed in (MFA-verified)    32 connections, 20 s
 *   baseline   the same units query, raw pg + node:http    32 connections, 20 s
 * Latency percentiles are computed from every response time (autocannon reports no p95).
 */
type Facts = { password: string; totpSecret: string; coordination: string; admin: string; stateUnitId: string; units: number };

const appUrl = env("BENCH_APP_URL");
const baselineUrl = env("BENCH_BASELINE_URL");
const facts = JSON.parse(env("BENCH_FACTS")) as Facts;
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const durations = {
  login: seconds("BENCH_LOGIN_SECONDS", 10),
  read: seconds("BENCH_READ_SECONDS", 20),
  warmup: seconds("BENCH_WARMUP_SECONDS", 3),
};
const targets = { readRequestsPerSecond: 2000, readP99Ms: 30 };

async function signInWithTotp(): Promise<string> {
  const totp = totpFor(facts.totpSecret, facts.coordination).generate();
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: facts.coordination, password: facts.password, totp }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lotse_session="));
  if (!cookie) throw new Error("bench login set no session cookie");
  return cookie.split(";")[0]!;
}

// Figures from a busy machine are not comparable: record the load and say so.
const loadBefore = loadavg()[0]!;
if (loadBefore > 1) console.log(`  !!! load average ${loadBefore.toFixed(1)} before the run: other work on this machine skews the figures`);
console.log(`bench: app ${appUrl}, baseline ${baselineUrl}, ${facts.units} units in the network`);
const cookie = await signInWithTotp();
const probe = await fetch(`${appUrl}/api/units`, { headers: { cookie } });
const unitsLanded = probe.status === 200;
const unitsProbe = unitsLanded
  ? `${((await probe.json()) as { items: unknown[] }).items.length} units per response`
  : `GET /api/units answered ${probe.status}`;
if (!unitsLanded)
  console.log(`  !!! ${unitsProbe}: the units route has not landed yet (404 = placeholder); the read benchmark is skipped.`);

const baselineProbe = (await (await fetch(`${baselineUrl}/units`)).json()) as { items: unknown[] };
const loginBody = JSON.stringify({ email: facts.admin, password: facts.password });
const login = { url: `${appUrl}/api/auth/login`, method: "POST", headers: { "content-type": "application/json" }, body: loginBody };

console.log("warm-up");
await measure("login", { ...login, connections: 8, duration: durations.warmup });
if (unitsLanded) await measure("units", { url: `${appUrl}/api/units`, headers: { cookie }, connections: 32, duration: durations.warmup });
await measure("baseline", { url: `${baselineUrl}/units`, connections: 32, duration: durations.warmup });

console.log("measured");
const results = {
  login: await measure("login", { ...login, connections: 8, duration: durations.login }),
  units: unitsLanded
    ? await measure("units", { url: `${appUrl}/api/units`, headers: { cookie }, connections: 32, duration: durations.read })
    : null,
  baseline: await measure("baseline", { url: `${baselineUrl}/units`, connections: 32, duration: durations.read }),
};

// Whether the signed-in reads were served from the node's caches (platform/notified-cache.ts):
// the session cache (identity) and the unit list cache (directory).
const metricsText = await (await fetch(`${appUrl}/metrics`)).text();
const cacheLookups = (metric: string, result: string) =>
  Number(metricsText.match(new RegExp(`^${metric}\\{result="${result}"\\} (\\d+)`, "m"))?.[1] ?? 0);
const cacheStats = (metric: string) => ({ hits: cacheLookups(metric, "hit"), misses: cacheLookups(metric, "miss") });
const sessionCache = cacheStats("lotse_session_cache_lookups_total");
const directoryCache = cacheStats("lotse_directory_cache_lookups_total");
console.log(`session cache: ${sessionCache.hits} hits, ${sessionCache.misses} misses`);
console.log(`unit list cache: ${directoryCache.hits} hits, ${directoryCache.misses} misses`);

const ratio = results.units
  ? {
      requestsPerSecond: round(results.units.requestsPerSecond / results.baseline.requestsPerSecond, 3),
      p99: round(results.units.latencyMs.p99 / results.baseline.latencyMs.p99, 3),
    }
  : null;
const verdict = results.units
  ? {
      requestsPerSecond: results.units.requestsPerSecond >= targets.readRequestsPerSecond,
      p99: results.units.latencyMs.p99 <= targets.readP99Ms,
    }
  : null;

const date = new Date().toISOString().slice(0, 10);
const report = {
  name: "foundation",
  date: new Date().toISOString(),
  machine: machineFacts(loadBefore),
  setup: {
    app:
      "node dist/server/main.js, NODE_ENV=production, PostgreSQL (durable: fsync on), pool 10, LOG_LEVEL=" +
      (process.env.BENCH_LOG_LEVEL ?? "info"),
    baseline: "bench/baseline-server.ts: node:http + pg pool 10, the same units query as raw SQL, JSON.stringify; no session lookup",
    load: "autocannon in one process on the same machine (it competes for the 2 cores)",
    unitsPerResponse: unitsLanded ? unitsProbe : null,
    baselineUnitsPerResponse: baselineProbe.items.length,
  },
  targets,
  results,
  sessionCache,
  directoryCache,
  ratio,
  verdict,
  notes: unitsLanded ? [] : [`${unitsProbe}: read benchmark skipped until the directory module's GET /api/units lands`],
};
mkdirSync(join(projectRoot, "bench/results"), { recursive: true });
const file = join(projectRoot, `bench/results/${date}-foundation.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
updateReadme(report);
console.log(`\nwritten ${file} and the table in bench/README.md`);
if (verdict)
  console.log(
    `targets: ≥ ${targets.readRequestsPerSecond} req/s ${verdict.requestsPerSecond ? "met" : "MISSED"}, p99 ≤ ${targets.readP99Ms} ms ${verdict.p99 ? "met" : "MISSED"}`,
  );

function updateReadme(r: typeof report): void {
  const path = join(projectRoot, "bench/README.md");
  const row = (label: string, m: Measurement | null, vsBaseline = "") =>
    m
      ? `| ${label} | ${m.connections} | ${m.seconds} s | ${m.requestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.non2xx + m.errors} | ${vsBaseline} |`
      : `| ${label} | – | – | not landed | – | – | – | – | – |`;
  const table = [
    `Run of ${r.date.slice(0, 16).replace("T", " ")} UTC — ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; 1-minute load average ${r.machine.loadAverage1m.before} before, ${r.machine.loadAverage1m.after} after (the bench itself adds ~3).`,
    "",
    "| measurement | connections | duration | req/s | p50 ms | p95 ms | p99 ms | errors | vs. baseline |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    row("`POST /api/auth/login` (argon2id)", r.results.login),
    row("`GET /api/units` signed in", r.results.units, r.ratio ? `${r.ratio.requestsPerSecond}× req/s, ${r.ratio.p99}× p99` : ""),
    row("baseline: raw `pg` + `node:http`", r.results.baseline, "1×"),
    "",
    r.verdict
      ? `Targets for the signed-in read: ≥ ${r.targets.readRequestsPerSecond} req/s — ${r.verdict.requestsPerSecond ? "met" : "**missed**"}; p99 ≤ ${r.targets.readP99Ms} ms — ${r.verdict.p99 ? "met" : "**missed**"}.`
      : "The signed-in read was not measured: `GET /api/units` had not landed (404).",
  ].join("\n");
  writeFileSync(path, replaceBetween(readFileSync(path, "utf8"), "<!-- results:start -->", "<!-- results:end -->", table));
}
