import type { StateCode } from "../../../../common/domain/units.js";

/**
 * The published figures the national data set reproduces exactly ("IQ konkret 3/2022 — Bilanz
 * 2015–2022", shared/seeds/004). Counts of the recognition counseling field unless said otherwise;
 * month ranges are inclusive (YYYY-MM). Decision 0008 says how each one is met and read back.
 */

export type PeriodFigures = {
  /** Months of the published period. */
  from: string;
  to: string;
  /** "Erstberatungen insgesamt" (= persons counselled). */
  firstConsultations: number;
  /** "davon … Erstberatungen für Personen mit Fluchthintergrund". */
  refugee: number;
  /** Top 5 nationalities (ISO 3166-1 alpha-2) with their published counts, in published order. */
  topNationalities: [string, number][];
  /** Top 5 reference professions (seed keys) with their published shares in per cent. */
  topProfessions: [string, number][];
};

export const publishedPeriods: PeriodFigures[] = [
  {
    from: "2015-01",
    to: "2018-12",
    firstConsultations: 194_568,
    refugee: 63_487,
    topNationalities: [
      ["SY", 52_570],
      ["DE", 13_435],
      ["RU", 11_344],
      ["PL", 11_282],
      ["IR", 1_984],
    ],
    topProfessions: [
      ["physician", 14.8],
      ["nurse", 12.2],
      ["engineer", 9.0],
      ["business-economist", 4.6],
      ["teacher", 4.5],
    ],
  },
  {
    from: "2019-01",
    to: "2022-09",
    firstConsultations: 181_175,
    refugee: 45_540,
    topNationalities: [
      ["SY", 20_299],
      ["TR", 14_266],
      ["UA", 14_010],
      ["DE", 10_287],
      ["IR", 10_068],
    ],
    topProfessions: [
      ["physician", 12.0],
      ["nurse", 9.9],
      ["engineer", 8.3],
      ["teacher", 8.2],
      ["educator", 4.1],
    ],
  },
];

/** The last month of the national data (the publication's Stichtag was 15.10.2022). */
export const dataEndMonth = "2022-09";
export const dataStartMonth = "2015-01";

/**
 * Beratung Faire Integration (11/2017–06/2022, Stichtag 07.07.2022): individual consultations
 * (first / follow-up) with the reasons as multiple mentions, referral consultations (01/2020–
 * 06/2022) and participants of group information events (01/2019–06/2022).
 *
 * The magazine prints each reason as a pair of numbers under the legend "Anzahl Folgeberatungen /
 * Anzahl Erstberatungen"; the text layer does not say which bar is which. We read the first
 * number of each pair as first consultations (Entgelt 7,305 first / 5,806 follow-up, …): the two
 * reasons named first then lead among first consultations. The reading is one table here.
 */
export const faireIntegration = {
  from: "2017-11",
  to: "2022-06",
  firstConsultations: 22_369,
  followUps: 12_596,
  reasons: [
    ["pay", 7_305, 5_806],
    ["dismissal", 6_561, 4_210],
    ["other", 5_231, 2_917],
    ["working_time", 1_865, 3_586],
    ["residence_status", 1_232, 2_900],
    ["unemployment_benefit", 3_554, 2_214],
    ["employment_contract", 2_396, 5_925],
  ] as [string, number, number][],
  referralConsultations: { from: "2020-01", to: "2022-06", count: 3_681 },
  groupEventParticipants: { from: "2019-01", to: "2022-06", count: 20_342 },
} as const;

/**
 * What the state networks' "in Zahlen" pages publish about counseling, where a figure is exact and
 * its period clear. `measure` first = first consultations, all = all consultations (first and
 * follow-ups), followUps = follow-ups; `to` is the page's Stichtag month. Rounded figures ("über
 * 26.000", "rund 9.000", "ca. 3.000 jährlich") only weigh the other networks (networkWeights).
 */
export type StateFigure = {
  state: StateCode;
  measure: "first" | "all" | "followUps";
  from: string;
  to: string;
  count: number;
  source: string;
};

export const stateFigures: StateFigure[] = [
  { state: "DE-BE", measure: "first", from: "2015-01", to: "2018-12", count: 15_870, source: "Erstberatungen 2015-2018" },
  {
    state: "DE-BE",
    measure: "first",
    from: "2019-01",
    to: "2022-09",
    count: 15_206,
    source: "Erstberatungen 2019-2022, Stichtag 30.9.2022",
  },
  { state: "DE-BE", measure: "followUps", from: "2019-01", to: "2022-09", count: 4_482, source: "Folgeberatungen 2019-2022" },
  { state: "DE-BB", measure: "first", from: "2015-01", to: "2018-12", count: 5_559, source: "Erstberatungen 2015-2018" },
  {
    state: "DE-BB",
    measure: "first",
    from: "2019-01",
    to: "2022-06",
    count: 4_068,
    source: "Erstberatungen 2019-2022, Stichtag 30.06.2022",
  },
  {
    state: "DE-NI",
    measure: "first",
    from: "2015-01",
    to: "2022-06",
    count: 41_181,
    source: "41.181 Anerkennungssuchende seit 2015 beraten (30.06.2022)",
  },
  {
    state: "DE-ST",
    measure: "first",
    from: "2015-01",
    to: "2022-09",
    count: 39_962,
    source: "2015-2022 wurden 39.962 Zugewanderte beraten",
  },
  {
    state: "DE-MV",
    measure: "first",
    from: "2015-01",
    to: "2022-06",
    count: 5_694,
    source: "Erstberatungen 5.694 TN, Stichtag 30.06.2022",
  },
  { state: "DE-MV", measure: "all", from: "2015-01", to: "2022-06", count: 17_499, source: "Anzahl der gesamten Beratungen 17.499" },
  {
    state: "DE-SH",
    measure: "first",
    from: "2015-01",
    to: "2022-08",
    count: 15_606,
    source: "14.354 Personen mit und 1.252 ohne Abschluss, Stand 30.08.2022",
  },
  { state: "DE-BW", measure: "all", from: "2015-01", to: "2022-06", count: 38_910, source: "38.910 Beratungen 2015-Juni 2022" },
  {
    state: "DE-HH",
    measure: "all",
    from: "2015-01",
    to: "2022-06",
    count: 29_487,
    source: "Anerkennungsberatungen durch die ZAA 29.487, Stichtag 30.06.2022",
  },
  {
    state: "DE-HE",
    measure: "all",
    from: "2015-01",
    to: "2022-09",
    count: 66_176,
    source: "Anerkennungsberatung: 66.176 Beratungskontakte",
  },
  { state: "DE-NW", measure: "all", from: "2015-01", to: "2022-09", count: 54_800, source: "54.800 Beratungskontakte" },
];

/**
 * Relative size of the state networks' recognition counseling (first consultations 2015–2022),
 * from the rounded figures of their pages where there are any; the networks with exact figures
 * above keep those, the others share the rest of the national total in these proportions.
 */
export const networkWeights: Record<StateCode, number> = {
  "DE-BW": 25_000,
  "DE-BY": 26_500,
  "DE-BE": 31_000,
  "DE-BB": 10_000,
  "DE-HB": 6_000,
  "DE-HH": 18_000,
  "DE-HE": 42_000,
  "DE-MV": 6_000,
  "DE-NI": 43_000,
  "DE-NW": 36_000,
  "DE-RP": 23_000,
  "DE-SL": 9_000,
  "DE-SN": 18_000,
  "DE-ST": 40_000,
  "DE-SH": 16_000,
  "DE-TH": 8_000,
};

/** Follow-ups per first consultation where no figure pins them (a plausible middle). */
export const followUpsPerFirst = 0.5;
