import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Request } from "autocannon";
import { totpFor } from "../../server/modules/identity/totp.js";
import { projectRoot } from "../../server/platform/paths.js";
import { env, type Measurement, type MeasureOptions, machineFacts, measure, replaceBetween, round } from "../lib/measure.js";

/**
 * The casework benchmark driver (bench/casework/run.sh starts the servers, then this). With
 * 200,000 clients and 600,000 consultations (setup.ts), as the Berlin bench counselor:
 *   search     GET /api/clients?q=<name>          p95 ≤ 50 ms     1 connection (judged) and 16
 *   timeline   GET /api/clients/<id>/timeline     p95 ≤ 30 ms     1 connection (judged) and 16
 *   record     POST /api/consultations (audit)    ≥ 500/s, p99 ≤ 50 ms at 16 connections
 * each next to its raw-SQL baseline (baseline-server.ts) in the same run.
 */
type Facts = {
  password: string;
  totpSecret: string;
  counselor: string;
  berlinClients: string[];
  searchTerms: string[];
  clients: number;
  consultations: number;
  berlin: number;
  seconds: number;
};

const appUrl = env("BENCH_APP_URL");
const baselineUrl = env("BENCH_BASELINE_URL");
const facts = JSON.parse(readFileSync(env("BENCH_FACTS_FILE"), "utf8")) as Facts;
const duration = Number(process.env.BENCH_READ_SECONDS ?? 20);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const connections = 16;
const targets = { searchP95Ms: 50, timelineP95Ms: 30, recordRequestsPerSecond: 500, recordP99Ms: 50 };

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const totp = totpFor(facts.totpSecret, facts.counselor).generate();
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: facts.counselor, password: facts.password, totp }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lotse_session="));
  if (!cookie) throw new Error("bench login set no session cookie");
  return { cookie: cookie.split(";")[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** One request that takes the next value of a list on every call (autocannon reuses it). */
function cycling(values: string[], make: (value: string) => Request): Request[] {
  let i = 0;
  return [{ setupRequest: (request) => ({ ...request, ...make(values[i++ % values.length]!) }) }];
}

type Target = Omit<MeasureOptions, "connections" | "duration">;
const today = new Date().toISOString().slice(0, 10);
const loadBefore = loadavg()[0]!;
if (loadBefore > 1) console.log(`  !!! load average ${loadBefore.toFixed(1)} before the run: other work on this machine skews the figures`);
console.log(
  `bench: ${facts.clients} clients, ${facts.consultations} consultations (${facts.berlin} in the counselor's sub-project), generated in ${facts.seconds} s`,
);
const { cookie, csrf } = await signIn();
const json = { "content-type": "application/json" };
const scenarios: Partial<Record<"search" | "timeline" | "record", { app: Target; baseline: Target }>> = {
  search: {
    app: {
      url: appUrl,
      headers: { cookie },
      requests: cycling(facts.searchTerms, (q) => ({ method: "GET", path: `/api/clients?q=${encodeURIComponent(q)}` })),
    },
    baseline: {
      url: baselineUrl,
      requests: cycling(facts.searchTerms, (q) => ({ method: "GET", path: `/search?q=${encodeURIComponent(q)}` })),
    },
  },
  timeline: {
    app: {
      url: appUrl,
      headers: { cookie },
      requests: cycling(facts.berlinClients, (id) => ({ method: "GET", path: `/api/clients/${id}/timeline` })),
    },
    baseline: { url: baselineUrl, requests: cycling(facts.berlinClients, (id) => ({ method: "GET", path: `/timeline/${id}` })) },
  },
  record: {
    app: {
      url: appUrl,
      headers: { cookie, "x-csrf-token": csrf, ...json },
      requests: cycling(facts.berlinClients, (clientId) => ({
        method: "POST",
        path: "/api/consultations",
        body: JSON.stringify({ clientId, date: today, channel: "phone", languages: ["de"], durationMinutes: 20 }),
      })),
    },
    baseline: {
      url: baselineUrl,
      headers: json,
      requests: cycling(facts.berlinClients, (clientId) => ({
        method: "POST",
        path: "/consultations",
        body: JSON.stringify({ clientId, date: today }),
      })),
    },
  },
};

// BENCH_SCENARIOS picks a subset (profiling one path); the report then lacks the others.
const wanted = (process.env.BENCH_SCENARIOS ?? "search,timeline,record").split(",");
for (const name of Object.keys(scenarios)) if (!wanted.includes(name)) delete scenarios[name as keyof typeof scenarios];

// A failing probe says more than a table of errors.
for (const [name, s] of Object.entries(scenarios)) {
  const request = s.app.requests![0]!.setupRequest!({});
  const res = await fetch(`${appUrl}${request.path}`, { method: request.method, headers: s.app.headers, body: request.body });
  if (res.status >= 300) throw new Error(`probe ${name}: ${request.method} ${request.path} answered ${res.status} ${await res.text()}`);
}

console.log("warm-up");
for (const [name, s] of Object.entries(scenarios)) {
  await measure(name, { ...s.app, connections, duration: warmup });
  await measure(`${name} baseline`, { ...s.baseline, connections, duration: warmup });
}
console.log("measured");
const results: Record<string, { app: Measurement; baseline: Measurement; ratio: { p95: number; p99: number; requestsPerSecond: number } }> =
  {};
// The reads also alone: what one counselor waits for a search or a client page, no queue.
const runs = Object.entries(scenarios).flatMap(([name, s]) => [
  ...(name === "record" ? [] : [{ key: `${name} (1 connection)`, name, s, connections: 1 }]),
  { key: name, name, s, connections },
]);
for (const { key, s, connections } of runs) {
  const app = await measure(key, { ...s.app, connections, duration });
  const baseline = await measure(`${key} baseline`, { ...s.baseline, connections, duration });
  results[key] = {
    app,
    baseline,
    ratio: {
      p95: round(app.latencyMs.p95 / baseline.latencyMs.p95, 3),
      p99: round(app.latencyMs.p99 / baseline.latencyMs.p99, 3),
      requestsPerSecond: round(app.requestsPerSecond / baseline.requestsPerSecond, 3),
    },
  };
}
const verdict = {
  // Read targets judged on one counselor's wait (1 connection); the 16-connection rows show the queue.
  searchP95: results["search (1 connection)"] ? results["search (1 connection)"].app.latencyMs.p95 <= targets.searchP95Ms : null,
  timelineP95: results["timeline (1 connection)"] ? results["timeline (1 connection)"].app.latencyMs.p95 <= targets.timelineP95Ms : null,
  recordRequestsPerSecond: results.record ? results.record.app.requestsPerSecond >= targets.recordRequestsPerSecond : null,
  recordP99: results.record ? results.record.app.latencyMs.p99 <= targets.recordP99Ms : null,
};

const report = {
  name: "casework",
  date: new Date().toISOString(),
  machine: machineFacts(loadBefore),
  data: {
    clients: facts.clients,
    consultations: facts.consultations,
    counselorSubProjectClients: facts.berlin,
    generatedSeconds: facts.seconds,
  },
  setup: {
    app: "node dist/server/main.js, NODE_ENV=production, PostgreSQL (durable: fsync on), pool 10, signed in with TOTP as a counselor",
    baseline:
      "bench/casework/baseline-server.ts: node:http + pg pool 10, the same SQL incl. the audit inserts; no session, policy or validation",
    load: `autocannon, ${connections} connections, on the same machine (it competes for the 2 cores)`,
  },
  targets,
  results,
  verdict,
};
mkdirSync(join(projectRoot, "bench/results"), { recursive: true });
const file = join(projectRoot, `bench/results/${report.date.slice(0, 10)}-casework.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeReadmeTable();
console.log(`\nwritten ${file} and the casework table in bench/README.md`);
console.log(`verdict: ${JSON.stringify(verdict)}`);

function writeReadmeTable(): void {
  const row = (label: string, m: Measurement, vs: string) =>
    `| ${label} | ${m.connections} | ${m.seconds} s | ${m.requestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.non2xx + m.errors} | ${vs} |`;
  const met = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "**missed**");
  const lines = [
    `Run of ${report.date.slice(0, 16).replace("T", " ")} UTC — ${report.machine.cpus} cores, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}; ${facts.clients} clients, ${facts.consultations} consultations (${facts.berlin} clients in the counselor's sub-project); load average ${report.machine.loadAverage1m.before} before.`,
    "",
    "| measurement | connections | duration | req/s | p50 ms | p95 ms | p99 ms | errors | vs. baseline |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  const labels: Record<string, string> = {
    search: "`GET /api/clients?q=` (name search)",
    timeline: "`GET /api/clients/{id}/timeline`",
    record: "`POST /api/consultations` (with audit)",
  };
  for (const [key, r] of Object.entries(results)) {
    const name = key.split(" ")[0]!;
    lines.push(
      row(`${labels[name]!}${key.includes("(1") ? " alone" : ""}`, r.app, `${r.ratio.p95}× p95, ${r.ratio.requestsPerSecond}× req/s`),
    );
    lines.push(row(`baseline: ${key}, raw SQL`, r.baseline, "1×"));
  }
  lines.push(
    "",
    `Targets: search p95 ≤ ${targets.searchP95Ms} ms — ${met(verdict.searchP95)}; timeline p95 ≤ ${targets.timelineP95Ms} ms — ${met(verdict.timelineP95)}; recording ≥ ${targets.recordRequestsPerSecond}/s — ${met(verdict.recordRequestsPerSecond)}, p99 ≤ ${targets.recordP99Ms} ms — ${met(verdict.recordP99)}.`,
  );
  const path = join(projectRoot, "bench/README.md");
  writeFileSync(path, replaceBetween(readFileSync(path, "utf8"), "<!-- casework:start -->", "<!-- casework:end -->", lines.join("\n")));
}
