import { foldForSearch } from "../../../common/domain/search.js";
import type { Executor } from "../../db/index.js";
import { listPostcodeCentroids } from "./postcodes.js";

/** A point to measure distances from, and how the search understood it ("10115 Berlin"). */
export type Origin = { label: string; latitude: number; longitude: number };

type Place = Origin & { postcodeCount: number };

// "Muenchen" as typed on a keyboard without umlauts; NFKD already maps "Munchen".
const umlautSpellings = (text: string) => text.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");

/**
 * Postcodes and place names of Germany (GeoNames) in memory, for the public site search: the
 * table is reference data loaded at start and never changes while a node runs, so it is read
 * once per node (about 16,000 rows) instead of on every search.
 */
export class PlaceIndex {
  private readonly postcodes = new Map<string, Origin>();
  private readonly places = new Map<string, Place[]>();

  static async load(exec: Executor): Promise<PlaceIndex> {
    const index = new PlaceIndex();
    const rows = await listPostcodeCentroids(exec);
    const byPostcode = new Map<string, { places: string[]; latitude: number; longitude: number; n: number }>();
    const byPlace = new Map<string, { place: string; latitude: number; longitude: number; n: number }>();
    for (const row of rows) {
      const pc = byPostcode.get(row.postcode) ?? { places: [], latitude: 0, longitude: 0, n: 0 };
      pc.places.push(row.place);
      pc.latitude += row.latitude;
      pc.longitude += row.longitude;
      pc.n++;
      byPostcode.set(row.postcode, pc);
      const key = `${row.place}|${row.stateCode}`;
      const pl = byPlace.get(key) ?? { place: row.place, latitude: 0, longitude: 0, n: 0 };
      pl.latitude += row.latitude;
      pl.longitude += row.longitude;
      pl.n++;
      byPlace.set(key, pl);
    }
    for (const [postcode, pc] of byPostcode) {
      const places = [...new Set(pc.places)].sort((a, b) => a.localeCompare(b, "de"));
      index.postcodes.set(postcode, {
        label: `${postcode} ${places.join(", ")}`,
        latitude: pc.latitude / pc.n,
        longitude: pc.longitude / pc.n,
      });
    }
    for (const pl of byPlace.values()) {
      const place: Place = { label: pl.place, latitude: pl.latitude / pl.n, longitude: pl.longitude / pl.n, postcodeCount: pl.n };
      for (const key of new Set([foldForSearch(pl.place), umlautSpellings(foldForSearch(pl.place))])) {
        const list = index.places.get(key) ?? [];
        list.push(place);
        index.places.set(key, list);
      }
    }
    return index;
  }

  byPostcode(postcode: string): Origin | null {
    return this.postcodes.get(postcode) ?? null;
  }

  /**
   * A place by name, accent- and case-insensitive ("munchen", "Muenchen"): an exact name first,
   * else the names it begins ("Frankfurt" → Frankfurt am Main); among several, the one with the
   * most postcodes (the city rather than the village of the same name).
   */
  byName(text: string): Origin | null {
    const wanted = foldForSearch(text);
    if (!wanted) return null;
    const candidates = this.places.get(wanted) ?? this.places.get(umlautSpellings(wanted)) ?? this.startingWith(wanted);
    const best = candidates.reduce<Place | null>((a, b) => (!a || b.postcodeCount > a.postcodeCount ? b : a), null);
    return best && { label: best.label, latitude: best.latitude, longitude: best.longitude };
  }

  private startingWith(prefix: string): Place[] {
    const found: Place[] = [];
    for (const [key, places] of this.places) if (key.startsWith(prefix)) found.push(...places);
    return found;
  }
}

const loaded = new WeakMap<object, Promise<PlaceIndex>>();

/** The node's index for a database, loaded on first use (a failed load is retried next time). */
export function placeIndexFor(owner: object, exec: Executor): Promise<PlaceIndex> {
  let index = loaded.get(owner);
  if (!index) {
    index = PlaceIndex.load(exec);
    index.catch(() => loaded.delete(owner));
    loaded.set(owner, index);
  }
  return index;
}

/** Great-circle distance in kilometres (haversine; the Earth as a sphere of radius 6,371 km). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
