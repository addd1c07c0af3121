import { cpus, loadavg, totalmem } from "node:os";
import autocannon, { type Request, type Result } from "autocannon";

/** Shared by the benchmark drivers (bench/run.ts, bench/casework/run.ts). */
export type Measurement = {
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses per HTTP status ("201": 4200, "409": 12). */
  statusCodes: Record<string, number>;
};

export type MeasureOptions = {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Varying requests (autocannon cycles through them). */
  requests?: Request[];
  /** Seconds before a request counts as timed out (default 10). */
  timeout?: number;
};

/** Runs autocannon; percentiles come from every response time (autocannon reports no p95). */
export async function measure(name: string, options: MeasureOptions): Promise<Measurement> {
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
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
  };
  console.log(
    `${m.requestsPerSecond} req/s, p50 ${m.latencyMs.p50} ms, p95 ${m.latencyMs.p95} ms, p99 ${m.latencyMs.p99} ms${m.non2xx || m.errors ? ` (non-2xx ${m.non2xx}, errors ${m.errors})` : ""}`,
  );
  return m;
}

export function machineFacts(loadBefore: number) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "?",
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: process.env.BENCH_PG_VERSION ?? "?",
    loadAverage1m: { before: round(loadBefore), after: round(loadavg()[0]!) },
  };
}

/** Replaces the text between two HTML comment markers of a README. */
export function replaceBetween(text: string, start: string, end: string, body: string): string {
  const before = text.slice(0, text.indexOf(start) + start.length);
  const after = text.slice(text.indexOf(end));
  return `${before}\n${body}\n${after}`;
}

export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`the benchmark needs ${name} (start it through its run.sh)`);
  return value;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
