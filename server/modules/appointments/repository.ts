import { and, asc, eq, getTableColumns, gt, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import { type BookingChannel, type BookingStatus, defaultDurations } from "../../../common/domain/appointments.js";
import { type Executor, pgArrayLiteral, queryRows } from "../../db/index.js";
import { availabilityExceptions, availabilityRules, bookingSettings, bookings } from "../../db/schema/index.js";

export type BookingRow = typeof bookings.$inferSelect;
export type RuleRow = typeof availabilityRules.$inferSelect;
export type ExceptionRow = typeof availabilityExceptions.$inferSelect;
export type SettingsRow = typeof bookingSettings.$inferSelect;

/** The exclusion constraint of migration 0011: one counselor, no overlapping live bookings. */
export const NO_DOUBLE_BOOKING = "bookings_no_double_booking";

/** What a site uses until its staff save settings of their own. */
export const DEFAULT_SETTINGS = { durations: defaultDurations, bufferMinutes: 15, minNoticeHours: 24, horizonDays: 56, version: 0 };

export async function getSettings(exec: Executor, siteId: string): Promise<SettingsRow | null> {
  const [row] = await exec.select().from(bookingSettings).where(eq(bookingSettings.siteId, siteId));
  return row ?? null;
}

/** Saves a site's settings if `version` is still the stored one (0: none stored yet); false otherwise. */
export async function saveSettings(
  exec: Executor,
  siteId: string,
  values: Pick<SettingsRow, "durations" | "bufferMinutes" | "minNoticeHours" | "horizonDays">,
  version: number,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const inserted = await exec
      .insert(bookingSettings)
      .values({ siteId, ...values, version: 1, updatedAt: now })
      .onConflictDoNothing()
      .returning({ siteId: bookingSettings.siteId });
    return inserted.length === 1;
  }
  const updated = await exec
    .update(bookingSettings)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(bookingSettings.siteId, siteId), eq(bookingSettings.version, version)))
    .returning({ siteId: bookingSettings.siteId });
  return updated.length === 1;
}

export async function listRules(exec: Executor, siteId: string): Promise<RuleRow[]> {
  return exec
    .select()
    .from(availabilityRules)
    .where(eq(availabilityRules.siteId, siteId))
    .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startsAt), asc(availabilityRules.id));
}

export async function getRule(exec: Executor, id: string): Promise<RuleRow | null> {
  const [row] = await exec.select().from(availabilityRules).where(eq(availabilityRules.id, id));
  return row ?? null;
}

export async function insertRule(exec: Executor, values: typeof availabilityRules.$inferInsert): Promise<RuleRow> {
  const [row] = await exec.insert(availabilityRules).values(values).returning();
  return row!;
}

export async function deleteRule(exec: Executor, id: string): Promise<void> {
  await exec.delete(availabilityRules).where(eq(availabilityRules.id, id));
}

/** Exceptions of a site that end after `from` (also the absences of its counselors elsewhere). */
export async function listExceptions(exec: Executor, siteId: string, from: Date): Promise<ExceptionRow[]> {
  return exec
    .select()
    .from(availabilityExceptions)
    .where(and(eq(availabilityExceptions.siteId, siteId), gt(availabilityExceptions.endsAt, from)))
    .orderBy(asc(availabilityExceptions.startsAt), asc(availabilityExceptions.id));
}

export async function getException(exec: Executor, id: string): Promise<ExceptionRow | null> {
  const [row] = await exec.select().from(availabilityExceptions).where(eq(availabilityExceptions.id, id));
  return row ?? null;
}

export async function insertException(exec: Executor, values: typeof availabilityExceptions.$inferInsert): Promise<ExceptionRow> {
  const [row] = await exec.insert(availabilityExceptions).values(values).returning();
  return row!;
}

/** A whole day off in the site's time zone (midnight to midnight, however long that day is). */
export async function insertWholeDayException(
  exec: Executor,
  values: { siteId: string; day: string; timeZone: string; kind: ExceptionRow["kind"]; note: string | null },
): Promise<void> {
  await exec.execute(sql`
    insert into ${availabilityExceptions} (site_id, starts_at, ends_at, kind, note)
    values (${values.siteId}, (${values.day}::date::timestamp at time zone ${values.timeZone}),
            ((${values.day}::date + 1)::timestamp at time zone ${values.timeZone}), ${values.kind}, ${values.note})`);
}

export async function deleteException(exec: Executor, id: string): Promise<void> {
  await exec.delete(availabilityExceptions).where(eq(availabilityExceptions.id, id));
}

export type SlotRow = { siteId: string; counselorId: string; channel: BookingChannel; startsAt: Date; endsAt: Date };

export type SlotSearch = {
  /** Each site with its time zone (IANA name); weekly hours are wall-clock times there. */
  sites: { id: string; timeZone: string }[];
  from: Date;
  to: Date;
  now: Date;
  channel?: BookingChannel;
  counselorId?: string;
  /** One slot per site, start and channel (the first counselor free then): what the public sees. */
  onePerTime?: boolean;
  /** Only the earliest slot of each site ("next free appointment"). */
  firstPerSite?: boolean;
  /** A slot being moved away from does not block its own time. */
  ignoreBookingId?: string;
};

/**
 * Free slots, computed in one query from the weekly hours: each rule's day is expanded into
 * slots of the channel's length plus the buffer, converted from the site's wall-clock time to
 * instants by PostgreSQL (so summer and winter time are right), then everything within the
 * minimum notice, beyond the horizon, in an exception or too close to a live booking of the
 * same counselor (at any site) is dropped.
 */
export async function findSlots(exec: Executor, search: SlotSearch): Promise<SlotRow[]> {
  if (search.sites.length === 0) return [];
  const rows = await queryRows<SlotRow>(exec, slotQuery(search));
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
}

/** The SQL of findSlots (also run as is by the raw-SQL baseline of bench/public). */
export function slotQuery(search: SlotSearch): SQL {
  const ids = pgArrayLiteral(search.sites.map((s) => s.id));
  const zones = pgArrayLiteral(search.sites.map((s) => s.timeZone));
  const distinct = search.firstPerSite
    ? sql`distinct on (c.site_id)`
    : search.onePerTime
      ? sql`distinct on (c.starts_at, c.channel, c.site_id)`
      : sql``;
  const order = search.firstPerSite
    ? sql`c.site_id, c.starts_at, c.channel, c.counselor_id`
    : sql`c.starts_at, c.channel, c.site_id, c.counselor_id`;
  return sql`
    with site as materialized (
      select s.site_id, s.tz,
             coalesce(b.durations, ${JSON.stringify(DEFAULT_SETTINGS.durations)}::jsonb) as durations,
             make_interval(mins => coalesce(b.buffer_minutes, ${DEFAULT_SETTINGS.bufferMinutes})) as buffer,
             greatest(${search.from.toISOString()}::timestamptz,
                      ${search.now.toISOString()}::timestamptz + make_interval(hours => coalesce(b.min_notice_hours, ${DEFAULT_SETTINGS.minNoticeHours}))) as lo,
             least(${search.to.toISOString()}::timestamptz,
                   ${search.now.toISOString()}::timestamptz + make_interval(days => coalesce(b.horizon_days, ${DEFAULT_SETTINGS.horizonDays}))) as hi
        from unnest(${ids}::uuid[], ${zones}::text[]) as s(site_id, tz)
        left join ${bookingSettings} b on b.site_id = s.site_id
    ),
    candidates as materialized (
      select site.site_id, r.counselor_id, ch.channel, site.buffer, t.starts_at, t.ends_at
        from site
        join ${availabilityRules} r on r.site_id = site.site_id
        cross join lateral generate_series((site.lo at time zone site.tz)::date::timestamp,
                                           (site.hi at time zone site.tz)::date::timestamp, interval '1 day') as d(day)
        cross join lateral unnest(r.channels) as ch(channel)
        cross join lateral (select make_interval(mins => (site.durations ->> ch.channel)::int) as length) as len
        cross join lateral generate_series(d.day + r.starts_at, d.day + r.ends_at - len.length,
                                           len.length + site.buffer) as gs(local_start)
        cross join lateral (select gs.local_start at time zone site.tz as starts_at,
                                   (gs.local_start + len.length) at time zone site.tz as ends_at) as t
       where site.lo < site.hi
         and extract(isodow from d.day) = r.weekday
         and d.day::date >= r.valid_from and (r.valid_until is null or d.day::date <= r.valid_until)
         and t.starts_at >= site.lo and t.starts_at < site.hi
         ${search.channel ? sql`and ch.channel = ${search.channel}` : sql``}
         ${search.counselorId ? sql`and r.counselor_id = ${search.counselorId}::uuid` : sql``}
    ),
    -- What blocks a candidate, read once (a probe per candidate into the tables costs more than
    -- the few rows it finds): live bookings of these counselors at any site near the window, by
    -- the (counselor_id, starts_at) index (a booking lasts and a buffer is at most 240 minutes),
    -- and exceptions of these counselors or sites.
    busy as materialized (
      select k.counselor_id, k.starts_at, k.ends_at
        from ${bookings} k
       where k.counselor_id = any(array(select distinct counselor_id from candidates))
         and k.starts_at < (select max(hi) from site) + interval '240 minutes'
         and k.starts_at > (select min(lo) from site) - interval '480 minutes'
         and k.ends_at > (select min(lo) from site) - interval '240 minutes'
         and k.status <> 'cancelled'
         ${search.ignoreBookingId ? sql`and k.id <> ${search.ignoreBookingId}::uuid` : sql``}
    ),
    closed as materialized (
      select e.counselor_id, e.site_id, e.starts_at, e.ends_at
        from ${availabilityExceptions} e
       where (e.counselor_id = any(array(select distinct counselor_id from candidates))
              or (e.counselor_id is null and e.site_id = any(array(select site_id from site))))
         and e.starts_at < (select max(hi) from site) and e.ends_at > (select min(lo) from site)
    )
    select ${distinct} c.site_id as "siteId", c.counselor_id as "counselorId", c.channel,
           c.starts_at as "startsAt", c.ends_at as "endsAt"
      from candidates c
     where not exists (
         select 1 from busy k
          where k.counselor_id = c.counselor_id
            and k.starts_at < c.ends_at + c.buffer and k.ends_at > c.starts_at - c.buffer)
       and not exists (
         select 1 from closed e
          where (e.counselor_id = c.counselor_id or (e.counselor_id is null and e.site_id = c.site_id))
            and e.starts_at < c.ends_at and e.ends_at > c.starts_at)
     order by ${order}`;
}

export type NewBooking = Omit<typeof bookings.$inferInsert, "id" | "status" | "sequence" | "reminderSentAt">;

export async function insertBooking(exec: Executor, values: NewBooking): Promise<BookingRow> {
  const [row] = await exec.insert(bookings).values(values).returning();
  return row!;
}

/**
 * Books the slot `search` finds starting at `values.startsAt`, in one statement (the slot query
 * and the insert: a round trip less on the public hot path); null when that slot is not offered.
 * Simultaneous bookings of one slot all find it; the exclusion constraint lets one commit.
 */
export async function insertBookingIfOffered(
  exec: Executor,
  search: SlotSearch,
  values: Omit<NewBooking, "endsAt" | "siteId" | "counselorId" | "channel">,
): Promise<BookingRow | null> {
  const columns = getTableColumns(bookings);
  const given = Object.entries(values).filter(([, value]) => value !== undefined) as [keyof typeof columns, unknown][];
  const [row] = await queryRows<Record<string, unknown>>(
    exec,
    sql`with offered as (${slotQuery(search)})
        insert into ${bookings} (site_id, counselor_id, channel, ends_at, ${sql.join(
          given.map(([key]) => sql.identifier(columns[key].name)),
          sql`, `,
        )})
        select o."siteId", o."counselorId", o.channel, o."endsAt", ${sql.join(
          given.map(
            ([key, value]) => sql`${value === null ? null : columns[key].mapToDriverValue(value)}::${sql.raw(columns[key].getSQLType())}`,
          ),
          sql`, `,
        )}
          from offered o
         where o."startsAt" = ${values.startsAt.toISOString()}::timestamptz
         limit 1
        returning ${sql.join(
          Object.entries(columns).map(([key, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(key)}`),
          sql`, `,
        )}`,
  );
  if (!row) return null;
  // Raw rows come as the driver sends them (timestamps as text): mapped like drizzle's own.
  return Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [key, row[key] === null ? null : column.mapFromDriverValue(row[key])]),
  ) as BookingRow;
}

export async function getBooking(exec: Executor, id: string): Promise<BookingRow | null> {
  const [row] = await exec.select().from(bookings).where(eq(bookings.id, id));
  return row ?? null;
}

/** Locks the booking row for a change (cancel, move, status, reminder). */
export async function getBookingForUpdate(exec: Executor, id: string): Promise<BookingRow | null> {
  const [row] = await exec.select().from(bookings).where(eq(bookings.id, id)).for("update");
  return row ?? null;
}

export async function setBookingStatus(
  exec: Executor,
  id: string,
  status: BookingStatus,
  changedBy: string | null,
  now: Date,
): Promise<BookingRow> {
  const [row] = await exec
    .update(bookings)
    .set({ status, statusChangedAt: now, statusChangedBy: changedBy, sequence: sql`${bookings.sequence} + 1` })
    .where(eq(bookings.id, id))
    .returning();
  return row!;
}

/** Moves a booking in place: new time, counselor or channel; a new reminder is due; SEQUENCE + 1. */
export async function moveBooking(
  exec: Executor,
  id: string,
  to: Pick<BookingRow, "counselorId" | "startsAt" | "endsAt" | "channel">,
): Promise<BookingRow> {
  const [row] = await exec
    .update(bookings)
    .set({ ...to, reminderSentAt: null, sequence: sql`${bookings.sequence} + 1` })
    .where(eq(bookings.id, id))
    .returning();
  return row!;
}

/**
 * Marks the reminder of a booking as sent if it is still due: booked, not yet reminded and
 * still starting at `startsAt` (a moved booking has a reminder of its own). Exactly one caller
 * wins, however many nodes try.
 */
export async function claimReminder(exec: Executor, id: string, startsAt: Date, now: Date): Promise<BookingRow | null> {
  const [row] = await exec
    .update(bookings)
    .set({ reminderSentAt: now })
    .where(
      and(
        eq(bookings.id, id),
        eq(bookings.status, "booked"),
        isNull(bookings.reminderSentAt),
        isNull(bookings.contactErasedAt),
        eq(bookings.startsAt, startsAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Blanks name, e-mail, phone and message of up to `limit` bookings whose retention period ran out:
 * ended before the cut-off day (Berlin), and not changed since (a cancellation or a mark made
 * later restarts the period). Site, counselor, times, channel, language, topic and status stay.
 * Rows another run holds are skipped; a blanked row is never picked again (contact_erased_at).
 */
export async function eraseContactDataBefore(
  exec: Executor,
  cutoff: string,
  limit: number,
  now: Date,
): Promise<{ id: string; sequence: number }[]> {
  const before = sql`(${cutoff}::date::timestamp at time zone 'Europe/Berlin')`;
  return exec
    .update(bookings)
    .set({ name: null, email: null, phone: null, message: null, contactErasedAt: now })
    .where(
      sql`${bookings.contactErasedAt} is null and ${bookings.id} in (
        select id from ${bookings}
         where contact_erased_at is null and ends_at < ${before}
           and (status_changed_at is null or status_changed_at < ${before})
         order by ends_at, id
         limit ${limit}
         for update skip locked)`,
    )
    .returning({ id: bookings.id, sequence: bookings.sequence });
}

/** Live and past bookings of a site (optionally one counselor) that overlap [from, to). */
export async function listBookings(exec: Executor, siteId: string, from: Date, to: Date, counselorId?: string): Promise<BookingRow[]> {
  return exec
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.siteId, siteId),
        lt(bookings.startsAt, to),
        gt(bookings.endsAt, from),
        counselorId ? eq(bookings.counselorId, counselorId) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
}

/**
 * Bookings of one e-mail address take turns until the transaction ends, so counting their live
 * bookings and adding one is exact (the cap of public booking).
 */
export async function lockBookingsOfEmail(exec: Executor, email: string): Promise<void> {
  // By the address as the limits count it (lower case): two spellings of one address take turns too.
  await exec.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`booking-email:${email.trim().toLowerCase()}`}, 0))`);
}

/** How many bookings of this e-mail address, at any site, are not cancelled and start after `now` (a scalar subquery). */
export function liveBookingsOfEmailCount(email: string, now: Date): SQL {
  return sql`(select count(*)::int from ${bookings}
               where ${bookings.email} = ${email} and ${bookings.startsAt} > ${now.toISOString()}::timestamptz
                 and ${bookings.status} <> 'cancelled')`;
}
