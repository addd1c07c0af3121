/**
 * Statements whose SQL text is built once, when the module loads, instead of on every call.
 *
 * drizzle builds the SQL text of a query anew each time it runs; on the request paths that run
 * hundreds of times a second (the audit insert after every read and change of a client, the
 * access check before it) that building was the largest single CPU cost of the app (see
 * bench/README.md). A fixed statement is written with named placeholders, turned into text and
 * parameter slots once, and run through the caller's executor (database or open transaction,
 * PGlite or PostgreSQL) with drizzle's own prepared-query machinery, so rows come back exactly as
 * from `queryRows`: column names as written in the SQL, values as the driver gives them.
 *
 * Use it for hot, simple statements; write casts for every parameter whose type matters
 * (`::uuid`, `::text::jsonb`), because the value reaches the driver as it is.
 */
import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Executor } from "./index.js";

type PreparedQuery = { execute(values: Record<string, unknown>): Promise<unknown> };
/** drizzle's session (internal, hence the narrow type): the same on both drivers. */
type Session = {
  prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: undefined, arrayMode: boolean): PreparedQuery;
};

const dialect = new PgDialect();

export type FixedStatement<Values, Row> = (exec: Executor, values: Values) => Promise<Row[]>;

export function fixedStatement<Values extends Record<string, unknown>, Row = Record<string, unknown>>(
  build: (param: <Name extends keyof Values & string>(name: Name) => Placeholder<Name>) => SQL,
): FixedStatement<Values, Row> {
  const query = dialect.sqlToQuery(build((name) => sql.placeholder(name)));
  return async (exec, values) => {
    const { session } = exec as unknown as { session: Session };
    const result = (await session.prepareQuery(query, undefined, undefined, false).execute(values)) as { rows: Row[] };
    return result.rows;
  };
}
