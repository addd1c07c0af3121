/**
 * ECharts options and one-sentence summaries of the dashboard's panels, built from the reports as
 * the server protected them: a suppressed cell is a gap (null) in a chart, never a number, and a
 * summary names only cells that are shown.
 */
import type { EChartsCoreOption } from "echarts/core";
import type { Report, ReportRow } from "../../../api/monitoring.js";
import { chartColors, choroplethColors } from "../../../components/chart/palette.js";
import { dateTimeFormat, numberFormat } from "../../../components/intl-cache.js";
import { codeLabel, formatCell } from "../../../components/report/format.js";

export type Translate = (key: string, values?: Record<string, unknown>) => string;

// ECharts' own font: it measures labels with the font it draws them in (an inherited page font
// would be measured as sans-serif and overflow its place).
const textStyle = { color: "#1f2933" };
const axisLabel = { color: "#3f4a56" };

/** Every month from `from` to `to` (YYYY-MM), so that months without counts show as 0. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export const monthLabel = (month: string, locale: string) =>
  dateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));

/**
 * The shown (not suppressed) rows with a value, largest first; "not stated" ('') is no answer to
 * "which is the most frequent", so a summary never names it.
 */
function shownByValue(rows: ReportRow[], dimension?: string): ReportRow[] {
  return rows
    .filter((r) => !r.suppressed && !r.other && r.value !== null && (!dimension || r[dimension] !== ""))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

/** A row's value for a chart: null (a gap) when suppressed. */
const chartValue = (row: ReportRow | undefined) => (row ? (row.suppressed ? null : row.value) : 0);

function tooltipValue(report: Report, locale: string) {
  return (value: unknown) => (typeof value === "number" ? formatCell({ value, suppressed: false }, report, locale) : "–");
}

// -- trend ------------------------------------------------------------------------------------

export function trendOption(first: Report, followUps: Report, locale: string): EChartsCoreOption {
  const months = monthsBetween(first.from, first.to);
  const series = [first, followUps].map((report, i) => {
    const byMonth = new Map(report.rows.map((r) => [r.month as string, r]));
    return {
      type: "line",
      name: report.label,
      data: months.map((m) => chartValue(byMonth.get(m))),
      showSymbol: months.length <= 24,
      symbol: i === 0 ? "circle" : "triangle",
      lineStyle: { width: 2, type: i === 0 ? "solid" : "dashed" },
      connectNulls: false,
    };
  });
  return {
    color: [chartColors[0], chartColors[1]],
    textStyle,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle },
    tooltip: { trigger: "axis", valueFormatter: tooltipValue(first, locale) },
    xAxis: { type: "category", data: months.map((m) => monthLabel(m, locale)), axisLabel },
    yAxis: { type: "value", minInterval: 1, axisLabel: { ...axisLabel, formatter: (v: number) => numberFormat(locale, {}).format(v) } },
    series,
  };
}

export function trendSummary(first: Report, followUps: Report, t: Translate, locale: string): string {
  const peak = shownByValue(first.rows)[0];
  const values = {
    from: monthLabel(first.from, locale),
    to: monthLabel(first.to, locale),
    first: formatCell(first.total, first, locale),
    followUps: formatCell(followUps.total, followUps, locale),
  };
  if (!peak) return t("monitoringDashboard.summary.trendFlat", values);
  return t("monitoringDashboard.summary.trend", {
    ...values,
    peakMonth: monthLabel(peak.month as string, locale),
    peak: formatCell(peak, first, locale),
  });
}

// -- ranked bars (top lists, outcomes) -------------------------------------------------------

/** Horizontal bars of a one-way report, in the report's order (top lists: by rank). */
export function barsOption(report: Report, t: Translate, locale: string, color: string = chartColors[0]): EChartsCoreOption {
  const dim = report.dimensions[0]?.id;
  const rows = report.rows.filter((r) => !r.other);
  const other = t("monitoringTable.other");
  return {
    color: [color],
    textStyle,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: tooltipValue(report, locale) },
    // The first row on top.
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => (dim ? codeLabel(report, dim, r, other) : "")),
      axisLabel: { ...axisLabel, width: 140, overflow: "truncate" },
    },
    xAxis: { type: "value", minInterval: 1, axisLabel: { ...axisLabel, formatter: (v: number) => numberFormat(locale, {}).format(v) } },
    series: [{ type: "bar", name: report.label, data: rows.map((r) => chartValue(r)), barMaxWidth: 28 }],
  };
}

/** "Most often X with N (share)": the largest shown row, or the empty sentence. */
export function rankedSummary(report: Report, key: string, t: Translate, locale: string): string {
  const dim = report.dimensions[0]?.id;
  const top = shownByValue(report.rows, dim)[0];
  const total = formatCell(report.total, report, locale);
  if (!top || !dim) return t(`monitoringDashboard.summary.${report.rows.length > 0 ? "noneNamed" : "empty"}`, { total });
  return t(`monitoringDashboard.summary.${key}`, {
    name: codeLabel(report, dim, top, ""),
    value: formatCell(top, report, locale),
    share: top.share != null ? `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(top.share)} %` : "",
    total,
    count: report.rows.filter((r) => !r.other).length,
  });
}

// -- Faire Integration: grouped bars first / follow-up ---------------------------------------

export function fiOption(report: Report, locale: string): EChartsCoreOption {
  const reasons = report.margins.reason ?? [];
  const kinds = report.margins.kind ?? [];
  const cell = new Map(report.rows.map((r) => [`${r.reason}\u0000${r.kind}`, r]));
  return {
    color: [chartColors[0], chartColors[1]],
    textStyle,
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: tooltipValue(report, locale) },
    yAxis: {
      type: "category",
      inverse: true,
      data: reasons.map((r) => codeLabel(report, "reason", r, "")),
      axisLabel: { ...axisLabel, width: 150, overflow: "truncate" },
    },
    xAxis: { type: "value", minInterval: 1, axisLabel: { ...axisLabel, formatter: (v: number) => numberFormat(locale, {}).format(v) } },
    series: kinds.map((k, i) => ({
      type: "bar",
      name: codeLabel(report, "kind", k, ""),
      data: reasons.map((r) => chartValue(cell.get(`${r.reason}\u0000${k.kind}`))),
      barMaxWidth: 18,
      itemStyle:
        i === 1
          ? { decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: "rgba(255,255,255,0.55)" } }
          : {},
    })),
  };
}

export function fiSummary(report: Report, t: Translate, locale: string): string {
  const top = shownByValue(report.margins.reason ?? [], "reason")[0];
  const total = formatCell(report.total, report, locale);
  if (!top) return t("monitoringDashboard.summary.empty", { total });
  const cellOf = (kind: string) => report.rows.find((r) => r.reason === top.reason && r.kind === kind);
  const show = (row: ReportRow | undefined) => (row ? formatCell(row, report, locale) : "0");
  return t("monitoringDashboard.summary.fiReasons", {
    total,
    reason: codeLabel(report, "reason", top, ""),
    value: formatCell(top, report, locale),
    first: show(cellOf("first_consultation")),
    followUps: show(cellOf("follow_up")),
  });
}

// -- map -------------------------------------------------------------------------------------

export const GERMANY_MAP = "lotse-germany-states";

export function mapOption(report: Report, locale: string): EChartsCoreOption {
  const values = report.rows.filter((r) => r.state && !r.suppressed && r.value !== null).map((r) => r.value!);
  const max = Math.max(3, ...values);
  return {
    textStyle,
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; value: unknown }) => {
        const row = report.rows.find((r) => r.state === p.name);
        const name = report.labels.state?.[p.name] ?? p.name;
        return `${name}: ${row ? formatCell(row, report, locale) : "0"}`;
      },
    },
    visualMap: {
      type: "continuous",
      min: 0,
      max,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 160,
      calculable: false,
      inRange: { color: [...choroplethColors] },
      text: [numberFormat(locale, {}).format(max), "0"],
      textStyle,
    },
    series: [
      {
        type: "map",
        map: GERMANY_MAP,
        nameProperty: "id",
        roam: false,
        top: 8,
        bottom: 48,
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { areaColor: chartColors[4] } },
        select: { disabled: true },
        itemStyle: { areaColor: "#f1f3f5", borderColor: "#3f4a56", borderWidth: 0.8 },
        data: report.rows
          .filter((r) => r.state && !r.suppressed && r.value !== null)
          .map((r) => ({ name: r.state as string, value: r.value })),
      },
    ],
  };
}

export function mapSummary(report: Report, t: Translate, locale: string): string {
  const shown = shownByValue(report.rows, "state");
  const top = shown[0];
  const total = formatCell(report.total, report, locale);
  if (!top) return t("monitoringDashboard.summary.empty", { total });
  return t("monitoringDashboard.summary.byState", {
    total,
    name: codeLabel(report, "state", top, ""),
    value: formatCell(top, report, locale),
    count: report.rows.filter((r) => r.state).length,
  });
}
