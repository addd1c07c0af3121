import type { StateCode } from "../../../../common/domain/units.js";

/**
 * The real IQ network (reference data, seeded in production too). Facts from the programme's
 * network overview and from "IQ konkret 3/2022" (list of Faire Integration providers).
 * A site's `place` is the place name in postcodes.de.csv when it differs from the shown city.
 */
export type RealSite = { city: string; place?: string; stateCode: StateCode; provider?: string };

export const federalRoot = { name: "Förderprogramm IQ (Bund)", shortName: "IQ" };

/** Landesnetzwerke and their coordinating organisations (Träger der Landeskoordination). */
export const stateNetworks: { stateCode: StateCode; name: string; shortName: string; provider: string }[] = [
  { stateCode: "DE-BW", name: "IQ Netzwerk Baden-Württemberg", shortName: "IQ BW", provider: "Interkulturelles Bildungszentrum Mannheim gGmbH (ikubiz)" },
  { stateCode: "DE-BY", name: "IQ Netzwerk Bayern – MigraNet", shortName: "MigraNet", provider: "Tür an Tür – Integrationsprojekte gGmbH" },
  { stateCode: "DE-BE", name: "IQ Netzwerk Berlin", shortName: "IQ BE", provider: "Das Büro des Beauftragten für Integration und Migration" },
  { stateCode: "DE-BB", name: "IQ Netzwerk Brandenburg", shortName: "IQ BB", provider: "Ministerium für Arbeit, Soziales, Gesundheit, Frauen und Familie des Landes Brandenburg" },
  { stateCode: "DE-HB", name: "IQ Netzwerk Bremen", shortName: "IQ HB", provider: "RKW Bremen GmbH" },
  { stateCode: "DE-HH", name: "IQ Netzwerk Hamburg – NOBI", shortName: "NOBI", provider: "Handwerkskammer Hamburg" },
  { stateCode: "DE-HE", name: "IQ Netzwerk Hessen", shortName: "IQ HE", provider: "Institut für berufliche Bildung, Arbeitsmarkt- und Sozialpolitik (INBAS) GmbH" },
  { stateCode: "DE-MV", name: "IQ Netzwerk Mecklenburg-Vorpommern", shortName: "IQ MV", provider: "migra e.V." },
  { stateCode: "DE-NI", name: "IQ Netzwerk Niedersachsen", shortName: "IQ NI", provider: "RKW Nord GmbH" },
  { stateCode: "DE-NW", name: "IQ Netzwerk Nordrhein-Westfalen", shortName: "IQ NRW", provider: "Westdeutscher Handwerkskammertag (WHKT)" },
  { stateCode: "DE-RP", name: "IQ Netzwerk Rheinland-Pfalz", shortName: "IQ RP", provider: "Institut für Sozialpädagogische Forschung Mainz e.V. (ism)" },
  { stateCode: "DE-SL", name: "IQ Netzwerk Saarland", shortName: "IQ SL", provider: "FITT gGmbH, Forschungs- und Transferstelle GIM" },
  { stateCode: "DE-SN", name: "IQ Netzwerk Sachsen", shortName: "IQ SN", provider: "EXIS Europa e.V." },
  { stateCode: "DE-ST", name: "IQ Netzwerk Sachsen-Anhalt", shortName: "IQ ST", provider: "Caritasverband für das Bistum Magdeburg e.V." },
  { stateCode: "DE-SH", name: "IQ Netzwerk Schleswig-Holstein", shortName: "IQ SH", provider: "Flüchtlingsrat Schleswig-Holstein e.V." },
  { stateCode: "DE-TH", name: "IQ Netzwerk Thüringen", shortName: "IQ TH", provider: "Bildungswerk der Thüringer Wirtschaft e.V." },
];

/** The five national Fachstellen. */
export const expertUnits: { key: string; name: string; shortName: string; provider: string }[] = [
  { key: "counseling-qualification", name: "IQ Fachstelle Beratung und Qualifizierung", shortName: "FS BQ", provider: "Forschungsinstitut Betriebliche Bildung (f-bb) gGmbH" },
  { key: "job-related-german", name: "IQ Fachstelle Berufsbezogenes Deutsch", shortName: "FS BD", provider: "passage gGmbH" },
  { key: "immigration", name: "IQ Fachstelle Einwanderung", shortName: "FS E", provider: "Minor – Projektkontor für Bildung und Forschung e.V." },
  {
    key: "intercultural-antidiscrimination",
    name: "IQ Fachstelle Interkulturelle Kompetenzentwicklung und Antidiskriminierung",
    shortName: "FS IKA",
    provider: "VIA Bayern – Verband für Interkulturelle Arbeit e.V.",
  },
  { key: "migrant-economy", name: "IQ Fachstelle Migrantenökonomie", shortName: "FS MÖ", provider: "Institut für Sozialpädagogische Forschung Mainz e.V. (ism)" },
];

/** The coordination and transfer project of the programme. */
export const transferProject = {
  name: "IQ Multiplikatorenprojekt Transfer (MUT IQ)",
  shortName: "MUT IQ",
  provider: "ebb Entwicklungsgesellschaft für berufliche Bildung mbH",
};

const EVW = "Europäischer Verein für Wanderarbeiterfragen e.V. (EVW)";
const DGB_BW_BUND = "DGB Bildungswerk BUND e.V.";

/** The national support structure of Faire Integration; its sites do not counsel. */
export const supportTeam = {
  name: "Support Faire Integration",
  shortName: "SFI",
  provider: DGB_BW_BUND,
  description: "Bundesweite Unterstützungsstruktur der Faire-Integration-Beratungsstellen (keine Beratung).",
  sites: [
    { city: "Berlin", stateCode: "DE-BE" },
    { city: "Nürnberg", stateCode: "DE-BY", provider: EVW },
    { city: "Frankfurt a.M.", place: "Frankfurt am Main", stateCode: "DE-HE" },
    { city: "Dortmund", stateCode: "DE-NW" },
  ] satisfies RealSite[],
};

/**
 * Faire Integration counseling centres (labour- and social-law counseling for refugees and
 * third-country nationals), each a sub-project of the state network of its state.
 */
export const faireIntegrationCentres: { key: string; stateCode: StateCode; name: string; provider: string; cities: { city: string; place?: string }[] }[] = [
  { key: "bw", stateCode: "DE-BW", name: "Faire Integration in Baden-Württemberg – mira", provider: "adis e.V.", cities: [{ city: "Stuttgart" }, { city: "Karlsruhe" }] },
  { key: "by", stateCode: "DE-BY", name: "Faire Integration in Bayern", provider: EVW, cities: [{ city: "Nürnberg" }, { city: "Augsburg" }] },
  { key: "be", stateCode: "DE-BE", name: "Faire Integration in Berlin", provider: "Arbeit und Leben DGB/VHS Landesarbeitsgemeinschaft Berlin e.V.", cities: [{ city: "Berlin" }] },
  { key: "bb", stateCode: "DE-BB", name: "Faire Integration in Brandenburg", provider: "Caritasverband der Diözese Görlitz e.V.", cities: [{ city: "Cottbus" }] },
  { key: "hb", stateCode: "DE-HB", name: "Faire Integration in Bremen", provider: "ARBEIT UND LEBEN Bremen e.V.", cities: [{ city: "Bremen" }] },
  { key: "hb-bremerhaven", stateCode: "DE-HB", name: "Faire Integration in Bremerhaven", provider: "ARBEIT UND LEBEN Bremerhaven e.V.", cities: [{ city: "Bremerhaven" }] },
  { key: "hh", stateCode: "DE-HH", name: "Faire Integration in Hamburg", provider: "ARBEIT UND LEBEN Hamburg e.V.", cities: [{ city: "Hamburg" }] },
  {
    key: "he",
    stateCode: "DE-HE",
    name: "Faire Integration in Hessen",
    provider: EVW,
    cities: [{ city: "Frankfurt a.M.", place: "Frankfurt am Main" }, { city: "Kassel" }, { city: "Wiesbaden" }],
  },
  { key: "mv", stateCode: "DE-MV", name: "Faire Integration in Mecklenburg-Vorpommern", provider: "Flüchtlingsrat Mecklenburg-Vorpommern e.V.", cities: [{ city: "Schwerin" }] },
  { key: "ni", stateCode: "DE-NI", name: "Faire Integration in Niedersachsen", provider: "ARBEIT UND LEBEN Niedersachsen e.V.", cities: [{ city: "Lüneburg" }, { city: "Hannover" }] },
  { key: "nw", stateCode: "DE-NW", name: "Faire Integration in Nordrhein-Westfalen", provider: DGB_BW_BUND, cities: [{ city: "Dortmund" }, { city: "Düsseldorf" }] },
  { key: "rp-mainz", stateCode: "DE-RP", name: "Faire Integration in Rheinland-Pfalz – Mainz", provider: "Mainzer Kompetenz Initiativen e.V.", cities: [{ city: "Mainz" }] },
  { key: "rp-trier", stateCode: "DE-RP", name: "Faire Integration in Rheinland-Pfalz – Trier", provider: "Palais e.V. Trier", cities: [{ city: "Trier" }] },
  { key: "sl", stateCode: "DE-SL", name: "Faire Integration im Saarland", provider: "Arbeitskammer des Saarlandes", cities: [{ city: "Saarbrücken" }] },
  {
    key: "sn",
    stateCode: "DE-SN",
    name: "Faire Integration in Sachsen",
    provider: "ARBEIT UND LEBEN Sachsen e.V.",
    cities: [{ city: "Chemnitz" }, { city: "Dresden" }, { city: "Leipzig" }],
  },
  {
    key: "st",
    stateCode: "DE-ST",
    name: "Faire Integration in Sachsen-Anhalt",
    provider: "ARBEIT UND LEBEN Sachsen-Anhalt e.V.",
    cities: [{ city: "Magdeburg" }, { city: "Halle (Saale)", place: "Halle" }],
  },
  { key: "sh", stateCode: "DE-SH", name: "Faire Integration in Schleswig-Holstein", provider: "Antidiskriminierungsverband e.V.", cities: [{ city: "Kiel" }] },
  { key: "th", stateCode: "DE-TH", name: "Faire Integration in Thüringen", provider: "DGB Bildungswerk Thüringen e.V.", cities: [{ city: "Erfurt" }] },
];

/** When the current structure of the network started (funding period 2015–2018). */
export const networkOpenedOn = "2015-01-01";
