import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { PlaceIndex } from "./place-index.js";
import { seedId } from "./seed.js";

type Item = {
  id: string;
  name: string;
  topic: string;
  stateCode: string | null;
  distanceKm: number | null;
  languages: string[];
  channels: string[];
  isDemo: boolean;
};

describe("finding counseling without signing in", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const search = async (query: string) => {
    const res = await t.anonymous().get(`/api/public/sites?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { origin: { label: string } | null; items: Item[]; total: number };
  };
  const refusal = async (query: string) => {
    const res = await t.anonymous().get(`/api/public/sites?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    return res.json().errors as { field: string; code: string }[];
  };
  const fieldOfSite = async (id: string) =>
    (
      await queryRows<{ field: string | null; type: string }>(
        t.database.db,
        sql`select p.field_of_action as field, p.type from units u join units p on p.id = u.parent_id where u.id = ${id}`,
      )
    )[0]!;

  it("lists the sites nearest a postcode first, with straight-line distances", async () => {
    const { origin, items, total } = await search("postcode=10115&limit=100");
    expect(origin?.label).toBe("10115 Berlin");
    expect(items.length).toBeGreaterThan(5);
    expect(total).toBeGreaterThanOrEqual(items.length);
    expect(items[0]!.stateCode).toBe("DE-BE");
    expect(items[0]!.distanceKm).toBeLessThan(20);
    const distances = items.map((i) => i.distanceKm ?? Number.POSITIVE_INFINITY);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Munich is about 500 km from Berlin-Mitte.
    const munich = items.find((i) => i.stateCode === "DE-BY" && i.distanceKm !== null && i.distanceKm > 450 && i.distanceKm < 560);
    expect(munich ?? (await search("postcode=10115&limit=100&topic=recognition")).items.find((i) => i.stateCode === "DE-BY")).toBeTruthy();
  });

  it("understands a place name without accents or umlauts", async () => {
    for (const place of ["München", "munchen", "Muenchen"]) {
      const { origin, items } = await search(`place=${encodeURIComponent(place)}`);
      expect(origin?.label).toBe("München");
      expect(items[0]!.stateCode).toBe("DE-BY");
    }
    expect((await search("place=Frankfurt%20am")).origin?.label).toBe("Frankfurt am Main");
  });

  it("filters by language, topic and channel", async () => {
    const farsi = await search("postcode=10115&language=fa&limit=100");
    expect(farsi.items.length).toBeGreaterThan(0);
    expect(farsi.items.every((i) => i.languages.includes("fa"))).toBe(true);

    const labour = await search("topic=labour_rights&limit=100");
    expect(labour.items.length).toBeGreaterThan(0);
    expect(labour.items.every((i) => i.topic === "labour_rights")).toBe(true);
    for (const item of labour.items.slice(0, 5)) expect((await fieldOfSite(item.id)).field).toBe("faire_integration");

    const video = await search("channel=video&limit=100");
    expect(video.items.length).toBeGreaterThan(0);
    expect(video.items.every((i) => i.channels.includes("video"))).toBe(true);
    // Without a place there is no distance, and the order is by name.
    expect(video.origin).toBeNull();
    expect(video.items.every((i) => i.distanceKm === null)).toBe(true);
  });

  it("never shows sites that do not counsel the public, nor closed ones", async () => {
    const notPublic = await queryRows<{ id: string }>(
      t.database.db,
      sql`select u.id from units u join units p on p.id = u.parent_id
           where u.type = 'site' and (p.field_of_action is null or p.field_of_action = 'intercultural_competence')`,
    );
    expect(notPublic.length).toBeGreaterThan(0);
    const hidden = new Set(notPublic.map((s) => s.id));
    for (const filter of ["", "&topic=recognition", "&topic=labour_rights", "&topic=employers", "&postcode=10115"]) {
      expect((await search(`limit=100${filter}`)).items.filter((i) => hidden.has(i.id))).toEqual([]);
    }
    for (const s of notPublic) expect((await t.anonymous().get(`/api/public/sites/${s.id}`)).statusCode).toBe(404);

    const [site] = (await search("postcode=10115&limit=1")).items;
    // Closed in psql, outside the app: the node's directory cache drops its public sites when the
    // database announces the change (directory_changed), which on PostgreSQL arrives a moment later.
    await t.database.db.execute(sql`update units set closed_on = date '2020-01-01' where id = ${site!.id}`);
    await expect
      .poll(async () => (await search("postcode=10115&limit=100")).items.some((i) => i.id === site!.id), { timeout: 2_000, interval: 10 })
      .toBe(false);
    expect((await t.anonymous().get(`/api/public/sites/${site!.id}`)).statusCode).toBe(404);
    await t.database.db.execute(sql`update units set closed_on = null where id = ${site!.id}`);
    await expect
      .poll(async () => (await search("postcode=10115&limit=100")).items.some((i) => i.id === site!.id), { timeout: 2_000, interval: 10 })
      .toBe(true);
  });

  it("answers a mistyped or unknown place with the field to correct", async () => {
    expect(await refusal("postcode=1011")).toEqual([expect.objectContaining({ field: "postcode" })]);
    expect(await refusal("postcode=00000")).toEqual([expect.objectContaining({ field: "postcode", code: "unknown_postcode" })]);
    expect(await refusal("place=Xyzzyqwert")).toEqual([expect.objectContaining({ field: "place", code: "unknown_place" })]);
    expect(await refusal("postcode=10115&place=Berlin")).toEqual([expect.objectContaining({ field: "place" })]);
    expect(await refusal("language=farsi")).toEqual([expect.objectContaining({ field: "language" })]);
    expect(await refusal("topic=everything")).toEqual([expect.objectContaining({ field: "topic" })]);
  });

  it("offers places the person may have meant: postcodes near an unknown one, names close to a misspelt one", async () => {
    const suggestionsFor = async (query: string) => {
      const res = await t.anonymous().get(`/api/public/sites?${query}`);
      expect(res.statusCode).toBe(400);
      return res.json().suggestions as { label: string; where: string }[];
    };
    // 10100 is no postcode; Berlin-Mitte's 101xx are.
    const near = await suggestionsFor("postcode=10100");
    expect(near.length).toBeGreaterThan(0);
    for (const s of near) expect(s.where).toMatch(/^10\d{3}$/);
    for (const s of near) expect(s.label.startsWith(`${s.where} `)).toBe(true);
    // One letter wrong, one missing.
    expect((await suggestionsFor("place=Lepzig")).map((s) => s.where)).toContain("Leipzig");
    expect((await suggestionsFor("place=Dresdem")).map((s) => s.where)).toContain("Dresden");
    expect(await suggestionsFor("place=Xyzzyqwert")).toEqual([]);
  });

  it("shows a site's page with hours, accessibility and directions, and nothing internal", async () => {
    // Demo sites carry hours and directions; the real network's sites (seeds) only their city.
    const [first] = (await search("postcode=10115&limit=1&language=fa")).items;
    const res = await t.anonymous().get(`/api/public/sites/${first!.id}`);
    expect(res.statusCode).toBe(200);
    const site = res.json();
    expect(site).toMatchObject({ id: first!.id, name: first!.name, isDemo: true, timeZone: "Europe/Berlin" });
    expect(site.openingHours.length).toBeGreaterThan(0);
    expect(site.directions).toBeTruthy();
    expect(typeof site.accessibility.stepFree).toBe("boolean");
    for (const internal of ["path", "version", "abilities", "parentId", "providerId", "description"])
      expect(site).not.toHaveProperty(internal);
    expect((await t.anonymous().get(`/api/public/sites/${seedId("unit", "state:DE-BE")}`)).statusCode).toBe(404);
    expect((await t.anonymous().get("/api/public/sites/not-a-uuid")).statusCode).toBe(400);
  });
});

describe("PlaceIndex", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("prefers the city to a village of the same name and labels postcodes with their places", async () => {
    const index = await PlaceIndex.load(t.database.db);
    expect(index.byPostcode("80331")?.label).toBe("80331 München");
    expect(index.byPostcode("99999")).toBeNull();
    const frankfurt = index.byName("frankfurt");
    expect(frankfurt?.label).toMatch(/^Frankfurt/);
    expect(index.byName("   ")).toBeNull();
  });

  it("names each site's next free appointment, which is the first slot the site offers", async () => {
    const first = (await t.anonymous().get("/api/public/sites?postcode=10115&limit=5")).json() as {
      items: (Item & { nextFreeSlot: { start: string; channel: string } | null })[];
    };
    const { items } = first;
    const berlin = items.find((i) => i.id === seedId("unit", "demo-sub-project:DE-BE:site:0"))!;
    expect(berlin.nextFreeSlot).not.toBeNull();
    expect(new Date(berlin.nextFreeSlot!.start).getTime()).toBeGreaterThan(Date.now());
    const slots = (
      await t.anonymous().get(`/api/public/sites/${berlin.id}/slots?to=${new Date(Date.now() + 62 * 86_400_000).toISOString()}`)
    ).json() as {
      items: { start: string; channel: string }[];
    };
    expect(slots.items[0]).toMatchObject(berlin.nextFreeSlot!);
    const phoneOnly = (await t.anonymous().get("/api/public/sites?postcode=10115&limit=5&channel=phone")).json() as {
      items: { nextFreeSlot: { channel: string } | null }[];
    };
    for (const item of phoneOnly.items) if (item.nextFreeSlot) expect(item.nextFreeSlot.channel).toBe("phone");

    // A closure for the next three weeks moves the site's next free slot past it at once
    // (this node forgets what it knew when hours or exceptions change).
    const lead = await t.login("leadBerlin");
    const closedUntil = new Date(Date.now() + 21 * 86_400_000);
    const closure = await lead.post(`/api/appointments/sites/${berlin.id}/exceptions`, {
      start: new Date(Date.now() - 86_400_000).toISOString(),
      end: closedUntil.toISOString(),
      kind: "closure",
    });
    expect(closure.statusCode, closure.body).toBe(201);
    const after = (await t.anonymous().get("/api/public/sites?postcode=10115&limit=5")).json() as typeof first;
    const moved = after.items.find((i) => i.id === berlin.id)!.nextFreeSlot;
    expect(moved === null || new Date(moved.start) >= closedUntil).toBe(true);
    expect((await lead.delete(`/api/appointments/exceptions/${closure.json().id}`)).statusCode).toBe(204);
  });
});
