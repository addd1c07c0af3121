import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { normalizeName } from "../../common/domain/clients.js";

/**
 * Raw-SQL baselines of the three casework measurements: node:http + pg (pool 10, as the app),
 * JSON.stringify, no framework, no session, no policy, no validation.
 *   GET  /search?q=       the app's name search on the counselor's sub-project, audit insert in the same transaction
 *   GET  /timeline/<id>   consents, tasks, consultations, procedures, referrals of one client, audit insert
 *   POST /consultations   {clientId, date}: a follow-up and its audit event in one transaction
 * The audit inserts are in the baselines because the targets include the audit.
 */
const url = process.env.DATABASE_URL;
const unitId = process.env.BENCH_UNIT_ID;
const userId = process.env.BENCH_USER_ID;
const port = Number(process.env.PORT ?? 0);
if (!url || !unitId || !userId) throw new Error("casework baseline needs DATABASE_URL, BENCH_UNIT_ID and BENCH_USER_ID");
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const audit = (action: string, recordId: string | null, details: unknown) => ({
  name: "audit",
  text: "insert into audit_events (action, outcome, record_type, record_id, actor_user_id, details) values ($1, 'success', 'client', $2, $3, $4)",
  values: [action, recordId, userId, JSON.stringify(details)],
});

async function search(q: string) {
  const name = normalizeName(q);
  // The audit event in the same transaction as the read, as the app must do it.
  return inTransaction(async (client) => {
    const { rows } = await client.query({
      name: "search",
      text: `select c.id, c.number, c.first_name, c.last_name, c.birth_year, c.nationalities, c.unit_id,
                    word_similarity($2, c.search_name)::float8 as score
               from clients c
              where c.unit_id = any($1::uuid[]) and $2 <% c.search_name
              order by score desc, c.last_name, c.first_name, c.id limit 20`,
      values: [[unitId], name],
    });
    await client.query(audit("client.search", null, { shown: rows.map((r) => r.id) }));
    return { items: rows };
  });
}

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

async function timeline(clientId: string) {
  return inTransaction(async (client) => {
    const q = (name: string, text: string) => client.query({ name, text, values: [clientId] }).then((r) => r.rows);
    const items = [
      ...(await q("t-client", "select id, unit_id from clients where id = $1")),
      ...(await q("t-consents", "select id, kind, given_on, withdrawn_at from client_consents where client_id = $1")),
      ...(await q("t-tasks", "select id, title, due_on, done_at from client_tasks where client_id = $1")),
      ...(await q(
        "t-consultations",
        "select c.id, c.date, c.kind, c.channel, c.duration_minutes, u.display_name, p.name from consultations c join users u on u.id = c.counselor_id left join reference_professions p on p.id = c.reference_profession_id where c.client_id = $1 order by c.date desc",
      )),
      ...(await q("t-procedures", "select id, outcome, application_date from procedures where client_id = $1")),
      ...(await q("t-referrals", "select id, status, sent_at from referrals where client_id = $1")),
    ];
    await client.query(audit("client.timeline_read", clientId, null));
    return { items };
  });
}

async function recordConsultation(body: { clientId: string; date: string }) {
  return inTransaction(async (client) => {
    await client.query({ name: "lock", text: "select id from clients where id = $1 for update", values: [body.clientId] });
    const { rows } = await client.query({
      name: "insert",
      text: `insert into consultations (client_id, unit_id, counselor_id, date, funding_period, kind, channel, languages, created_by)
             values ($1, $2, $3, $4, '2023-2028', 'follow_up', 'in_person', '{de}', $3) returning *`,
      values: [body.clientId, unitId, userId, body.date],
    });
    await client.query({
      name: "contact",
      text: "update clients set last_contact_on = greatest(last_contact_on, $2::date) where id = $1",
      values: [body.clientId, body.date],
    });
    await client.query(audit("consultation.create", rows[0].id, { clientId: body.clientId }));
    return rows[0];
  });
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
  });

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
}

const server = createServer(async (req, res) => {
  try {
    const path = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && path.pathname === "/search") return send(res, 200, await search(path.searchParams.get("q") ?? ""));
    if (req.method === "GET" && path.pathname.startsWith("/timeline/")) return send(res, 200, await timeline(path.pathname.slice(10)));
    if (req.method === "POST" && path.pathname === "/consultations")
      return send(res, 201, await recordConsultation(JSON.parse(await readBody(req))));
    send(res, 404, {});
  } catch (error) {
    send(res, 500, { error: String(error) });
  }
});
server.listen(port, "127.0.0.1", () => console.log(`casework baseline listening on ${(server.address() as { port: number }).port}`));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
