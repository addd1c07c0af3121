import { sql } from "drizzle-orm";
import { fundingPeriodOf } from "../../../../common/domain/funding-periods.js";
import { type Executor, pgArrayLiteral, queryRows } from "../../../db/index.js";
import type { TestApp } from "../../../test/harness.js";
import { erasePersonalData } from "../../clients/erasure.js";
import { seedId } from "../../directory/seed.js";

/**
 * Random facts for the monitoring tests, written the ways production writes them: multi-row SQL
 * statements (as the national generator's bulk loads and an operator would), and the real
 * merge, erasure and retention use cases. A seeded PRNG fixes the sequence of operations and the
 * values they write; which existing row an update or delete hits is left to the database's
 * `random()` (ids are random UUIDs anyway), so a test asserts what holds for any such choice and
 * writes the facts a figure it expects needs explicitly (`decidedProcedures`).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const fiBerlin = seedId("unit", "fi:be");

const nationalities = ["SY", "TR", "UA", "DE", "IR", "AF", "PL", "RU"];
const genders = ["female", "male", "diverse", "not_stated"];
const states = ["DE-BE", "DE-BY", "DE-HH", null];
const channels = ["in_person", "phone", "video", "written", "outreach", "mobile"];
const languages = ["de", "ar", "en", "fa", "tr", "uk"];
const reasons = ["pay", "dismissal", "working_time", "residence_status", "unemployment_benefit", "employment_contract", "other"];
const statuses = ["sent", "accepted", "declined", "in_progress", "completed", "withdrawn"];
const outcomes = ["full_equivalence", "partial_equivalence", "no_equivalence", "withdrawn"];
const externals = ["job_centre", "vocational_language_course", "other", null];

export type FactWriter = Awaited<ReturnType<typeof createFactWriter>>;

export async function createFactWriter(t: TestApp, seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => list.filter(() => random() < max / list.length);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const db = t.database.db;
  const periods = t.ctx.config.fundingPeriods;

  const units = (
    await queryRows<{ id: string }>(
      db,
      sql`select id from units where type = 'sub_project' and id <> ${berlinSub} and id <> ${fiBerlin} order by id limit 4`,
    )
  ).map((r) => r.id);
  const subProjects = [berlinSub, fiBerlin, ...units];
  const professions = (await queryRows<{ id: string }>(db, sql`select id from reference_professions order by name limit 6`)).map(
    (r) => r.id,
  );
  const [counselor] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'berater.berlin@lotse.demo'`);
  const counselorId = counselor!.id;

  const day = (from = 2016, to = 2025) => `${int(from, to)}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
  /** A recording moment: the fact's day plus up to 40 days, at a random hour. */
  const recordedAt = (factDay: string) => new Date(Date.parse(`${factDay}T00:00:00Z`) + int(0, 40 * 24) * 3_600_000 + int(0, 59) * 60_000);
  const clientIds = async (where = sql`true`) =>
    (await queryRows<{ id: string }>(db, sql`select id from clients where merged_into_id is null and is_demo = false and ${where}`)).map(
      (r) => r.id,
    );
  const mine = sql`unit_id = ${berlinSub} and first_name like 'Random%'`;
  /** Ausgleichsmaßnahme: required exactly with partial equivalence. */
  const compensationFor = (outcome: string) => (outcome === "partial_equivalence" ? "knowledge_test" : null);
  /** One procedure per entry of `decided`, of one of `ids`: pending, or decided on a day of 2016–2025. */
  const insertProcedures = async (ids: string[], decided: boolean[]) => {
    const values = decided.map((isDecided) => {
      const outcome = isDecided ? pick(outcomes) : "pending";
      return sql`(${pick(ids)}::uuid, ${pick(subProjects)}::uuid, ${pick(professions)}::uuid, 'Amt', 'bqfg',
                  ${recordedAt(day()).toISOString()}::timestamptz, ${outcome}, ${isDecided ? day() : null}::date, ${compensationFor(outcome)})`;
    });
    await db.execute(sql`insert into procedures (client_id, unit_id, reference_profession_id, competent_authority, legal_basis,
                                                 created_at, outcome, decision_date, compensation_measure)
                         values ${sql.join(values, sql`, `)}`);
  };

  const ops = {
    async insertClients() {
      const count = int(1, 4);
      const values = Array.from(
        { length: count },
        () =>
          sql`(${`Random${int(1, 9999)}`}, 'Person', 'random person', ${int(1950, 2004)}, ${pick(genders)},
               ${pgArrayLiteral(some(nationalities, 1.4).slice(0, 2))}::text[], ${pick(states)},
               ${pick([true, false, null])}::boolean, ${berlinSub}::uuid)`,
      );
      await db.execute(sql`insert into clients (first_name, last_name, search_name, birth_year, gender, nationalities, state_code,
                                                refugee_background, unit_id) values ${sql.join(values, sql`, `)}`);
    },

    async insertConsultations(count = int(1, 6)) {
      const ids = await clientIds(mine);
      if (ids.length === 0) return;
      const rows: { clientId: string; period: string; kind: string; date: string; at: string }[] = [];
      for (let i = 0; i < count; i++) {
        const clientId = pick(ids);
        const date = day();
        const period = fundingPeriodOf(periods, date)!.code;
        const [first] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from consultations where client_id = ${clientId} and funding_period = ${period} and kind = 'first_consultation'`,
        );
        const taken = rows.some((r) => r.clientId === clientId && r.period === period && r.kind === "first_consultation");
        const kind = first!.n === 0 && !taken ? "first_consultation" : pick(["follow_up", "follow_up", "referral_consultation"]);
        const at = recordedAt(date).toISOString();
        rows.push({ clientId, period, kind, date, at });
      }
      const values = rows.map(
        (r) =>
          sql`(${r.clientId}::uuid, ${pick(subProjects)}::uuid, ${counselorId}::uuid, ${r.date}::date, ${r.period}, ${r.kind},
               ${pick(channels)}, ${pgArrayLiteral(some(languages, 2))}::text[], ${pick([...professions, null])}::uuid,
               ${pgArrayLiteral(some(reasons, 1.5))}::text[], ${r.at}::timestamptz, ${r.at}::timestamptz)`,
      );
      await db.execute(sql`insert into consultations (client_id, unit_id, counselor_id, date, funding_period, kind, channel, languages,
                                                      reference_profession_id, fi_reasons, created_at, updated_at)
                           values ${sql.join(values, sql`, `)}`);
    },

    async editClients() {
      const ids = (await clientIds(mine)).filter(() => random() < 0.3).slice(0, 4);
      if (ids.length === 0) return;
      const values = ids.map(
        (id) =>
          sql`(${id}::uuid, ${pick(genders)}::text, ${int(1950, 2004)}::int,
               ${pgArrayLiteral(some(nationalities, 1.4).slice(0, 2))}::text[], ${pick(states)}::text, ${pick([true, false, null])}::boolean)`,
      );
      // One statement for all of them, like a bulk correction.
      await db.execute(sql`update clients k set gender = v.gender, birth_year = v.birth_year, nationalities = v.nationalities,
                                                 state_code = v.state_code, refugee_background = v.refugee
                             from (values ${sql.join(values, sql`, `)}) v(id, gender, birth_year, nationalities, state_code, refugee)
                            where k.id = v.id`);
    },

    async editConsultations() {
      const rows = await queryRows<{ id: string; date: string }>(
        db,
        sql`select id, date::text as date from consultations where is_demo = false order by random() limit ${int(1, 4)}`,
      );
      for (const row of rows) {
        // Same year (and so funding period); kind only away from a first consultation's rivals.
        const date = `${row.date.slice(0, 4)}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
        await db.execute(sql`update consultations set date = ${date}::date, channel = ${pick(channels)},
                               languages = ${pgArrayLiteral(some(languages, 2))}::text[], unit_id = ${pick(subProjects)}::uuid,
                               reference_profession_id = ${pick([...professions, null])}::uuid,
                               fi_reasons = ${pgArrayLiteral(some(reasons, 1.5))}::text[],
                               kind = case when kind = 'first_consultation' then kind else ${pick(["follow_up", "referral_consultation"])} end,
                               next_steps = 'geändert', version = version + 1
                             where id = ${row.id}`);
      }
    },

    async deleteConsultations() {
      await db.execute(sql`delete from consultations where id in (
                             select c.id from consultations c
                              where c.is_demo = false and c.kind <> 'first_consultation'
                                and not exists (select from referrals r where r.consultation_id = c.id)
                                and not exists (select from support_requests s where s.consultation_id = c.id)
                              order by random() limit ${int(1, 2)})`);
    },

    async groupEvents() {
      const choice = random();
      if (choice < 0.5) {
        const participants = int(1, 40);
        const refugees = random() < 0.3 ? null : int(0, participants);
        await db.execute(sql`insert into group_events (unit_id, date, title, channel, languages, participants, refugee_participants, created_at)
                             values (${pick(subProjects)}::uuid, ${day()}::date, 'Info', ${pick(channels)},
                                     ${pgArrayLiteral(some(languages, 2))}::text[], ${participants}, ${refugees}::int,
                                     ${recordedAt(day()).toISOString()}::timestamptz)`);
      } else if (choice < 0.8) {
        await db.execute(sql`update group_events set participants = participants + 1,
                               refugee_participants = case when refugee_participants is null then null else refugee_participants + 1 end,
                               channel = ${pick(channels)}
                             where id in (select id from group_events order by random() limit 2)`);
      } else {
        await db.execute(sql`delete from group_events where id in (select id from group_events order by random() limit 1)`);
      }
    },

    async referrals() {
      const choice = random();
      if (choice < 0.5) {
        const ids = await clientIds(mine);
        if (ids.length === 0) return;
        const external = pick(externals);
        await db.execute(sql`insert into referrals (client_id, from_unit_id, from_user_id, to_unit_id, external_service, status, sent_at)
                             values (${pick(ids)}::uuid, ${pick(subProjects)}::uuid, ${counselorId}::uuid,
                                     ${external ? null : pick(units)}::uuid, ${external}, ${pick(statuses)},
                                     ${recordedAt(day()).toISOString()}::timestamptz)`);
      } else if (choice < 0.9) {
        await db.execute(sql`update referrals set status = ${pick(statuses)}, version = version + 1
                             where id in (select id from referrals order by random() limit 2)`);
      } else {
        await db.execute(sql`delete from referrals where id in (
                               select r.id from referrals r where not exists (select from referral_events e where e.referral_id = r.id)
                                order by random() limit 1)`);
      }
    },

    async procedures() {
      const choice = random();
      if (choice < 0.4) {
        const ids = await clientIds(mine);
        if (ids.length === 0) return;
        await insertProcedures(ids, [false]);
      } else if (choice < 0.9) {
        const outcome = pick(outcomes);
        await db.execute(sql`update procedures set outcome = ${outcome}, decision_date = ${day()}::date,
                               compensation_measure = ${compensationFor(outcome)}
                             where id in (select id from procedures where not is_demo order by random() limit 1)`);
      } else {
        await db.execute(sql`update procedures set outcome = 'pending', decision_date = null, compensation_measure = null
                             where id in (select id from procedures where not is_demo order by random() limit 1)`);
      }
    },

    /** `count` procedures of Berlin's random clients, already decided in 2016–2025: for a test that needs outcomes to count. */
    async decidedProcedures(count: number) {
      const ids = await clientIds(mine);
      if (ids.length === 0) throw new Error("decidedProcedures needs random clients: run insertClients first");
      await insertProcedures(ids, new Array<boolean>(count).fill(true));
    },

    /** Zusammenführen through the API, as the Berlin counselor does it. */
    async merge() {
      const ids = await clientIds(sql`${mine} and erased_at is null`);
      if (ids.length < 2) return;
      const kept = pick(ids);
      const duplicate = pick(ids.filter((id) => id !== kept));
      const versions = await queryRows<{ id: string; version: number }>(
        db,
        sql`select id, version from clients where id in (${kept}::uuid, ${duplicate}::uuid)`,
      );
      const version = (id: string) => versions.find((v) => v.id === id)!.version;
      const res = await (await t.as("counselorBerlin")).post(`/api/clients/${kept}/merge`, {
        duplicateId: duplicate,
        version: version(kept),
        duplicateVersion: version(duplicate),
      });
      if (res.statusCode !== 200) throw new Error(`merge failed: ${res.statusCode} ${res.body}`);
    },

    /** Erasure: on request through the API (the lead), or by the retention job's use case. */
    async erase() {
      const ids = await clientIds(sql`${mine} and erased_at is null`);
      if (ids.length === 0) return;
      const id = pick(ids);
      if (random() < 0.5) {
        const [row] = await queryRows<{ version: number }>(db, sql`select version from clients where id = ${id}`);
        const res = await (await t.as("leadBerlin")).post(`/api/clients/${id}/erase`, { version: row!.version });
        if (res.statusCode !== 200) throw new Error(`erase failed: ${res.statusCode} ${res.body}`);
      } else {
        await db.transaction((tx) => erasePersonalData(tx, id, new Date()));
      }
    },

    async compact() {
      await db.execute(sql`select monitoring_compact_rollups()`);
    },
  };

  /** The random walk's operations; `decidedProcedures` is called by a test when it needs it. */
  type Op = Exclude<keyof typeof ops, "decidedProcedures">;
  const weights: [Op, number][] = [
    ["insertClients", 3],
    ["insertConsultations", 6],
    ["editClients", 3],
    ["editConsultations", 3],
    ["deleteConsultations", 1],
    ["groupEvents", 2],
    ["referrals", 2],
    ["procedures", 2],
    ["merge", 2],
    ["erase", 1],
    ["compact", 0.5],
  ];
  const total = weights.reduce((s, [, w]) => s + w, 0);

  return {
    ops,
    random,
    /** Runs one random operation and returns its name. */
    async step(): Promise<Op> {
      let r = random() * total;
      for (const [op, w] of weights) {
        r -= w;
        if (r <= 0) {
          await ops[op]();
          return op;
        }
      }
      await ops.insertConsultations();
      return "insertConsultations";
    },
  };
}

/** Everything of one executor's rollups and facts the equivalence test compares. */
export async function contributions(exec: Executor, query: ReturnType<typeof sql>): Promise<string[]> {
  const rows = await queryRows<Record<string, unknown>>(exec, query);
  return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === "n" ? Number(v) : v])))).sort();
}
