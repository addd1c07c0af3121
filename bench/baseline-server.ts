import { createServer } from "node:http";
import pg from "pg";

/**
 * The baseline for GET /api/units: a plain node:http server answering the same units query
 * as raw SQL through `pg` (pool of 10, as the app) and JSON.stringify. No framework, no
 * session lookup, no policy, no response validation: what is left is Node, pg and PostgreSQL.
 * The query is the directory's list for a grant on one state network: its subtree plus the
 * unit itself and its ancestors, open units only, provider joined, ordered by depth and name.
 */
const url = process.env.DATABASE_URL;
const unitId = process.env.BENCH_UNIT_ID;
const port = Number(process.env.PORT ?? 0);
if (!url || !unitId) throw new Error("baseline-server needs DATABASE_URL and BENCH_UNIT_ID");

const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const { rows } = await pool.query<{ path: string }>("select path from units where id = $1", [unitId]);
const path = rows[0]?.path;
if (!path) throw new Error(`unit ${unitId} not found`);
const ancestorIds = path.split("/");

const query = {
  name: "units-list",
  text: `select u.id, u.name, u.short_name as "shortName", u.type, u.parent_id as "parentId", u.depth,
            u.state_code as "stateCode", u.provider_id as "providerId", p.name as "providerName",
            u.field_of_action as "fieldOfAction", u.opened_on::text as "openedOn", u.closed_on::text as "closedOn",
            u.is_demo as "isDemo", u.version
         from units u left join providers p on p.id = u.provider_id
         where (u.path like $1 or u.id = any($2::uuid[]))
           and (u.closed_on is null or u.closed_on > current_date)
         order by u.depth, u.name, u.id`,
  values: [`${path}/%`, ancestorIds],
};

const server = createServer(async (req, res) => {
  if (req.url !== "/units") {
    res.writeHead(404).end();
    return;
  }
  try {
    const result = await pool.query(query);
    const body = JSON.stringify({ items: result.rows });
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(port, "127.0.0.1", () => {
  console.log(`baseline listening on ${(server.address() as { port: number }).port}`);
});
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
