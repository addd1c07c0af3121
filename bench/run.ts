import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import autocannon, { type Result } from "autocannon";
import { totpFor } from "../server/modules/identity/totp.js";
import { projectRoot } from "../server/platform/paths.js";

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

type Measurement = {
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};

async function measure(
  name: string,
  options: { url: string; connections: number; duration: number; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Measurement> {
  process.stdout.write(`  ${name}: ${options.connections} connections, ${options.duration} s … `);
  const times: number[] = [];
  const instance = autocannon({ timeout: 10, ...options });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result: Result = await instance;
  times.sort((a, b) => a - b);
  const pct = (p: number) => round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? Number.NaN);
  const requests = result["2xx"];
  const m: Measurement = {
    url: options.url,
    connections: options.connections,
    seconds: options.duration,
    requests,
    requestsPerSecond: round(requests / result.duration),
    latencyMs: {
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
      max: round(times.at(-1) ?? Number.NaN),
      mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  console.log(
    `${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p95 ${m.latencyMs.p95} ms, p99 ${m.latencyMs.p99} ms${m.non2xx || m.errors ? ` (non-2xx ${m.non2xx}, errors ${m.errors})` : ""}`,
  );
  return m;
}

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

// Whether the signed-in reads were served from the node's session cache (identity/session-cache.ts).
const metricsText = await (await fetch(`${appUrl}/metrics`)).text();
const cacheLookups = (result: string) =>
  Number(metricsText.match(new RegExp(`^lotse_session_cache_lookups_total\\{result="${result}"\\} (\\d+)`, "m"))?.[1] ?? 0);
const sessionCache = { hits: cacheLookups("hit"), misses: cacheLookups("miss") };
console.log(`session cache: ${sessionCache.hits} hits, ${sessionCache.misses} misses`);

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
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "?",
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: process.env.BENCH_PG_VERSION ?? "?",
    loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
  },
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
  const readme = readFileSync(path, "utf8");
  const start = "<!-- results:start -->";
  const end = "<!-- results:end -->";
  const before = readme.slice(0, readme.indexOf(start) + start.length);
  const after = readme.slice(readme.indexOf(end));
  writeFileSync(path, `${before}\n${table}\n${after}`);
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`bench/run.ts needs ${name} (start it through bench/run.sh)`);
  return value;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
