/**
 * Spam protection for public forms, without third-party services (docs/decisions/0005): a signed
 * form token that must be some seconds old and at most a day, a honeypot field, and a rate limit
 * per client address and per e-mail kept in the database (so it holds across app nodes).
 *
 * A route's service calls guardPublicForm inside the transaction that stores the submission; a
 * refused submission throws problem details, a bot's (honeypot filled) returns accepted: false and
 * the route answers exactly as for a stored one. Public booking, whose token is optional (partner
 * sites call the API), uses the parts: ensureFormToken and limitPublicFormSubmission.
 */
import { isIP } from "node:net";
import { type SQL, sql } from "drizzle-orm";
import { formTokenResponse } from "../../common/contracts/public-forms.js";
import { type Executor, queryRows } from "../db/index.js";
import { publicFormSubmissions } from "../db/schema/index.js";
import type { AppContext } from "./context.js";
import { AppError, invalidField } from "./errors.js";
import type { HttpApp } from "./http.js";
import { keyedHash, randomToken, safeEqual } from "./secrets.js";

export type PublicFormSubmission = {
  /** A stable name of the form, e.g. "accessibility_feedback": limits count per form. */
  form: string;
  /** The body's `formToken`. */
  token: string;
  /** The body's honeypot field (`website`). */
  honeypot: string | null | undefined;
  /** The client address as Fastify sees it (`request.ip`, honouring TRUST_PROXY). */
  ip: string;
  /** The e-mail address the form sends to, if any: limited per address too. */
  email?: string | null;
  /** Stricter or looser limits for this form than the configured ones (per window). */
  limits?: { perEmail?: number; perIp?: number };
};

export type PublicFormVerdict = { accepted: true } | { accepted: false; reason: "honeypot" };

/** Field errors on `formToken`; the web form fetches a new token and asks to send again. */
export const formTokenErrors = {
  form_too_fast: "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular in ein paar Sekunden noch einmal.",
  form_expired: "Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal.",
  form_token_invalid: "Das Formular konnte nicht geprüft werden. Bitte senden Sie es noch einmal.",
  form_token_used: "Dieses Formular wurde schon gesendet. Bitte senden Sie es noch einmal, falls Sie eine weitere Nachricht haben.",
} as const;
export type FormTokenError = keyof typeof formTokenErrors;

const TOKEN_VERSION = "f1";
const TOKEN_PURPOSE = "public-form-token";
/** App nodes' clocks may differ a little: a token "from the future" within this is fine. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A form token issued at `issuedAt`: "f1.<time>.<nonce>.<hmac>". */
export function issueFormToken(ctx: AppContext, issuedAt: Date = ctx.clock.now()): string {
  const payload = `${TOKEN_VERSION}.${issuedAt.getTime().toString(36)}.${randomToken(12)}`;
  return `${payload}.${keyedHash(ctx.secret, TOKEN_PURPOSE, payload)}`;
}

/** Checks a token's signature (constant time) and age; the error code, or null when it is good. */
export function checkFormToken(ctx: AppContext, token: string, now: Date): FormTokenError | null {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== TOKEN_VERSION) return "form_token_invalid";
  const payload = parts.slice(0, 3).join(".");
  if (!safeEqual(parts[3]!, keyedHash(ctx.secret, TOKEN_PURPOSE, payload))) return "form_token_invalid";
  const ageMs = now.getTime() - Number.parseInt(parts[1]!, 36);
  const { minFillSeconds, maxAgeHours } = ctx.config.publicForms;
  if (!Number.isFinite(ageMs) || ageMs < -CLOCK_SKEW_MS) return "form_token_invalid";
  if (ageMs < minFillSeconds * 1000) return "form_too_fast";
  if (ageMs > maxAgeHours * 3_600_000) return "form_expired";
  return null;
}

/** Throws the field error on `formToken` when the token is forged, too young, or too old. */
export function ensureFormToken(ctx: AppContext, token: string, now: Date = ctx.clock.now()): void {
  const tokenError = checkFormToken(ctx, token, now);
  if (tokenError) throw invalidField("formToken", tokenError, formTokenErrors[tokenError]);
}

/**
 * Lets a submission through or throws: 400 with a field error on `formToken` (too fast, expired,
 * forged, used), 429 with Retry-After (too many from this address or to this e-mail). A filled
 * honeypot returns { accepted: false } and writes nothing: answer it like a success.
 */
export async function guardPublicForm(ctx: AppContext, exec: Executor, submission: PublicFormSubmission): Promise<PublicFormVerdict> {
  if (submission.honeypot?.trim()) return { accepted: false, reason: "honeypot" };
  ensureFormToken(ctx, submission.token);
  const { perEmail, perIp, windowMinutes } = ctx.config.publicForms;
  await limitPublicFormSubmission(ctx, exec, {
    form: submission.form,
    ip: submission.ip,
    email: submission.email,
    token: submission.token,
    limits: { perIp: submission.limits?.perIp ?? perIp, perEmail: submission.limits?.perEmail ?? perEmail, windowMinutes },
  });
  return { accepted: true };
}

/** At most `perIp` submissions of a form per client address and `perEmail` per e-mail address in the window. */
export type PublicFormLimits = { perIp: number; perEmail: number; windowMinutes: number };

export type LimitedSubmission = {
  form: string;
  /** The client address as Fastify sees it (`request.ip`). */
  ip: string;
  email?: string | null;
  /** The form token, if the submission carries one (checked already): recorded, so it works once. */
  token?: string | null;
  limits: PublicFormLimits;
  /**
   * true (the default): submissions of one address take turns under a lock until the transaction
   * ends, so the count is exact. false: counted without a lock — simultaneous submissions of one
   * address may pass a few over the limit, but never wait for each other (for a submission whose
   * transaction does real work, behind an address many people may share).
   */
  exactPerIp?: boolean;
  /**
   * The caller already holds a transaction lock that makes submissions of this e-mail address take
   * turns (booking locks the address for its cap on live bookings): no second lock is taken.
   */
  emailLockedByCaller?: boolean;
  /**
   * A count of the caller's, read in the same statement as the limits (no round trip of its own
   * on a hot path): the submission is refused with `refusal` when the count has reached `max`,
   * before the limits are looked at.
   */
  precheck?: { count: SQL; max: number; refusal: (count: number) => AppError };
};

/**
 * The limit machinery of every public form, token or not: throws 429 with Retry-After when the
 * address or the e-mail has reached its limit in the window, else records the submission (and its
 * token, refusing a second use). Call it in the transaction that stores the submission: a refused
 * or rolled-back submission counts nothing. Submissions of one e-mail address take turns under a
 * lock held until the transaction ends.
 *
 * Two statements at most, whatever the limits (it sits on the hot path of public booking): the
 * locks; then both counts, the pruning and the record in one. The counts run after the locks were
 * granted, in a statement of their own, so they see what the submission that held the lock
 * committed; the record is written only when the counts allow it.
 */
export async function limitPublicFormSubmission(ctx: AppContext, exec: Executor, submission: LimitedSubmission): Promise<void> {
  const now = ctx.clock.now();
  const { perIp, perEmail, windowMinutes } = submission.limits;
  const ipHash = keyedHash(ctx.secret, "public-form:ip", clientAddressKey(submission.ip));
  const email = submission.email?.trim().toLowerCase() || null;
  const emailHash = email ? keyedHash(ctx.secret, "public-form:email", email) : null;
  const tokenHash = submission.token ? keyedHash(ctx.secret, "public-form:used", submission.token) : null;
  const windowMs = windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);

  // Concurrent submissions of one address (or e-mail) take turns, so the count is exact; always
  // address before e-mail, so two submissions never wait for each other in opposite order.
  const locks = [
    ...((submission.exactPerIp ?? true) ? [ipHash] : []),
    ...(emailHash && !submission.emailLockedByCaller ? [emailHash] : []),
  ];
  if (locks.length > 0) {
    await exec.execute(
      sql`select ${sql.join(
        locks.map((hash) => sql`pg_advisory_xact_lock(hashtextextended(${hash}, 0))`),
        sql`, `,
      )}`,
    );
  }
  // The limit-th most recent submission in the window, per address and per e-mail: there is one
  // when the limit is reached, and the submission is free again when it leaves the window.
  const limitReachedAt = (column: string, hash: string, limit: number) =>
    sql`(select submitted_at from ${publicFormSubmissions}
          where form = ${submission.form} and ${sql.raw(column)} = ${hash} and submitted_at > ${since.toISOString()}::timestamptz
          order by submitted_at desc offset ${limit - 1} limit 1)`;
  const precheck = submission.precheck;
  // All parts of one statement share its snapshot: the counts do not see the row it records.
  const [verdict] = await queryRows<{
    byIp: Date | string | null;
    byEmail: Date | string | null;
    precheck: number | string | null;
    recorded: boolean;
  }>(
    exec,
    sql`with reached as (
          select ${limitReachedAt("ip_hash", ipHash, perIp)} as "byIp",
                 ${emailHash ? limitReachedAt("email_hash", emailHash, perEmail) : sql`null::timestamptz`} as "byEmail",
                 ${precheck?.count ?? sql`null::int`} as "precheck"),
        pruned as (
          delete from ${publicFormSubmissions}
           where submitted_at < ${new Date(now.getTime() - keepMs(ctx, windowMs)).toISOString()}::timestamptz),
        recorded as (
          insert into ${publicFormSubmissions} (form, ip_hash, email_hash, token_hash, submitted_at)
          select ${submission.form}, ${ipHash}, ${emailHash}, ${tokenHash}, ${now.toISOString()}::timestamptz
            from reached
           where "byIp" is null and "byEmail" is null ${precheck ? sql`and "precheck" < ${precheck.max}` : sql``}
          on conflict (token_hash) do nothing
          returning id)
        select reached.*, exists (select 1 from recorded) as "recorded" from reached`,
  );
  const counted = Number(verdict?.precheck ?? 0);
  if (precheck && counted >= precheck.max) throw precheck.refusal(counted);
  const oldest = [verdict?.byIp, verdict?.byEmail].filter((at): at is Date | string => at !== null && at !== undefined);
  if (oldest.length > 0) {
    const freeAt = Math.max(...oldest.map((at) => new Date(at).getTime())) + windowMs;
    throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) });
  }
  // Not refused, yet not recorded: the token's row exists, it was used before.
  if (!verdict?.recorded) throw invalidField("formToken", "form_token_used", formTokenErrors.form_token_used);
}

/**
 * How long rows are kept: as long as the longest limit window of any form needs them and, against
 * a second use of a token, for a token's lifetime. The pruning runs on every write, of any form.
 */
function keepMs(ctx: AppContext, windowMs: number): number {
  const { publicForms, bookingLimits } = ctx.config;
  return Math.max(windowMs, publicForms.windowMinutes * 60_000, bookingLimits.windowMinutes * 60_000, publicForms.maxAgeHours * 3_600_000);
}

/**
 * The key an address is counted under: an IPv4 address itself, an IPv6 address by its /64 prefix
 * (one connection gets a whole /64 and could otherwise send from a fresh address each time).
 */
export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip.split("%")[0]!) !== 6) return ip;
  const [head = "", tail = ""] = ip.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** GET /api/public/form-token: what a public form fetches when it opens. */
export function registerPublicFormRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/public/form-token",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "A token for one submission of a public form (spam protection, no sign-in)",
        description:
          "Send it back as `formToken`. It is valid once, no sooner than PUBLIC_FORM_MIN_FILL_SECONDS after it was issued and for PUBLIC_FORM_MAX_AGE_HOURS.",
        response: { 200: formTokenResponse },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return { token: issueFormToken(ctx) };
    },
  );
}
