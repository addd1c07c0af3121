import type { Report, ReportCell, ReportRow } from "../../../common/contracts/monitoring.js";
import type { Lang } from "./presenter.js";
import { cellShown, codeLabel, exportWords, shareShown, shownText } from "./report-cells.js";

/**
 * CSV export of a report (RFC 4180: comma-separated, CRLF line ends, fields with a comma, a quote
 * or a line break in double quotes, quotes doubled). UTF-8 with a byte order mark, so that
 * spreadsheet programs read umlauts right. Suppressed cells carry "<3" (below the minimum) or
 * "x" (hidden to protect another cell); their values are never in the file.
 */

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export function reportCsv(report: Report, lang: Lang): string {
  const w = exportWords[lang];
  const dims = report.dimensions.map((d) => d.id);
  const hasShare = report.rows.some((r) => r.share !== undefined);
  const header = [...report.dimensions.map((d) => d.label), report.label, ...(hasShare ? [w.share] : [])];
  const label = (dim: string, code: string | null | undefined) => codeLabel(report, lang, dim, code);
  const line = (cells: string[], cell: ReportCell) => [
    ...cells,
    shownText(cellShown(cell, report.minCount)),
    ...(hasShare ? [shownText(shareShown(cell))] : []),
  ];
  const lines: string[][] = [header];
  for (const row of report.rows) {
    const names = dims.map((d) => (row.other ? w.other : label(d, row[d] as string | null)));
    lines.push(line(names, row));
  }
  report.dimensions.forEach((d, i) => {
    for (const m of report.margins[d.id] ?? []) {
      const names = dims.map((x, j) => (j === i ? label(x, (m as ReportRow)[x] as string | null) : w.total));
      lines.push(line(names, m));
    }
  });
  lines.push(line(dims.length ? dims.map(() => w.total) : [], report.total));
  return `\uFEFF${csvLines(lines)}`;
}

/** A file name without anything but the measure and the period. */
export function reportFileName(report: Report, extension: "csv" | "xlsx" = "csv"): string {
  return `lotse-${report.measure}-${report.from}-${report.to}.${extension}`;
}
