import type { FastifyInstance } from "fastify";
import client from "prom-client";

export type MetricsRegistry = client.Registry;

/** A counter modules register on the app's registry (e.g. the session cache's hits and misses). */
export function createCounter<L extends string>(registry: MetricsRegistry, name: string, help: string, labelNames: readonly L[]) {
  return new client.Counter<L>({ name, help, labelNames, registers: [registry] });
}

/** The registry behind /metrics; modules add their own metrics to it. */
export function createMetricsRegistry(): MetricsRegistry {
  return new client.Registry();
}

/** Prometheus metrics: process defaults plus request duration by route and status. */
export function registerMetrics(app: FastifyInstance, registry: MetricsRegistry, token: string | undefined): void {
  client.collectDefaultMetrics({ register: registry, prefix: "lotse_" });
  const duration = new client.Histogram({
    name: "lotse_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get("/metrics", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    // Metrics carry no personal data; METRICS_TOKEN, when set, keeps them for the scraper only.
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      return reply.code(401).type("text/plain").send("metrics token required\n");
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
