import { useTranslation } from "react-i18next";
import type { Report, ReportRow } from "../../api/monitoring.js";
import { codeLabel, formatCell, formatShare, SUPPRESSED_MARK } from "./format.js";

type Props = {
  report: Report;
  /** The table's caption (visible); the chart next to it, if any, uses the same words. */
  caption: string;
  /** Rows shown at most (top lists are short anyway); the rest is summed up by the server's "other". */
  limit?: number;
};

/**
 * A monitoring report as an accessible table: with one breakdown a list of values (and shares
 * for top lists and multiple mentions), with two a cross table whose row and column totals are
 * the server's margins. The cells are what disclosure control left: "<3" and "•" explained
 * below the table, never a number for a suppressed cell.
 */
export function ReportTable({ report, caption, limit }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dims = report.dimensions;
  const hasShare = report.rows.some((r) => r.share !== undefined);
  const anySuppressed = report.total.suppressed || report.rows.some((r) => r.suppressed);
  const other = t("monitoringTable.other");

  return (
    // A wide table scrolls on a phone: the scroll area takes keyboard focus (WCAG 2.1.1), named by the caption.
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <div className="table-scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="simple-table report-table">
        <caption>{caption}</caption>
        {dims.length === 2 ? (
          <CrossTable report={report} locale={locale} other={other} />
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">{dims[0]?.label ?? t("monitoringTable.measure")}</th>
                <th scope="col" className="numeric">
                  {report.label}
                </th>
                {hasShare && (
                  <th scope="col" className="numeric">
                    {t("monitoringTable.share")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {dims[0] &&
                (limit ? report.rows.slice(0, limit) : report.rows).map((row) => (
                  // A code occurs once per row; the "other" row has none.
                  <tr key={row.other ? "\u0000other" : String(row[dims[0]!.id])}>
                    <th scope="row">{codeLabel(report, dims[0]!.id, row, other)}</th>
                    <td className="numeric">{formatCell(row, report, locale)}</td>
                    {hasShare && <td className="numeric">{formatShare(row, locale)}</td>}
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("monitoringTable.total")}</th>
                <td className="numeric">{formatCell(report.total, report, locale)}</td>
                {hasShare && <td />}
              </tr>
            </tfoot>
          </>
        )}
      </table>
      {(anySuppressed || report.withheld) && (
        <p className="muted report-legend">
          {report.withheld ? t("monitoringTable.withheld") : t("monitoringTable.legend", { min: report.minCount, mark: SUPPRESSED_MARK })}
        </p>
      )}
    </div>
  );
}

/** Two breakdowns: rows along the first, columns along the second, margins as totals. */
function CrossTable({ report, locale, other }: { report: Report; locale: string; other: string }) {
  const { t } = useTranslation();
  const [first, second] = [report.dimensions[0]!.id, report.dimensions[1]!.id];
  const rowTotals = report.margins[first] ?? [];
  const columnTotals = report.margins[second] ?? [];
  const cellOf = new Map(report.rows.map((r) => [`${r[first]}\u0000${r[second]}`, r]));
  const find = (row: ReportRow, column: ReportRow) => cellOf.get(`${row[first]}\u0000${column[second]}`);

  return (
    <>
      <thead>
        <tr>
          <th scope="col">
            {report.dimensions[0]!.label} / {report.dimensions[1]!.label}
          </th>
          {columnTotals.map((column) => (
            <th scope="col" className="numeric" key={String(column[second])}>
              {codeLabel(report, second, column, other)}
            </th>
          ))}
          <th scope="col" className="numeric">
            {t("monitoringTable.total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rowTotals.map((row) => (
          <tr key={String(row[first])}>
            <th scope="row">{codeLabel(report, first, row, other)}</th>
            {columnTotals.map((column) => {
              const cell = find(row, column);
              return (
                <td className="numeric" key={String(column[second])}>
                  {/* No row for a combination: nothing was counted there. */}
                  {cell ? formatCell(cell, report, locale) : formatCell({ value: 0, suppressed: false }, report, locale)}
                </td>
              );
            })}
            <td className="numeric">{formatCell(row, report, locale)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("monitoringTable.total")}</th>
          {columnTotals.map((column) => (
            <td className="numeric" key={String(column[second])}>
              {formatCell(column, report, locale)}
            </td>
          ))}
          <td className="numeric">{formatCell(report.total, report, locale)}</td>
        </tr>
      </tfoot>
    </>
  );
}
