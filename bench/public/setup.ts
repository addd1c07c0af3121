import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../../server/db/index.js";
import { applyMigrations } from "../../server/db/migrate.js";
import { availabilityRules, roleAssignments, sites, units, users } from "../../server/db/schema/index.js";
import { seedNetwork } from "../../server/modules/directory/seed.js";

/**
 * Public-side benchmark data (issue 4's measure): 1,000 public sites under 100 recognition
 * sub-projects, at real postcodes spread over Germany (GeoNames, the directory's own table),
 * 3,000 counselors with the counselor role on their sub-project and weekly hours Mon–Fri
 * 09:00–16:00 in person, by phone and by video at one site each. The target site has 10
 * counselors, the others about 3. Multi-row inserts through the drizzle schema.
 * Prints the facts the driver needs as JSON on stdout.
 */
const SITES = Number(process.env.BENCH_SITES ?? 1000);
const COUNSELORS = Number(process.env.BENCH_COUNSELORS ?? 3000);
const TARGET_COUNSELORS = 10;
const SITES_PER_PROJECT = 10;

const url = process.env.DATABASE_URL;
if (!url) throw new Error("bench/public/setup.ts needs DATABASE_URL");
const database = await openDatabase({ kind: "postgres", url });
await applyMigrations(database);
const db = database.db;
const started = Date.now();
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

const unitIds = await db.transaction((tx) => seedNetwork(tx));

// 1,000 postcodes spread over the country: one per postcode, in a fixed pseudo-random order.
const picks = await queryRows<{ postcode: string; place: string; stateCode: string; latitude: number; longitude: number }>(
  db,
  sql`select postcode, place, state_code as "stateCode", latitude, longitude
        from (select distinct on (postcode) * from postcodes order by postcode, place) p
       order by md5(postcode) limit ${SITES}`,
);
if (picks.length < SITES) throw new Error(`only ${picks.length} postcodes`);

type UnitInsert = typeof units.$inferInsert;
type SiteInsert = typeof sites.$inferInsert;
const unitRows: UnitInsert[] = [];
const siteRows: SiteInsert[] = [];
const siteIds: string[] = [];
const siteProject: string[] = [];
// Sub-projects per state, ten sites each, under the state's network.
const byState = new Map<string, typeof picks>();
for (const p of picks) byState.set(p.stateCode, [...(byState.get(p.stateCode) ?? []), p]);
let projectNo = 0;
for (const [stateCode, list] of byState) {
  const network = await queryRows<{ id: string; path: string }>(
    db,
    sql`select id, path from ${units} where id = ${unitIds.get(`state:${stateCode}`)!}`,
  );
  const parent = network[0]!;
  for (let i = 0; i < list.length; i += SITES_PER_PROJECT) {
    const projectId = randomUUID();
    const projectPath = `${parent.path}/${projectId}`;
    unitRows.push({
      id: projectId,
      type: "sub_project",
      name: `Bench-Anerkennungsberatung ${++projectNo} (${stateCode})`,
      parentId: parent.id,
      path: projectPath,
      depth: projectPath.split("/").length - 1,
      stateCode,
      fieldOfAction: "recognition_counseling",
      openedOn: "2023-01-01",
    });
    for (const p of list.slice(i, i + SITES_PER_PROJECT)) {
      const siteId = randomUUID();
      const path = `${projectPath}/${siteId}`;
      unitRows.push({
        id: siteId,
        type: "site",
        name: `Beratung ${p.place} ${p.postcode}`,
        parentId: projectId,
        path,
        depth: path.split("/").length - 1,
        stateCode,
        openedOn: "2023-01-01",
      });
      siteRows.push({
        unitId: siteId,
        street: "Hauptstraße 1",
        postcode: p.postcode,
        city: p.place,
        latitude: p.latitude,
        longitude: p.longitude,
        email: `standort-${p.postcode}@lotse.bench`,
        languages: ["de", "en", ["ar", "tr", "uk", "fa", "ru"][siteIds.length % 5]!],
        channels: ["in_person", "phone", "video"],
      });
      siteIds.push(siteId);
      siteProject.push(projectId);
    }
  }
}
const chunks = <T>(rows: T[], size: number) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

await db.transaction(async (tx) => {
  // Sub-projects before their sites (the parent reference).
  for (const c of chunks(
    unitRows.filter((u) => u.type === "sub_project"),
    1000,
  ))
    await tx.insert(units).values(c);
  for (const c of chunks(
    unitRows.filter((u) => u.type === "site"),
    1000,
  ))
    await tx.insert(units).values(c);
  for (const c of chunks(siteRows, 1000)) await tx.insert(sites).values(c);

  // Counselors: the first ten at the target site, the rest round-robin over the others.
  const counselorSite = Array.from({ length: COUNSELORS }, (_, i) =>
    i < TARGET_COUNSELORS ? 0 : 1 + ((i - TARGET_COUNSELORS) % (siteIds.length - 1)),
  );
  const userRows = counselorSite.map((_, i) => ({
    id: randomUUID(),
    email: `bench.counselor.${i}@lotse.bench`,
    displayName: `Bench Counselor ${i}`,
  }));
  for (const c of chunks(userRows, 1000)) await tx.insert(users).values(c);
  const roles = userRows.map((u, i) => ({ userId: u.id, role: "counselor", unitId: siteProject[counselorSite[i]!]! }));
  for (const c of chunks(roles, 2000)) await tx.insert(roleAssignments).values(c);
  const rules = userRows.flatMap((u, i) =>
    [1, 2, 3, 4, 5].map((weekday) => ({
      siteId: siteIds[counselorSite[i]!]!,
      counselorId: u.id,
      weekday,
      startsAt: "09:00",
      endsAt: "16:00",
      channels: ["in_person", "phone", "video"],
      validFrom: today,
    })),
  );
  for (const c of chunks(rules, 5000)) await tx.insert(availabilityRules).values(c);
});
await db.execute(sql`analyze`);

const [counts] = await queryRows<{ sites: number; counselors: number; rules: number; targetCounselors: number }>(
  db,
  sql`select (select count(*)::int from ${sites}) as sites,
             (select count(*)::int from ${users} where email like 'bench.counselor.%') as counselors,
             (select count(*)::int from ${availabilityRules}) as rules,
             (select count(distinct counselor_id)::int from ${availabilityRules} where site_id = ${siteIds[0]!}) as "targetCounselors"`,
);
await database.close();
console.log(
  JSON.stringify({
    targetSite: siteIds[0],
    benchSites: siteIds,
    postcodes: picks.map((p) => p.postcode),
    seconds: Math.round((Date.now() - started) / 1000),
    ...counts,
  }),
);
