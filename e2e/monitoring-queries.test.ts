import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  choose,
  createClientByApi,
  csrfOf,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  login,
  mainNav,
  newPage,
  runTag,
  screenshot,
} from "./support.js";

/**
 * Sonderanfragen: the monitoring team builds a query, sees it as a table and a chart, saves and
 * shares it, opens it again from the list; a sub-project lead finds it in the navigation, a
 * counselor does not. Axe, keyboard, Arabic (RTL) and 360 px.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await recordFirstConsultations();
});

/**
 * Figures to look at: nine first consultations in Berlin today in Georgian, recorded by its
 * counselor (this year, by gender × age group: three in each of three cells, none in the fourth);
 * the demo data of the same year has no Georgian, so a query filtered by it sees only these.
 */
async function recordFirstConsultations() {
  const { context, page } = await newPage(browser);
  await login(page, "berater.berlin@lotse.demo");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const year = Number(today.slice(0, 4));
  const people = [
    ...Array.from({ length: 3 }, () => ({ gender: "female", birthYear: year - 36 })),
    ...Array.from({ length: 3 }, () => ({ gender: "female", birthYear: year - 46 })),
    ...Array.from({ length: 3 }, () => ({ gender: "male", birthYear: year - 36 })),
  ];
  const csrf = await csrfOf(page);
  for (const [i, p] of people.entries()) {
    const client = await createClientByApi(page, {
      firstName: "Statistik",
      lastName: `Person${runTag()}${i}`,
      nationalities: ["SY"],
      ...p,
    });
    const res = await page.request.post("/api/consultations", {
      headers: { "x-csrf-token": csrf },
      // Georgian, which the demo data set never uses: the query below filters by it and sees only these.
      data: { clientId: client.id, date: today, languages: ["ka"] },
    });
    expect(res.status()).toBe(201);
  }
  await context.close();
}
afterAll(async () => {
  await browser?.close();
});

const resultTable = (page: Page) => page.getByRole("table", { name: /^Erstberatungen – / });

describe("Sonderanfragen", () => {
  test("build a query, see table and chart, save, reopen from the list, copy and delete", async () => {
    const tag = runTag();
    const name = `Geschlecht und Alter ${tag}`;
    const { context, page } = await newPage(browser);
    await login(page, "monitoring@lotse.demo");
    await mainNav(page).getByRole("link", { name: "Sonderanfragen" }).click();
    await page.getByRole("heading", { level: 1, name: "Sonderanfragen" }).waitFor();
    await expectAccessible(page, "queries list");
    await page.getByRole("link", { name: "Neue Sonderanfrage" }).click();
    await page.getByRole("heading", { level: 1, name: "Neue Sonderanfrage" }).waitFor();

    // Measure and period as preset (first consultations, this year), one breakdown: bars.
    await page.getByRole("textbox", { name: "Sprache der Beratung" }).fill("ka");
    await choose(page, /^Keine Aufgliederung$/, "Geschlecht");
    await page.getByRole("button", { name: "Auswerten" }).click();
    const table = resultTable(page);
    await table.waitFor();
    expect(await table.getByRole("columnheader", { name: "Geschlecht" }).count()).toBe(1);
    const bars = page.getByRole("img", { name: /^Balkendiagramm: Erstberatungen nach Geschlecht, \d+ Werte; am höchsten: weiblich/ });
    await bars.waitFor();

    // Keyboard: the second breakdown is chosen and the query run without the mouse.
    await page.getByRole("button", { name: /Zweite Aufgliederung/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("listbox").waitFor();
    await page.keyboard.type("Alters");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("button", { name: /Zweite Aufgliederung/ }).textContent()).toContain("Altersgruppe");
    await page.getByRole("button", { name: "Auswerten" }).focus();
    await page.keyboard.press("Enter");

    await table.getByRole("columnheader", { name: "Geschlecht / Altersgruppe" }).waitFor();
    expect(await table.getByRole("rowheader", { name: "Insgesamt" }).count()).toBe(1);
    const chart = page.getByRole("img", { name: /^Gruppiertes Balkendiagramm: Erstberatungen nach Geschlecht/ });
    await chart.waitFor();
    await expect.poll(() => chart.locator("svg path").count()).toBeGreaterThan(6);
    expect(await page.getByRole("status").filter({ hasText: "Stichtag: keiner" }).count()).toBe(1);

    // The downloads are the same report as files.
    const csvHref = await page.getByRole("link", { name: "Als CSV herunterladen" }).getAttribute("href");
    expect(csvHref).toMatch(/by=gender/);
    expect(csvHref).toMatch(/by2=age_group/);
    expect(csvHref).toMatch(/language=ka/);
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const xlsxHref = await page.getByRole("link", { name: /Excel-Datei/ }).getAttribute("href");
    expect((await page.request.get(xlsxHref!)).headers()["content-type"]).toContain("spreadsheetml");
    await expectAccessible(page, "query builder with result");
    await screenshot(page, "monitoring-query-result");

    // Save, shared with the national team.
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    await page.getByRole("textbox", { name: "Beschreibung" }).fill("Für den Jahresbericht");
    await page.getByText("Mit dem bundesweiten Monitoring-Team teilen").click();
    expect(await page.getByRole("radio", { name: "Mit dem bundesweiten Monitoring-Team teilen" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Speichern", exact: true }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const savedUrl = page.url();
    expect(savedUrl).toMatch(/\/staff\/monitoring\/queries\/[0-9a-f-]{36}$/);

    // Reopen from the list (by keyboard): it runs at once with its parameters.
    await page.getByRole("link", { name: "Zurück zu den Sonderanfragen" }).click();
    await page.getByRole("heading", { level: 1, name: "Sonderanfragen" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain("Bundesweites Team");
    expect(await row.textContent()).toContain("Ihnen");
    await expectAccessible(page, "queries list with a query");
    await screenshot(page, "monitoring-queries-list");
    await row.getByRole("link", { name }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await resultTable(page).waitFor();
    expect(await resultTable(page).getByRole("columnheader", { name: "Geschlecht / Altersgruppe" }).count()).toBe(1);
    await page.getByRole("img", { name: /^Gruppiertes Balkendiagramm/ }).waitFor();

    // Change and save at the version: then a second tab with the old version is told.
    await page.getByRole("textbox", { name: "Beschreibung" }).fill("Für den Jahresbericht 2022");
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Gespeichert." }).waitFor();
    const stale = await context.newPage();
    await stale.goto(savedUrl);
    await stale.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByRole("textbox", { name: "Beschreibung" }).fill("Noch einmal geändert");
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Gespeichert." }).waitFor();
    await stale.getByRole("textbox", { name: "Beschreibung" }).fill("Veraltet");
    await stale.getByRole("button", { name: "Änderungen speichern" }).click();
    await stale.getByRole("alert").filter({ hasText: "inzwischen geändert" }).waitFor();
    await stale.close();

    // Copy from the list, then delete the copy.
    await page.getByRole("link", { name: "Zurück zu den Sonderanfragen" }).click();
    await page.getByRole("button", { name: `„${name}“ kopieren` }).click();
    await page.getByRole("heading", { level: 1, name: `Kopie von ${name}` }).waitFor();
    await page.getByRole("link", { name: "Zurück zu den Sonderanfragen" }).click();
    await page.getByRole("button", { name: `„Kopie von ${name}“ löschen` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Löschen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `„Kopie von ${name}“ wurde gelöscht.` })
      .waitFor();
    await expect
      .poll(() =>
        page
          .getByRole("row")
          .filter({ hasText: `Kopie von ${name}` })
          .count(),
      )
      .toBe(0);
    expect(await page.getByRole("row").filter({ hasText: name }).count()).toBe(1);

    // Arabic, right to left, and a phone's width.
    await page.goto(`${savedUrl}?lang=ar`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("img", { name: /^مخطط أعمدة مجمّعة/ }).waitFor();
    await expectAccessible(page, "query builder ar");
    await screenshot(page, "monitoring-query-ar");
    for (const path of [savedUrl, "/staff/monitoring/queries"]) {
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(`${path}?lang=ar`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoHorizontalScroll(page, `${path} ar 360`);
      await expectAccessible(page, `${path} ar 360`);
      await screenshot(page, path.endsWith("queries") ? "monitoring-queries-list-ar" : "monitoring-query-ar");
    }
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${savedUrl}?lang=de`);
    await resultTable(page).waitFor();
    await expectNoHorizontalScroll(page, "query de 360");
    await screenshot(page, "monitoring-query-result");
    await context.close();
  }, 300_000);

  test("a sub-project lead has the entry, a counselor neither the entry nor the page", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "leitung.berlin@lotse.demo");
    expect(await mainNav(page).getByRole("link", { name: "Sonderanfragen" }).count()).toBe(1);
    await context.close();

    const counselor = await newPage(browser);
    await login(counselor.page, "berater.berlin@lotse.demo");
    expect(await mainNav(counselor.page).getByRole("link", { name: "Sonderanfragen" }).count()).toBe(0);
    await counselor.page.goto("/staff/monitoring/queries");
    await counselor.page.getByRole("alert").getByText("Dafür fehlt Ihnen die Berechtigung.").waitFor();
    await expectAccessible(counselor.page, "queries forbidden");
    await counselor.context.close();
  });
});
