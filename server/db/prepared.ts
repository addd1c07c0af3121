/**
 * Every parameterised query on PostgreSQL runs as a named prepared statement, so PostgreSQL
 * parses and plans each distinct SQL text once per connection instead of on every call. On the
 * two cores Lotse is measured on, app and database share the CPU, and a request makes 5–10
 * queries: the saved planning is throughput (see bench/README.md).
 *
 * The name is a hash of the text, because a name must always stand for the same SQL on a
 * connection. Each connection keeps its statements until it closes; `MAX_USES_PER_CONNECTION`
 * retires connections now and then so that rarely used shapes (an `in (…)` list of every length,
 * a bulk insert) do not pile up. Very long texts (bulk inserts) stay unnamed; the limit is well
 * above the slot search (about 4,000 characters, and the booking insert wraps it), whose planning
 * was the largest cost of a booking while it stayed unnamed.
 */
import { createHash } from "node:crypto";
import type pg from "pg";

export const MAX_USES_PER_CONNECTION = 20_000;
export const MAX_PREPARED_TEXT = 16_000;

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown[] };

/** Names of recently seen texts: hashing every query's text showed up in the profile. */
const names = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 2_000;

export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    if (names.size >= MAX_REMEMBERED_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/** Wraps `query` of every new pooled connection; plain strings (begin, commit, DDL) pass as they are. */
export function prepareRepeatedStatements(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      if (isNamable(config, rest[0])) return query({ ...config, name: statementName(config.text as string) }, ...rest);
      return query(config, ...rest);
    };
  });
}

/** drizzle passes the values as the second argument, `pg` users mostly inside the config. */
function isNamable(config: unknown, separateValues: unknown): config is QueryConfig {
  if (typeof config !== "object" || config === null) return false;
  const { text, name, values } = config as QueryConfig;
  const parameters = Array.isArray(separateValues) ? separateValues : values;
  return typeof text === "string" && name == null && Array.isArray(parameters) && parameters.length > 0 && text.length <= MAX_PREPARED_TEXT;
}
