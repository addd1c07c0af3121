/**
 * The one way the web app talks to the API: same-origin cookies, the CSRF header on every
 * state-changing request, and RFC 9457 problem details turned into a typed ApiError.
 */

type FieldProblem = { field: string; pointer: string; code: string; message: string };

export type Problem = {
  type: string;
  title: string;
  titleEn: string;
  status: number;
  code: string;
  detail?: string;
  instance: string;
  errors?: FieldProblem[];
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds from the Retry-After header (429), when present. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.titleEn || problem.title);
  }
  get code(): string {
    return this.problem.code;
  }
  /** The message of the server for one form field, if it sent one. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

let csrfToken: string | null = null;

/** Called whenever a session (with its CSRF token) is received or ends. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (STATE_CHANGING.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, networkProblem(path));
  }

  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const data: unknown = isJson ? await response.json().catch(() => null) : null;
  if (response.ok) return data as T;

  const retryAfter = Number(response.headers.get("retry-after"));
  throw new ApiError(
    response.status,
    isProblem(data) ? data : fallbackProblem(response.status, path),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

export const get = <T>(path: string, query?: Query) => api<T>("GET", withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>("POST", path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>("PATCH", path, body);
export const put = <T>(path: string, body: unknown) => api<T>("PUT", path, body);
export const del = <T = void>(path: string) => api<T>("DELETE", path);

function isProblem(data: unknown): data is Problem {
  return typeof data === "object" && data !== null && "code" in data && "title" in data && "status" in data;
}

function fallbackProblem(status: number, instance: string): Problem {
  const code = status === 404 ? "not_found" : status >= 500 ? "internal" : "bad_request";
  return { type: "about:blank", title: "", titleEn: "", status, code, instance };
}

function networkProblem(instance: string): Problem {
  return { type: "about:blank", title: "", titleEn: "", status: 0, code: "network", instance };
}
