import { z } from "zod";
import { DEFAULT_FUNDING_PERIODS, parseFundingPeriods } from "../common/domain/funding-periods.js";
import { DEFAULT_RETENTION_YEARS, parseRetentionYears } from "../common/domain/retention.js";

/**
 * Every environment variable Lotse reads, validated once at start.
 * README.md ("Configuration") documents each one; keep the two in step.
 */
/** A variable in a small text format, parsed by a function that throws a readable message. */
function parsedWith<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });
}

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default("./data"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(120),
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    DIRECTORY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
    NEXT_FREE_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Lotse <no-reply@lotse.local>"),
    DEMO_DATA: booleanFlag.optional(),
    DEMO_PASSWORD: z.string().min(8).default("lotse-demo-2026"),
    REQUIRE_MFA: booleanFlag.optional(),
    TRUST_PROXY: booleanFlag.default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    JOBS_ENABLED: booleanFlag.default(true),
    METRICS_TOKEN: z.string().min(16).optional(),
    FUNDING_PERIODS: parsedWith(parseFundingPeriods).default(parseFundingPeriods(DEFAULT_FUNDING_PERIODS)),
    REFERRAL_ANSWER_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    BREAK_GLASS_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(240),
    RETENTION_YEARS: parsedWith(parseRetentionYears).default(parseRetentionYears(DEFAULT_RETENTION_YEARS)),
    BOOKING_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    REQUEST_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    PUBLIC_FORM_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
    PUBLIC_FORM_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(24),
    PUBLIC_FORM_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
    PUBLIC_FORM_LIMIT_PER_IP: z.coerce.number().int().min(1).max(10000).default(20),
    PUBLIC_FORM_LIMIT_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    BOOKING_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(10),
    BOOKING_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(1_000_000).default(5),
    BOOKING_LIMIT_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    BOOKING_MAX_LIVE_PER_EMAIL: z.coerce.number().int().min(1).max(1_000_000).default(3),
    ACCESSIBILITY_FEEDBACK_TO: z.email().optional(),
    MONITORING_MIN_COUNT: z.coerce.number().int().min(1).max(100).default(3),
  })
  .superRefine((env, ctx) => {
    for (const issue of productionRules(env)) ctx.addIssue({ code: "custom", ...issue });
  });

/**
 * Rules across variables. zod skips superRefine when a single variable is already invalid, so
 * loadConfig also applies them to the raw environment: one start reports every problem at once.
 */
function productionRules(env: { NODE_ENV?: unknown; SESSION_SECRET?: unknown; DEMO_DATA?: unknown }) {
  const issues: { path: string[]; message: string }[] = [];
  if (env.NODE_ENV !== "production") return issues;
  if (!env.SESSION_SECRET) issues.push({ path: ["SESSION_SECRET"], message: "is required when NODE_ENV=production" });
  if (env.DEMO_DATA === true || env.DEMO_DATA === "true" || env.DEMO_DATA === "1") {
    issues.push({ path: ["DEMO_DATA"], message: "demo data and demo accounts are refused when NODE_ENV=production" });
  }
  return issues;
}

export type Config = ReturnType<typeof resolveConfig>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
  }
}

/** Parses the environment; throws ConfigError naming each offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = [...parsed.error.issues, ...productionRules(cleaned)];
    const lines = issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
    throw new ConfigError([...new Set(lines)]);
  }
  return resolveConfig(parsed.data);
}

function resolveConfig(env: z.output<typeof configSchema>) {
  const production = env.NODE_ENV === "production";
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    database: env.DATABASE_URL
      ? ({ kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: "pglite" } as const),
    dataDir: env.DATA_DIR,
    sessionSecret: env.SESSION_SECRET,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    directoryCacheSeconds: env.DIRECTORY_CACHE_SECONDS,
    nextFreeCacheSeconds: env.NEXT_FREE_CACHE_SECONDS,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    demoData: env.DEMO_DATA ?? !production,
    demoPassword: env.DEMO_PASSWORD,
    requireMfa: env.REQUIRE_MFA ?? production,
    // Secure cookies whenever the public address is https (always in production).
    secureCookies: production || publicUrl.startsWith("https://"),
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    jobsEnabled: env.JOBS_ENABLED,
    metricsToken: env.METRICS_TOKEN,
    fundingPeriods: env.FUNDING_PERIODS,
    referralAnswerDays: env.REFERRAL_ANSWER_DAYS,
    breakGlassMinutes: env.BREAK_GLASS_MINUTES,
    retentionYears: env.RETENTION_YEARS,
    // Contact data of people who are not (yet) clients: days after a booking ended, a request was decided.
    contactRetentionDays: { booking: env.BOOKING_CONTACT_RETENTION_DAYS, online_request: env.REQUEST_CONTACT_RETENTION_DAYS },
    publicForms: {
      minFillSeconds: env.PUBLIC_FORM_MIN_FILL_SECONDS,
      maxAgeHours: env.PUBLIC_FORM_MAX_AGE_HOURS,
      perEmail: env.PUBLIC_FORM_LIMIT_PER_EMAIL,
      perIp: env.PUBLIC_FORM_LIMIT_PER_IP,
      windowMinutes: env.PUBLIC_FORM_LIMIT_WINDOW_MINUTES,
    },
    // Public booking (decision 0005): limits of its own, and a cap on live bookings per e-mail.
    bookingLimits: {
      perIp: env.BOOKING_LIMIT_PER_IP,
      perEmail: env.BOOKING_LIMIT_PER_EMAIL,
      windowMinutes: env.BOOKING_LIMIT_WINDOW_MINUTES,
      maxLivePerEmail: env.BOOKING_MAX_LIVE_PER_EMAIL,
    },
    // Reports of barriers go to the operator; without an address, to the sender address of mails.
    accessibilityFeedbackTo: env.ACCESSIBILITY_FEEDBACK_TO ?? addressOf(env.MAIL_FROM),
    // Statistics: counts below this are suppressed ("<3"), with secondary suppression (decision 0007).
    monitoringMinCount: env.MONITORING_MIN_COUNT,
  };
}

/** The bare address of "Name <address>" (or the text itself). */
function addressOf(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1]?.trim() ?? mailbox.trim();
}
