import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  atPhoneWidth,
  createClientByApi,
  csrfOf,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  login,
  mainNav,
  newPage,
  screenshot,
} from "./support.js";

/**
 * The monitoring dashboard (/staff/monitoring): a Berlin counselor records first consultations
 * and follow-ups, the national monitoring sees them in every panel — chart, one-sentence summary
 * and table — changes the scope, and the page stays accessible in German and Arabic, at 1280
 * and 360 px.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

async function recordConsultations(page: Page) {
  const people = [
    ...Array.from({ length: 7 }, (_, i) => ({ nationalities: ["SY"], birthYear: 1980 + i })),
    ...Array.from({ length: 4 }, (_, i) => ({ nationalities: ["UA"], birthYear: 1975 + i })),
  ];
  const csrf = await csrfOf(page);
  for (const [i, person] of people.entries()) {
    const client = await createClientByApi(page, { firstName: "Statistik", lastName: `Person${i}`, postcode: "10247", ...person });
    for (let n = 0; n < (i % 3 === 0 ? 2 : 1); n++) {
      const res = await page.request.post("/api/consultations", {
        headers: { "x-csrf-token": csrf },
        data: { clientId: client.id, date: today },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
  }
}

/** Faire Integration: four first consultations about pay, three follow-ups. */
async function recordFaireIntegration(page: Page) {
  const csrf = await csrfOf(page);
  for (let i = 0; i < 4; i++) {
    const client = await createClientByApi(page, {
      firstName: "Statistik",
      lastName: `Fair${i}`,
      birthYear: 1990 + i,
      nationalities: ["RO"],
    });
    for (let n = 0; n < (i < 3 ? 2 : 1); n++) {
      const res = await page.request.post("/api/consultations", {
        headers: { "x-csrf-token": csrf },
        data: { clientId: client.id, date: today, fiReasons: ["pay"] },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
  }
}

/** The six panels, each a region named by its heading. */
const panelNames = [
  "Erst- und Folgeberatungen je Monat",
  "Häufigste Staatsangehörigkeiten",
  "Häufigste Referenzberufe",
  "Beratungsanlässe Faire Integration",
  "Ergebnisse der Anerkennungsverfahren",
  "Erstberatungen nach Bundesland des Wohnorts",
];

describe("monitoring dashboard", () => {
  test("the monitoring sees every panel with summary, chart and table; a new scope updates them; axe-clean", async () => {
    const counselor = await newPage(browser);
    await login(counselor.page, "berater.berlin@lotse.demo");
    expect(await mainNav(counselor.page).getByRole("link", { name: "Statistik" }).count()).toBe(0);
    await recordConsultations(counselor.page);
    await counselor.context.close();
    const fi = await newPage(browser);
    await login(fi.page, "fi.berlin@lotse.demo");
    await recordFaireIntegration(fi.page);
    await fi.context.close();

    const { context, page } = await newPage(browser);
    await login(page, "monitoring@lotse.demo");
    await mainNav(page).getByRole("link", { name: "Statistik" }).click();
    await page.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Stand heute" }).waitFor();

    for (const name of panelNames) {
      const panel = page.getByRole("region", { name });
      await panel.waitFor();
      // A one-sentence summary, the drawing labelled with it, and the table behind a disclosure.
      const summary = (await panel.locator(".dashboard-summary").textContent()) ?? "";
      expect(summary.length, name).toBeGreaterThan(20);
      // Nothing to draw (e.g. no decisions recorded): the summary says so, and there is no drawing.
      if (summary.includes("keine ausweisbaren Zahlen")) expect(await panel.locator(".chart").count()).toBe(0);
      else expect(await panel.locator(".chart").first().getAttribute("aria-label")).toBe(summary);
      await panel.getByText("Tabelle anzeigen").click();
      expect(await panel.getByRole("table").count(), name).toBeGreaterThan(0);
    }
    const region = (name: string) => page.getByRole("region", { name });
    // ECharts drew SVG, the map too (its borders loaded lazily).
    await region(panelNames[0]!).locator("svg path").first().waitFor({ state: "attached" });
    await region(panelNames[5]!).locator("svg path").nth(15).waitFor({ state: "attached" });
    expect(await region(panelNames[1]!).locator(".dashboard-summary").textContent()).toContain("Syrien");
    // The demo data of every state network is in the same period: the map names whichever state
    // leads, and the Berlin counts recorded above are in its table.
    expect(await region(panelNames[5]!).locator(".dashboard-summary").textContent()).toMatch(/Wohnort in \S/);
    expect(await region(panelNames[5]!).getByRole("table").getByText("Berlin", { exact: true }).count()).toBeGreaterThan(0);
    expect(await region(panelNames[3]!).locator(".dashboard-summary").textContent()).toContain("Entgelt");
    const trendTable = region(panelNames[0]!).getByRole("table", { name: "Erstberatungen" });
    const trendTotal = async () => Number((await trendTable.locator("tfoot td").first().textContent())?.replace(/\D/g, ""));
    const nationalTotal = await trendTotal();
    expect(nationalTotal).toBeGreaterThanOrEqual(11);
    await expectAccessible(page, "dashboard national");
    await screenshot(page, "monitoring-dashboard");
    await atPhoneWidth(page, "monitoring-dashboard");

    // Another scope: Bavaria's state network (only its demo data; nothing recorded above).
    const options = await (await page.request.get("/api/monitoring/dashboard/options")).json();
    const bavaria = options.units.find((u: { level: string; name: string }) => u.level === "network" && /Bayern/.test(u.name));
    const unit = page.getByRole("combobox", { name: "Bereich" });
    await unit.fill("Bayern");
    await page.getByRole("option", { name: bavaria.name, exact: true }).click();
    await page.getByRole("button", { name: "Anzeigen", exact: true }).click();
    await page.getByRole("status").filter({ hasText: bavaria.name }).waitFor();
    expect(page.url()).toContain(`unit=${bavaria.id}`);
    await expect.poll(trendTotal).toBeLessThan(nationalTotal);

    // A period that ends before it starts: the field says so.
    await page.getByRole("textbox", { name: "Von" }).fill("2022-05");
    await page.getByRole("textbox", { name: "Bis" }).fill("2021");
    await page.getByRole("button", { name: "Anzeigen", exact: true }).click();
    await page.getByText("Das Ende des Zeitraums liegt vor seinem Anfang.").waitFor();
    await expectAccessible(page, "dashboard bad period");

    // A funding period in one press: its months go into the address, the button shows it is chosen.
    const period = options.periods.find((p: { code: string }) => p.code === "2019-2022");
    const pick = page.getByRole("button", { name: "Förderperiode 2019-2022 anzeigen" });
    expect(await pick.getAttribute("aria-pressed")).toBe("false");
    await pick.click();
    await page.getByRole("status").filter({ hasText: bavaria.name }).filter({ hasText: "2019" }).waitFor();
    expect(page.url()).toContain(`from=${period.from}&to=${period.to}`);
    await expect
      .poll(() => page.getByRole("button", { name: "Förderperiode 2019-2022 anzeigen" }).getAttribute("aria-pressed"))
      .toBe("true");
    await expectAccessible(page, "dashboard funding period");
    await context.close();
  });

  test("right to left in Arabic, at 360 px, for a sub-project lead; axe-clean", async () => {
    const { context, page } = await newPage(browser, 360);
    await login(page, "leitung.berlin@lotse.demo");
    await page.goto("/staff/monitoring?lang=ar");
    await page.getByRole("heading", { level: 1, name: "الإحصاءات" }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("region", { name: "الجنسيات الأكثر شيوعًا" }).waitFor();
    expect(await page.getByRole("region").count()).toBeGreaterThanOrEqual(6);
    for (const details of await page.locator(".dashboard-table summary").all()) await details.click();
    await expectAccessible(page, "dashboard ar 360");
    await expectNoHorizontalScroll(page, "dashboard ar 360");
    await screenshot(page, "monitoring-dashboard-ar");
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, "dashboard ar 1280");
    await screenshot(page, "monitoring-dashboard-ar");
    await context.close();
  });
});
