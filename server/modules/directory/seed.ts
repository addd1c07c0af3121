import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { germanStates, type StateCode, type UnitType } from "../../../common/domain/units.js";
import type { Executor } from "../../db/index.js";
import { providers, sites, unitHistory, units } from "../../db/schema/index.js";
import { demoSubProjectsFor } from "./data/demo-network.js";
import type { GeneratedSubProject } from "./data/generated-network.js";
import {
  expertUnits,
  faireIntegrationCentres,
  federalRoot,
  networkOpenedOn,
  type RealSite,
  stateNetworks,
  supportTeam,
  transferProject,
} from "./data/network.js";
import { ensurePostcodes, findPlaces, placeKey } from "./postcodes.js";
import { unitSnapshot } from "./presenter.js";
import type { SiteRow } from "./repository.js";

/**
 * Seeds the network tree: the real IQ network (reference data, fit for production) and, on
 * request, demo sub-projects and sites marked "(Demo)". Ids derive from stable keys, so seeding
 * is deterministic and idempotent; every table gets one batched insert.
 * Keys name units for other seeds (demo users, demo data): "federal", "state:DE-BE",
 * "demo-sub-project:DE-BE", "expert-unit:immigration", "fi:be", …
 */
export async function seedNetwork(
  exec: Executor,
  options: { demo: boolean; generated?: GeneratedSubProject[] } = { demo: true },
): Promise<Map<string, string>> {
  await ensurePostcodes(exec);
  const plan = planNetwork(options.demo, options.generated ?? []);
  const [root] = await exec.select({ id: units.id }).from(units).where(eq(units.type, "federal"));
  if (root && root.id !== seedId("unit", "federal")) throw new Error("network already seeded by another seed");
  await insertPlan(exec, plan);
  return new Map(plan.map((u) => [u.key, u.id]));
}

/** The real network only, when the database has none yet (production start). */
export async function ensureReferenceNetwork(exec: Executor): Promise<boolean> {
  const [root] = await exec.select({ id: units.id }).from(units).where(eq(units.type, "federal"));
  if (root) return false;
  await exec.transaction((tx) => seedNetwork(tx, { demo: false }));
  return true;
}

/** A UUID (version 5 layout) derived from a key, the same on every run. */
export function seedId(kind: string, key: string): string {
  const h = createHash("sha1").update(`lotse:${kind}:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

type PlannedSite = Omit<Partial<SiteRow>, "unitId"> & { city: string; place: string; stateCode: StateCode; postcodeSeed?: number };
type PlannedUnit = {
  key: string;
  id: string;
  type: UnitType;
  name: string;
  shortName?: string;
  parentKey: string | null;
  stateCode: StateCode | null;
  provider?: string;
  fieldOfAction?: string;
  description?: string;
  isDemo: boolean;
  site?: PlannedSite;
};

function planNetwork(demo: boolean, generated: GeneratedSubProject[]): PlannedUnit[] {
  const plan: PlannedUnit[] = [];
  const add = (u: Omit<PlannedUnit, "id" | "isDemo"> & { isDemo?: boolean }) =>
    plan.push({ ...u, id: seedId("unit", u.key), isDemo: u.isDemo ?? false });

  add({ key: "federal", type: "federal", name: federalRoot.name, shortName: federalRoot.shortName, parentKey: null, stateCode: null });
  for (const s of stateNetworks) {
    add({
      key: `state:${s.stateCode}`,
      type: "state_network",
      name: s.name,
      shortName: s.shortName,
      parentKey: "federal",
      stateCode: s.stateCode,
      provider: s.provider,
    });
  }
  for (const e of expertUnits) {
    add({
      key: `expert-unit:${e.key}`,
      type: "expert_unit",
      name: e.name,
      shortName: e.shortName,
      parentKey: "federal",
      stateCode: null,
      provider: e.provider,
    });
  }
  add({ key: "transfer-project", type: "transfer_project", ...transferProject, parentKey: "federal", stateCode: null });
  add({
    key: "support-team",
    type: "support_team",
    name: supportTeam.name,
    shortName: supportTeam.shortName,
    description: supportTeam.description,
    provider: supportTeam.provider,
    parentKey: "federal",
    stateCode: null,
  });
  for (const s of supportTeam.sites as RealSite[]) {
    const place = s.place ?? s.city;
    add({
      key: `support-team:site:${s.city}`,
      type: "site",
      name: `${supportTeam.name} – ${s.city}`,
      parentKey: "support-team",
      stateCode: s.stateCode,
      provider: s.provider,
      description: "Unterstützungsstruktur, keine Beratung.",
      site: { city: s.city, place, stateCode: s.stateCode },
    });
  }
  for (const fi of faireIntegrationCentres) {
    add({
      key: `fi:${fi.key}`,
      type: "sub_project",
      name: fi.name,
      parentKey: `state:${fi.stateCode}`,
      stateCode: fi.stateCode,
      provider: fi.provider,
      fieldOfAction: "faire_integration",
    });
    for (const c of fi.cities) {
      add({
        key: `fi:${fi.key}:site:${c.city}`,
        type: "site",
        name: `Faire Integration – ${c.city}`,
        parentKey: `fi:${fi.key}`,
        stateCode: fi.stateCode,
        site: { city: c.city, place: c.place ?? c.city, stateCode: fi.stateCode },
      });
    }
  }
  if (!demo) return plan;
  for (const state of germanStates) {
    for (const p of demoSubProjectsFor(state.code)) {
      add({
        key: p.key,
        type: "sub_project",
        name: p.name,
        shortName: p.shortName,
        parentKey: `state:${state.code}`,
        stateCode: state.code,
        provider: p.provider,
        fieldOfAction: p.fieldOfAction,
        description: p.description,
        isDemo: true,
      });
      for (const s of p.sites) {
        const { key, name, postcodeSeed, ...site } = s;
        add({ key, type: "site", name, parentKey: p.key, stateCode: state.code, isDemo: true, site: { ...site, postcodeSeed } });
      }
    }
  }
  // Sub-projects of the national statistics data set (monitoring generator); already there ones are kept.
  for (const g of generated) add({ ...g, type: "sub_project", parentKey: `state:${g.stateCode}`, isDemo: true });
  return plan;
}

async function insertPlan(exec: Executor, plan: PlannedUnit[]): Promise<void> {
  // Providers: one per name; an existing provider of the same name is reused.
  const providerNames = [
    ...new Map(plan.filter((u) => u.provider).map((u) => [u.provider!.toLowerCase(), { name: u.provider!, isDemo: u.isDemo }])).values(),
  ];
  if (providerNames.length) {
    await exec
      .insert(providers)
      .values(providerNames.map((p) => ({ id: seedId("provider", p.name.toLowerCase()), name: p.name, isDemo: p.isDemo })))
      .onConflictDoNothing();
  }
  const providerRows = providerNames.length
    ? await exec
        .select({ id: providers.id, name: providers.name })
        .from(providers)
        .where(
          inArray(
            sql`lower(${providers.name})`,
            providerNames.map((p) => p.name.toLowerCase()),
          ),
        )
    : [];
  const providerIdByName = new Map(providerRows.map((p) => [p.name.toLowerCase(), p.id]));

  // Places: coordinates and postcodes of every city, in one query.
  const plannedSites = plan.filter((u) => u.site);
  const places = await findPlaces(
    exec,
    plannedSites.map((u) => ({ place: u.site!.place, stateCode: u.site!.stateCode })),
  );

  const byKey = new Map(plan.map((u) => [u.key, u]));
  const paths = new Map<string, string>();
  const unitRows: (typeof units.$inferInsert)[] = [];
  for (const u of plan) {
    const parent = u.parentKey ? byKey.get(u.parentKey)! : null;
    const path = parent ? `${paths.get(parent.key)}/${u.id}` : u.id;
    paths.set(u.key, path);
    unitRows.push({
      id: u.id,
      type: u.type,
      name: u.name,
      shortName: u.shortName ?? null,
      parentId: parent?.id ?? null,
      path,
      depth: path.split("/").length - 1,
      stateCode: u.stateCode,
      providerId: u.provider ? providerIdByName.get(u.provider.toLowerCase())! : null,
      fieldOfAction: u.fieldOfAction ?? null,
      description: u.description ?? null,
      openedOn: networkOpenedOn,
      isDemo: u.isDemo,
    });
  }
  const siteRows: (typeof sites.$inferInsert)[] = plannedSites.map((u) => {
    const { place, stateCode, postcodeSeed, ...site } = u.site!;
    const info = places.get(placeKey(place, stateCode));
    if (!info) throw new Error(`seed: no postcode data for ${place} (${stateCode})`);
    // Demo sites get one real postcode of their city; real sites the city centroid only.
    const pc = postcodeSeed === undefined ? null : info.postcodes[postcodeSeed % info.postcodes.length]!;
    return {
      ...site,
      unitId: u.id,
      postcode: pc?.postcode ?? null,
      latitude: pc?.latitude ?? info.latitude,
      longitude: pc?.longitude ?? info.longitude,
    };
  });

  const inserted = await exec.insert(units).values(unitRows).onConflictDoNothing().returning({ id: units.id });
  const insertedIds = new Set(inserted.map((r) => r.id));
  const newSites = siteRows.filter((s) => insertedIds.has(s.unitId));
  if (newSites.length) await exec.insert(sites).values(newSites);

  // The first history snapshot of every new unit, so its state at the start is on record.
  const providerNameById = new Map(providerRows.map((p) => [p.id, p.name]));
  const siteById = new Map(newSites.map((s) => [s.unitId, s]));
  const history = unitRows
    .filter((r) => insertedIds.has(r.id!))
    .map((r) => ({
      unitId: r.id!,
      change: "seeded",
      snapshot: unitSnapshot(
        {
          ...(r as Required<typeof r>),
          type: r.type as UnitType,
          providerName: r.providerId ? (providerNameById.get(r.providerId) ?? null) : null,
          closedOn: null,
          version: 1,
        },
        siteById.has(r.id!)
          ? ({
              languages: [],
              channels: [],
              openingHours: [],
              accessibility: {},
              timeZone: "Europe/Berlin",
              ...siteById.get(r.id!),
            } as SiteRow)
          : null,
      ),
    }));
  if (history.length) await exec.insert(unitHistory).values(history);
}
