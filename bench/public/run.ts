import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Request } from "autocannon";
import pg from "pg";
import { projectRoot } from "../../server/platform/paths.js";
import { env, type Measurement, type MeasureOptions, machineFacts, measure, replaceBetween, round } from "../lib/measure.js";

/**
 * The public-side benchmark driver (bench/public/run.sh starts the servers, then this). With
 * 1,000 public sites and 3,000 counselors with weekly hours (setup.ts), without signing in:
 *   search   GET /api/public/sites?postcode=<varied>          p95 ≤ 20 ms   1 connection (judged) and 16
 *   slots    GET /api/public/sites/<target>/slots (4 weeks)    p95 ≤ 30 ms   1 connection (judged) and 16
 *   book     POST /api/public/bookings, a different slot each   ≥ 300 bookings/s at 100 connections,
 *            and afterwards no overlapping live bookings of any counselor (checked in SQL); each
 *            with its own e-mail address (run.sh raises BOOKING_LIMIT_PER_IP: one address sends all)
 * each next to its raw-SQL baseline (baseline-server.ts) in the same run.
 */
type Facts = {
  targetSite: string;
  benchSites: string[];
  postcodes: string[];
  sites: number;
  counselors: number;
  rules: number;
  targetCounselors: number;
  seconds: number;
};

const appUrl = env("BENCH_APP_URL");
/** The same app with NEXT_FREE_CACHE_SECONDS=0: every search computes its sites' next free slots. */
const appColdUrl = process.env.BENCH_APP_COLD_URL;
const baselineUrl = env("BENCH_BASELINE_URL");
const facts = JSON.parse(readFileSync(env("BENCH_FACTS_FILE"), "utf8")) as Facts;
const duration = Number(process.env.BENCH_READ_SECONDS ?? 20);
const bookSeconds = Number(process.env.BENCH_BOOK_SECONDS ?? 15);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const connections = 16;
const bookConnections = 100;
const bookingSites = Number(process.env.BENCH_BOOKING_SITES ?? 400);
const targets = { searchP95Ms: 20, slotsP95Ms: 30, bookingsPerSecond: 300, doubleBookings: 0 };
const DAY_MS = 86_400_000;

/** One request that takes the next value of a list on every call (autocannon reuses it). */
function cycling(values: string[], make: (value: string) => Request): Request[] {
  let i = 0;
  return [{ setupRequest: (request) => ({ ...request, ...make(values[i++ % values.length]!) }) }];
}

/** A fixed order that mixes the sites, the same on every run. */
function shuffled<T>(values: T[]): T[] {
  const out = [...values];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const loadBefore = loadavg()[0]!;
if (loadBefore > 1) console.log(`  !!! load average ${loadBefore.toFixed(1)} before the run: other work on this machine skews the figures`);
console.log(
  `bench: ${facts.sites} sites (${facts.benchSites.length} generated), ${facts.counselors} counselors, ${facts.rules} weekly-hour rules, target site with ${facts.targetCounselors} counselors; generated in ${facts.seconds} s`,
);
const json = { "content-type": "application/json" };
const now = Date.now();
const slotWindow = `from=${new Date(now).toISOString()}&to=${new Date(now + 28 * DAY_MS).toISOString()}`;
type Target = Omit<MeasureOptions, "connections" | "duration">;
type Reads = "search" | "slots";
const reads: Partial<Record<Reads, { app: Target; baseline: Target }>> = {
  search: {
    app: { url: appUrl, requests: cycling(facts.postcodes, (pc) => ({ method: "GET", path: `/api/public/sites?postcode=${pc}` })) },
    baseline: { url: baselineUrl, requests: cycling(facts.postcodes, (pc) => ({ method: "GET", path: `/sites?postcode=${pc}` })) },
  },
  slots: {
    app: { url: appUrl, requests: [{ method: "GET", path: `/api/public/sites/${facts.targetSite}/slots?${slotWindow}` }] },
    baseline: { url: baselineUrl, requests: [{ method: "GET", path: `/slots/${facts.targetSite}?${slotWindow}` }] },
  },
};
const wanted = (process.env.BENCH_SCENARIOS ?? "search,slots,book").split(",");
for (const name of Object.keys(reads)) if (!wanted.includes(name)) delete reads[name as Reads];

// A failing probe says more than a table of errors.
for (const [name, s] of Object.entries(reads)) {
  for (const t of [s.app, s.baseline]) {
    const request = t.requests![0]!.setupRequest ? t.requests![0]!.setupRequest!({}) : t.requests![0]!;
    const res = await fetch(`${t.url}${request.path}`);
    if (res.status >= 300) throw new Error(`probe ${name}: GET ${t.url}${request.path} answered ${res.status} ${await res.text()}`);
  }
}
const probe = (await (await fetch(`${appUrl}/api/public/sites/${facts.targetSite}/slots?${slotWindow}`)).json()) as { items: unknown[] };
console.log(`  target site: ${probe.items.length} free slots (one per time and channel) in 4 weeks`);

type Row = { app: Measurement; baseline: Measurement; ratio: { p95: number; p99: number; requestsPerSecond: number } };
const results: Record<string, Row> = {};
const ratio = (app: Measurement, baseline: Measurement) => ({
  p95: round(app.latencyMs.p95 / baseline.latencyMs.p95, 3),
  p99: round(app.latencyMs.p99 / baseline.latencyMs.p99, 3),
  requestsPerSecond: round(app.requestsPerSecond / baseline.requestsPerSecond, 3),
});

if (Object.keys(reads).length > 0) {
  console.log("warm-up");
  for (const [name, s] of Object.entries(reads)) {
    await measure(name, { ...s.app, connections, duration: warmup });
    await measure(`${name} baseline`, { ...s.baseline, connections, duration: warmup });
  }
  console.log("measured");
  // One person's wait (1 connection, judged) and a queue of 16.
  for (const [name, s] of Object.entries(reads)) {
    for (const c of [1, connections]) {
      const key = c === 1 ? `${name} (1 connection)` : name;
      const app = await measure(key, { ...s.app, connections: c, duration });
      const baseline = await measure(`${key} baseline`, { ...s.baseline, connections: c, duration });
      results[key] = { app, baseline, ratio: ratio(app, baseline) };
      // The search again on the node without the memory of next free slots, against the same baseline.
      if (name === "search" && c === 1 && appColdUrl) {
        const cold = await measure(`${key}, next free computed`, { ...s.app, url: appColdUrl, connections: c, duration });
        results[`${key}, next free computed`] = { app: cold, baseline, ratio: ratio(cold, baseline) };
      }
    }
  }
}

let booking: { slotsHandedOut: { app: number; baseline: number }; app: Measurement; baseline: Measurement; overlaps: number } | null = null;
if (wanted.includes("book")) {
  // Free slots of many sites, fetched from the app before the run; every request books the next
  // one. One channel per site, so the handed-out slots of a site do not overlap one another; the
  // sites alternate between the app and the baseline, so the two never compete for a slot.
  const sites = shuffled(facts.benchSites.slice(1)).slice(0, bookingSites * 2);
  const channels = ["in_person", "phone", "video"];
  const appSlots: string[][] = [];
  const baseSlots: string[][] = [];
  const horizon = `from=${new Date(now).toISOString()}&to=${new Date(now + 56 * DAY_MS).toISOString()}`;
  for (let i = 0; i < sites.length; i += 8) {
    await Promise.all(
      sites.slice(i, i + 8).map(async (site, k) => {
        const n = i + k;
        const res = await fetch(`${appUrl}/api/public/sites/${site}/slots?${horizon}&channel=${channels[n % 3]}`);
        const { items } = (await res.json()) as { items: { id: string }[] };
        (n % 2 === 0 ? appSlots : baseSlots)[n] = items.map((s) => s.id);
      }),
    );
  }
  // Interleave the sites (slot 1 of every site, then slot 2, …): neighbouring requests hit different counselors.
  const interleave = (lists: string[][]) => {
    const present = lists.filter(Boolean);
    const out: string[] = [];
    for (let i = 0; present.some((l) => i < l.length); i++) for (const l of present) if (i < l.length) out.push(l[i]!);
    return out;
  };
  // Every 20th slot twice in a row: two connections race for it, and exactly one must get 201, the other 409.
  const withRaces = (list: string[]) => list.flatMap((slot, i) => (i % 20 === 0 ? [slot, slot] : [slot]));
  const forApp = withRaces(interleave(appSlots));
  const forBaseline = withRaces(interleave(baseSlots));
  console.log(`booking: ${forApp.length} slots for the app, ${forBaseline.length} for the baseline, from ${sites.length} sites`);
  let person = 0;
  // Each booking is a different person: own e-mail address and own client address (the app runs
  // with TRUST_PROXY, as behind the reverse proxy of a real installation, and reads it from
  // X-Forwarded-For), so every limit of the spam protection stays at its default and is checked.
  const booker = (slotId: string) => {
    const n = person++;
    const headers = { ...json, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
    return { headers, body: bookingBody(slotId, n) };
  };
  const bookingBody = (slotId: string, n: number) => {
    return JSON.stringify({
      slotId,
      name: `Bench Person ${n}`,
      email: `person.${n}@bench.example`,
      phone: "+49 30 1234567",
      language: "de",
      topic: "recognition",
      consent: true,
    });
  };
  const app = await measure("book", {
    url: appUrl,
    headers: json,
    connections: bookConnections,
    duration: bookSeconds,
    requests: cycling(forApp, (slotId) => ({ method: "POST", path: "/api/public/bookings", ...booker(slotId) })),
  });
  const baseline = await measure("book baseline", {
    url: baselineUrl,
    headers: json,
    connections: bookConnections,
    duration: bookSeconds,
    requests: cycling(forBaseline, (slotId) => ({ method: "POST", path: "/bookings", ...booker(slotId) })),
  });
  const client = new pg.Client({ connectionString: env("DATABASE_URL") });
  await client.connect();
  const { rows } = await client.query<{ overlaps: number }>(
    `select count(*)::int as overlaps from bookings a join bookings b
        on a.counselor_id = b.counselor_id and a.id < b.id and a.status <> 'cancelled' and b.status <> 'cancelled'
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`,
  );
  await client.end();
  booking = { slotsHandedOut: { app: forApp.length, baseline: forBaseline.length }, app, baseline, overlaps: rows[0]!.overlaps };
  results.book = { app, baseline, ratio: ratio(app, baseline) };
  console.log(
    `  bookings: ${app.statusCodes["201"] ?? 0} created (${app.requestsPerSecond}/s), ${app.statusCodes["409"] ?? 0} × 409; overlapping live bookings after the run: ${booking.overlaps}`,
  );
}

const verdict = {
  // Judged on the node as deployed; the cold node's figure is reported next to it.
  searchP95: results["search (1 connection)"] ? results["search (1 connection)"].app.latencyMs.p95 <= targets.searchP95Ms : null,
  slotsP95: results["slots (1 connection)"] ? results["slots (1 connection)"].app.latencyMs.p95 <= targets.slotsP95Ms : null,
  bookingsPerSecond: booking ? booking.app.requestsPerSecond >= targets.bookingsPerSecond : null,
  noDoubleBookings: booking ? booking.overlaps === targets.doubleBookings : null,
};

const report = {
  name: "public",
  date: new Date().toISOString(),
  machine: machineFacts(loadBefore),
  data: {
    sites: facts.sites,
    generatedSites: facts.benchSites.length,
    counselors: facts.counselors,
    availabilityRules: facts.rules,
    targetSiteCounselors: facts.targetCounselors,
    generatedSeconds: facts.seconds,
  },
  setup: {
    app: "node dist/server/main.js, NODE_ENV=production, PostgreSQL (durable: fsync on), pool 10, no sign-in (public endpoints; they have no rate limit)",
    baseline:
      "bench/public/baseline-server.ts: node:http + pg pool 10; nearest sites in SQL + the app's own slot SQL (slotQuery, rendered once; firstPerSite over the app's 3-day / week / horizon windows, onePerTime) run raw; booking = slot re-check, insert, audit in one transaction; no validation, presenter, mail or reminder jobs",
    load: `autocannon on the same machine (it competes for the 2 cores); reads ${duration} s, booking ${bookSeconds} s at ${bookConnections} connections`,
  },
  targets,
  results,
  booking: booking && {
    slotsHandedOut: booking.slotsHandedOut,
    app: {
      created: booking.app.statusCodes["201"] ?? 0,
      conflicts409: booking.app.statusCodes["409"] ?? 0,
      statusCodes: booking.app.statusCodes,
    },
    baseline: {
      created: booking.baseline.statusCodes["201"] ?? 0,
      conflicts409: booking.baseline.statusCodes["409"] ?? 0,
      statusCodes: booking.baseline.statusCodes,
    },
    overlappingLiveBookingsAfterRun: booking.overlaps,
  },
  verdict,
};
mkdirSync(join(projectRoot, "bench/results"), { recursive: true });
const file = join(projectRoot, `bench/results/${report.date.slice(0, 10)}-public.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeReadmeTable();
console.log(`\nwritten ${file} and the public table in bench/README.md`);
console.log(`verdict: ${JSON.stringify(verdict)}`);

function writeReadmeTable(): void {
  const row = (label: string, m: Measurement, vs: string) =>
    `| ${label} | ${m.connections} | ${m.seconds} s | ${m.requestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${m.non2xx + m.errors} | ${vs} |`;
  const met = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "**missed**");
  const lines = [
    `Run of ${report.date.slice(0, 16).replace("T", " ")} UTC — ${report.machine.cpus} cores, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}; ${facts.sites} public sites (${facts.benchSites.length} generated), ${facts.counselors} counselors, ${facts.rules} weekly-hour rules, target site with ${facts.targetCounselors} counselors; load average ${report.machine.loadAverage1m.before} before.`,
    "",
    "| measurement | connections | duration | req/s (2xx) | p50 ms | p95 ms | p99 ms | non-2xx/errors | vs. baseline |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  const labels: Record<string, string> = {
    search: "`GET /api/public/sites?postcode=` (nearest, next free slot)",
    slots: "`GET /api/public/sites/{id}/slots` (4 weeks, 10 counselors)",
    book: "`POST /api/public/bookings`",
  };
  for (const [key, r] of Object.entries(results)) {
    const name = key.split(" ")[0]!;
    const cold = key.endsWith("next free computed");
    lines.push(
      row(
        `${labels[name]!}${key.includes("(1") ? " alone" : ""}${cold ? ", next free slots computed every time (NEXT_FREE_CACHE_SECONDS=0)" : ""}`,
        r.app,
        `${r.ratio.p95}× p95, ${r.ratio.requestsPerSecond}× req/s`,
      ),
    );
    if (!cold) lines.push(row(`baseline: ${key}, raw SQL`, r.baseline, "1×"));
  }
  if (booking) {
    lines.push(
      "",
      `Booking: ${booking.app.statusCodes["201"] ?? 0} bookings created by the app (${booking.app.requestsPerSecond}/s), ${booking.app.statusCodes["409"] ?? 0} answered 409, from ${booking.slotsHandedOut.app} slots handed out; baseline ${booking.baseline.statusCodes["201"] ?? 0} created, ${booking.baseline.statusCodes["409"] ?? 0} × 409. Overlapping live bookings of one counselor after the run (SQL): **${booking.overlaps}**.`,
    );
  }
  lines.push(
    "",
    `Targets: search p95 ≤ ${targets.searchP95Ms} ms — ${met(verdict.searchP95)}; slots p95 ≤ ${targets.slotsP95Ms} ms — ${met(verdict.slotsP95)}; booking ≥ ${targets.bookingsPerSecond}/s at ${bookConnections} connections — ${met(verdict.bookingsPerSecond)}; zero double bookings — ${met(verdict.noDoubleBookings)}.`,
  );
  const path = join(projectRoot, "bench/README.md");
  writeFileSync(path, replaceBetween(readFileSync(path, "utf8"), "<!-- public:start -->", "<!-- public:end -->", lines.join("\n")));
}
