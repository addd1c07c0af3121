/**
 * Referenzberufe: the German profession a foreign qualification is compared with. The catalogue
 * is curated (seeded from this list, extended by administrators); `regulated` says whether
 * working in it requires recognition (reglementierter Beruf) — the first thing a counselor
 * checks. Professional fields group them for statistics.
 */
export const professionalFields = [
  "health",
  "education_social",
  "engineering",
  "it_science",
  "business_administration",
  "law_tax",
  "crafts_construction",
  "metal_electrical",
  "hospitality_food",
  "transport_logistics",
  "agriculture_environment",
  "media_language",
] as const;
export type ProfessionalField = (typeof professionalFields)[number];

export type ReferenceProfessionSeed = {
  /** Stable key of the seed entry (never shown). */
  key: string;
  name: string;
  regulated: boolean;
  field: ProfessionalField;
  kind: "academic" | "vocational";
  /** The profession's name before a reform, for search (e.g. Altenpfleger/in → Pflegefachfrau/-mann). */
  formerNames?: string[];
};

const e = (
  key: string,
  name: string,
  regulated: boolean,
  field: ProfessionalField,
  kind: "academic" | "vocational",
  formerNames?: string[],
): ReferenceProfessionSeed => ({ key, name, regulated, field, kind, ...(formerNames ? { formerNames } : {}) });

export const referenceProfessionSeed: ReferenceProfessionSeed[] = [
  // Health — mostly regulated by federal law
  e("physician", "Arzt/Ärztin", true, "health", "academic"),
  e("dentist", "Zahnarzt/Zahnärztin", true, "health", "academic"),
  e("pharmacist", "Apotheker/in", true, "health", "academic"),
  e("veterinarian", "Tierarzt/Tierärztin", true, "health", "academic"),
  e("psychotherapist", "Psychotherapeut/in", true, "health", "academic"),
  e("nurse", "Pflegefachfrau/Pflegefachmann", true, "health", "vocational", [
    "Gesundheits- und Krankenpfleger/in",
    "Altenpfleger/in",
    "Gesundheits- und Kinderkrankenpfleger/in",
  ]),
  e("midwife", "Hebamme/Entbindungspfleger", true, "health", "academic"),
  e("physiotherapist", "Physiotherapeut/in", true, "health", "vocational", ["Krankengymnast/in"]),
  e("occupational-therapist", "Ergotherapeut/in", true, "health", "vocational"),
  e("speech-therapist", "Logopäde/Logopädin", true, "health", "vocational"),
  e("medical-technologist-lab", "Medizinische/r Technologe/Technologin für Laboratoriumsanalytik", true, "health", "vocational", [
    "Medizinisch-technische/r Laboratoriumsassistent/in (MTLA)",
  ]),
  e("medical-technologist-radiology", "Medizinische/r Technologe/Technologin für Radiologie", true, "health", "vocational", [
    "Medizinisch-technische/r Radiologieassistent/in (MTRA)",
  ]),
  e("paramedic", "Notfallsanitäter/in", true, "health", "vocational", ["Rettungsassistent/in"]),
  e("pharmaceutical-technical-assistant", "Pharmazeutisch-technische/r Assistent/in (PTA)", true, "health", "vocational"),
  e("dietitian", "Diätassistent/in", true, "health", "vocational"),
  e("podiatrist", "Podologe/Podologin", true, "health", "vocational"),
  e("masseur", "Masseur/in und medizinische/r Bademeister/in", true, "health", "vocational"),
  e("nursing-assistant", "Pflegefachassistent/in", true, "health", "vocational", ["Krankenpflegehelfer/in", "Altenpflegehelfer/in"]),
  e("medical-assistant", "Medizinische/r Fachangestellte/r", false, "health", "vocational"),
  e("dental-assistant", "Zahnmedizinische/r Fachangestellte/r", false, "health", "vocational"),
  e("dental-technician", "Zahntechniker/in", false, "health", "vocational"),
  e("optician", "Augenoptiker/in", false, "health", "vocational"),
  e("hearing-aid-acoustician", "Hörakustiker/in", false, "health", "vocational"),
  e("food-chemist", "Lebensmittelchemiker/in", true, "health", "academic"),
  // Education and social work — regulated by state law
  e("teacher", "Lehrer/in", true, "education_social", "academic"),
  e("educator", "Erzieher/in", true, "education_social", "vocational"),
  e("social-worker", "Sozialarbeiter/in / Sozialpädagoge/Sozialpädagogin", true, "education_social", "academic"),
  e("childcare-worker", "Kinderpfleger/in / Sozialassistent/in", true, "education_social", "vocational"),
  e("curative-education-nurse", "Heilerziehungspfleger/in", true, "education_social", "vocational"),
  e("psychologist", "Psychologe/Psychologin", false, "education_social", "academic"),
  // Engineering and architecture — protected titles under state law
  e("engineer", "Ingenieur/in", true, "engineering", "academic"),
  e("architect", "Architekt/in", true, "engineering", "academic"),
  e("civil-engineer-consulting", "Beratende/r Ingenieur/in (Bauvorlageberechtigung)", true, "engineering", "academic"),
  e("technician", "Staatlich geprüfte/r Techniker/in", false, "engineering", "vocational"),
  e("draughtsperson", "Bauzeichner/in", false, "engineering", "vocational"),
  // IT and sciences
  e("computer-scientist", "Informatiker/in", false, "it_science", "academic"),
  e("business-informatics", "Wirtschaftsinformatiker/in", false, "it_science", "academic"),
  e("it-specialist", "Fachinformatiker/in", false, "it_science", "vocational"),
  e("mathematician", "Mathematiker/in", false, "it_science", "academic"),
  e("physicist", "Physiker/in", false, "it_science", "academic"),
  e("chemist", "Chemiker/in", false, "it_science", "academic"),
  e("biologist", "Biologe/Biologin", false, "it_science", "academic"),
  e("chemical-lab-technician", "Chemielaborant/in", false, "it_science", "vocational"),
  // Business and administration
  e("business-economist", "Betriebswirt/in", false, "business_administration", "academic"),
  e("economist", "Volkswirt/in", false, "business_administration", "academic"),
  e("office-management", "Kaufmann/Kauffrau für Büromanagement", false, "business_administration", "vocational"),
  e("industrial-clerk", "Industriekaufmann/Industriekauffrau", false, "business_administration", "vocational"),
  e("bank-clerk", "Bankkaufmann/Bankkauffrau", false, "business_administration", "vocational"),
  e("retail-clerk", "Kaufmann/Kauffrau im Einzelhandel", false, "business_administration", "vocational"),
  e("wholesale-clerk", "Kaufmann/Kauffrau im Groß- und Außenhandelsmanagement", false, "business_administration", "vocational"),
  // Law and tax
  e("lawyer", "Rechtsanwalt/Rechtsanwältin", true, "law_tax", "academic"),
  e("tax-advisor", "Steuerberater/in", true, "law_tax", "academic"),
  e("auditor", "Wirtschaftsprüfer/in", true, "law_tax", "academic"),
  e("legal-scholar", "Jurist/in (ohne Zulassung)", false, "law_tax", "academic"),
  e("tax-clerk", "Steuerfachangestellte/r", false, "law_tax", "vocational"),
  // Crafts and construction
  e("bricklayer", "Maurer/in", false, "crafts_construction", "vocational"),
  e("carpenter-roof", "Zimmerer/Zimmerin", false, "crafts_construction", "vocational"),
  e("joiner", "Tischler/in", false, "crafts_construction", "vocational"),
  e("painter", "Maler/in und Lackierer/in", false, "crafts_construction", "vocational"),
  e("tiler", "Fliesen-, Platten- und Mosaikleger/in", false, "crafts_construction", "vocational"),
  e("roofer", "Dachdecker/in", false, "crafts_construction", "vocational"),
  e("hairdresser", "Friseur/in", false, "crafts_construction", "vocational"),
  // Metal and electrical
  e("electronics-technician", "Elektroniker/in", false, "metal_electrical", "vocational"),
  e("electronics-industrial", "Elektroniker/in für Betriebstechnik", false, "metal_electrical", "vocational"),
  e("mechatronics", "Mechatroniker/in", false, "metal_electrical", "vocational"),
  e("car-mechatronics", "Kfz-Mechatroniker/in", false, "metal_electrical", "vocational"),
  e("industrial-mechanic", "Industriemechaniker/in", false, "metal_electrical", "vocational"),
  e("plumber", "Anlagenmechaniker/in für Sanitär-, Heizungs- und Klimatechnik", false, "metal_electrical", "vocational"),
  e("metalworker", "Metallbauer/in", false, "metal_electrical", "vocational"),
  e("cutting-machine-operator", "Zerspanungsmechaniker/in", false, "metal_electrical", "vocational"),
  // Hospitality and food
  e("cook", "Koch/Köchin", false, "hospitality_food", "vocational"),
  e("baker", "Bäcker/in", false, "hospitality_food", "vocational"),
  e("butcher", "Fleischer/in", false, "hospitality_food", "vocational"),
  e("hotel-specialist", "Hotelfachmann/Hotelfachfrau", false, "hospitality_food", "vocational"),
  // Transport and logistics
  e("professional-driver", "Berufskraftfahrer/in", true, "transport_logistics", "vocational"),
  e("warehouse-logistics", "Fachkraft für Lagerlogistik", false, "transport_logistics", "vocational"),
  e("freight-forwarding", "Kaufmann/Kauffrau für Spedition und Logistikdienstleistung", false, "transport_logistics", "vocational"),
  // Agriculture and environment
  e("farmer", "Landwirt/in", false, "agriculture_environment", "vocational"),
  e("gardener", "Gärtner/in", false, "agriculture_environment", "vocational"),
  e("agricultural-scientist", "Agrarwissenschaftler/in", false, "agriculture_environment", "academic"),
  // Media and language
  e("translator", "Übersetzer/in / Dolmetscher/in", false, "media_language", "academic"),
  e("journalist", "Journalist/in", false, "media_language", "academic"),
];
