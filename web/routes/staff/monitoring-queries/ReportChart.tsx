import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Report, ReportRow } from "../../../api/monitoring.js";
import { EChart } from "../../../components/chart/EChart.js";
import { chartColors } from "../../../components/chart/palette.js";
import { codeLabel, formatValue } from "../../../components/report/format.js";

/** Series drawn at most in grouped bars; the table next to the chart has all of them. */
const MAX_SERIES = chartColors.length;

/**
 * A report as bars: one breakdown as one series, two as grouped bars (one series per value of
 * the second breakdown). Suppressed cells have no bar (never a number). The text summary says
 * what the drawing shows; the numbers are in the table.
 */
export function ReportChart({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const other = t("monitoringTable.other");
  const dims = report.dimensions;

  const chart = useMemo(() => {
    if (dims.length === 0 || report.withheld) return null;
    const first = dims[0]!.id;
    const value = (r: ReportRow | undefined) => (r && !r.suppressed ? r.value : null);
    const format = (v: number) => formatValue(v, report.value, locale);
    const categoryRows = dims.length === 2 ? (report.margins[first] ?? []) : report.rows;
    const categories = categoryRows.map((r) => codeLabel(report, first, r, other));
    let series: { name: string; data: (number | null)[] }[];
    let drawn = 0;
    let columns = 0;
    if (dims.length === 1) {
      series = [{ name: report.label, data: report.rows.map(value) }];
    } else {
      const second = dims[1]!.id;
      const columnRows = report.margins[second] ?? [];
      columns = columnRows.length;
      const cells = new Map(report.rows.map((r) => [`${r[first]}\u0000${r[second]}`, r]));
      series = columnRows.slice(0, MAX_SERIES).map((column) => ({
        name: codeLabel(report, second, column, other),
        data: categoryRows.map((row) => value(cells.get(`${row[first]}\u0000${column[second]}`)) ?? (cells.size ? 0 : null)),
      }));
      drawn = series.length;
    }
    const option = {
      color: [...chartColors],
      animation: false,
      aria: { enabled: false },
      tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v == null ? "–" : format(v)) },
      legend: dims.length === 2 ? { top: 0, type: "scroll" } : undefined,
      grid: { left: 8, right: 16, top: dims.length === 2 ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => format(v) } },
      yAxis: {
        type: "category",
        inverse: true,
        data: categories,
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: series.map((s) => ({ type: "bar", name: s.name, data: s.data })),
    };
    const best = dims.length === 1 ? bestRow(report.rows) : null;
    const summary =
      dims.length === 1
        ? t("monitoringQueries.chart.summaryOne", {
            measure: report.label,
            dimension: dims[0]!.label,
            count: categories.length,
            top: best ? codeLabel(report, first, best, other) : "–",
            value: best?.value != null ? format(best.value) : "–",
          })
        : t("monitoringQueries.chart.summaryTwo", {
            measure: report.label,
            first: dims[0]!.label,
            second: dims[1]!.label,
            rows: categories.length,
            columns,
            drawn,
          });
    const height = `${Math.max(10, Math.min(60, categories.length * (dims.length === 2 ? Math.max(1, drawn) * 0.9 : 1.8) + 4))}rem`;
    return { option, summary, height };
  }, [report, dims, locale, other, t]);

  if (!chart) return null;
  return (
    <figure className="query-chart">
      {/* Charts read left to right on right-to-left pages too (as printed in Arabic and Farsi), labels included. */}
      <div dir="ltr">
        <EChart option={chart.option} summary={chart.summary} height={chart.height} />
      </div>
      {/* The same sentence for the eye; assistive technology reads it as the image's label. */}
      <p className="muted" aria-hidden="true">
        {chart.summary}
      </p>
    </figure>
  );
}

function bestRow(rows: ReportRow[]): ReportRow | null {
  let best: ReportRow | null = null;
  for (const r of rows) if (!r.suppressed && !r.other && r.value != null && (!best || r.value > (best.value ?? 0))) best = r;
  return best;
}
