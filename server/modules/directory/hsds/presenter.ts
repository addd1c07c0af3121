import type { HsdsLocation, HsdsOrganization, HsdsService, HsdsServiceAtLocation } from "../../../../common/contracts/hsds.js";
import { type FieldOfAction, germanStates } from "../../../../common/domain/units.js";
import { presentSite } from "../presenter.js";
import type { PublicSiteRow } from "../repository.js";
import { hsdsId } from "./ids.js";

/**
 * The public directory as HSDS 3.0 objects. Träger (providers) are organizations; a sub-project
 * without a Träger on record stands for itself. A sub-project (its field of action) is a service,
 * a site a location with its address, phone, opening hours, languages and accessibility, and each
 * site of a sub-project one service_at_location. Only what the public site pages show: no staff,
 * no unit descriptions, no internal ids except the site's (as external identifier).
 */
export type HsdsDirectory = {
  organizations: HsdsOrganization[];
  services: HsdsService[];
  locations: HsdsLocation[];
  serviceAtLocations: HsdsServiceAtLocation[];
};

const IQ = "im Förderprogramm „Integration durch Qualifizierung (IQ)“";

/** What each field of action offers, in the words of the glossary. */
const serviceDescriptions: Record<FieldOfAction, string> = {
  recognition_counseling:
    "Anerkennungs- und Qualifizierungsberatung: Beratung zur Anerkennung ausländischer Berufsabschlüsse und zu Qualifizierungen.",
  qualification: "Qualifizierung im Kontext des Anerkennungsgesetzes: Qualifizierungen auf dem Weg zur vollen Anerkennung.",
  intercultural_competence: "Interkulturelle Kompetenzentwicklung für Akteure des Arbeitsmarkts.",
  immigration_employers:
    "Einwanderung – regionale Fachkräftenetzwerke: Beratung von Arbeitgebern zur Einstellung von Fachkräften aus dem Ausland.",
  faire_integration: "Faire Integration: Beratung zu arbeits- und sozialrechtlichen Fragen für Geflüchtete und Drittstaatsangehörige.",
};

const isoDays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const germanDays = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] as const;
const stateNames = new Map<string, string>(germanStates.map((s) => [s.code, s.name]));
const languageNames = new Intl.DisplayNames(["de"], { type: "language", fallback: "code" });
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, "de") || a.id.localeCompare(b.id);

/** The organization a sub-project's service belongs to, and the one running a site. */
const projectOrganization = (row: PublicSiteRow) =>
  row.projectProviderId
    ? { key: `provider:${row.projectProviderId}`, name: row.projectProviderName ?? row.projectName, provider: true }
    : { key: `sub_project:${row.projectId}`, name: row.projectName, provider: false };
const siteOrganization = (row: PublicSiteRow) =>
  row.providerId
    ? { key: `provider:${row.providerId}`, name: row.providerName ?? row.projectName, provider: true }
    : projectOrganization(row);

export function buildHsdsDirectory(rows: PublicSiteRow[]): HsdsDirectory {
  const organizations = new Map<string, HsdsOrganization>();
  const services = new Map<string, HsdsService>();
  const locations: HsdsLocation[] = [];
  const serviceAtLocations: HsdsServiceAtLocation[] = [];
  const addOrganization = (org: { key: string; name: string; provider: boolean }) => {
    const id = hsdsId("organization", org.key);
    if (!organizations.has(id))
      organizations.set(id, {
        id,
        name: org.name,
        description: org.provider ? `Träger von Beratungsangeboten ${IQ}.` : `Teilprojekt ${IQ}.`,
      });
    return id;
  };
  for (const row of rows) {
    const serviceId = hsdsId("service", row.projectId);
    if (!services.has(serviceId))
      services.set(serviceId, {
        id: serviceId,
        organization_id: addOrganization(projectOrganization(row)),
        name: row.projectName,
        description: serviceDescriptions[row.fieldOfAction as FieldOfAction] ?? `Teilprojekt ${IQ}.`,
        status: "active",
      });
    const location = presentHsdsLocation(row, addOrganization(siteOrganization(row)));
    locations.push(location);
    serviceAtLocations.push({
      id: hsdsId("service_at_location", row.id),
      service_id: serviceId,
      location_id: location.id,
      description: `${row.projectName} am Standort ${row.name}`,
    });
  }
  const nameOfLocation = new Map(locations.map((l) => [l.id, l.name]));
  return {
    organizations: [...organizations.values()].sort(byName),
    services: [...services.values()].sort(byName),
    locations: locations.sort(byName),
    serviceAtLocations: serviceAtLocations.sort((a, b) =>
      byName({ name: nameOfLocation.get(a.location_id)!, id: a.id }, { name: nameOfLocation.get(b.location_id)!, id: b.id }),
    ),
  };
}

/** A site as an HSDS location; fields without a value are left out (HSDS allows no null). */
export function presentHsdsLocation(row: PublicSiteRow, organizationId: string): HsdsLocation {
  const site = presentSite(row);
  const id = hsdsId("location", row.id);
  const state = row.stateCode ? stateNames.get(row.stateCode) : undefined;
  const url = httpUrl(site.website);
  return {
    id,
    location_type: "physical",
    organization_id: organizationId,
    name: row.name,
    ...(url ? { url } : {}),
    ...(site.directions ? { transportation: site.directions } : {}),
    ...(site.latitude !== null && site.longitude !== null ? { latitude: site.latitude, longitude: site.longitude } : {}),
    // Links the location to the site's public page (/api/public/sites/{id}).
    external_identifier: row.id,
    external_identifier_type: "lotse_site_id",
    languages: site.languages.map((code) => ({
      id: hsdsId("language", `${row.id}:${code}`),
      location_id: id,
      name: languageNames.of(code) ?? code,
      code,
    })),
    // HSDS requires street, postcode, city and state of an address; sites known only by their city have none.
    addresses:
      site.street && site.postcode && site.city && state
        ? [
            {
              id: hsdsId("address", row.id),
              location_id: id,
              address_1: site.street,
              city: site.city,
              state_province: state,
              postal_code: site.postcode,
              country: "DE",
              address_type: "physical" as const,
            },
          ]
        : [],
    phones: site.phone ? [{ id: hsdsId("phone", row.id), location_id: id, number: site.phone, type: "voice" }] : [],
    schedules: presentSchedules(row.id, id, site.openingHours, site.timeZone),
    accessibility: presentAccessibility(row.id, id, site.accessibility),
  };
}

/**
 * Opening hours as weekly RRULE-like schedules: one schedule per opening time, with all the days
 * that share it (`byday` "MO,TU,WE"). Times are the site's local time; HSDS asks for an offset,
 * which a zone with summer time does not have, so the zone is named in the description instead.
 */
export function presentSchedules(
  siteId: string,
  locationId: string,
  hours: { weekday: number; opens: string; closes: string }[],
  timeZone: string,
): HsdsLocation["schedules"] {
  const days = new Map<string, number[]>();
  for (const h of hours) {
    if (h.weekday < 1 || h.weekday > 7) continue;
    const key = `${h.opens}-${h.closes}`;
    days.set(
      key,
      [...new Set([...(days.get(key) ?? []), h.weekday])].sort((a, b) => a - b),
    );
  }
  return [...days.entries()]
    .sort(([a, da], [b, db]) => da[0]! - db[0]! || a.localeCompare(b))
    .map(([key, weekdays]) => {
      const [opens, closes] = key.split("-") as [string, string];
      return {
        id: hsdsId("schedule", `${siteId}:${key}`),
        location_id: locationId,
        freq: "WEEKLY" as const,
        wkst: "MO" as const,
        byday: weekdays.map((d) => isoDays[d - 1]).join(","),
        opens_at: opens,
        closes_at: closes,
        description: `${weekdays.map((d) => germanDays[d - 1]).join(", ")} ${opens}–${closes} Uhr (Ortszeit ${timeZone})`,
      };
    });
}

const accessibilityLabels = {
  stepFree: "Stufenloser Zugang",
  accessibleToilet: "Barrierefreies WC",
  elevator: "Aufzug",
  hearingLoop: "Induktionsschleife",
  parking: "Behindertenparkplatz",
} as const;

/** What is known about a site's accessibility, as one HSDS accessibility record (none when nothing is known). */
export function presentAccessibility(
  siteId: string,
  locationId: string,
  a: Record<keyof typeof accessibilityLabels, boolean | null> & { notes: string | null },
): HsdsLocation["accessibility"] {
  const known = (Object.keys(accessibilityLabels) as (keyof typeof accessibilityLabels)[])
    .filter((key) => a[key] !== null)
    .map((key) => `${accessibilityLabels[key]}: ${a[key] ? "ja" : "nein"}`);
  if (known.length === 0 && !a.notes) return [];
  return [
    {
      id: hsdsId("accessibility", siteId),
      location_id: locationId,
      description: known.length ? known.join("; ") : "Hinweise zur Barrierefreiheit",
      ...(a.notes ? { details: a.notes } : {}),
    },
  ];
}

/** Only an absolute http(s) URL is a URI in HSDS's sense; "www.example.de" gets its scheme. */
function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  const candidate = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
