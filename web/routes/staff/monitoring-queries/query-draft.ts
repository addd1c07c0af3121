import type { CalendarDate } from "@internationalized/date";
import { parseDate } from "@internationalized/date";
import { DEFAULT_FUNDING_PERIODS, parseFundingPeriods } from "../../../../common/domain/funding-periods.js";
import type { SavedReportQuery } from "../../../api/monitoring-queries.js";

/** The builder's form state and its translation to and from a report query. */
export type PeriodKind = "month" | "quarter" | "year" | "funding" | "range";
export const periodKinds: readonly PeriodKind[] = ["month", "quarter", "year", "funding", "range"];

export type Draft = {
  measure: string;
  unitId: string | null;
  periodKind: PeriodKind;
  month: string;
  year: string;
  quarter: string;
  funding: string;
  from: string;
  to: string;
  stichtag: CalendarDate | null;
  channel: string;
  language: string;
  by: string;
  by2: string;
};

/** The network's funding periods (the server's FUNDING_PERIODS default). */
export const fundingPeriodCodes = parseFundingPeriods(DEFAULT_FUNDING_PERIODS).map((p) => p.code);

export const yearsOffered = (thisYear: number) => Array.from({ length: thisYear - 2015 + 1 }, (_, i) => String(thisYear - i));

export function emptyDraft(today: string): Draft {
  const year = today.slice(0, 4);
  return {
    measure: "first_consultations",
    unitId: null,
    periodKind: "year",
    month: today.slice(0, 7),
    year,
    quarter: "1",
    funding: fundingPeriodCodes.find((c) => c.split("-")[0]! <= year && year <= (c.split("-")[1] ?? year)) ?? fundingPeriodCodes[0]!,
    from: `${year}-01`,
    to: today.slice(0, 7),
    stichtag: null,
    channel: "",
    language: "",
    by: "",
    by2: "",
  };
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as T;

/** The report query the form stands for. */
export function queryOf(draft: Draft): SavedReportQuery {
  const period = (() => {
    switch (draft.periodKind) {
      case "month":
        return { from: draft.month, to: draft.month };
      case "quarter":
        return { from: `${draft.year}-Q${draft.quarter}`, to: `${draft.year}-Q${draft.quarter}` };
      case "year":
        return { from: draft.year, to: draft.year };
      case "funding":
        return { period: draft.funding };
      case "range":
        return { from: draft.from, to: draft.to };
    }
  })();
  return defined({
    measure: draft.measure as SavedReportQuery["measure"],
    unit: draft.unitId ?? undefined,
    ...period,
    stichtag: draft.stichtag?.toString(),
    channel: (draft.channel || undefined) as SavedReportQuery["channel"],
    language: draft.language.trim() || undefined,
    by: (draft.by || undefined) as SavedReportQuery["by"],
    by2: (draft.by && draft.by2 ? draft.by2 : undefined) as SavedReportQuery["by2"],
  });
}

/** The form for a saved query (the inverse of queryOf). */
export function draftOf(query: SavedReportQuery, today: string): Draft {
  const draft: Draft = {
    ...emptyDraft(today),
    measure: query.measure,
    unitId: query.unit ?? null,
    stichtag: query.stichtag ? parseDate(query.stichtag) : null,
    channel: query.channel ?? "",
    language: query.language ?? "",
    by: query.by ?? "",
    by2: query.by2 ?? "",
  };
  const { from, to } = query;
  if (query.period) return { ...draft, periodKind: "funding", funding: query.period };
  if (from && from === to) {
    if (/^\d{4}$/.test(from)) return { ...draft, periodKind: "year", year: from };
    const q = /^(\d{4})-Q([1-4])$/.exec(from);
    if (q) return { ...draft, periodKind: "quarter", year: q[1]!, quarter: q[2]! };
    if (/^\d{4}-\d{2}$/.test(from)) return { ...draft, periodKind: "month", month: from };
  }
  return { ...draft, periodKind: "range", from: from ?? draft.from, to: to ?? draft.to };
}
