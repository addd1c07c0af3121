/** Kinds of units in the network tree, from the federal root down to sites. */
export const unitTypes = [
  "federal",
  "state_network",
  "expert_unit",
  "transfer_project",
  "support_team",
  "sub_project",
  "site",
] as const;
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

/** The 16 German states with their ISO 3166-2 codes and the GeoNames state code in postcodes.de.csv. */
export const germanStates = [
  { code: "DE-BW", geonames: "01", name: "Baden-Württemberg" },
  { code: "DE-BY", geonames: "02", name: "Bayern" },
  { code: "DE-BE", geonames: "16", name: "Berlin" },
  { code: "DE-BB", geonames: "11", name: "Brandenburg" },
  { code: "DE-HB", geonames: "03", name: "Bremen" },
  { code: "DE-HH", geonames: "04", name: "Hamburg" },
  { code: "DE-HE", geonames: "05", name: "Hessen" },
  { code: "DE-MV", geonames: "12", name: "Mecklenburg-Vorpommern" },
  { code: "DE-NI", geonames: "06", name: "Niedersachsen" },
  { code: "DE-NW", geonames: "07", name: "Nordrhein-Westfalen" },
  { code: "DE-RP", geonames: "08", name: "Rheinland-Pfalz" },
  { code: "DE-SL", geonames: "09", name: "Saarland" },
  { code: "DE-SN", geonames: "13", name: "Sachsen" },
  { code: "DE-ST", geonames: "14", name: "Sachsen-Anhalt" },
  { code: "DE-SH", geonames: "10", name: "Schleswig-Holstein" },
  { code: "DE-TH", geonames: "15", name: "Thüringen" },
] as const;
export type StateCode = (typeof germanStates)[number]["code"];
export const stateCodes = germanStates.map((s) => s.code) as unknown as readonly [StateCode, ...StateCode[]];
