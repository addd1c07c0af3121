import type { FactSheetQuery, Report, ReportQuery } from "../../../common/contracts/monitoring.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { berlinToday } from "../directory/service.js";
import type { Lang } from "./presenter.js";
import { getReport } from "./service.js";

/**
 * The fact sheet "IQ Netzwerk <Land> in Zahlen" (issue 5, in the style of the state networks'
 * pages in the programme's magazine): a handful of reports of one unit and period, all with the
 * same Stichtag. Every figure is a report of the engine, so disclosure control and the policy
 * (canReadStatistics, asked by getReport for the unit) apply exactly as for the tables.
 */
export type FactSheet = {
  lang: Lang;
  unit: { id: string; name: string };
  from: string;
  to: string;
  /** The Stichtag every figure was counted with (default: the day the sheet was made). */
  stichtag: string;
  madeOn: string;
  minCount: number;
  /** Recognition and qualification counseling, the magazine's "Erstberatungen zu Anerkennung und Qualifizierung". */
  firstConsultations: Report;
  followUps: Report;
  refugeeShare: Report;
  byYear: Report;
  topNationalities: Report;
  topProfessions: Report;
  /** Faire Integration: reasons by first/follow-up; its total is the number of consultations. */
  fiReasons: Report;
  groupEventParticipants: Report;
  recognitionOutcomes: Report;
};

export async function getFactSheet(ctx: AppContext, actor: Actor, query: FactSheetQuery): Promise<FactSheet> {
  const madeOn = berlinToday(ctx);
  const stichtag = query.stichtag ?? madeOn;
  const base = {
    unit: query.unit,
    from: query.from,
    to: query.to,
    period: query.period,
    stichtag,
    lang: query.lang,
    format: "json" as const,
  };
  const report = (q: Pick<ReportQuery, "measure"> & Partial<ReportQuery>) => getReport(ctx, actor, { ...base, ...q });
  const counseling = { field: "recognition_counseling" as const };
  // The first call settles unit, period and policy (404, 403, 400 with the field) before the rest.
  const firstConsultations = await report({ measure: "first_consultations", ...counseling });
  const [followUps, refugeeShare, byYear, topNationalities, topProfessions, fiReasons, groupEventParticipants, recognitionOutcomes] =
    await Promise.all([
      report({ measure: "follow_ups", ...counseling }),
      report({ measure: "refugee_share", ...counseling }),
      report({ measure: "first_consultations", ...counseling, by: "year" }),
      report({ measure: "top_nationalities", ...counseling, top: 5 }),
      report({ measure: "top_professions", ...counseling, top: 5 }),
      report({ measure: "fi_reasons", by: "reason", by2: "kind" }),
      report({ measure: "group_event_participants" }),
      report({ measure: "recognition_outcomes", by: "outcome" }),
    ]);
  return {
    lang: query.lang,
    unit: firstConsultations.unit,
    from: firstConsultations.from,
    to: firstConsultations.to,
    stichtag,
    madeOn,
    minCount: firstConsultations.minCount,
    firstConsultations,
    followUps,
    refugeeShare,
    byYear,
    topNationalities,
    topProfessions,
    fiReasons,
    groupEventParticipants,
    recognitionOutcomes,
  };
}
