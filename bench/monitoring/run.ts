import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { measures } from "../../common/domain/monitoring/measures.js";
import { env, type Measurement, machineFacts, measure, replaceBetween, round } from "../lib/measure.js";
import { dashboardPath, type Report, reportPath, scenarios } from "./scenarios.js";

/**
 * The monitoring benchmark's driver: for every scenario, first the numbers (the app's report and
 * the raw SQL must agree on every shown cell and the total), then p95 of the app and of the raw SQL
 * under the same load, and their ratio. Writes bench/results/<date>-monitoring.json and the table
 * in bench/README.md.
 */
type Facts = {
  email: string;
  password: string;
  root: string;
  generation: {
    seconds: number;
    planSeconds: number;
    copySeconds: number;
    rebuildSeconds: number;
    rollupRows: number;
    rows: Record<string, number>;
  };
};
const appUrl = env("BENCH_APP_URL");
const baselineUrl = env("BENCH_BASELINE_URL");
const facts = JSON.parse(readFileSync(env("BENCH_FACTS_FILE"), "utf8")) as Facts;
const duration = Number(process.env.BENCH_READ_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
// One connection: the latency of one report at a time (with more, on two shared cores, queueing
// for the CPU dominates). Raw SQL over the facts may take longer than autocannon's default 10 s.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 1);
const timeout = 60;
const generationTargetSeconds = 180;

const login = await fetch(`${appUrl}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: facts.email, password: facts.password }),
});
if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
const cookie = login.headers
  .getSetCookie()
  .find((c) => c.startsWith("lotse_session="))!
  .split(";")[0]!;

type Row = Record<string, unknown> & { value: number | null; suppressed: boolean };
/** Every cell the app shows, and its total, equal the raw SQL's. */
async function sameNumbers(s: number, r: number, report: Report): Promise<{ identical: boolean; compared: number }> {
  const app = (await (await fetch(`${appUrl}${reportPath(report, facts.root)}`, { headers: { cookie } })).json()) as {
    rows: Row[];
    total: { value: number };
  };
  const raw = (await (await fetch(`${baselineUrl}/report?scenario=${s}&report=${r}`)).json()) as {
    rows: { d1?: string | null; d2?: string | null; value: string }[];
  };
  const cells = new Map<string, number>();
  let total = Number.NaN;
  for (const row of raw.rows) {
    if (row.d1 === null && (row.d2 ?? null) === null) total = Number(row.value);
    else if (row.d1 !== null && row.d2 !== null) cells.set(`${row.d1 ?? ""}|${row.d2 ?? ""}`, Number(row.value));
  }
  let compared = 0;
  // Multiple mentions: the app's total counts consultations, the raw grand total mentions.
  let identical = measures[report.measure].mentions ? true : app.total.value === total;
  for (const row of app.rows) {
    // The "other" row of a top list sums the rest: no single raw cell to compare with.
    if (row.suppressed || row.value === null || row.other) continue;
    const key = `${(row[report.by!] as string | null) ?? ""}|${report.by2 ? ((row[report.by2] as string | null) ?? "") : ""}`;
    compared++;
    if (cells.get(key) !== row.value) identical = false;
  }
  return { identical: identical && compared > 0, compared };
}

/** The publication's national figures, read through the engine from the full load. */
async function publishedFigures(): Promise<{ exact: boolean; seen: Record<string, unknown> }> {
  const get = async (query: string) =>
    (await (await fetch(`${appUrl}/api/monitoring/report?unit=${facts.root}&${query}`, { headers: { cookie } })).json()) as {
      rows: Row[];
      total: { value: number };
    };
  const period = "from=2019-01&to=2022-09&field=recognition_counseling&stichtag=2022-10-15";
  const first = (await get(`measure=first_consultations&${period}`)).total.value;
  const refugee = (await get(`measure=first_consultations&${period}&by=refugee`)).rows.find((r) => r.refugee === "yes")?.value;
  const top = (await get(`measure=top_nationalities&${period}`)).rows.slice(0, 5).map((r) => [r.nationality, r.value]);
  const before = (await get("measure=first_consultations&from=2015-01&to=2018-12&field=recognition_counseling&stichtag=2019-01-15")).total
    .value;
  const seen = { first2019to2022: first, refugee2019to2022: refugee, top2019to2022: top, first2015to2018: before };
  const exact =
    JSON.stringify(seen) ===
    JSON.stringify({
      first2019to2022: 181_175,
      refugee2019to2022: 45_540,
      top2019to2022: [
        ["SY", 20_299],
        ["TR", 14_266],
        ["UA", 14_010],
        ["DE", 10_287],
        ["IR", 10_068],
      ],
      first2015to2018: 194_568,
    });
  return { exact, seen };
}
const published = await publishedFigures();
console.log(`- published figures through the engine: ${published.exact ? "exact" : `DIFFER ${JSON.stringify(published.seen)}`}`);

const loadBefore = loadavg()[0]!;
if (loadBefore > 1) console.log(`  !!! load average ${loadBefore.toFixed(1)} before the run: other work on this machine skews the figures`);
const results: {
  name: string;
  target: { p95Ms: number; ratio?: number };
  identical: boolean;
  comparedCells: number;
  app: Measurement;
  baseline: Measurement;
  ratio: number;
}[] = [];
for (const [s, scenario] of scenarios.entries()) {
  console.log(`- ${scenario.name}`);
  let identical = true;
  let compared = 0;
  for (const [r, report] of scenario.reports.entries()) {
    const check = await sameNumbers(s, r, report);
    identical &&= check.identical;
    compared += check.compared;
  }
  console.log(`  numbers ${identical ? "identical" : "DIFFER"} (${compared} cells compared)`);
  const appPaths = scenario.dashboard
    ? [dashboardPath(scenario.dashboard, facts.root)]
    : scenario.reports.map((report) => reportPath(report, facts.root));
  const appRequests = appPaths.map((path) => ({ method: "GET" as const, path, headers: { cookie } }));
  const basePaths = scenario.dashboard ? [`/dashboard?scenario=${s}`] : scenario.reports.map((_, r) => `/report?scenario=${s}&report=${r}`);
  const baseRequests = basePaths.map((path) => ({ method: "GET" as const, path }));
  await measure("warm-up", { url: appUrl, connections, duration: warmup, requests: appRequests, timeout });
  const app = await measure("app (rollups)", { url: appUrl, connections, duration, requests: appRequests, timeout });
  await measure("warm-up", { url: baselineUrl, connections, duration: warmup, requests: baseRequests, timeout });
  const baseline = await measure("raw SQL over the facts", { url: baselineUrl, connections, duration, requests: baseRequests, timeout });
  const ratio = round(app.latencyMs.p95 / baseline.latencyMs.p95);
  console.log(`  ratio app / raw SQL (p95): ${ratio}`);
  results.push({ name: scenario.name, target: scenario.target, identical, comparedCells: compared, app, baseline, ratio });
}

const date = new Date().toISOString().slice(0, 10);
const machine = machineFacts(loadBefore);
const g = facts.generation;
writeFileSync(
  `bench/results/${date}-monitoring.json`,
  `${JSON.stringify({ date, machine, connections, seconds: duration, generation: { ...g, targetSeconds: generationTargetSeconds }, publishedFigures: published, scenarios: results }, null, 2)}\n`,
);

const shown = (v: number) => (Number.isFinite(v) ? String(v) : "n/a (timed out)");
const rows = results.map(
  (r) =>
    `| ${r.name} | ${shown(r.app.latencyMs.p95)} (${r.app.requests}) | ${shown(r.baseline.latencyMs.p95)} (${r.baseline.requests}) | ${shown(r.ratio)} | ${r.identical ? "yes" : "**no**"} | ${r.app.latencyMs.p95 <= r.target.p95Ms && (r.target.ratio === undefined || r.ratio <= r.target.ratio) ? "met" : "**missed**"} |`,
);
const body = [
  `Run of ${date} (${machine.cpus} cores, PostgreSQL ${machine.postgres}, load average ${machine.loadAverage1m.before} before / ${machine.loadAverage1m.after} after; ${connections} connections, ${duration} s per measurement).`,
  "",
  `National data set: ${g.rows.clients?.toLocaleString("en")} clients, ${g.rows.consultations?.toLocaleString("en")} consultations, ${g.rows.referrals?.toLocaleString("en")} referrals, ${g.rows.procedures?.toLocaleString("en")} procedures, ${g.rows.groupEvents?.toLocaleString("en")} group events → ${g.rollupRows.toLocaleString("en")} rollup rows. Generated in **${g.seconds} s** (target ≤ ${generationTargetSeconds} s): plan ${g.planSeconds} s, COPY ${g.copySeconds} s, rollup rebuild ${g.rebuildSeconds} s. Published figures read back through the engine (181,175 / 45,540 / top 5 of 2019–09/2022, 194,568 of 2015–2018): ${published.exact ? "exact" : "**differ**"}.`,
  "",
  "| report (two breakdowns, national) | app p95 ms (requests) | raw SQL p95 ms (requests) | ratio | same numbers | target (p95 ≤ 300 ms, ratio ≤ 0.5) |",
  "| --- | ---: | ---: | ---: | --- | --- |",
  ...rows,
].join("\n");
const readme = readFileSync("bench/README.md", "utf8");
const start = "<!-- monitoring:start -->";
const end = "<!-- monitoring:end -->";
writeFileSync(
  "bench/README.md",
  readme.includes(start) ? replaceBetween(readme, start, end, body) : `${readme}\n## Monitoring (issue 5)\n\n${start}\n${body}\n${end}\n`,
);
console.log(`wrote bench/results/${date}-monitoring.json and the table in bench/README.md`);
if (!published.exact || results.some((r) => !r.identical)) process.exitCode = 1;
