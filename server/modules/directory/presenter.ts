import type { Site, UnitAbilities, UnitDetail, UnitSummary } from "../../../common/contracts/directory.js";
import type { PublicSiteDetail, PublicSiteSummary } from "../../../common/contracts/public-directory.js";
import { type FieldOfAction, type PublicTopic, publicTopicOf, type SiteChannel, type StateCode } from "../../../common/domain/units.js";
import type { providers, unitHistory } from "../../db/schema/index.js";
import type { PublicSiteRow, SiteRow, UnitDetailRow, UnitRow } from "./repository.js";

/** Shapes units for the API. The materialized `path` never leaves the server. */
export function presentUnitSummary(row: UnitRow, abilities: UnitAbilities): UnitSummary {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    type: row.type,
    parentId: row.parentId,
    depth: row.depth,
    stateCode: row.stateCode as StateCode | null,
    providerId: row.providerId,
    providerName: row.providerName,
    fieldOfAction: row.fieldOfAction as FieldOfAction | null,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    isDemo: row.isDemo,
    version: row.version,
    abilities,
  };
}

export function presentSite(row: SiteRow): Site {
  const a = (row.accessibility ?? {}) as Record<string, unknown>;
  const flag = (v: unknown) => (typeof v === "boolean" ? v : null);
  return {
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    phone: row.phone,
    email: row.email,
    website: row.website,
    languages: row.languages,
    channels: row.channels as SiteChannel[],
    openingHours: (row.openingHours ?? []) as Site["openingHours"],
    accessibility: {
      stepFree: flag(a.stepFree),
      accessibleToilet: flag(a.accessibleToilet),
      elevator: flag(a.elevator),
      hearingLoop: flag(a.hearingLoop),
      parking: flag(a.parking),
      notes: typeof a.notes === "string" ? a.notes : null,
    },
    directions: row.directions,
    timeZone: row.timeZone,
  };
}

export function presentUnitDetail(
  row: UnitDetailRow,
  extra: { abilities: UnitAbilities; ancestors: UnitDetail["ancestors"]; childCount: number; site: SiteRow | null },
): UnitDetail {
  return {
    ...presentUnitSummary(row, extra.abilities),
    description: row.description,
    ancestors: extra.ancestors,
    childCount: extra.childCount,
    site: extra.site ? presentSite(extra.site) : null,
  };
}

/** What a history row keeps of a unit: the record as it was, without abilities or path. */
export function unitSnapshot(row: UnitDetailRow, site: SiteRow | null): Record<string, unknown> {
  const { abilities: _abilities, ...summary } = presentUnitSummary(row, {
    update: false,
    move: false,
    close: false,
    reopen: false,
    createChild: false,
  });
  return { ...summary, description: row.description, site: site ? presentSite(site) : null };
}

export function presentHistoryEntry(row: typeof unitHistory.$inferSelect) {
  return {
    id: row.id,
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedBy,
    change: row.change,
    snapshot: row.snapshot as Record<string, unknown>,
  };
}

export function presentProvider(row: typeof providers.$inferSelect) {
  return { id: row.id, name: row.name, isDemo: row.isDemo };
}

/** A site in the public search: what it publishes, never staff or internal fields. */
export function presentPublicSite(
  row: PublicSiteRow,
  distanceKm: number | null,
  nextFreeSlot: PublicSiteSummary["nextFreeSlot"] = null,
): PublicSiteSummary {
  return {
    id: row.id,
    name: row.name,
    projectName: row.projectName,
    providerName: row.providerName,
    topic: publicTopicOf(row.fieldOfAction) as PublicTopic,
    stateCode: row.stateCode as StateCode | null,
    address: { street: row.street, postcode: row.postcode, city: row.city },
    distanceKm,
    languages: row.languages,
    channels: row.channels as SiteChannel[],
    nextFreeSlot,
    isDemo: row.isDemo,
  };
}

export function presentPublicSiteDetail(row: PublicSiteRow, nextFreeSlot: PublicSiteSummary["nextFreeSlot"] = null): PublicSiteDetail {
  const site = presentSite(row);
  return {
    ...presentPublicSite(row, null, nextFreeSlot),
    phone: site.phone,
    email: site.email,
    website: site.website,
    latitude: site.latitude,
    longitude: site.longitude,
    openingHours: [...site.openingHours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    accessibility: site.accessibility,
    directions: site.directions,
    timeZone: site.timeZone,
  };
}
