import type { Report, ReportCell, ReportRow } from "../../api/monitoring.js";
import { numberFormat } from "../intl-cache.js";

/**
 * How a statistic's cell reads: a count with thousands separators, a share with one decimal and
 * "%", "<3" for a count below the minimum, and the suppression mark for a cell hidden so that a
 * small one cannot be worked out (secondary suppression). Never a number for a suppressed cell.
 */
export const SUPPRESSED_MARK = "•";

export function formatValue(value: number, kind: Report["value"], locale: string): string {
  return kind === "share"
    ? `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`
    : numberFormat(locale, {}).format(value);
}

export function formatCell(cell: ReportCell, report: Pick<Report, "value" | "minCount">, locale: string): string {
  if (cell.belowMinimum) return `<${report.minCount}`;
  if (cell.suppressed || cell.value === null) return SUPPRESSED_MARK;
  return formatValue(cell.value, report.value, locale);
}

export function formatShare(cell: ReportCell, locale: string): string {
  if (cell.suppressed || cell.share == null) return cell.share === undefined ? "" : SUPPRESSED_MARK;
  return formatValue(cell.share, "share", locale);
}

/** The label of a row's code along a dimension ('' = not stated; null = all values). */
export function codeLabel(report: Report, dimension: string, row: ReportRow, otherLabel: string): string {
  if (row.other) return otherLabel;
  const code = row[dimension];
  if (typeof code !== "string") return "";
  return report.labels[dimension]?.[code] ?? code;
}
