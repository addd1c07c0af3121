import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { BookingChannel } from "../../common/domain/appointments.js";
import { slotQuery } from "../../server/modules/appointments/repository.js";

/**
 * Raw-SQL baselines of the public-side measurements: node:http + pg (pool 10, as the app),
 * JSON.stringify, no framework, no validation, no presenter.
 *   GET  /sites?postcode=     the postcode's centre, the 20 nearest public sites (distance in SQL),
 *                             and each one's next free slot: the app's own slot SQL
 *                             (server/modules/appointments/repository.ts slotQuery, firstPerSite)
 *                             over the app's windows (3 days, a week, the horizon), without the
 *                             app's 30-second memory of it
 *   GET  /slots/<site>?from=&to=   the same slot query, one per time and channel (onePerTime)
 *   POST /bookings {slotId, name, email, phone?}   the slot re-checked, the booking row and its
 *                             audit event in one transaction; the exclusion constraint answers 409
 */
const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 0);
if (!url) throw new Error("public baseline needs DATABASE_URL");
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const DAY_MS = 86_400_000;

type Mode = "all" | "firstPerSite" | "onePerTime";
type SlotRow = { siteId: string; counselorId: string; channel: string; startsAt: Date; endsAt: Date };
const dialect = new PgDialect();
/**
 * The app's slot query (appointments repository, `slotQuery`) rendered to SQL text and run as a
 * named prepared statement per distinct text, as the app's driver setup does with repeated ones.
 */
const slots = (
  exec: pg.Pool | pg.PoolClient,
  mode: Mode,
  sites: { id: string; tz: string }[],
  from: Date,
  to: Date,
  channel: BookingChannel | undefined = undefined,
  counselorId: string | undefined = undefined,
) => {
  const query = dialect.sqlToQuery(
    slotQuery({
      sites: sites.map((s) => ({ id: s.id, timeZone: s.tz })),
      from,
      to,
      now: new Date(),
      channel,
      counselorId,
      firstPerSite: mode === "firstPerSite",
      onePerTime: mode === "onePerTime",
    }),
  );
  return exec.query<SlotRow>({ name: statementName(query.sql), text: query.sql, values: query.params }).then((r) => r.rows);
};
const names = new Map<string, string>();
const statementName = (text: string) => {
  const known = names.get(text);
  if (known) return known;
  const name = `slots-${names.size}`;
  names.set(text, name);
  return name;
};

const slotId = (r: SlotRow) => `${r.siteId}.${r.counselorId}.${Math.floor(new Date(r.startsAt).getTime() / 1000)}.${r.channel}`;

/** The 20 nearest open public sites (great-circle distance in SQL) and their next free slots. */
async function searchSites(postcode: string) {
  const { rows } = await pool.query({
    name: "nearest",
    text: `with origin as (select avg(latitude) as lat, avg(longitude) as lon from postcodes where postcode = $1),
           found as (
             select u.id, u.name, s.street, s.postcode, s.city, s.languages, s.channels, s.time_zone as tz,
                    round((6371 * 2 * asin(sqrt(power(sin(radians(s.latitude - o.lat) / 2), 2)
                          + cos(radians(o.lat)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - o.lon) / 2), 2))))::numeric, 1)::float8 as distance
               from units u join sites s on s.unit_id = u.id join units p on p.id = u.parent_id cross join origin o
              where u.type = 'site' and p.field_of_action in ('recognition_counseling','qualification','faire_integration','immigration_employers')
                and (u.closed_on is null or u.closed_on > current_date) and (p.closed_on is null or p.closed_on > current_date))
           select *, count(*) over ()::int as total from found order by distance nulls last, name limit 20`,
    values: [postcode],
  });
  // The windows of the app's nextFreeSlots (3 days, a week, the horizon), without its cache.
  const now = new Date();
  const bySite = new Map<string, { start: string; channel: string }>();
  let remaining = rows.map((r) => ({ id: r.id as string, tz: r.tz as string }));
  for (const days of [3, 7, 365]) {
    if (remaining.length === 0) break;
    for (const s of await slots(pool, "firstPerSite", remaining, now, new Date(now.getTime() + days * DAY_MS))) {
      bySite.set(s.siteId, { start: new Date(s.startsAt).toISOString(), channel: s.channel });
    }
    remaining = remaining.filter((site) => !bySite.has(site.id));
  }
  return { items: rows.map((r) => ({ ...r, nextFreeSlot: bySite.get(r.id) ?? null })), total: rows[0]?.total ?? 0 };
}

async function siteZone(exec: pg.Pool | pg.PoolClient, id: string): Promise<string | null> {
  const { rows } = await exec.query({ name: "zone", text: "select time_zone from sites where unit_id = $1", values: [id] });
  return rows[0]?.time_zone ?? null;
}

async function siteSlots(siteId: string, from: Date, to: Date) {
  const tz = await siteZone(pool, siteId);
  if (!tz) return null;
  const rows = await slots(pool, "onePerTime", [{ id: siteId, tz }], from, to);
  return { items: rows.map((r) => ({ id: slotId(r), start: r.startsAt, end: r.endsAt, channel: r.channel })), timeZone: tz };
}

async function book(body: { slotId: string; name: string; email: string; phone?: string }): Promise<[number, unknown]> {
  const [siteId, counselorId, seconds, channel] = body.slotId.split(".");
  const start = new Date(Number(seconds) * 1000);
  const client = await pool.connect();
  try {
    await client.query("begin");
    const tz = await siteZone(client, siteId!);
    const [slot] = tz
      ? await slots(client, "all", [{ id: siteId!, tz }], start, new Date(start.getTime() + 1000), channel as BookingChannel, counselorId!)
      : [];
    if (!slot || new Date(slot.startsAt).getTime() !== start.getTime()) {
      await client.query("rollback");
      return [409, { code: "slot_taken" }];
    }
    const { rows } = await client.query({
      name: "book",
      text: `insert into bookings (site_id, counselor_id, starts_at, ends_at, channel, name, email, phone, language, locale, topic, consent_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'de', 'de', 'recognition', now()) returning id, starts_at, ends_at`,
      values: [siteId, counselorId, start, slot.endsAt, channel, body.name, body.email, body.phone ?? null],
    });
    await client.query({
      name: "audit",
      text: "insert into audit_events (action, outcome, record_type, record_id, actor_label) values ('booking.create', 'success', 'booking', $1, 'public')",
      values: [rows[0].id],
    });
    await client.query("commit");
    return [201, rows[0]];
  } catch (error) {
    await client.query("rollback");
    if ((error as { code?: string }).code === "23P01") return [409, { code: "slot_taken" }];
    throw error;
  } finally {
    client.release();
  }
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
    if (req.method === "GET" && path.pathname === "/health") return send(res, 200, { ok: true });
    if (req.method === "GET" && path.pathname === "/sites")
      return send(res, 200, await searchSites(path.searchParams.get("postcode") ?? ""));
    if (req.method === "GET" && path.pathname.startsWith("/slots/")) {
      const now = Date.now();
      const from = new Date(path.searchParams.get("from") ?? now);
      const to = new Date(path.searchParams.get("to") ?? from.getTime() + 14 * DAY_MS);
      const found = await siteSlots(path.pathname.slice(7), from, to);
      return found ? send(res, 200, found) : send(res, 404, {});
    }
    if (req.method === "POST" && path.pathname === "/bookings") {
      const [status, body] = await book(JSON.parse(await readBody(req)));
      return send(res, status, body);
    }
    send(res, 404, {});
  } catch (error) {
    send(res, 500, { error: String(error) });
  }
});
server.listen(port, "127.0.0.1", () => console.log(`public baseline listening on ${(server.address() as { port: number }).port}`));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
