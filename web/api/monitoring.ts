/**
 * Hooks of the monitoring's statistics: the measure catalogue and one report (a measure with up
 * to two breakdowns, after disclosure control on the server). Types from the zod contracts.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  Dashboard,
  DashboardOptions,
  DashboardQuery,
  MeasureCatalogue,
  Report,
  ReportCell,
  ReportQuery,
  ReportRow,
} from "../../common/contracts/monitoring.js";
import { get } from "./client.js";

export type { MeasureCatalogue, Report, ReportCell, ReportRow };
/** A report's query as the web sends it: everything optional but the measure, never `format`. */
export type ReportParams = Partial<Omit<ReportQuery, "format">> & Pick<ReportQuery, "measure">;

const keys = {
  catalogue: (lang: string) => ["monitoring", "measures", lang] as const,
  report: (params: ReportParams) => ["monitoring", "report", params] as const,
};

/** Query-string values of a report (undefined left out), also used for the export links. */
export function reportSearch(params: ReportParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
}

export const useMeasureCatalogue = () =>
  useQuery({
    queryKey: keys.catalogue("all"),
    queryFn: () => get<MeasureCatalogue>("/api/monitoring/measures"),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useReport = (params: ReportParams, enabled = true) =>
  useQuery({
    queryKey: keys.report(params),
    queryFn: () => get<Report>("/api/monitoring/report", reportSearch(params)),
    placeholderData: keepPreviousData,
    enabled,
  });

/** A dashboard's scope as the web sends it (GET /api/monitoring/dashboard). */
export type DashboardParams = Partial<DashboardQuery>;
export type { Dashboard, DashboardOptions };

export const useDashboardOptions = () =>
  useQuery({
    queryKey: ["monitoring", "dashboard-options"] as const,
    queryFn: () => get<DashboardOptions>("/api/monitoring/dashboard/options"),
    staleTime: 5 * 60_000,
  });

export const useDashboard = (params: DashboardParams, enabled = true) =>
  useQuery({
    queryKey: ["monitoring", "dashboard", params] as const,
    queryFn: () => get<Dashboard>("/api/monitoring/dashboard", reportSearch(params as ReportParams)),
    placeholderData: keepPreviousData,
    enabled,
  });
