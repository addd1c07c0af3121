import type { MeasureCatalogue, Report, ReportQuery } from "../../../common/contracts/monitoring.js";
import { type Dimension, dimensionLabels, dimensions, monthsOf, timeDimensions } from "../../../common/domain/monitoring/dimensions.js";
import { DEFAULT_TOP, familiesWithChannel, type Measure, measureIds, measures } from "../../../common/domain/monitoring/measures.js";
import type { Executor } from "../../db/index.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError, invalidField } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { referenceProfessionNames } from "../consultations/reference-professions-service.js";
import { berlinToday, getUnitRef, getUnitRefs, type StatisticalUnit, statisticalUnitsUnder } from "../directory/service.js";
import { canReadStatistics, defaultStatisticsUnit, readsStatistics } from "./policy.js";
import { type DataLabels, presentReport } from "./presenter.js";
import type { Slice } from "./report-sql.js";
import * as repo from "./repository.js";
import { buildTable } from "./tables.js";

/**
 * Reports of the monitoring (decision 0007): one measure for a unit's subtree and a period, up to
 * two breakdowns, read from the rollups only, every cell through disclosure control.
 */

/** The report's table settings after checking the query against the measure. */
type Plan = { measure: Measure; dims: Dimension[]; from: string; to: string; top: number };

function planDimensions(measure: Measure, query: ReportQuery): Dimension[] {
  if (query.by2 && !query.by) throw invalidField("by2", "without_by", "Eine zweite Aufgliederung braucht eine erste (by).");
  const dims = [query.by, query.by2].filter((d): d is Dimension => Boolean(d));
  if (measure.top) {
    if (dims.some((d) => d !== measure.top))
      throw invalidField("by", "top_list", `Eine Rangliste wird nur nach ${dimensionLabels[measure.top].de} gebildet.`);
    return [measure.top];
  }
  if (dims.length === 2 && dims[0] === dims[1])
    throw invalidField("by2", "duplicate", "Die zweite Aufgliederung muss eine andere sein als die erste.");
  for (const [i, d] of dims.entries()) {
    if (!measure.dimensions.includes(d))
      throw invalidField(
        i === 0 ? "by" : "by2",
        "not_available",
        `„${measure.label.de}“ lässt sich nicht nach ${dimensionLabels[d].de} aufgliedern. Möglich: ${measure.dimensions.join(", ")}.`,
      );
  }
  if (dims.length === 2 && dims.every((d) => timeDimensions.includes(d)))
    throw invalidField("by2", "two_time_dimensions", "Nur eine zeitliche Aufgliederung (Monat, Quartal oder Jahr) ist möglich.");
  if (measure.mentions) {
    const mentioned = measure.mentions.dimension;
    if (dims.length === 0) return [mentioned];
    if (!dims.includes(mentioned))
      throw invalidField(
        "by",
        "mentions_dimension",
        `Mehrfachnennungen werden nach ${dimensionLabels[mentioned].de} aufgegliedert (by oder by2).`,
      );
  }
  return dims;
}

/** Whole months: a funding period, or from/to (month, quarter, year); defaults to the current period so far. */
export function planPeriod(ctx: AppContext, query: Pick<ReportQuery, "period" | "from" | "to">): { from: string; to: string } {
  const periods = ctx.config.fundingPeriods;
  const thisMonth = berlinToday(ctx).slice(0, 7);
  if (query.period) {
    if (query.from || query.to)
      throw invalidField("period", "exclusive", "Bitte entweder eine Förderperiode oder einen Zeitraum (from, to) angeben.");
    const period = periods.find((p) => p.code === query.period);
    if (!period)
      throw invalidField("period", "unknown", `Diese Förderperiode gibt es nicht. Möglich: ${periods.map((p) => p.code).join(", ")}.`);
    return { from: period.from.slice(0, 7), to: period.to.slice(0, 7) };
  }
  const to = query.to ? monthsOf(query.to)?.last : thisMonth;
  if (!to) throw invalidField("to", "invalid", "Monat (2022-09), Quartal (2022-Q3) oder Jahr (2022)");
  let from = query.from ? monthsOf(query.from)?.first : undefined;
  if (query.from && !from) throw invalidField("from", "invalid", "Monat (2022-09), Quartal (2022-Q3) oder Jahr (2022)");
  if (!from) {
    const period = periods.find((p) => p.from.slice(0, 7) <= to && to <= p.to.slice(0, 7));
    from = period ? period.from.slice(0, 7) : to;
  }
  if (from > to) throw invalidField("to", "before_from", "Das Ende des Zeitraums liegt vor seinem Anfang.");
  return { from, to };
}

function plan(ctx: AppContext, query: ReportQuery): Plan {
  const measure = measures[query.measure];
  const dims = planDimensions(measure, query);
  if (query.top && !measure.top) throw invalidField("top", "not_a_list", "top gilt nur für Ranglisten.");
  if ((query.channel || query.language) && !familiesWithChannel.includes(measure.family))
    throw invalidField(
      query.channel ? "channel" : "language",
      "not_applicable",
      `„${measure.label.de}“ hat keine Beratungsform und Sprache.`,
    );
  if (query.field && measure.field && query.field !== measure.field)
    throw invalidField("field", "fixed", `„${measure.label.de}“ zählt nur im Handlungsschwerpunkt ${measure.field}.`);
  return { measure, dims, ...planPeriod(ctx, query), top: query.top ?? DEFAULT_TOP };
}

/** The unit whose subtree the report counts, after the policy: unknown 404, not the caller's 403. */
export async function scopeUnit(exec: Executor, actor: Actor, requested: string | undefined) {
  ensure(readsStatistics(actor));
  const unitId = requested ?? defaultStatisticsUnit(actor);
  if (!unitId) throw invalidField("unit", "required", "Bitte wählen Sie die Einheit, für die gezählt wird.");
  const unit = await getUnitRef(exec, unitId);
  if (!unit) throw new AppError("not_found", { errors: [fieldError("unit", "not_found", "Diese Einheit gibt es nicht.")] });
  ensure(canReadStatistics(actor, unit.path));
  return unit;
}

async function dataLabels(exec: Executor, dims: Dimension[], units: StatisticalUnit[], codes: string[][]): Promise<DataLabels> {
  const names = new Map(units.map((u) => [u.id, u.name]));
  if (dims.includes("network")) {
    const networks = await getUnitRefs(exec, [...new Set(units.map((u) => u.networkId))]);
    for (const n of networks) names.set(n.id, n.name);
  }
  const p = dims.indexOf("profession");
  const professions = p >= 0 ? await referenceProfessionNames(exec, codes.map((c) => c[p]!).filter(Boolean)) : new Map<string, string>();
  return { units: names, professions };
}

const firstDay = (month: string) => `${month}-01`;

/**
 * The root and the units right below it (state networks) count every sub-project of whole state
 * networks — what the network rollups keep (report-sql.ts networkAttribute).
 */
export function coversWholeNetworks(unit: { path: string }): boolean {
  return unit.path.split("/").length <= 2;
}

export async function getReport(ctx: AppContext, actor: Actor, query: ReportQuery): Promise<Report> {
  const exec = ctx.database.db;
  const unit = await scopeUnit(exec, actor, query.unit);
  const { measure, dims, from, to, top } = plan(ctx, query);
  const field = query.field ?? measure.field ?? null;
  const all = await statisticalUnitsUnder(exec, unit.path);
  const units = field ? all.filter((u) => u.field === field) : all;
  const slice: Slice = {
    family: measure.family,
    kinds: measure.kinds,
    fromMonth: firstDay(from),
    toMonth: firstDay(to),
    units,
    referenceDate: query.stichtag,
    channel: query.channel,
    language: query.language,
    dims,
    part: measure.part,
    wholeNetworks: coversWholeNetworks(unit),
  };
  const rows = await repo.readSlice(exec, slice);
  const baseRows = measure.mentions
    ? await repo.readSlice(exec, {
        ...slice,
        family: measure.mentions.baseFamily,
        dims: dims.filter((d) => d !== measure.mentions!.dimension),
      })
    : undefined;
  const table = buildTable({ measure, dims, rows, baseRows, min: ctx.config.monitoringMinCount, top });
  const labels = await dataLabels(
    exec,
    dims,
    all,
    table.cells.map((c) => c.codes.map((x) => x ?? "")),
  );
  return presentReport(measure, table, labels, {
    unit: { id: unit.id, name: unit.name },
    from,
    to,
    stichtag: query.stichtag ?? null,
    filters: { channel: query.channel ?? null, language: query.language ?? null, field },
    minCount: ctx.config.monitoringMinCount,
    lang: query.lang,
  });
}

/** What a UI may offer: measures, their breakdowns and filters, labels in German and English. */
export function measureCatalogue(ctx: AppContext, actor: Actor): MeasureCatalogue {
  ensure(readsStatistics(actor));
  return {
    minCount: ctx.config.monitoringMinCount,
    measures: measureIds.map((id) => {
      const m = measures[id];
      return {
        id,
        label: m.label,
        definition: m.definition,
        value: m.value,
        dimensions: [...m.dimensions],
        top: m.top ?? null,
        mentions: m.mentions?.dimension ?? null,
        field: m.field ?? null,
        filters: [
          ...(familiesWithChannel.includes(m.family) ? (["channel", "language"] as const) : []),
          ...(m.field ? [] : (["field"] as const)),
          "stichtag" as const,
        ],
      };
    }),
    dimensions: dimensions.map((id) => ({ id, label: dimensionLabels[id] })),
  };
}

/**
 * Checks a report query as getReport would (the unit: 404 unknown, 403 outside the caller's
 * scope; the query against its measure: 400 naming the parameter) without reading any figure.
 * For saved queries (saved-queries.ts), which keep only queries the engine accepts.
 */
export async function checkReportQuery(ctx: AppContext, actor: Actor, query: Omit<ReportQuery, "format" | "lang">) {
  const unit = await scopeUnit(ctx.database.db, actor, query.unit);
  plan(ctx, { ...query, format: "json", lang: "de" });
  return unit;
}
