import { createServer } from "node:http";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { rawSliceSql } from "../../server/modules/monitoring/raw-facts.js";
import type { ScopeUnit } from "../../server/modules/monitoring/report-sql.js";
import { scenarios, sliceOf } from "./scenarios.js";

/**
 * The raw-SQL baseline of the monitoring benchmark: node:http + pg (pool 10, as the app), the
 * scenario's question as hand-written SQL over the fact tables (raw-facts.ts: consultations joined
 * to clients, …), JSON.stringify of the rows — no disclosure control, no labels, no presenter.
 *   GET /report?scenario=<index>&report=<index>
 *   GET /dashboard?scenario=<index>   every report of the scenario, concurrently (as the dashboard)
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("monitoring baseline needs DATABASE_URL");
const pool = new pg.Pool({ connectionString: url, max: 10 });
const dialect = new PgDialect();

// The unit tree in scope (what the app's directory service resolves for the national root).
const { rows: units } = await pool.query<{ id: string; path: string; field: string | null }>(
  "select id, path, field_of_action as field from units where type = 'sub_project' order by id",
);
const scope: ScopeUnit[] = units.map((u) => ({ id: u.id, networkId: u.path.split("/")[1] ?? u.id, field: u.field ?? "" }));
const queries = scenarios.map((s) => s.reports.map((r) => dialect.sqlToQuery(rawSliceSql(sliceOf(r, scope)))));

const server = createServer(async (req, res) => {
  try {
    const u = new URL(req.url ?? "/", "http://localhost");
    if (u.pathname === "/health") return void res.end("ok");
    if (u.pathname === "/dashboard") {
      const all = queries[Number(u.searchParams.get("scenario"))] ?? [];
      const results = await Promise.all(all.map((q) => pool.query({ text: q.sql, values: q.params })));
      res.setHeader("content-type", "application/json");
      return void res.end(JSON.stringify({ panels: results.map((r) => r.rows) }));
    }
    const q = queries[Number(u.searchParams.get("scenario"))]?.[Number(u.searchParams.get("report") ?? 0)];
    if (!q) {
      res.statusCode = 404;
      return void res.end();
    }
    const { rows } = await pool.query({ text: q.sql, values: q.params });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ rows }));
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
