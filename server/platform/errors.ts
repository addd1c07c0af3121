import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, ResponseSerializationError } from "fastify-type-provider-zod";

/**
 * The typed error catalogue. Every error that leaves the server is one of these codes,
 * rendered as RFC 9457 problem details. The code is the stable part of `type`.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, de: "Die Eingaben sind unvollständig oder ungültig.", en: "The input is incomplete or invalid." },
  bad_request: { status: 400, de: "Die Anfrage ist fehlerhaft.", en: "The request is malformed." },
  unauthenticated: { status: 401, de: "Bitte melden Sie sich an.", en: "Please sign in." },
  invalid_credentials: { status: 401, de: "E-Mail-Adresse oder Passwort ist falsch.", en: "E-mail address or password is wrong." },
  totp_required: {
    status: 401,
    de: "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.",
    en: "Please enter the code from your authenticator app.",
  },
  totp_invalid: {
    status: 401,
    de: "Der Code aus der Authenticator-App ist falsch oder abgelaufen.",
    en: "The authenticator code is wrong or expired.",
  },
  csrf_failed: {
    status: 403,
    de: "Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.",
    en: "The request failed the CSRF check. Please reload the page.",
  },
  forbidden: { status: 403, de: "Dafür fehlt Ihnen die Berechtigung.", en: "You are not allowed to do this." },
  mfa_enrollment_required: {
    status: 403,
    de: "Bitte richten Sie zuerst den zweiten Faktor ein.",
    en: "Please set up the second factor first.",
  },
  not_found: { status: 404, de: "Nicht gefunden.", en: "Not found." },
  conflict: {
    status: 409,
    de: "Der Datensatz wurde inzwischen geändert. Bitte laden Sie ihn neu.",
    en: "The record was changed in the meantime. Please reload it.",
  },
  already_exists: { status: 409, de: "Ein solcher Eintrag existiert bereits.", en: "Such an entry already exists." },
  invalid_state: { status: 409, de: "Das ist im aktuellen Zustand nicht möglich.", en: "This is not possible in the current state." },
  invalid_transition: { status: 409, de: "Dieser Statuswechsel ist nicht möglich.", en: "This status change is not possible." },
  sharing_consent_missing: {
    status: 409,
    de: "Die Einwilligung der ratsuchenden Person zur Weitergabe an diesen Partner fehlt.",
    en: "The client's consent to share data with this partner is missing.",
  },
  slot_taken: {
    status: 409,
    de: "Dieser Termin ist leider gerade vergeben worden. Bitte wählen Sie einen anderen.",
    en: "This appointment has just been taken. Please choose another one.",
  },
  token_invalid: {
    status: 410,
    de: "Der Link ist ungültig, abgelaufen oder wurde bereits benutzt.",
    en: "The link is invalid, expired or already used.",
  },
  booking_erased: {
    status: 410,
    de: "Dieser Termin ist vorbei, und seine Angaben wurden gelöscht.",
    en: "This appointment is over and its details have been deleted.",
  },
  payload_too_large: { status: 413, de: "Die Anfrage ist zu groß.", en: "The request is too large." },
  unsupported_media_type: { status: 415, de: "Dieses Format wird nicht unterstützt.", en: "This format is not supported." },
  account_locked: {
    status: 429,
    de: "Das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt.",
    en: "The account is temporarily locked after several failed attempts.",
  },
  rate_limited: { status: 429, de: "Zu viele Versuche. Bitte warten Sie einen Moment.", en: "Too many attempts. Please wait a moment." },
  internal: { status: 500, de: "Ein interner Fehler ist aufgetreten.", en: "An internal error occurred." },
  database_unavailable: {
    status: 503,
    de: "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
    en: "The database is unavailable right now. Please try again shortly.",
  },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export type FieldError = { field: string; pointer: string; code: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: { detail?: string; errors?: FieldError[]; retryAfterSeconds?: number; extra?: Record<string, unknown> } = {},
  ) {
    super(options.detail ?? errorCatalogue[code].en);
    this.name = "AppError";
  }
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

/** Builds a field error for a form field; `field` uses dots for nesting ("address.postcode"). */
export function fieldError(field: string, code: string, message: string): FieldError {
  return { field, pointer: `#/${field.split(".").join("/")}`, code, message };
}

/** A 400 naming one field: the common form refusal of every module. */
export function invalidField(field: string, code: string, message: string): AppError {
  return new AppError("validation_failed", { errors: [fieldError(field, code, message)] });
}

export function problemType(code: ErrorCode): string {
  return `/problems/${code.replaceAll("_", "-")}`;
}

export function problemBody(code: ErrorCode, instance: string, options: AppError["options"] = {}) {
  const entry = errorCatalogue[code];
  return {
    type: problemType(code),
    title: entry.de,
    titleEn: entry.en,
    status: entry.status,
    code,
    ...(options.detail ? { detail: options.detail } : {}),
    instance,
    ...(options.errors?.length ? { errors: options.errors } : {}),
    ...options.extra,
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, options: AppError["options"] = {}) {
  if (options.retryAfterSeconds) reply.header("retry-after", String(options.retryAfterSeconds));
  return reply
    .code(errorCatalogue[code].status)
    .type("application/problem+json")
    .send(problemBody(code, request.url.split("?")[0] ?? request.url, options));
}

type ZodIssueLike = { path: PropertyKey[]; code: string; message: string };

/** Turns zod issues (from a route contract) into per-field errors, prefixed with the request part. */
export function zodIssuesToFieldErrors(issues: ZodIssueLike[], part?: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const field = path.length ? path.join(".") : (part ?? "body");
    return fieldError(field, issue.code, issue.message);
  });
}

const PG_CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** True for failures that mean "the database is not reachable", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; message?: string; cause?: unknown };
    if (e.code && PG_CONNECTION_ERROR_CODES.has(e.code)) return true;
    if (
      typeof e.message === "string" &&
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true;
    current = e.cause;
  }
  return false;
}

/** Fastify error handler: every error becomes problem details; internals never leak. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return sendProblem(reply, request, error.code, error.options);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext;
    const errors = error.validation.map((v) => {
      const path = v.instancePath.split("/").filter(Boolean);
      const field = path.length ? path.join(".") : (part ?? "body");
      return fieldError(field, v.keyword, v.message ?? "ungültig");
    });
    return sendProblem(reply, request, "validation_failed", { errors });
  }
  if (error instanceof ResponseSerializationError) {
    request.log.error({ err: error, issues: error.cause.issues }, "response did not match its contract");
    return sendProblem(reply, request, "internal");
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, "database unavailable");
    return sendProblem(reply, request, "database_unavailable", { retryAfterSeconds: 5 });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return sendProblem(reply, request, "payload_too_large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return sendProblem(reply, request, "unsupported_media_type");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return sendProblem(reply, request, "bad_request", { detail: "The body is not valid JSON." });
  }
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return sendProblem(reply, request, "bad_request", { detail: "The body is not valid JSON." });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error.statusCode === 404) return sendProblem(reply, request, "not_found");
    if (error.statusCode === 429) return sendProblem(reply, request, "rate_limited");
    return sendProblem(reply, request, "bad_request", { detail: error.message });
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, request, "internal");
}
