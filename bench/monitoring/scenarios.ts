import type { Dimension } from "../../common/domain/monitoring/dimensions.js";
import { type MeasureId, measures } from "../../common/domain/monitoring/measures.js";
import type { ScopeUnit, Slice } from "../../server/modules/monitoring/report-sql.js";

/**
 * What the monitoring benchmark measures, as a list: each scenario is a set of app requests
 * (cycled by autocannon) and, where there is one, the same question as hand-written SQL over the
 * raw facts (raw-facts.ts) for the baseline server. A national dashboard (all its panels) is one
 * more entry with several requests and its own target.
 */
export type Report = {
  measure: MeasureId;
  from: string;
  to: string;
  by?: Dimension;
  by2?: Dimension;
  field?: string;
  stichtag?: string;
  channel?: string;
};

export type Scenario = {
  name: string;
  /** What the goal is: p95 server time of the app, and the ratio app / raw SQL. */
  target: { p95Ms: number; ratio?: number };
  reports: Report[];
  /**
   * Measured as one request to the dashboard instead of one per report; the baseline then runs
   * the reports' raw SQL concurrently, as the dashboard runs its panels.
   */
  dashboard?: { from: string; to: string };
};

const national = { from: "2019-01", to: "2022-09", field: "recognition_counseling" } as const;

const dashboardPeriod = { from: "2019-01", to: "2022-09" } as const;
const dashboardFirst = { measure: "first_consultations", ...dashboardPeriod, field: "recognition_counseling" } as const;

export const scenarios: Scenario[] = [
  {
    // The panels of GET /api/monitoring/dashboard (dashboard.ts) as the reports they equal.
    name: "national dashboard, all panels (01/2019–09/2022)",
    target: { p95Ms: 150, ratio: 0.5 },
    dashboard: dashboardPeriod,
    reports: [
      { ...dashboardFirst, by: "month" },
      { measure: "follow_ups", ...dashboardPeriod, field: "recognition_counseling", by: "month" },
      { ...dashboardFirst, measure: "top_nationalities", by: "nationality" },
      { ...dashboardFirst, measure: "top_professions", by: "profession" },
      { measure: "fi_reasons", ...dashboardPeriod, by: "reason", by2: "kind" },
      { measure: "recognition_outcomes", ...dashboardPeriod, by: "outcome" },
      { ...dashboardFirst, by: "state" },
    ],
  },
  {
    name: "first consultations, state network × nationality (01/2019–09/2022)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [{ measure: "first_consultations", ...national, by: "network", by2: "nationality" }],
  },
  {
    name: "first consultations, year × reference profession (2015–09/2022)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [
      { measure: "first_consultations", from: "2015-01", to: "2022-09", field: "recognition_counseling", by: "year", by2: "profession" },
    ],
  },
  {
    name: "all consultations, state network × age group (2015–09/2022)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [{ measure: "consultations", from: "2015-01", to: "2022-09", by: "network", by2: "age_group" }],
  },
  {
    name: "first consultations, sub-project × gender (01/2019–09/2022)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [{ measure: "first_consultations", ...national, by: "sub_project", by2: "gender" }],
  },
  {
    name: "first consultations, month × refugee background, Stichtag and channel (2019–2020)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [
      {
        measure: "first_consultations",
        from: "2019-01",
        to: "2020-12",
        by: "month",
        by2: "refugee",
        stichtag: "2020-06-30",
        channel: "in_person",
      },
    ],
  },
  {
    name: "referrals, state network × status (2015–09/2022)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [{ measure: "referrals", from: "2015-01", to: "2022-09", by: "network", by2: "status" }],
  },
  {
    name: "recognition outcomes, year × outcome (2015–09/2022)",
    target: { p95Ms: 300, ratio: 0.5 },
    reports: [{ measure: "recognition_outcomes", from: "2015-01", to: "2022-09", by: "year", by2: "outcome" }],
  },
];

export function dashboardPath(period: { from: string; to: string }, unit: string): string {
  return `/api/monitoring/dashboard?${new URLSearchParams({ unit, ...period })}`;
}

export function reportPath(report: Report, unit: string): string {
  const query = new URLSearchParams({ unit, measure: report.measure, from: report.from, to: report.to });
  for (const key of ["by", "by2", "field", "stichtag", "channel"] as const) if (report[key]) query.set(key, report[key]!);
  return `/api/monitoring/report?${query}`;
}

/** The report's slice as the service builds it (service.ts getReport), for the raw SQL. */
export function sliceOf(report: Report, all: ScopeUnit[]): Slice {
  const m = measures[report.measure];
  const field = report.field ?? m.field;
  return {
    family: m.family,
    kinds: m.kinds,
    fromMonth: `${report.from}-01`,
    toMonth: `${report.to}-01`,
    units: field ? all.filter((u) => u.field === field) : all,
    referenceDate: report.stichtag,
    channel: report.channel,
    dims: [report.by, report.by2].filter((d): d is Dimension => Boolean(d)),
    part: m.part,
  };
}
