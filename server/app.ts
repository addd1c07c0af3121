import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import "../common/contracts/shared.js";
import type { Config } from "./config.js";
import type { Database } from "./db/index.js";
import { bookingContactKeeper } from "./modules/appointments/contact-retention.js";
import { registerBookingMailJob } from "./modules/appointments/mail-job.js";
import { registerReminderJob } from "./modules/appointments/reminders.js";
import { registerAppointmentRoutes } from "./modules/appointments/routes.js";
import { registerAuditRoutes } from "./modules/audit/routes.js";
import { type ClientRecordKeeper, registerClientRecordKeeper } from "./modules/clients/record-keepers.js";
import { type ContactDataKeeper, registerContactDataKeeper, registerRetentionJob } from "./modules/clients/retention.js";
import { registerClientRoutes } from "./modules/clients/routes.js";
import { registerConsultationRoutes } from "./modules/consultations/routes.js";
import { consultationRecordKeeper } from "./modules/consultations/service.js";
import { createDirectoryCache } from "./modules/directory/directory-cache.js";
import { registerDirectoryRoutes } from "./modules/directory/routes.js";
import { registerFeedbackRoutes } from "./modules/feedback/routes.js";
import { registerIdentityRoutes } from "./modules/identity/index.js";
import { createSessionLookupCache, resolveActor } from "./modules/identity/session-service.js";
import { registerCompactionJob } from "./modules/monitoring/maintenance.js";
import { registerMonitoringRoutes } from "./modules/monitoring/routes.js";
import { registerProcedureRoutes } from "./modules/procedures/routes.js";
import { procedureRecordKeeper } from "./modules/procedures/service.js";
import { referralRecordKeeper } from "./modules/referrals/client-records.js";
import { registerReferralJobs } from "./modules/referrals/overdue-notice.js";
import { registerReferralRoutes } from "./modules/referrals/routes.js";
import { requestContactKeeper } from "./modules/requests/contact-retention.js";
import { registerRequestRoutes } from "./modules/requests/routes.js";
import { type AppContext, type Clock, systemClock } from "./platform/context.js";
import { registerDevRoutes } from "./platform/dev-routes.js";
import { errorHandler, sendProblem } from "./platform/errors.js";
import { createGuard } from "./platform/guard.js";
import { type HttpApp, isStateChanging } from "./platform/http.js";
import { JobRunner } from "./platform/jobs.js";
import { registerMailJob } from "./platform/mail.js";
import { createMetricsRegistry, registerMetrics } from "./platform/metrics.js";
import { registerOpenApi } from "./platform/openapi.js";
import { localizedIndex, pageLanguageOf } from "./platform/page-language.js";
import { type Manifest, pageDataPreload, pageModuleOf, pagePreloads, withPreloads } from "./platform/page-modules.js";
import { webDistFolder } from "./platform/paths.js";
import { registerPublicFormRoutes } from "./platform/public-form-guard.js";
import { resolveInstanceSecret } from "./platform/secrets.js";

export type BuildOptions = {
  config: Config;
  database: Database;
  clock?: Clock;
  /** A pino logger or `false` (tests). */
  logger?: boolean | object;
};

const REQUEST_ID_RE = /^[\w.:-]{8,128}$/;

/** Builds the Fastify app with every module; used by main.ts and by the tests. */
export type ApiRoute = { method: string; url: string; access: "public" | "session" | "staff" };

export async function buildApp(options: BuildOptions): Promise<{ app: HttpApp; ctx: AppContext; jobs: JobRunner; apiRoutes: ApiRoute[] }> {
  const { config, database } = options;
  const fastify = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // Honour an upstream request id (reverse proxy) when it looks sane; otherwise make one.
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    // One access-log line per request (written on response, below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>() as unknown as HttpApp;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // JSON only: without a text/plain parser a cross-site HTML form cannot post to the API.
  app.removeContentTypeParser("text/plain");

  const ctx: AppContext = {
    config,
    database,
    log: app.log as FastifyBaseLogger,
    clock: options.clock ?? systemClock,
    secret: await resolveInstanceSecret(database.db, config.sessionSecret),
  };

  // Resolved sessions, kept briefly per node (identity/session-cache.ts).
  const metrics = createMetricsRegistry();
  const sessionCache = createSessionLookupCache(ctx, metrics);
  await sessionCache.start(database);
  app.addHook("onClose", () => sessionCache.stop());
  // Unit lists and refs, kept per node until the directory changes (directory/directory-cache.ts).
  const directoryCache = createDirectoryCache(ctx, metrics);
  await directoryCache.start(database);
  app.addHook("onClose", () => directoryCache.stop());

  // Every API route must declare who may reach it; the access matrix test walks this list.
  const apiRoutes: ApiRoute[] = [];
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") apiRoutes.push({ method, url: route.url, access });
    }
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    // Errors were already logged with their cause by the error handler.
    request.log.info(
      // The path without its query: a search text may be a person's name.
      { method: request.method, url: request.url.split("?")[0], statusCode: reply.statusCode, responseTime: reply.elapsedTime },
      "request completed",
    );
  });

  await app.register(cookie);
  app.addHook(
    "onRequest",
    createGuard({ resolveActor: (request) => resolveActor(ctx, request, sessionCache), publicUrl: config.publicUrl }),
  );
  registerMetrics(app, metrics, config.metricsToken);
  await registerOpenApi(app, config.publicUrl);

  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["operations"],
        summary: "Liveness and database reachability",
        response: {
          200: z.object({ status: z.literal("ok"), db: z.literal("ok") }),
          503: z.object({ status: z.literal("error"), db: z.literal("unavailable") }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await withTimeout(database.ping(), 1_000);
        return { status: "ok" as const, db: "ok" as const };
      } catch {
        return reply.code(503).send({ status: "error" as const, db: "unavailable" as const });
      }
    },
  );

  // Only identity writes sessions, users and role grants, and only the directory writes units
  // (paths), sites and providers. Whatever a write of theirs changed (a logout, a revoked grant, a
  // renamed unit), the answer must not go out while this node still serves the old state from
  // memory; other nodes hear it from the database (platform/notified-cache.ts). Writes of the
  // other modules (recording a consultation, many per minute) leave both caches alone.
  await app.register(async (scope) => {
    scope.addHook("onSend", async (request) => {
      if (isStateChanging(request.method)) {
        sessionCache.clear();
        directoryCache.clear();
      }
    });
    const api = scope as unknown as HttpApp;
    registerIdentityRoutes(api, ctx);
    registerDirectoryRoutes(api, ctx, directoryCache);
  });
  await app.register(async (scope) => {
    const api = scope as unknown as HttpApp;
    registerClientRoutes(api, ctx);
    registerConsultationRoutes(api, ctx);
    registerProcedureRoutes(api, ctx);
    registerReferralRoutes(api, ctx);
    registerAppointmentRoutes(api, ctx);
    registerAuditRoutes(api, ctx);
    registerPublicFormRoutes(api, ctx);
    registerFeedbackRoutes(api, ctx);
    registerRequestRoutes(api, ctx);
    registerMonitoringRoutes(api, ctx);
    if (!config.production) registerDevRoutes(api, ctx);
  });

  await registerWebApp(app);

  const jobs = new JobRunner(ctx);
  registerMailJob(jobs, ctx);
  registerReferralJobs(jobs, ctx);
  registerReminderJob(jobs, ctx);
  registerBookingMailJob(jobs, ctx);
  // Modules keeping records about clients take part in timeline, export, erasure and merge.
  registerClientRecordKeeper(consultationRecordKeeper satisfies ClientRecordKeeper);
  registerClientRecordKeeper(procedureRecordKeeper satisfies ClientRecordKeeper);
  registerClientRecordKeeper(referralRecordKeeper satisfies ClientRecordKeeper);
  // Contact data of people who are not (yet) clients has its own deletion rule in days.
  registerContactDataKeeper(bookingContactKeeper satisfies ContactDataKeeper);
  registerContactDataKeeper(requestContactKeeper satisfies ContactDataKeeper);
  registerRetentionJob(jobs, ctx);
  registerCompactionJob(jobs, ctx);
  return { app, ctx, jobs, apiRoutes };
}

/** Serves the built web app (dist/web) with a fallback to index.html for client-side routes. */
async function registerWebApp(app: HttpApp): Promise<void> {
  const hasWeb = existsSync(join(webDistFolder, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDistFolder,
      wildcard: false,
      // "/" too goes to the page handler below, which knows the page's language.
      index: false,
      // Brotli/gzip copies made at build (vite.config.ts); the phone on a slow line gets a quarter of the bytes.
      preCompressed: true,
      // Hashed file names never change content: cache them for good; the page itself is checked each time.
      setHeaders: (reply, path) =>
        reply.header("cache-control", path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache"),
    });
  }
  const indexHtml = hasWeb ? readFileSync(join(webDistFolder, "index.html"), "utf8") : "";
  const manifestFile = join(webDistFolder, ".vite", "manifest.json");
  const preloadsOf = existsSync(manifestFile)
    ? pagePreloads(JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest, indexHtml)
    : () => "";
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/metrics");
    if (!hasWeb || !wantsPage) return sendProblem(reply, request, "not_found");
    // The page's language on <html>, its code and first data preloaded; the page itself is checked each time.
    const lang = pageLanguageOf(request.url);
    let html = withPreloads(indexHtml, preloadsOf(pageModuleOf(request.url), lang) + pageDataPreload(request.url));
    if (lang) html = localizedIndex(html, lang);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
