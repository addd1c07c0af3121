import type { PublicSiteDetail, PublicSiteList, PublicSiteQuery } from "../../../common/contracts/public-directory.js";
import { type PublicTopic, publicTopicOf } from "../../../common/domain/units.js";
import type { Executor } from "../../db/index.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError, invalidField } from "../../platform/errors.js";
import { nextFreeSlots } from "../appointments/next-free.js";
import { directoryCacheOf, publicSitesKey } from "./directory-cache.js";
import { distanceKm, type Origin, placeIndexFor, type Suggestion } from "./place-index.js";
import { isPublicSite } from "./policy.js";
import { presentPublicSite, presentPublicSiteDetail } from "./presenter.js";
import type { PublicSiteRow } from "./repository.js";
import * as repo from "./repository.js";
import { berlinToday, cachedRead, getUnitRefs } from "./service.js";

/**
 * Finding counseling without signing in: open sites of sub-projects that counsel the public,
 * nearest first from a postcode or place, filtered by language, topic and channel.
 */
export async function searchPublicSites(ctx: AppContext, query: PublicSiteQuery): Promise<PublicSiteList> {
  const origin = await resolveOrigin(ctx, query);
  const rows = (await openPublicSites(ctx)).rows.filter(
    (row) =>
      (!query.topic || publicTopicOf(row.fieldOfAction) === query.topic) &&
      (!query.language || row.languages.includes(query.language)) &&
      (!query.channel || row.channels.includes(query.channel)),
  );
  // Nearest first; sites without coordinates last; then by name (the rows come sorted by name, and
  // the sort is stable). Only the page is presented.
  const page = rows
    .map((row) => ({ row, distance: distanceFrom(origin, row) }))
    .sort((a, b) => (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY))
    .slice(0, query.limit);
  const channel = query.channel === "in_person" || query.channel === "phone" || query.channel === "video" ? query.channel : undefined;
  const nextFree = await nextFreeSlots(
    ctx,
    page.map(({ row }) => ({ id: row.id, timeZone: row.timeZone })),
    channel,
  );
  return {
    origin,
    items: page.map(({ row, distance }) => ({ ...presentPublicSite(row, distance), nextFreeSlot: nextFree.get(row.id) ?? null })),
    total: rows.length,
  };
}

type OpenPublicSites = { rows: readonly PublicSiteRow[]; byId: ReadonlyMap<string, PublicSiteRow> };

/**
 * Today's open public sites, sorted by name (German collation), from the node's directory cache:
 * every search reads all of them, and the directory changes a few times a day.
 */
async function openPublicSites(ctx: AppContext): Promise<OpenPublicSites> {
  const today = berlinToday(ctx);
  const sites = await cachedRead(ctx, publicSitesKey(today), async () => {
    const rows = (await repo.listPublicSites(ctx.database.db, today)).filter(isPublicSite);
    rows.sort((a, b) => byName.compare(a.name, b.name));
    return { rows, byId: new Map(rows.map((row) => [row.id, row])) };
  });
  return sites!;
}

const byName = new Intl.Collator("de");

export async function getPublicSite(ctx: AppContext, id: string): Promise<PublicSiteDetail> {
  const row = await publicSiteRow(ctx, id);
  const nextFree = await nextFreeSlots(ctx, [{ id: row.id, timeZone: row.timeZone }]);
  return presentPublicSiteDetail(row, nextFree.get(row.id) ?? null);
}

/**
 * What booking needs of a public site (its time zone, its languages), without the page's next
 * free slot: the slot list and every booking ask for it, and that slot costs a query of its own.
 */
export async function getBookableSiteFacts(ctx: AppContext, id: string): Promise<{ id: string; timeZone: string; languages: string[] }> {
  const row = await publicSiteRow(ctx, id);
  return { id: row.id, timeZone: row.timeZone, languages: row.languages };
}

async function publicSiteRow(ctx: AppContext, id: string): Promise<PublicSiteRow> {
  // From the cached list when the node keeps one; otherwise one site is cheaper to read than all.
  const row = directoryCacheOf(ctx)?.active
    ? (await openPublicSites(ctx)).byId.get(id)
    : (await repo.listPublicSites(ctx.database.db, berlinToday(ctx), id)).find(isPublicSite);
  if (!row) throw new AppError("not_found");
  return row;
}

async function resolveOrigin(ctx: AppContext, query: PublicSiteQuery): Promise<Origin | null> {
  if (!query.postcode && !query.place) return null;
  const index = await placeIndexFor(ctx.database, ctx.database.db);
  if (query.postcode) {
    const origin = index.byPostcode(query.postcode);
    if (!origin) {
      throw unknownWhere(
        "postcode",
        "unknown_postcode",
        "Diese Postleitzahl gibt es in Deutschland nicht.",
        index.postcodeSuggestions(query.postcode),
      );
    }
    return origin;
  }
  const origin = index.byName(query.place ?? "");
  if (!origin) {
    throw unknownWhere(
      "place",
      "unknown_place",
      "Diesen Ort finden wir nicht. Versuchen Sie die Postleitzahl.",
      index.placeSuggestions(query.place ?? ""),
    );
  }
  return origin;
}

/** 400 naming the field, with places the person may have meant ("suggestions": values to search for). */
function unknownWhere(field: "postcode" | "place", code: string, message: string, suggestions: Suggestion[]): AppError {
  return new AppError("validation_failed", { errors: [fieldError(field, code, message)], extra: { suggestions } });
}

/** Straight-line kilometres with one decimal; null without an origin or coordinates. */
function distanceFrom(origin: Origin | null, row: PublicSiteRow): number | null {
  if (!origin || row.latitude === null || row.longitude === null) return null;
  return Math.round(distanceKm(origin, { latitude: row.latitude, longitude: row.longitude }) * 10) / 10;
}

/** What another module needs of a public site (online requests): its name, where it is, its contact. */
export type PublicSiteContact = {
  id: string;
  name: string;
  path: string;
  city: string | null;
  stateCode: string | null;
  email: string | null;
  languages: string[];
  topic: PublicTopic;
  timeZone: string;
};

/**
 * Open public sites (counseling the public, open today) as another module's use case sees them,
 * in its own transaction; `id` narrows to one (null when it is not such a site).
 */
export async function listPublicSiteContacts(ctx: AppContext, exec: Executor, id?: string): Promise<PublicSiteContact[]> {
  const rows = await repo.listPublicSites(exec, berlinToday(ctx), id);
  // The path decides who works on the site (scopes follow the network tree).
  const paths = new Map(
    (
      await getUnitRefs(
        exec,
        rows.map((r) => r.id),
      )
    ).map((r) => [r.id, r.path]),
  );
  return rows.flatMap((row) => {
    const topic = publicTopicOf(row.fieldOfAction);
    const path = paths.get(row.id);
    if (!topic || !path) return [];
    return [
      {
        id: row.id,
        name: row.name,
        path,
        city: row.city,
        stateCode: row.stateCode,
        email: row.email,
        languages: row.languages,
        topic,
        timeZone: row.timeZone,
      },
    ];
  });
}
