import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { asc, eq, sql } from "drizzle-orm";
import { stateCodeFromGeonames } from "../../../common/domain/units.js";
import { type Executor, queryRows } from "../../db/index.js";
import { postcodes } from "../../db/schema/index.js";
import { resolveFromRoot } from "../../platform/paths.js";

/** GeoNames postcode data (CC BY 4.0, "GeoNames (geonames.org)"); see data/README.md. */
export const POSTCODES_CSV = resolveFromRoot("server/modules/directory/data/postcodes.de.csv");
const CHUNK = 5000;
// Any fixed number: several nodes starting together load the table once.
const LOAD_LOCK_KEY = 4_711_2027;

type CsvRow = {
  zipcode: string;
  place: string;
  state_code: string;
  community: string;
  community_code: string;
  latitude: string;
  longitude: string;
};
export type PostcodeRow = typeof postcodes.$inferInsert;

/** Parses the CSV (quoted fields may hold commas); rows with an unknown state are skipped. */
export async function readPostcodeCsv(file = POSTCODES_CSV): Promise<PostcodeRow[]> {
  const records = parse(await readFile(file), { columns: true, skip_empty_lines: true, trim: true }) as CsvRow[];
  const rows: PostcodeRow[] = [];
  for (const r of records) {
    const stateCode = stateCodeFromGeonames(r.state_code ?? "");
    const latitude = Number(r.latitude);
    const longitude = Number(r.longitude);
    if (!stateCode || !/^\d{5}$/.test(r.zipcode) || !r.place || !Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    rows.push({
      postcode: r.zipcode,
      place: r.place,
      stateCode,
      districtCode: r.community_code || null,
      district: r.community || null,
      latitude,
      longitude,
    });
  }
  return rows;
}

/**
 * Loads the postcode table once, when it is empty (reference data, production too).
 * One transaction, chunks of 5,000 rows: well under a second on PGlite.
 */
export async function ensurePostcodes(exec: Executor): Promise<{ loaded: number }> {
  const [present] = await exec.select({ one: sql<number>`1` }).from(postcodes).limit(1);
  if (present) return { loaded: 0 };
  const rows = await readPostcodeCsv();
  return exec.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOAD_LOCK_KEY})`);
    const [again] = await tx.select({ one: sql<number>`1` }).from(postcodes).limit(1);
    if (again) return { loaded: 0 };
    // One JSON parameter per chunk, unpacked by the database: fast on PGlite and PostgreSQL alike.
    for (let i = 0; i < rows.length; i += CHUNK) {
      const json = JSON.stringify(rows.slice(i, i + CHUNK));
      await tx.execute(sql`insert into ${postcodes} (postcode, place, state_code, district_code, district, latitude, longitude)
        select "postcode", "place", "stateCode", "districtCode", "district", "latitude", "longitude"
          from json_to_recordset(${json}::json) as r("postcode" text, "place" text, "stateCode" text, "districtCode" text,
                                                    "district" text, "latitude" float8, "longitude" float8)`);
    }
    return { loaded: rows.length };
  });
}

export async function findPostcode(exec: Executor, postcode: string) {
  return exec
    .select({
      postcode: postcodes.postcode,
      place: postcodes.place,
      stateCode: postcodes.stateCode,
      district: postcodes.district,
      latitude: postcodes.latitude,
      longitude: postcodes.longitude,
    })
    .from(postcodes)
    .where(eq(postcodes.postcode, postcode))
    .orderBy(asc(postcodes.place));
}

export type PlaceInfo = {
  place: string;
  stateCode: string;
  latitude: number;
  longitude: number;
  postcodes: { postcode: string; latitude: number; longitude: number }[];
};

/**
 * For each (place, state): the centroid of its postcodes and the postcodes themselves
 * (sorted), in one query. Rows naming an organisation as place never match a city name.
 */
export async function findPlaces(exec: Executor, wanted: { place: string; stateCode: string }[]): Promise<Map<string, PlaceInfo>> {
  const result = new Map<string, PlaceInfo>();
  if (wanted.length === 0) return result;
  const places = [...new Set(wanted.map((w) => w.place))];
  const rows = await queryRows<{ place: string; state_code: string; postcode: string; latitude: number; longitude: number }>(
    exec,
    sql`select place, state_code, postcode, avg(latitude)::float8 as latitude, avg(longitude)::float8 as longitude
          from ${postcodes}
         where place in (${sql.join(
           places.map((p) => sql`${p}`),
           sql`, `,
         )})
         group by place, state_code, postcode
         order by place, state_code, postcode`,
  );
  for (const row of rows) {
    const key = placeKey(row.place, row.state_code);
    let info = result.get(key);
    if (!info) {
      info = { place: row.place, stateCode: row.state_code, latitude: 0, longitude: 0, postcodes: [] };
      result.set(key, info);
    }
    info.postcodes.push({ postcode: row.postcode, latitude: Number(row.latitude), longitude: Number(row.longitude) });
  }
  for (const info of result.values()) {
    info.latitude = round(info.postcodes.reduce((s, p) => s + p.latitude, 0) / info.postcodes.length);
    info.longitude = round(info.postcodes.reduce((s, p) => s + p.longitude, 0) / info.postcodes.length);
  }
  return result;
}

/** Every (place, state, postcode) with its centroid: the rows of the in-memory place index. */
export async function listPostcodeCentroids(exec: Executor) {
  return queryRows<{ place: string; stateCode: string; postcode: string; latitude: number; longitude: number }>(
    exec,
    sql`select place, state_code as "stateCode", postcode, avg(latitude)::float8 as latitude, avg(longitude)::float8 as longitude
          from ${postcodes} group by place, state_code, postcode`,
  );
}

export const placeKey = (place: string, stateCode: string) => `${place}|${stateCode}`;
const round = (n: number) => Math.round(n * 10_000) / 10_000;
