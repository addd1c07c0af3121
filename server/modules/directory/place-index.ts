import { foldForSearch } from "../../../common/domain/search.js";
import type { Executor } from "../../db/index.js";
import { listPostcodeCentroids } from "./postcodes.js";

/** A point to measure distances from, and how the search understood it ("10115 Berlin"). */
export type Origin = { label: string; latitude: number; longitude: number };

type Place = Origin & { postcodeCount: number };

/** A place the person may have meant: what to show, and what to search for. */
export type Suggestion = { label: string; where: string };

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
  /** Postcodes of a place that has three or more (a town or city, not an organisation's own postcodes). */
  private readonly townPostcodes = new Set<string>();

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
    const postcodesOfPlace = new Map<string, number>();
    for (const row of rows) postcodesOfPlace.set(row.place, (postcodesOfPlace.get(row.place) ?? 0) + 1);
    for (const row of rows) if ((postcodesOfPlace.get(row.place) ?? 0) > 2) index.townPostcodes.add(row.postcode);
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

  /**
   * For a postcode we do not know: known ones near it in number (postcodes of one region share
   * their first digits), so "10190" offers "10179 Berlin" – up to five, as "where" values.
   */
  postcodeSuggestions(postcode: string, limit = 5): Suggestion[] {
    if (!/^\d{5}$/.test(postcode)) return [];
    const wanted = Number(postcode);
    return (
      [...this.postcodes.entries()]
        .filter(([code]) => code.slice(0, 2) === postcode.slice(0, 2))
        // Postcodes of towns first: GeoNames also lists single postcodes of large organisations
        // ("10103 TOTAL Deutschland GmbH"), which nobody lives at.
        .sort(
          ([a], [b]) =>
            Number(this.townPostcodes.has(b)) - Number(this.townPostcodes.has(a)) ||
            Math.abs(Number(a) - wanted) - Math.abs(Number(b) - wanted),
        )
        .slice(0, limit)
        .map(([code, origin]) => ({ label: origin.label, where: code }))
    );
  }

  /** For a place name we do not know: the names closest in spelling (a typo, a missing letter). */
  placeSuggestions(text: string, limit = 5): Suggestion[] {
    const wanted = umlautSpellings(foldForSearch(text));
    if (wanted.length < 3) return [];
    const scored: { label: string; distance: number; size: number }[] = [];
    for (const [key, places] of this.places) {
      if (Math.abs(key.length - wanted.length) > 2 || key[0] !== wanted[0]) continue;
      const distance = editDistance(key, wanted);
      if (distance > 2) continue;
      for (const place of places) scored.push({ label: place.label, distance, size: place.postcodeCount });
    }
    scored.sort((a, b) => a.distance - b.distance || b.size - a.size);
    return [...new Set(scored.map((s) => s.label))].slice(0, limit).map((label) => ({ label, where: label }));
  }

  private startingWith(prefix: string): Place[] {
    const found: Place[] = [];
    for (const [key, places] of this.places) if (key.startsWith(prefix)) found.push(...places);
    return found;
  }
}

/** Levenshtein distance (insert, delete, replace one letter). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
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
