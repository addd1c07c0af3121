import { sql } from "drizzle-orm";
import { germanStates, type StateCode } from "../../../../common/domain/units.js";
import { type Database, queryRows } from "../../../db/index.js";
import type { AppContext } from "../../../platform/context.js";
import { generatedSubProjects } from "../../directory/data/generated-network.js";
import { seedNetwork } from "../../directory/seed.js";
import { berlinToday } from "../../directory/service.js";
import { monthIndex } from "./calendar.js";
import type { Facts, GeneratorContext, GeneratorNetwork, Profession } from "./facts.js";
import { planFacts, type Scale, scales } from "./plan.js";
import { dataEndMonth, networkWeights } from "./published.js";
import { GENERATED_MARKER, type WriteTimings, writeFacts } from "./write.js";

/**
 * The monitoring data generator (npm run seed -- --scale national|demo [--seed N]), decision 0008.
 * It needs the network and the demo accounts (server/seed/demo.ts seeds them) and writes invented
 * clients, consultations, referrals, procedures and group events, marked is_demo.
 */

/** Sub-projects added for the national set: with the demo tree and the Faire Integration centres about 400. */
export const NATIONAL_EXTRA_SUB_PROJECTS = 330;
/** The national set ends with the publication's Stichtag: nothing is recorded after it. */
export const NATIONAL_TODAY = "2022-10-15";
export const DEFAULT_SEED = 20221015;

export type GenerateOptions = { scale: Scale; seed?: number; today?: string };
export type GenerateResult = { planMs: number; rows: Record<string, number>; write: WriteTimings | null; totalMs: number };

type Ctx = Pick<AppContext, "database" | "config" | "clock">;

/** What the generator needs from the database: the unit tree, counselors, reference professions. */
export async function loadGeneratorContext(ctx: Ctx, options: GenerateOptions): Promise<GeneratorContext> {
  const db = ctx.database.db;
  if (options.scale === "national")
    await db.transaction((tx) =>
      seedNetwork(tx, { demo: true, generated: generatedSubProjects(NATIONAL_EXTRA_SUB_PROJECTS, networkWeights) }),
    );
  const units = await queryRows<{ id: string; field: string | null; state: StateCode }>(
    db,
    sql`select u.id, u.field_of_action as field, p.state_code as state
          from units u join units p on p.id = u.parent_id
         where u.type = 'sub_project' and p.type = 'state_network' and u.closed_on is null
         order by u.id`,
  );
  const counselors = await queryRows<{ email: string; id: string }>(
    db,
    sql`select email, id from users where email like 'team.%@lotse.demo'`,
  );
  // Referrals go to qualification sub-projects where no demo account works: the demo's inboxes stay as the README tells.
  const staffed = new Set((await queryRows<{ id: string }>(db, sql`select distinct unit_id as id from role_assignments`)).map((r) => r.id));
  const networks: GeneratorNetwork[] = germanStates.map((s) => {
    const counselor = counselors.find((c) => c.email === `team.${s.abbr.toLowerCase()}@lotse.demo`);
    if (!counselor) throw new Error(`the demo accounts are missing (team.${s.abbr.toLowerCase()}@lotse.demo): seed the demo data first`);
    const of = (field: string) => units.filter((u) => u.state === s.code && u.field === field).map((u) => u.id);
    const network = {
      state: s.code,
      recognition: of("recognition_counseling"),
      faireIntegration: of("faire_integration"),
      partners: of("qualification").filter((id) => !staffed.has(id)),
      counselorId: counselor.id,
    };
    if (network.recognition.length === 0) throw new Error(`no recognition counseling sub-project in ${s.code}`);
    return network;
  });
  const professions = await queryRows<Profession>(
    db,
    sql`select seed_key as key, id, qualification_kind as kind from reference_professions where seed_key is not null order by seed_key`,
  );
  const today = options.today ?? (options.scale === "national" ? NATIONAL_TODAY : berlinToday(ctx as AppContext));
  return {
    seed: options.seed ?? DEFAULT_SEED,
    factor: scales[options.scale].factor,
    endMonth: options.scale === "national" ? monthIndex(dataEndMonth) : monthIndex(today.slice(0, 7)),
    today,
    networks,
    professions,
    fundingPeriods: ctx.config.fundingPeriods,
  };
}

export async function generateMonitoringData(ctx: Ctx, options: GenerateOptions): Promise<GenerateResult> {
  if (ctx.config.production) throw new Error("generated data is refused when NODE_ENV=production");
  const started = performance.now();
  // Cheap check first (every start of a demo installation asks); writeFacts claims the marker race-free.
  const [done] = await queryRows(ctx.database.db, sql`select 1 from instance_settings where key = ${GENERATED_MARKER}`);
  if (done) return { planMs: 0, rows: {}, write: null, totalMs: Math.round(performance.now() - started) };
  const generator = await loadGeneratorContext(ctx, options);
  const facts: Facts = planFacts(generator);
  const planMs = Math.round(performance.now() - started);
  const marker = JSON.stringify({ scale: options.scale, seed: generator.seed, today: generator.today, at: ctx.clock.now().toISOString() });
  const write = await writeFacts(ctx.database, facts, marker);
  if (write && ctx.database.kind === "postgres") await analyze(ctx.database);
  const rows = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, (v as unknown[]).length]));
  return { planMs, rows, write, totalMs: Math.round(performance.now() - started) };
}

/** Fresh statistics for the planner after a bulk load (autovacuum would get there later). */
async function analyze(database: Database): Promise<void> {
  await database.db.execute(sql`analyze clients, consultations, referrals, procedures, group_events, monitoring_rollups`);
}
