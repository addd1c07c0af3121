/**
 * The dashboard's panels: each a heading, a one-sentence summary, an ECharts drawing (an image
 * labelled with the same sentence) and the report as a table in a <details>, so the numbers are
 * there for screen readers, keyboards and copying.
 */
import type { EChartsCoreOption } from "echarts/core";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard, Report } from "../../../api/monitoring.js";
import { EChart } from "../../../components/chart/EChart.js";
import { chartColors } from "../../../components/chart/palette.js";
import { ReportTable } from "../../../components/report/ReportTable.js";
import {
  barsOption,
  fiOption,
  fiSummary,
  GERMANY_MAP,
  mapOption,
  mapSummary,
  rankedSummary,
  type Translate,
  trendOption,
  trendSummary,
} from "./charts.js";

type PanelProps = {
  id: string;
  title: string;
  note?: string;
  summary: string;
  chart: ReactNode;
  tables: { report: Report; caption: string }[];
  /** No rows to draw (nothing counted, or the table is withheld). */
  empty?: boolean;
};

function Panel({ id, title, note, summary, chart, tables, empty = false }: PanelProps) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-panel" aria-labelledby={id} data-panel={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="muted dashboard-note">{note}</p>}
      <p className="dashboard-summary">{summary}</p>
      {/* Nothing to draw: the summary says so, the table shows the total. */}
      {!empty && chart}
      <details className="dashboard-table">
        <summary>{t("monitoringDashboard.showTable")}</summary>
        {tables.map((table) => (
          <ReportTable key={table.caption} report={table.report} caption={table.caption} />
        ))}
      </details>
    </section>
  );
}

type GeoJson = { type: string; features: unknown[] };
let germany: Promise<GeoJson> | undefined;
/** The states' borders (~100 KB), fetched with the first map. */
const loadGermany = () => {
  germany ??= import("../../../assets/bundeslaender.geo.json").then((m) => m.default as unknown as GeoJson);
  return germany;
};

function GermanyMap({ option, summary }: { option: EChartsCoreOption; summary: string }) {
  const { t } = useTranslation();
  const [geo, setGeo] = useState<GeoJson | null>(null);
  useEffect(() => {
    let live = true;
    void loadGermany().then((g) => live && setGeo(g));
    return () => {
      live = false;
    };
  }, []);
  return (
    <figure className="dashboard-map">
      {geo ? (
        <EChart
          option={option}
          summary={summary}
          height="26rem"
          prepare={(echarts) => {
            // biome-ignore lint/suspicious/noExplicitAny: ECharts types GeoJSON loosely
            if (!echarts.getMap(GERMANY_MAP)) echarts.registerMap(GERMANY_MAP, geo as any);
          }}
        />
      ) : (
        <div className="chart" role="img" aria-label={summary} style={{ height: "26rem" }} />
      )}
      <figcaption className="muted dashboard-credit">{t("monitoringDashboard.mapCredit")}</figcaption>
    </figure>
  );
}

export function DashboardPanels({ dashboard }: { dashboard: Dashboard }) {
  const { t: translate, i18n } = useTranslation();
  const t = translate as unknown as Translate;
  const locale = i18n.language;
  const p = dashboard.panels;
  const key = useId();
  const fieldNote = dashboard.consultationField ? t("monitoringDashboard.countsCounseling") : undefined;

  const options = useMemo(
    () => ({
      trend: trendOption(p.firstConsultations, p.followUps, locale),
      nationalities: barsOption(p.topNationalities, t, locale, chartColors[0]),
      professions: barsOption(p.topProfessions, t, locale, chartColors[2]),
      fi: fiOption(p.fiReasons, locale),
      outcomes: barsOption(p.recognitionOutcomes, t, locale, chartColors[3]),
      map: mapOption(p.byState, locale),
    }),
    [p, t, locale],
  );
  const summaries = {
    trend: trendSummary(p.firstConsultations, p.followUps, t, locale),
    nationalities: rankedSummary(p.topNationalities, "nationalities", t, locale),
    professions: rankedSummary(p.topProfessions, "professions", t, locale),
    fi: fiSummary(p.fiReasons, t, locale),
    outcomes: rankedSummary(p.recognitionOutcomes, "outcomes", t, locale),
    map: mapSummary(p.byState, t, locale),
  };
  const title = (k: string) => t(`monitoringDashboard.panels.${k}`);
  const barHeight = (report: Report, min = 8) => `${Math.max(min, 3 + report.rows.length * 2.4)}rem`;

  return (
    <div className="dashboard-grid">
      <Panel
        id={`${key}-trend`}
        title={title("trend")}
        note={fieldNote}
        summary={summaries.trend}
        chart={<EChart option={options.trend} summary={summaries.trend} height="20rem" />}
        empty={p.firstConsultations.rows.length === 0 && p.followUps.rows.length === 0}
        tables={[
          { report: p.firstConsultations, caption: p.firstConsultations.label },
          { report: p.followUps, caption: p.followUps.label },
        ]}
      />
      <Panel
        id={`${key}-nationalities`}
        title={title("nationalities")}
        note={fieldNote}
        summary={summaries.nationalities}
        chart={<EChart option={options.nationalities} summary={summaries.nationalities} height={barHeight(p.topNationalities)} />}
        empty={p.topNationalities.rows.length === 0}
        tables={[{ report: p.topNationalities, caption: title("nationalities") }]}
      />
      <Panel
        id={`${key}-professions`}
        title={title("professions")}
        note={fieldNote}
        summary={summaries.professions}
        chart={<EChart option={options.professions} summary={summaries.professions} height={barHeight(p.topProfessions)} />}
        empty={p.topProfessions.rows.length === 0}
        tables={[{ report: p.topProfessions, caption: title("professions") }]}
      />
      <Panel
        id={`${key}-fi`}
        title={title("fiReasons")}
        note={t("monitoringDashboard.countsFi")}
        summary={summaries.fi}
        chart={
          <EChart
            option={options.fi}
            summary={summaries.fi}
            height={`${Math.max(10, 5 + (p.fiReasons.margins.reason?.length ?? 0) * 3.2)}rem`}
          />
        }
        empty={p.fiReasons.rows.length === 0}
        tables={[{ report: p.fiReasons, caption: title("fiReasons") }]}
      />
      <Panel
        id={`${key}-outcomes`}
        title={title("outcomes")}
        summary={summaries.outcomes}
        chart={<EChart option={options.outcomes} summary={summaries.outcomes} height={barHeight(p.recognitionOutcomes)} />}
        empty={p.recognitionOutcomes.rows.length === 0}
        tables={[{ report: p.recognitionOutcomes, caption: title("outcomes") }]}
      />
      <Panel
        id={`${key}-map`}
        title={title("map")}
        note={fieldNote}
        summary={summaries.map}
        chart={<GermanyMap option={options.map} summary={summaries.map} />}
        tables={[{ report: p.byState, caption: title("map") }]}
      />
    </div>
  );
}
