import type { FieldOfAction } from "../units.js";
import type { Dimension, Label } from "./dimensions.js";

/**
 * The measures (Kennzahlen) of the monitoring and how each is counted from the rollups
 * (decision 0007). A measure reads one fact family of the rollups, optionally restricted to some
 * kinds; its breakdowns are a subset of the family's dimensions.
 */
export const families = ["consultation", "fi_reason", "group_event", "referral", "procedure"] as const;
export type Family = (typeof families)[number];

const time: Dimension[] = ["month", "quarter", "year"];
const units: Dimension[] = ["network", "sub_project", "field"];
const person: Dimension[] = ["state", "nationality", "gender", "age_group", "refugee"];

/** The dimensions each fact family carries. */
export const familyDimensions: Record<Family, readonly Dimension[]> = {
  consultation: [...time, ...units, ...person, "profession", "channel", "kind"],
  fi_reason: [...time, ...units, ...person, "profession", "channel", "kind", "reason"],
  group_event: [...time, ...units, "refugee", "channel"],
  referral: [...time, ...units, ...person, "target", "status"],
  procedure: [...time, ...units, ...person, "profession", "outcome"],
};

/** Families that record a channel and languages (the channel and language filters apply). */
export const familiesWithChannel: readonly Family[] = ["consultation", "fi_reason", "group_event"];

export const measureIds = [
  "first_consultations",
  "follow_ups",
  "referral_consultations",
  "consultations",
  "persons_counselled",
  "refugee_share",
  "top_nationalities",
  "top_professions",
  "fi_reasons",
  "group_event_participants",
  "referrals",
  "recognition_outcomes",
] as const;
export type MeasureId = (typeof measureIds)[number];

export type Measure = {
  id: MeasureId;
  label: Label;
  /** What exactly is counted, for the UI and the CSV's first line. */
  definition: Label;
  family: Family;
  /** Only these kinds of the family (consultation kinds, referral statuses, outcomes); all when absent. */
  kinds?: readonly string[];
  /**
   * "count": a sum of the family's counts. "share": the percentage of `part` among the counts
   * (one decimal). Either way every cell goes through disclosure control.
   */
  value: "count" | "share";
  /** For value "share": the dimension and code the percentage is of (refugee = yes). */
  part?: { dimension: Dimension; code: string };
  /** A ranked list by this dimension: the top N (query `top`, default 5) and "other". */
  top?: Dimension;
  /**
   * Multiple mentions (Faire Integration reasons): one fact counts once per mentioned value of
   * this dimension, so the cells do not add up to the total; the total and the margins without
   * it are the number of consultations (read from `baseFamily`), and shares are of those.
   */
  mentions?: { dimension: Dimension; baseFamily: Family };
  /** Only sub-projects of this field of action count (the measure belongs to it). */
  field?: FieldOfAction;
  dimensions: readonly Dimension[];
};

const without = (family: Family, ...excluded: Dimension[]) => familyDimensions[family].filter((d) => !excluded.includes(d));

const measureList: Measure[] = [
  {
    id: "first_consultations",
    label: { de: "Erstberatungen", en: "First consultations" },
    definition: {
      de: "Erstberatungen (erster Kontakt einer Person in der Förderperiode) nach Beratungsdatum.",
      en: "First consultations (a person's first contact in the funding period) by date of consultation.",
    },
    family: "consultation",
    kinds: ["first_consultation"],
    value: "count",
    dimensions: without("consultation", "kind"),
  },
  {
    id: "follow_ups",
    label: { de: "Folgeberatungen", en: "Follow-ups" },
    definition: { de: "Folgeberatungen nach Beratungsdatum.", en: "Follow-up consultations by date of consultation." },
    family: "consultation",
    kinds: ["follow_up"],
    value: "count",
    dimensions: without("consultation", "kind"),
  },
  {
    id: "referral_consultations",
    label: { de: "Verweisberatungen", en: "Referral consultations" },
    definition: { de: "Verweisberatungen nach Beratungsdatum.", en: "Referral consultations by date of consultation." },
    family: "consultation",
    kinds: ["referral_consultation"],
    value: "count",
    dimensions: without("consultation", "kind"),
  },
  {
    id: "consultations",
    label: { de: "Beratungen", en: "Consultations" },
    definition: { de: "Alle Beratungen (Erst-, Folge- und Verweisberatungen).", en: "All consultations (first, follow-up, referral)." },
    family: "consultation",
    value: "count",
    dimensions: familyDimensions.consultation,
  },
  {
    id: "persons_counselled",
    label: { de: "Beratene Personen", en: "Persons counselled" },
    definition: {
      de: "Jede Erstberatung entspricht einer beratenen Person (eine Erstberatung je Person und Förderperiode). Über mehrere Förderperioden wird eine Person je Periode gezählt.",
      en: "Each first consultation is one person counselled (one first consultation per person and funding period). Across funding periods a person counts once per period.",
    },
    family: "consultation",
    kinds: ["first_consultation"],
    value: "count",
    dimensions: without("consultation", "kind"),
  },
  {
    id: "refugee_share",
    label: { de: "Anteil mit Fluchthintergrund", en: "Share with refugee background" },
    definition: {
      de: "Anteil der Erstberatungen für Personen mit Fluchthintergrund an allen Erstberatungen, in Prozent (eine Nachkommastelle).",
      en: "First consultations of persons with refugee background among all first consultations, in per cent (one decimal).",
    },
    family: "consultation",
    kinds: ["first_consultation"],
    value: "share",
    part: { dimension: "refugee", code: "yes" },
    dimensions: without("consultation", "kind", "refugee"),
  },
  {
    id: "top_nationalities",
    label: { de: "Häufigste Staatsangehörigkeiten", en: "Top nationalities" },
    definition: {
      de: "Erstberatungen nach (erster) Staatsangehörigkeit, die häufigsten N mit Anteil an allen Erstberatungen.",
      en: "First consultations by (first) nationality, the N most frequent with their share of all first consultations.",
    },
    family: "consultation",
    kinds: ["first_consultation"],
    value: "count",
    top: "nationality",
    dimensions: ["nationality"],
  },
  {
    id: "top_professions",
    label: { de: "Häufigste Referenzberufe", en: "Top reference professions" },
    definition: {
      de: "Erstberatungen nach Referenzberuf, die häufigsten N mit Anteil an allen Erstberatungen.",
      en: "First consultations by reference profession, the N most frequent with their share of all first consultations.",
    },
    family: "consultation",
    kinds: ["first_consultation"],
    value: "count",
    top: "profession",
    dimensions: ["profession"],
  },
  {
    id: "fi_reasons",
    label: { de: "Beratungsanlässe Faire Integration", en: "Faire Integration reasons" },
    definition: {
      de: "Nennungen der Beratungsanlässe in Erst- und Folgeberatungen der Faire-Integration-Teilprojekte (Mehrfachnennungen möglich); N = Zahl der Beratungen.",
      en: "Mentions of reasons in first and follow-up consultations of Faire Integration sub-projects (multiple mentions); N = number of consultations.",
    },
    family: "fi_reason",
    kinds: ["first_consultation", "follow_up"],
    value: "count",
    mentions: { dimension: "reason", baseFamily: "consultation" },
    field: "faire_integration",
    dimensions: familyDimensions.fi_reason,
  },
  {
    id: "group_event_participants",
    label: { de: "Teilnehmende an Gruppeninformationsveranstaltungen", en: "Group event participants" },
    definition: {
      de: "Teilnehmende an Gruppeninformationsveranstaltungen nach Veranstaltungsdatum.",
      en: "Participants of group information events by date of the event.",
    },
    family: "group_event",
    value: "count",
    dimensions: familyDimensions.group_event,
  },
  {
    id: "referrals",
    label: { de: "Verweise", en: "Referrals" },
    definition: {
      de: "Verweise nach Versanddatum, Ziel und heutigem Status, gezählt beim verweisenden Teilprojekt.",
      en: "Referrals by day sent, target and current status, counted for the referring sub-project.",
    },
    family: "referral",
    value: "count",
    dimensions: familyDimensions.referral,
  },
  {
    id: "recognition_outcomes",
    label: { de: "Ergebnisse der Anerkennungsverfahren", en: "Recognition outcomes" },
    definition: {
      de: "Entschiedene Anerkennungsverfahren nach Datum und Ergebnis des Bescheids.",
      en: "Decided recognition procedures by date and outcome of the decision.",
    },
    family: "procedure",
    kinds: ["full_equivalence", "partial_equivalence", "no_equivalence", "withdrawn"],
    value: "count",
    dimensions: familyDimensions.procedure,
  },
];

export const measures: Record<MeasureId, Measure> = Object.fromEntries(measureList.map((m) => [m.id, m])) as Record<MeasureId, Measure>;

/** The default length of a top-N list (the publication shows five). */
export const DEFAULT_TOP = 5;
export const MAX_TOP = 50;

/**
 * A percentage with one decimal, rounded half up as in the publication: computed in integers,
 * so 1/8 is 12.5 and 20,299 of 181,175 is 11.2, without floating-point surprises.
 */
export function percentOneDecimal(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}
