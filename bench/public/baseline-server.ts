import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

/**
 * Raw-SQL baselines of the public-side measurements: node:http + pg (pool 10, as the app),
 * JSON.stringify, no framework, no validation, no presenter.
 *   GET  /sites?postcode=     the postcode's centre, the 20 nearest public sites (distance in SQL),
 *                             and each one's next free slot (the slot query of
 *                             server/modules/appointments/repository.ts findSlots, firstPerSite)
 *   GET  /slots/<site>?from=&to=   the same slot query, one per time and channel (onePerTime)
 *   POST /bookings {slotId, name, email, phone?}   the slot re-checked, the booking row and its
 *                             audit event in one transaction; the exclusion constraint answers 409
 */
const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 0);
if (!url) throw new Error("public baseline needs DATABASE_URL");
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const DEFAULTS = { durations: { in_person: 60, phone: 45, video: 45 }, buffer: 15, notice: 24, horizon: 56 };
const DAY_MS = 86_400_000;

type Mode = "all" | "firstPerSite" | "onePerTime";
/** findSlots of the appointments repository as plain SQL: $1 site ids, $2 zones, $3 from, $4 to, $5 now, $6 channel, $7 counselor. */
function slotSql(mode: Mode): string {
  const distinct =
    mode === "firstPerSite" ? "distinct on (c.site_id)" : mode === "onePerTime" ? "distinct on (c.starts_at, c.channel, c.site_id)" : "";
  const order =
    mode === "firstPerSite" ? "c.site_id, c.starts_at, c.channel, c.counselor_id" : "c.starts_at, c.channel, c.site_id, c.counselor_id";
  return `
    with site as (
      select s.site_id, s.tz,
             coalesce(b.durations, '${JSON.stringify(DEFAULTS.durations)}'::jsonb) as durations,
             coalesce(b.buffer_minutes, ${DEFAULTS.buffer}) as buffer,
             greatest($3::timestamptz, $5::timestamptz + make_interval(hours => coalesce(b.min_notice_hours, ${DEFAULTS.notice}))) as lo,
             least($4::timestamptz, $5::timestamptz + make_interval(days => coalesce(b.horizon_days, ${DEFAULTS.horizon}))) as hi
        from unnest($1::uuid[], $2::text[]) as s(site_id, tz)
        left join booking_settings b on b.site_id = s.site_id
    ),
    candidates as (
      select site.site_id, r.counselor_id, ch.channel, site.buffer,
             (gs.local_start at time zone site.tz) as starts_at,
             ((gs.local_start + make_interval(mins => (site.durations ->> ch.channel)::int)) at time zone site.tz) as ends_at
        from site
        join availability_rules r on r.site_id = site.site_id
        cross join lateral generate_series((site.lo at time zone site.tz)::date::timestamp,
                                           (site.hi at time zone site.tz)::date::timestamp, interval '1 day') as d(day)
        cross join lateral unnest(r.channels) as ch(channel)
        cross join lateral generate_series(
          d.day + r.starts_at,
          d.day + r.ends_at - make_interval(mins => (site.durations ->> ch.channel)::int),
          make_interval(mins => (site.durations ->> ch.channel)::int + site.buffer)) as gs(local_start)
       where site.lo < site.hi
         and extract(isodow from d.day) = r.weekday
         and d.day::date >= r.valid_from and (r.valid_until is null or d.day::date <= r.valid_until)
         and ($6::text is null or ch.channel = $6::text)
         and ($7::uuid is null or r.counselor_id = $7::uuid)
    )
    select ${distinct} c.site_id as "siteId", c.counselor_id as "counselorId", c.channel,
           c.starts_at as "startsAt", c.ends_at as "endsAt"
      from candidates c
      join site on site.site_id = c.site_id
     where c.starts_at >= site.lo and c.starts_at < site.hi
       and not exists (
         select 1 from bookings k
          where k.counselor_id = c.counselor_id and k.status <> 'cancelled'
            and tstzrange(k.starts_at - make_interval(mins => c.buffer), k.ends_at + make_interval(mins => c.buffer))
                && tstzrange(c.starts_at, c.ends_at))
       and not exists (
         select 1 from availability_exceptions e
          where (e.counselor_id = c.counselor_id or (e.counselor_id is null and e.site_id = c.site_id))
            and tstzrange(e.starts_at, e.ends_at) && tstzrange(c.starts_at, c.ends_at))
     order by ${order}`;
}

type SlotRow = { siteId: string; counselorId: string; channel: string; startsAt: Date; endsAt: Date };
const slots = (
  exec: pg.Pool | pg.PoolClient,
  mode: Mode,
  sites: { id: string; tz: string }[],
  from: Date,
  to: Date,
  channel: string | null = null,
  counselor: string | null = null,
) =>
  exec
    .query<SlotRow>({
      name: `slots-${mode}`,
      text: slotSql(mode),
      values: [sites.map((s) => s.id), sites.map((s) => s.tz), from, to, new Date(), channel, counselor],
    })
    .then((r) => r.rows);

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
  const now = new Date();
  const next = await slots(
    pool,
    "firstPerSite",
    rows.map((r) => ({ id: r.id, tz: r.tz })),
    now,
    new Date(now.getTime() + 365 * DAY_MS),
  );
  const bySite = new Map(next.map((s) => [s.siteId, { start: new Date(s.startsAt).toISOString(), channel: s.channel }]));
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
      ? await slots(client, "all", [{ id: siteId!, tz }], start, new Date(start.getTime() + 1000), channel!, counselorId!)
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
