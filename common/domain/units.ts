/** Kinds of units in the network tree, from the federal root down to sites. */
export const unitTypes = ["federal", "state_network", "expert_unit", "transfer_project", "support_team", "sub_project", "site"] as const;
export type UnitType = (typeof unitTypes)[number];

/** Which unit types may sit directly below which. */
export const allowedChildTypes: Record<UnitType, readonly UnitType[]> = {
  federal: ["state_network", "expert_unit", "transfer_project", "support_team"],
  state_network: ["sub_project"],
  expert_unit: ["sub_project", "site"],
  transfer_project: ["site"],
  support_team: ["site"],
  sub_project: ["site"],
  site: [],
};

/** Handlungsschwerpunkt of a sub-project. */
export const fieldsOfAction = [
  "recognition_counseling",
  "qualification",
  "intercultural_competence",
  "immigration_employers",
  "faire_integration",
] as const;
export type FieldOfAction = (typeof fieldsOfAction)[number];

/** Ways a site offers counseling. */
export const siteChannels = ["in_person", "phone", "video", "written", "mobile"] as const;
export type SiteChannel = (typeof siteChannels)[number];

/**
 * The 16 German states with their ISO 3166-2 codes, the letter abbreviation and the numeric
 * GeoNames code; postcodes.de.csv uses either of the last two in its state_code column.
 */
export const germanStates = [
  { code: "DE-BW", abbr: "BW", geonames: "01", name: "Baden-Württemberg" },
  { code: "DE-BY", abbr: "BY", geonames: "02", name: "Bayern" },
  { code: "DE-BE", abbr: "BE", geonames: "16", name: "Berlin" },
  { code: "DE-BB", abbr: "BB", geonames: "11", name: "Brandenburg" },
  { code: "DE-HB", abbr: "HB", geonames: "03", name: "Bremen" },
  { code: "DE-HH", abbr: "HH", geonames: "04", name: "Hamburg" },
  { code: "DE-HE", abbr: "HE", geonames: "05", name: "Hessen" },
  { code: "DE-MV", abbr: "MV", geonames: "12", name: "Mecklenburg-Vorpommern" },
  { code: "DE-NI", abbr: "NI", geonames: "06", name: "Niedersachsen" },
  { code: "DE-NW", abbr: "NW", geonames: "07", name: "Nordrhein-Westfalen" },
  { code: "DE-RP", abbr: "RP", geonames: "08", name: "Rheinland-Pfalz" },
  { code: "DE-SL", abbr: "SL", geonames: "09", name: "Saarland" },
  { code: "DE-SN", abbr: "SN", geonames: "13", name: "Sachsen" },
  { code: "DE-ST", abbr: "ST", geonames: "14", name: "Sachsen-Anhalt" },
  { code: "DE-SH", abbr: "SH", geonames: "10", name: "Schleswig-Holstein" },
  { code: "DE-TH", abbr: "TH", geonames: "15", name: "Thüringen" },
] as const;
export type StateCode = (typeof germanStates)[number]["code"];
export const stateCodes = germanStates.map((s) => s.code) as unknown as readonly [StateCode, ...StateCode[]];

/** ISO code for a state_code of the GeoNames data ("01" or "BW" → "DE-BW"); null when unknown. */
export function stateCodeFromGeonames(value: string): StateCode | null {
  const v = value.trim().toUpperCase();
  const state = germanStates.find((s) => s.geonames === v || s.abbr === v || s.code === v);
  return state ? state.code : null;
}

/**
 * What a person looking for counseling can ask for, and which sub-projects' sites offer it.
 * Intercultural competence trains staff of job centres and authorities: not public counseling.
 */
export const publicTopics = ["recognition", "labour_rights", "employers"] as const;
export type PublicTopic = (typeof publicTopics)[number];

const topicOfField: Partial<Record<FieldOfAction, PublicTopic>> = {
  recognition_counseling: "recognition",
  qualification: "recognition",
  faire_integration: "labour_rights",
  immigration_employers: "employers",
};

/** The public topic of a sub-project's field of action; null when its sites do not counsel the public. */
export function publicTopicOf(field: string | null): PublicTopic | null {
  return (field && topicOfField[field as FieldOfAction]) || null;
}
