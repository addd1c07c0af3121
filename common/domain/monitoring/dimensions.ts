/**
 * Breakdowns (Auswertungsmerkmale) of the monitoring. A report has up to two; each measure says
 * which it offers (measures.ts). Values are codes; '' in the rollups means "not stated".
 */
export const dimensions = [
  "month",
  "quarter",
  "year",
  "network",
  "sub_project",
  "field",
  "state",
  "nationality",
  "profession",
  "gender",
  "age_group",
  "refugee",
  "channel",
  "kind",
  "reason",
  "target",
  "status",
  "outcome",
] as const;
export type Dimension = (typeof dimensions)[number];

export type Label = { de: string; en: string };

export const dimensionLabels: Record<Dimension, Label> = {
  month: { de: "Monat", en: "Month" },
  quarter: { de: "Quartal", en: "Quarter" },
  year: { de: "Jahr", en: "Year" },
  network: { de: "Landesnetzwerk", en: "State network" },
  sub_project: { de: "Teilprojekt", en: "Sub-project" },
  field: { de: "Handlungsschwerpunkt", en: "Field of action" },
  state: { de: "Bundesland (Wohnort)", en: "State of residence" },
  nationality: { de: "Staatsangehörigkeit", en: "Nationality" },
  profession: { de: "Referenzberuf", en: "Reference profession" },
  gender: { de: "Geschlecht", en: "Gender" },
  age_group: { de: "Altersgruppe", en: "Age group" },
  refugee: { de: "Fluchthintergrund", en: "Refugee background" },
  channel: { de: "Beratungsform", en: "Channel" },
  kind: { de: "Beratungsart", en: "Kind of consultation" },
  reason: { de: "Beratungsanlass", en: "Reason" },
  target: { de: "Verwiesen an", en: "Referred to" },
  status: { de: "Status", en: "Status" },
  outcome: { de: "Ergebnis", en: "Outcome" },
};

/** The three ways of cutting time; a report uses at most one of them. */
export const timeDimensions: readonly Dimension[] = ["month", "quarter", "year"];

/** Age in the year of the fact (consultation, referral, decision), grouped. */
export const ageGroups = ["under_25", "25_34", "35_44", "45_54", "55_plus"] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** Same rule as the SQL function monitoring_age_group (migration 0015). */
export function ageGroupOf(factYear: number, birthYear: number): AgeGroup {
  const age = factYear - birthYear;
  if (age < 25) return "under_25";
  if (age < 35) return "25_34";
  if (age < 45) return "35_44";
  if (age < 55) return "45_54";
  return "55_plus";
}

/** Labels of fixed codes; units, professions and countries are named from the data. */
export const codeLabels: Partial<Record<Dimension, Record<string, Label>>> = {
  gender: {
    female: { de: "weiblich", en: "female" },
    male: { de: "männlich", en: "male" },
    diverse: { de: "divers", en: "diverse" },
    not_stated: { de: "ohne Angabe", en: "not stated" },
  },
  age_group: {
    under_25: { de: "unter 25", en: "under 25" },
    "25_34": { de: "25 bis 34", en: "25 to 34" },
    "35_44": { de: "35 bis 44", en: "35 to 44" },
    "45_54": { de: "45 bis 54", en: "45 to 54" },
    "55_plus": { de: "55 und älter", en: "55 and older" },
  },
  refugee: {
    yes: { de: "mit Fluchthintergrund", en: "refugee background" },
    no: { de: "ohne Fluchthintergrund", en: "no refugee background" },
  },
  channel: {
    in_person: { de: "persönlich", en: "in person" },
    phone: { de: "telefonisch", en: "phone" },
    video: { de: "Video", en: "video" },
    written: { de: "schriftlich", en: "written" },
    outreach: { de: "aufsuchend", en: "outreach" },
    mobile: { de: "mobil", en: "mobile" },
  },
  kind: {
    first_consultation: { de: "Erstberatung", en: "First consultation" },
    follow_up: { de: "Folgeberatung", en: "Follow-up" },
    referral_consultation: { de: "Verweisberatung", en: "Referral consultation" },
  },
  reason: {
    pay: { de: "Entgelt", en: "Pay" },
    dismissal: { de: "Kündigung", en: "Dismissal" },
    working_time: { de: "Arbeitszeit", en: "Working time" },
    residence_status: { de: "Aufenthaltsstatus", en: "Residence status" },
    unemployment_benefit: { de: "Arbeitslosengeld", en: "Unemployment benefit" },
    employment_contract: { de: "Arbeitsvertrag", en: "Employment contract" },
    other: { de: "anderer Beratungsanlass", en: "Other reason" },
  },
  target: {
    partner: { de: "Teilprojekt im Netzwerk", en: "Sub-project in the network" },
    vocational_language_course: { de: "Berufssprachkurs", en: "Vocational language course" },
    job_centre: { de: "Jobcenter / Agentur für Arbeit", en: "Job centre / employment agency" },
    central_recognition_service: { de: "Zentrale Servicestelle Berufsanerkennung", en: "Central recognition service" },
    business_startup_service: { de: "Gründungsberatung", en: "Business start-up service" },
    faire_integration_counseling: { de: "Beratung Faire Integration", en: "Faire Integration counseling" },
    other: { de: "andere Stelle", en: "Other service" },
  },
  status: {
    sent: { de: "gesendet", en: "sent" },
    accepted: { de: "angenommen", en: "accepted" },
    declined: { de: "abgelehnt", en: "declined" },
    in_progress: { de: "in Bearbeitung", en: "in progress" },
    completed: { de: "abgeschlossen", en: "completed" },
    withdrawn: { de: "zurückgezogen", en: "withdrawn" },
  },
  outcome: {
    full_equivalence: { de: "volle Gleichwertigkeit", en: "full equivalence" },
    partial_equivalence: { de: "teilweise Gleichwertigkeit", en: "partial equivalence" },
    no_equivalence: { de: "keine Gleichwertigkeit", en: "no equivalence" },
    withdrawn: { de: "Rücknahme", en: "withdrawn" },
  },
  field: {
    recognition_counseling: { de: "Anerkennungs- und Qualifizierungsberatung", en: "Recognition and qualification counseling" },
    qualification: { de: "Qualifizierung im Kontext des Anerkennungsgesetzes", en: "Qualification" },
    intercultural_competence: { de: "Interkulturelle Kompetenzentwicklung", en: "Intercultural competence" },
    immigration_employers: { de: "Einwanderung", en: "Immigration (employers)" },
    faire_integration: { de: "Faire Integration", en: "Faire Integration" },
  },
};

/** The label of a value that was not stated (stored as ''). */
export const notStatedLabel: Label = { de: "ohne Angabe", en: "not stated" };

// ---------------------------------------------------------------------------------------------
// Periods: reports count whole months
// ---------------------------------------------------------------------------------------------

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const quarterPattern = /^(\d{4})-Q([1-4])$/;
const yearPattern = /^(\d{4})$/;

/**
 * The months a period bound names: "2022-09" (a month), "2022-Q3" (a quarter), "2022" (a year).
 * Returns its first and last month as YYYY-MM, or null when the text is none of these.
 */
export function monthsOf(text: string): { first: string; last: string } | null {
  const pad = (m: number) => String(m).padStart(2, "0");
  let m = monthPattern.exec(text);
  if (m) return { first: text, last: text };
  m = quarterPattern.exec(text);
  if (m) {
    const q = Number(m[2]);
    return { first: `${m[1]}-${pad(q * 3 - 2)}`, last: `${m[1]}-${pad(q * 3)}` };
  }
  m = yearPattern.exec(text);
  if (m) return { first: `${m[1]}-01`, last: `${m[1]}-12` };
  return null;
}
