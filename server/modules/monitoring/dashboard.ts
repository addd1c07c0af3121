import type { Dashboard, DashboardOptions, DashboardQuery, Report } from "../../../common/contracts/monitoring.js";
import { type Measure, measures } from "../../../common/domain/monitoring/measures.js";
import type { FieldOfAction } from "../../../common/domain/units.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { ensure } from "../../platform/policy.js";
import { referenceProfessionNames } from "../consultations/reference-professions-service.js";
import { berlinToday, getUnitRefs, type StatisticalUnit, statisticalUnitsUnder } from "../directory/service.js";
import { canReadStatistics, defaultStatisticsUnit, readsStatistics, statisticsScopes } from "./policy.js";
import { presentReport } from "./presenter.js";
import type { ScopeUnit, Slice } from "./report-sql.js";
import * as repo from "./repository.js";
import { coversWholeNetworks, planPeriod, scopeUnit } from "./service.js";
import { buildTable } from "./tables.js";

/**
 * The dashboard of one scope (decision 0007, issue 5): the panels are reports of the engine —
 * the same measures, tables and disclosure control as GET /api/monitoring/report with the
 * panels' queries — read in eight small queries run together. For the nation or a state network
 * they read the network rollups (one client attribute each), for a sub-project its own rollups.
 */

const TOP = 5;
const firstDay = (month: string) => `${month}-01`;

export async function getDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const exec = ctx.database.db;
  // Unit and period first: 404, 403 or 400 naming the field before anything is read.
  const unit = await scopeUnit(exec, actor, query.unit);
  const { from, to } = planPeriod(ctx, query);
  const all = await statisticalUnitsUnder(exec, unit.path);
  const counseling = all.filter((u) => u.field === "recognition_counseling");
  const consultationField: FieldOfAction | null = counseling.length > 0 ? "recognition_counseling" : null;
  const consultationUnits = consultationField ? counseling : all;
  const fiUnits = all.filter((u) => u.field === "faire_integration");
  const period = { fromMonth: firstDay(from), toMonth: firstDay(to), referenceDate: query.stichtag };
  const wholeNetworks = coversWholeNetworks(unit);
  // Each panel's slice as getReport builds it for the panel's report.
  const slice = (measure: Measure, units: ScopeUnit[], dims: Slice["dims"]): Slice => ({
    family: measure.family,
    kinds: measure.kinds,
    units,
    ...period,
    dims,
    part: measure.part,
    wholeNetworks,
  });

  const fi = measures.fi_reasons;
  const outcomes = measures.recognition_outcomes;
  const [firstByMonth, followUpsByMonth, firstByNationality, firstByProfession, firstByState, fiRows, fiBase, outcomeRows] =
    await Promise.all([
      repo.readSlice(exec, slice(measures.first_consultations, consultationUnits, ["month"])),
      repo.readSlice(exec, slice(measures.follow_ups, consultationUnits, ["month"])),
      repo.readSlice(exec, slice(measures.top_nationalities, consultationUnits, ["nationality"])),
      repo.readSlice(exec, slice(measures.top_professions, consultationUnits, ["profession"])),
      repo.readSlice(exec, slice(measures.first_consultations, consultationUnits, ["state"])),
      repo.readSlice(exec, slice(fi, fiUnits, ["reason", "kind"])),
      repo.readSlice(exec, { ...slice(fi, fiUnits, ["kind"]), family: fi.mentions!.baseFamily }),
      repo.readSlice(exec, slice(outcomes, all, ["outcome"])),
    ]);

  const min = ctx.config.monitoringMinCount;
  const tables = {
    firstConsultations: buildTable({ measure: measures.first_consultations, dims: ["month"], rows: firstByMonth, min }),
    followUps: buildTable({ measure: measures.follow_ups, dims: ["month"], rows: followUpsByMonth, min }),
    topNationalities: buildTable({ measure: measures.top_nationalities, dims: ["nationality"], rows: firstByNationality, min, top: TOP }),
    topProfessions: buildTable({ measure: measures.top_professions, dims: ["profession"], rows: firstByProfession, min, top: TOP }),
    fiReasons: buildTable({ measure: fi, dims: ["reason", "kind"], rows: fiRows, baseRows: fiBase, min }),
    recognitionOutcomes: buildTable({ measure: outcomes, dims: ["outcome"], rows: outcomeRows, min }),
    byState: buildTable({ measure: measures.first_consultations, dims: ["state"], rows: firstByState, min }),
  };
  const professionCodes = tables.topProfessions.cells.map((c) => c.codes[0]).filter((c): c is string => Boolean(c));
  const labels = { units: new Map<string, string>(), professions: await referenceProfessionNames(exec, professionCodes) };

  const meta = (field: FieldOfAction | null) => ({
    unit: { id: unit.id, name: unit.name },
    from,
    to,
    stichtag: query.stichtag ?? null,
    filters: { channel: null, language: null, field },
    minCount: min,
    lang: query.lang,
  });
  const present = (
    measure: Measure,
    table: (typeof tables)[keyof typeof tables],
    field: FieldOfAction | null = consultationField,
  ): Report => presentReport(measure, table, labels, meta(field));
  return {
    unit: { id: unit.id, name: unit.name },
    from,
    to,
    stichtag: query.stichtag ?? null,
    minCount: min,
    consultationField,
    panels: {
      firstConsultations: present(measures.first_consultations, tables.firstConsultations),
      followUps: present(measures.follow_ups, tables.followUps),
      topNationalities: present(measures.top_nationalities, tables.topNationalities),
      topProfessions: present(measures.top_professions, tables.topProfessions),
      fiReasons: present(fi, tables.fiReasons, "faire_integration"),
      recognitionOutcomes: present(outcomes, tables.recognitionOutcomes, null),
      byState: present(measures.first_consultations, tables.byState),
    },
  };
}

/** What the scope picker offers: the caller's scopes, the state networks and sub-projects below them. */
export async function getDashboardOptions(ctx: AppContext, actor: Actor): Promise<DashboardOptions> {
  ensure(readsStatistics(actor));
  const exec = ctx.database.db;
  const scopes = statisticsScopes(actor);
  const below = (await Promise.all(scopes.map((s) => statisticalUnitsUnder(exec, s.unitPath)))).flat();
  const subProjects = [...new Map(below.map((u) => [u.id, u])).values()];
  const scopeRefs = await getUnitRefs(
    exec,
    scopes.map((s) => s.unitId),
  );
  const networkIds = [...new Set(subProjects.map((u) => u.networkId))].filter((id) => !scopeRefs.some((s) => s.id === id));
  // A sub-project lead sees their sub-project, not its state network.
  const networks = (await getUnitRefs(exec, networkIds)).filter((u) => canReadStatistics(actor, u.path));
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name, "de"));
  const level = (type: string): DashboardOptions["units"][number]["level"] =>
    type === "federal" ? "national" : type === "sub_project" ? "sub_project" : "network";
  const units: DashboardOptions["units"] = [
    ...byName(scopeRefs).map((u) => ({
      id: u.id,
      name: u.name,
      level: level(u.type),
      networkId: u.type === "sub_project" ? networkOf(u.path) : null,
    })),
    ...byName(networks).map((u) => ({ id: u.id, name: u.name, level: "network" as const, networkId: null })),
    ...byName(subProjects)
      .filter((u: StatisticalUnit) => !scopeRefs.some((s) => s.id === u.id))
      .map((u) => ({ id: u.id, name: u.name, level: "sub_project" as const, networkId: u.networkId })),
  ];
  const { from, to } = planPeriod(ctx, {});
  const today = berlinToday(ctx);
  return {
    units,
    defaultUnit: defaultStatisticsUnit(actor),
    from,
    to,
    periods: ctx.config.fundingPeriods
      .filter((p) => p.from <= today)
      .map((p) => ({ code: p.code, from: p.from.slice(0, 7), to: p.to.slice(0, 7) })),
    minCount: ctx.config.monitoringMinCount,
  };
}

/** The unit below the root on a path (a sub-project's state network); null for the root itself. */
function networkOf(path: string): string | null {
  return path.split("/")[1] ?? null;
}
