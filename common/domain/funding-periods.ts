/**
 * Förderperioden of the network. A client's first contact in a funding period is the first
 * consultation (Erstberatung); statistics count per period. Configurable (FUNDING_PERIODS) because
 * the next period is decided by the ministry, not by us.
 */
export type FundingPeriod = { code: string; from: string; to: string };

export const DEFAULT_FUNDING_PERIODS = "2015-2018:2015-01-01..2018-12-31,2019-2022:2019-01-01..2022-12-31,2023-2028:2023-01-01..2028-12-31";

const entryPattern = /^([A-Za-z0-9_-]{1,20}):(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Parses "code:from..to,…"; throws a message naming the bad entry (periods must not overlap). */
export function parseFundingPeriods(text: string): FundingPeriod[] {
  const periods = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = entryPattern.exec(entry);
      if (!m || m[2]! > m[3]!) throw new Error(`"${entry}" is not code:YYYY-MM-DD..YYYY-MM-DD`);
      return { code: m[1]!, from: m[2]!, to: m[3]! };
    })
    .sort((a, b) => a.from.localeCompare(b.from));
  if (periods.length === 0) throw new Error("at least one funding period is needed");
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]!.from <= periods[i - 1]!.to) throw new Error(`"${periods[i]!.code}" overlaps "${periods[i - 1]!.code}"`);
  }
  return periods;
}

/** The period an ISO date (YYYY-MM-DD) falls in, or undefined between or outside periods. */
export function fundingPeriodOf(periods: readonly FundingPeriod[], isoDate: string): FundingPeriod | undefined {
  return periods.find((p) => p.from <= isoDate && isoDate <= p.to);
}
