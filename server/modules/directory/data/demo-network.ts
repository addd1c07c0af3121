import { createHash } from "node:crypto";
import { type FieldOfAction, germanStates, type SiteChannel, type StateCode } from "../../../../common/domain/units.js";

/**
 * Demo sub-projects and sites for every state network, all marked "(Demo)". Everything is
 * derived from names through a hash, so the same database comes out on every run.
 * Postcode and coordinates are looked up in the postcode data when seeding.
 */

/** A stable unsigned 32-bit number for a text. */
export function hashOf(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}
const pick = <T>(items: readonly T[], seed: string): T => items[hashOf(seed) % items.length]!;

/** Real cities per state (place names as in postcodes.de.csv). */
const citiesByState: Record<StateCode, { city: string; place?: string }[]> = {
  "DE-BW": [{ city: "Stuttgart" }, { city: "Mannheim" }, { city: "Freiburg im Breisgau" }, { city: "Heidelberg" }, { city: "Ulm" }],
  "DE-BY": [{ city: "München" }, { city: "Nürnberg" }, { city: "Augsburg" }, { city: "Regensburg" }, { city: "Würzburg" }],
  "DE-BE": [{ city: "Berlin" }],
  "DE-BB": [{ city: "Potsdam" }, { city: "Cottbus" }, { city: "Frankfurt (Oder)" }, { city: "Brandenburg an der Havel" }],
  "DE-HB": [{ city: "Bremen" }, { city: "Bremerhaven" }],
  "DE-HH": [{ city: "Hamburg" }],
  "DE-HE": [{ city: "Frankfurt am Main" }, { city: "Kassel" }, { city: "Darmstadt" }, { city: "Gießen" }, { city: "Wiesbaden" }],
  "DE-MV": [{ city: "Rostock" }, { city: "Schwerin" }, { city: "Greifswald" }, { city: "Neubrandenburg" }],
  "DE-NI": [{ city: "Hannover" }, { city: "Braunschweig" }, { city: "Osnabrück" }, { city: "Oldenburg" }, { city: "Göttingen" }],
  "DE-NW": [{ city: "Köln" }, { city: "Düsseldorf" }, { city: "Dortmund" }, { city: "Essen" }, { city: "Bielefeld" }],
  "DE-RP": [{ city: "Mainz" }, { city: "Koblenz" }, { city: "Kaiserslautern" }, { city: "Ludwigshafen am Rhein" }, { city: "Trier" }],
  "DE-SL": [{ city: "Saarbrücken" }, { city: "Saarlouis" }, { city: "Homburg" }],
  "DE-SN": [{ city: "Leipzig" }, { city: "Dresden" }, { city: "Chemnitz" }, { city: "Zwickau" }],
  "DE-ST": [{ city: "Magdeburg" }, { city: "Halle (Saale)", place: "Halle" }, { city: "Dessau-Roßlau" }],
  "DE-SH": [{ city: "Kiel" }, { city: "Lübeck" }, { city: "Flensburg" }],
  "DE-TH": [{ city: "Erfurt" }, { city: "Jena" }, { city: "Gera" }, { city: "Weimar" }],
};

type DemoField = Exclude<FieldOfAction, "faire_integration">;
const fields: { field: DemoField; project: (state: string) => string; site: string; provider: (state: string, city: string) => string }[] = [
  {
    field: "recognition_counseling",
    project: (state) => `Anerkennungsberatung ${state}`,
    site: "Anerkennungsberatung",
    provider: (state) => `Beratungszentrum Migration und Arbeit ${state} e.V.`,
  },
  {
    field: "qualification",
    project: (state) => `Brückenqualifizierung ${state}`,
    site: "Qualifizierung",
    provider: (_state, city) => `Bildungsakademie ${city} gGmbH`,
  },
  {
    field: "intercultural_competence",
    project: (state) => `Interkulturelle Kompetenz ${state}`,
    site: "IKA-Fortbildung",
    provider: (state) => `Institut für Vielfalt und Teilhabe ${state} e.V.`,
  },
  {
    field: "immigration_employers",
    project: (state) => `Arbeitgeberservice Fachkräfteeinwanderung ${state}`,
    site: "Arbeitgeberservice",
    provider: (state) => `Fachkräfteservice ${state} GmbH`,
  },
];

const streets = ["Bahnhofstraße", "Hauptstraße", "Schulstraße", "Lindenstraße", "Gartenstraße", "Friedrichstraße", "Marktplatz", "Kirchstraße", "Goethestraße", "Am Stadtpark"];
const stops = ["Rathaus", "Hauptbahnhof", "Stadtmitte", "Marktplatz", "Bürgerhaus", "Volkshochschule"];
/** Berlin counsels in 11 languages; every Berlin site offers at least the first seven. */
const berlinCore = ["de", "en", "ar", "fa", "uk", "tr", "ru"];
const berlinExtra = ["pl", "es", "fr", "vi"];
const otherLanguages = ["ar", "fa", "uk", "tr", "ru", "pl", "ro", "bg", "es", "fr", "it", "el", "sq", "vi", "ti", "so", "hr", "pt"];
const extraChannels: SiteChannel[] = ["phone", "video", "written", "mobile"];

export type DemoSite = {
  key: string;
  name: string;
  city: string;
  place: string;
  stateCode: StateCode;
  street: string;
  /** Which of the place's postcodes (sorted) the site gets: index modulo their count. */
  postcodeSeed: number;
  email: string;
  website: string;
  languages: string[];
  channels: SiteChannel[];
  openingHours: { weekday: number; opens: string; closes: string }[];
  accessibility: { stepFree: boolean; accessibleToilet: boolean; elevator: boolean; hearingLoop: boolean; parking: boolean; notes: string | null };
  directions: string;
};

export type DemoSubProject = {
  key: string;
  stateCode: StateCode;
  name: string;
  shortName: string;
  fieldOfAction: DemoField;
  provider: string;
  description: string;
  sites: DemoSite[];
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function languagesFor(stateCode: StateCode, seed: string, first: boolean): string[] {
  if (stateCode === "DE-BE") {
    const extra = first ? berlinExtra : berlinExtra.filter((_, i) => (hashOf(`${seed}:${i}`) & 1) === 1);
    return [...berlinCore, ...extra];
  }
  const count = 2 + (hashOf(`${seed}:count`) % 4);
  const chosen = new Set<string>();
  for (let i = 0; chosen.size < count; i++) chosen.add(pick(otherLanguages, `${seed}:${i}`));
  return ["de", "en", ...[...chosen].sort()];
}

function siteFor(project: { key: string; name: string; site: string; stateCode: StateCode }, index: number, city: { city: string; place?: string }, sameCity: number): DemoSite {
  const name = `${project.site} – Standort ${city.city}${sameCity > 1 ? ` ${sameCity}` : ""} (Demo)`;
  const seed = `${project.name}|${name}`;
  const street = `${pick(streets, `${seed}:street`)} ${1 + (hashOf(`${seed}:no`) % 120)} (Demo-Adresse)`;
  const channels: SiteChannel[] = ["in_person", ...extraChannels.filter((_, i) => hashOf(`${seed}:ch${i}`) % 3 !== 0)];
  const long = hashOf(`${seed}:hours`) % 2 === 0;
  const openingHours = [1, 2, 3, 4].map((weekday) => ({ weekday, opens: "09:00", closes: weekday === 4 && long ? "18:00" : "16:00" }));
  openingHours.push({ weekday: 5, opens: "09:00", closes: "13:00" });
  const stepFree = hashOf(`${seed}:a`) % 4 !== 0;
  const stop = pick(stops, `${seed}:stop`);
  return {
    key: `${project.key}:site:${index}`,
    name,
    city: city.city,
    place: city.place ?? city.city,
    stateCode: project.stateCode,
    street,
    postcodeSeed: hashOf(`${seed}:postcode`),
    email: `${slug(project.site)}-${slug(city.city)}${sameCity > 1 ? `-${sameCity}` : ""}@demo.example.org`,
    website: `https://demo.example.org/${slug(project.name)}`,
    languages: languagesFor(project.stateCode, seed, index === 0),
    channels,
    openingHours,
    accessibility: {
      stepFree,
      accessibleToilet: stepFree && hashOf(`${seed}:t`) % 2 === 0,
      elevator: stepFree && hashOf(`${seed}:e`) % 3 !== 0,
      hearingLoop: hashOf(`${seed}:h`) % 5 === 0,
      parking: hashOf(`${seed}:p`) % 2 === 0,
      notes: stepFree ? null : "Demo: Eingang mit drei Stufen; Beratung im Erdgeschoss nach Absprache möglich.",
    },
    directions: `Demo-Angabe: Mit Bus oder Bahn bis Haltestelle „${stop}“ in ${city.city}, danach etwa ${2 + (hashOf(`${seed}:walk`) % 8)} Minuten zu Fuß.`,
  };
}

/** The demo sub-projects of one state network: 2–4, the first always recognition counseling. */
export function demoSubProjectsFor(stateCode: StateCode): DemoSubProject[] {
  const state = germanStates.find((s) => s.code === stateCode)!;
  const cities = citiesByState[stateCode];
  const count = 2 + (hashOf(`demo:${stateCode}`) % 3);
  return fields.slice(0, count).map((f, i) => {
    const base = f.project(state.name);
    const key = i === 0 ? `demo-sub-project:${stateCode}` : `demo-sub-project:${stateCode}:${f.field}`;
    const siteCount = 1 + (hashOf(`${base}:sites`) % 3);
    const seen = new Map<string, number>();
    const sites = Array.from({ length: siteCount }, (_, s) => {
      const city = cities[(i + s) % cities.length]!;
      const n = (seen.get(city.city) ?? 0) + 1;
      seen.set(city.city, n);
      return siteFor({ key, name: base, site: f.site, stateCode }, s, city, n);
    });
    return {
      key,
      stateCode,
      name: `${base} (Demo)`,
      shortName: `${f.site} ${state.abbr}`,
      fieldOfAction: f.field,
      provider: `${f.provider(state.name, cities[i % cities.length]!.city)} (Demo)`,
      description: "Demo-Teilprojekt mit erfundenen Angaben zum Ausprobieren von Lotse.",
      sites,
    };
  });
}
