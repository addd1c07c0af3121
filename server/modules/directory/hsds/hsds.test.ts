import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/index.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { seedId } from "../seed.js";
import { hsdsId } from "./ids.js";
import { type HsdsType, hsdsValidators, validateDeep } from "./testing/schemas.js";

type Page<T> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
};
type WithId = { id: string };

describe("HSDS 3.0 export of the public directory", () => {
  let t: TestApp;
  const validators = hsdsValidators();
  const counts = new Map<HsdsType, number>();
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const res = await t.anonymous().get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const expectValid = (type: HsdsType, value: unknown) => expect(validateDeep(validators, type, value, counts)).toEqual([]);

  /** Every page of a list, checking the envelope against the HSDS `Page` schema and its arithmetic. */
  const allPages = async <T>(path: string, perPage: number): Promise<{ items: T[]; pages: Page<T>[] }> => {
    const pages: Page<T>[] = [];
    for (let page = 1; ; page++) {
      const body = (await get(`/api/public/hsds/${path}${path.includes("?") ? "&" : "?"}page=${page}&per_page=${perPage}`)) as Page<T>;
      expect(validators.page(body), JSON.stringify(validators.page.errors)).toBe(true);
      pages.push(body);
      if (body.last_page) break;
      expect(page).toBeLessThan(1000);
    }
    const total = pages[0]!.total_items;
    for (const [i, body] of pages.entries()) {
      expect(body).toMatchObject({
        total_items: total,
        total_pages: Math.ceil(total / perPage),
        page_number: i + 1,
        size: body.contents.length,
        first_page: i === 0,
        last_page: i === pages.length - 1,
        empty: body.contents.length === 0,
      });
      if (i < pages.length - 1) expect(body.size).toBe(perPage);
    }
    const items = pages.flatMap((p) => p.contents);
    expect(items.length).toBe(total);
    expect(new Set(items.map((item) => (item as WithId).id)).size).toBe(total);
    return { items, pages };
  };

  it("loads the copied HSDS schemas, and they refuse what is not HSDS", () => {
    expect(validators.fileCount).toBe(21);
    const bad = { id: "site-1", location_type: "somewhere", addresses: [{ id: hsdsId("address", "x"), city: "Berlin" }] };
    const errors = validateDeep(validators, "location", bad, new Map());
    expect(errors.join("\n")).toMatch(/location\/id: must match format "uuid"/);
    expect(errors.join("\n")).toMatch(/location_type: must be equal to one of the allowed values/);
    expect(errors.join("\n")).toMatch(/address_1/);
    expect(validators.schema("organization")({ id: hsdsId("organization", "x"), name: "Träger" })).toBe(false);
  });

  it("names the HSDS version at its root", async () => {
    expect(await get("/api/public/hsds")).toEqual({
      version: "3.0.0",
      openapi_url: expect.stringMatching(/\/api\/openapi\.json$/),
      attribution: expect.stringContaining("Open Referral"),
    });
  });

  it("lists organizations page by page; each one, with its locations and services, is valid HSDS", async () => {
    const { items, pages } = await allPages<WithId & { name: string }>("organizations", 7);
    expect(pages.length).toBeGreaterThan(2);
    expect(items.length).toBeGreaterThan(10);
    for (const org of items) expectValid("organization", org);
    for (const org of items) {
      const detail = await get(`/api/public/hsds/organizations/${org.id}`);
      expect(detail).toMatchObject(org);
      expectValid("organization", detail);
      expect(detail.locations.length + detail.services.length).toBeGreaterThan(0);
    }
    const full = await get(`/api/public/hsds/organizations/${items[0]!.id}?full_service=true`);
    expectValid("organization", full);
    for (const service of full.services) expect(service.service_at_locations.length).toBeGreaterThan(0);
    // Past the last page: an empty page, not an error.
    const past = await get(`/api/public/hsds/organizations?page=${pages.length + 1}&per_page=7`);
    expect(past).toMatchObject({ size: 0, empty: true, first_page: false, last_page: true, contents: [] });
  });

  it("lists services and service_at_locations, one per public site, each valid when fully nested", async () => {
    const { items: services } = await allPages<WithId & { organization_id: string }>("services", 50);
    for (const service of services) expectValid("service", service);
    for (const service of services) {
      const detail = await get(`/api/public/hsds/services/${service.id}`);
      expectValid("service", detail);
      expect(detail.organization.id).toBe(service.organization_id);
      expect(detail.service_at_locations.every((sal: { location?: unknown }) => sal.location)).toBe(true);
    }
    const { items: sals } = await allPages<WithId & { service_id: string; location_id: string }>("service_at_locations", 100);
    // The same sites as the public search shows.
    expect(sals.length).toBe((await get("/api/public/sites?limit=1")).total);
    const serviceIds = new Set(services.map((s) => s.id));
    expect(sals.every((sal) => serviceIds.has(sal.service_id))).toBe(true);
    for (const sal of sals) {
      expectValid("service_at_location", sal);
      const detail = await get(`/api/public/hsds/service_at_locations/${sal.id}`);
      expectValid("service_at_location", detail);
      expect(detail.location.id).toBe(sal.location_id);
    }
    // Filtered by organization: exactly that organization's services.
    const org = services[0]!.organization_id;
    const ofOrg = await allPages<{ organization_id: string }>(`services?organization_id=${org}`, 50);
    expect(ofOrg.items.length).toBeGreaterThan(0);
    expect(ofOrg.items.every((s) => s.organization_id === org)).toBe(true);
  });

  it("maps a site to a location with address, phone, opening hours, languages and accessibility", async () => {
    const siteId = seedId("unit", "demo-sub-project:DE-BE:site:0");
    await t.database.db.execute(sql`update sites set phone = '030 1234567' where unit_id = ${siteId}`);
    try {
      const sal = await get(`/api/public/hsds/service_at_locations/${hsdsId("service_at_location", siteId)}`);
      expectValid("service_at_location", sal);
      const site = await get(`/api/public/sites/${siteId}`);
      const location = sal.location;
      expect(location).toMatchObject({
        id: hsdsId("location", siteId),
        name: site.name,
        external_identifier: siteId,
        location_type: "physical",
      });
      expect(location.addresses).toEqual([
        expect.objectContaining({
          address_1: site.address.street,
          postal_code: site.address.postcode,
          city: site.address.city,
          state_province: "Berlin",
          country: "DE",
          address_type: "physical",
        }),
      ]);
      expect(location.phones).toEqual([expect.objectContaining({ number: "030 1234567", location_id: location.id })]);
      expect(location.languages.map((l: { code: string }) => l.code)).toEqual(site.languages);
      expect(location.languages.find((l: { code: string }) => l.code === "fa")?.name).toBe("Persisch");
      // Every opening day appears once, at its hours.
      const days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
      const hours = location.schedules.flatMap((s: { byday: string; opens_at: string; closes_at: string; freq: string }) => {
        expect(s.freq).toBe("WEEKLY");
        return s.byday.split(",").map((d) => ({ weekday: days.indexOf(d) + 1, opens: s.opens_at, closes: s.closes_at }));
      });
      expect(hours.sort((a: { weekday: number }, b: { weekday: number }) => a.weekday - b.weekday)).toEqual(site.openingHours);
      expect(location.accessibility[0].description).toContain(`Stufenloser Zugang: ${site.accessibility.stepFree ? "ja" : "nein"}`);
    } finally {
      await t.database.db.execute(sql`update sites set phone = null where unit_id = ${siteId}`);
    }
  });

  it("leaves out closed sites and sites that do not counsel the public", async () => {
    const siteId = seedId("unit", "demo-sub-project:DE-BE:site:0");
    const salId = hsdsId("service_at_location", siteId);
    const salIds = async () => new Set((await allPages<WithId>("service_at_locations", 200)).items.map((s) => s.id));
    expect((await salIds()).has(salId)).toBe(true);
    await t.database.db.execute(sql`update units set closed_on = date '2020-01-01' where id = ${siteId}`);
    try {
      expect((await salIds()).has(salId)).toBe(false);
      expect((await t.anonymous().get(`/api/public/hsds/service_at_locations/${salId}`)).statusCode).toBe(404);
    } finally {
      await t.database.db.execute(sql`update units set closed_on = null where id = ${siteId}`);
    }
    const notPublic = await queryRows<{ id: string }>(
      t.database.db,
      sql`select u.id from units u join units p on p.id = u.parent_id
           where u.type = 'site' and (p.field_of_action is null or p.field_of_action = 'intercultural_competence')`,
    );
    expect(notPublic.length).toBeGreaterThan(0);
    const shown = await salIds();
    expect(notPublic.filter((s) => shown.has(hsdsId("service_at_location", s.id)))).toEqual([]);
  });

  it("publishes nothing about staff", async () => {
    const users = await queryRows<{ email: string; name: string }>(t.database.db, sql`select email, display_name as name from users`);
    expect(users.length).toBeGreaterThan(5);
    const dump = JSON.stringify([
      (await allPages("organizations", 200)).items,
      await Promise.all((await allPages<WithId>("services", 200)).items.map((s) => get(`/api/public/hsds/services/${s.id}`))),
    ]);
    for (const user of users) {
      expect(dump).not.toContain(user.email);
      expect(dump).not.toContain(user.name);
    }
  });

  it("answers an unknown id with 404 and a bad page or id with 400 naming the field", async () => {
    for (const path of ["organizations", "services", "service_at_locations"]) {
      const res = await t.anonymous().get(`/api/public/hsds/${path}/${hsdsId("nothing", path)}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "not_found", status: 404 });
      expect((await t.anonymous().get(`/api/public/hsds/${path}/not-a-uuid`)).statusCode).toBe(400);
    }
    // An organization's HSDS id is not a service's.
    const [org] = (await get("/api/public/hsds/organizations?per_page=1")).contents;
    expect((await t.anonymous().get(`/api/public/hsds/services/${org.id}`)).statusCode).toBe(404);
    for (const [query, field] of [
      ["page=0", "page"],
      ["page=abc", "page"],
      ["per_page=0", "per_page"],
      ["per_page=201", "per_page"],
      ["per_page=1.5", "per_page"],
    ]) {
      const res = await t.anonymous().get(`/api/public/hsds/services?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    const res = await t.anonymous().get("/api/public/hsds/service_at_locations?organization_id=nope");
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "organization_id" })]);
  });

  it("validated objects of every kind on the way (run last)", () => {
    // The validation above is only worth something if it saw objects of every kind.
    for (const type of [
      "organization",
      "service",
      "location",
      "service_at_location",
      "language",
      "address",
      "schedule",
      "accessibility",
    ] as const)
      expect(counts.get(type) ?? 0, type).toBeGreaterThan(20);
    expect(counts.get("phone") ?? 0).toBeGreaterThan(0);
  });
});
