import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { endpointExists, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, screenshot } from "./support.js";

let browser: Browser;
let hasDirectory = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasDirectory = (await endpointExists("/api/units")) && (await endpointExists("/api/units/00000000-0000-4000-8000-000000000000/history"));
});
afterAll(async () => {
  await browser?.close();
});

describe("directory", () => {
  test("a Berlin counselor sees the Berlin units, not Bavaria's", async (ctx) => {
    if (!hasDirectory) ctx.skip("GET /api/units is not on the server yet");
    for (const width of [1280, 360]) {
      const { context, page } = await newPage(browser, width);
      await login(page, "berater.berlin@lotse.demo");
      await page.goto("/staff/directory");
      const table = page.getByRole("grid", { name: "Einheiten" });
      await table.getByText("Berlin").first().waitFor();
      const text = (await table.textContent()) ?? "";
      expect(text).toContain("Berlin");
      expect(text).not.toContain("Bayern (Demo)");
      await expectAccessible(page, `directory list ${width}`);
      await expectNoHorizontalScroll(page, `directory list ${width}`);
      await screenshot(page, "directory-list");
      await context.close();
    }
  });

  test("admin edits a site's opening hours and sees the change in the history", async (ctx) => {
    if (!hasDirectory) ctx.skip("the directory API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "admin@lotse.demo");
    const res = await page.request.get("/api/units?type=site&q=Berlin");
    expect(res.ok()).toBe(true);
    const sites = (await res.json()).items as { id: string; name: string; abilities: { update: boolean } }[];
    const site = sites.find((s) => s.abilities.update);
    expect(site, "an editable site in Berlin").toBeTruthy();

    // Detail page, at both widths
    await page.goto(`/staff/directory/${site!.id}`);
    await page.getByRole("heading", { level: 1, name: site!.name }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Verlauf" }).waitFor();
    await expectAccessible(page, "unit detail");
    await screenshot(page, "unit-detail");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "unit detail 360");
    await screenshot(page, "unit-detail");
    await page.setViewportSize({ width: 1280, height: 900 });
    const historyBefore = await page.locator(".history-entry").count();

    // Edit: add a row of opening hours, Sunday 07:15–08:45
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await page.getByRole("heading", { level: 1, name: /bearbeiten/ }).waitFor();
    await page.getByRole("button", { name: "Öffnungszeit hinzufügen" }).click();
    const row = page.locator(".hours-row").last();
    await row.getByRole("button", { name: /Tag \(Zeile/ }).click();
    await page.getByRole("option", { name: "Sonntag" }).click();
    const opens = row.locator(".field-time").nth(0).getByRole("spinbutton");
    await opens.nth(0).click();
    await page.keyboard.type("0715");
    const closes = row.locator(".field-time").nth(1).getByRole("spinbutton");
    await closes.nth(0).click();
    await page.keyboard.type("0845");
    await expectAccessible(page, "unit edit form");
    await screenshot(page, "unit-edit");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "unit edit form 360");
    await screenshot(page, "unit-edit");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Speichern" }).click();

    // Back on the detail page: the new hours and a new history entry naming them
    await page.getByRole("heading", { level: 1, name: site!.name }).waitFor();
    const hours = page.locator("table.opening-hours");
    await hours.getByText("Sonntag").waitFor();
    expect(await hours.textContent()).toContain("07:15");
    await expect.poll(() => page.locator(".history-entry").count(), { timeout: 10_000 }).toBeGreaterThan(historyBefore);
    expect(await page.locator(".history-entry").first().textContent()).toContain("Öffnungszeiten");
    await expectAccessible(page, "unit detail after edit");
    await context.close();
  });

  test("a stale edit gets a 409 and the offer to reload", async (ctx) => {
    if (!hasDirectory) ctx.skip("the directory API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "admin@lotse.demo");
    const sites = (await (await page.request.get("/api/units?type=site&q=Berlin")).json()).items as { id: string; version: number }[];
    const site = sites[0]!;
    await page.goto(`/staff/directory/${site.id}/edit`);
    await page.getByRole("heading", { level: 1, name: /bearbeiten/ }).waitFor();
    // Someone else saves in the meantime (same account, other tab).
    const csrf = (await (await page.request.get("/api/auth/session")).json()).csrfToken as string;
    const fresh = (await (await page.request.get(`/api/units/${site.id}`)).json()) as { version: number; description: string | null };
    const other = await page.request.patch(`/api/units/${site.id}`, {
      headers: { "x-csrf-token": csrf },
      data: { version: fresh.version, description: `Geändert in einem anderen Fenster ${Date.now()}` },
    });
    expect(other.status()).toBe(200);
    await page.getByLabel("Kurzname").fill("Konflikt");
    await page.getByRole("button", { name: "Speichern" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText(/Jemand anderes hat diese Einheit geändert/).waitFor();
    await expectAccessible(page, "edit conflict");
    await alert.getByRole("button", { name: /Neuen Stand laden/ }).click();
    await page.getByRole("alert").waitFor({ state: "detached" });
    expect(await page.getByLabel("Kurzname").inputValue()).not.toBe("Konflikt");
    await context.close();
  });

  test("dialogs for moving and closing are accessible when open", async (ctx) => {
    if (!hasDirectory) ctx.skip("the directory API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "admin@lotse.demo");
    const sites = (await (await page.request.get("/api/units?type=site&q=Berlin")).json()).items as { id: string }[];
    await page.goto(`/staff/directory/${sites[0]!.id}`);
    await page.getByRole("button", { name: "Verschieben" }).click();
    await page.getByRole("dialog").waitFor();
    await expectAccessible(page, "move dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Schließen", exact: true }).click();
    await page.getByRole("dialog").waitFor();
    await expectAccessible(page, "close dialog");
    await screenshot(page, "unit-close-dialog", true);
    await page.getByRole("dialog").getByRole("button", { name: "Abbrechen" }).click();
    await context.close();
  });

  test("admin creates a site below a sub-project, moves, closes and reopens it; the history tells each step", async (ctx) => {
    if (!hasDirectory) ctx.skip("the directory API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "admin@lotse.demo");
    const subProjects = (await (await page.request.get("/api/units?type=sub_project&q=Berlin")).json()).items as {
      id: string;
      name: string;
    }[];
    expect(subProjects.length, "two Berlin sub-projects").toBeGreaterThanOrEqual(2);
    const [from, to] = subProjects as [{ id: string; name: string }, { id: string; name: string }];

    // Create: the postcode fills in the city
    await page.goto(`/staff/directory/${from.id}`);
    await page.getByRole("link", { name: "Untereinheit anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Untereinheit anlegen" }).waitFor();
    const name = `Standort Testlauf ${Date.now()}`;
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await page.getByRole("textbox", { name: "Straße und Hausnummer" }).fill("Invalidenstraße 1");
    await page.getByRole("textbox", { name: "PLZ" }).fill("10115");
    await page.getByRole("textbox", { name: "PLZ" }).blur();
    await expect.poll(() => page.getByRole("textbox", { name: "Ort" }).inputValue(), { timeout: 10_000 }).toBe("Berlin");
    await expectAccessible(page, "create site form");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const history = page.locator(".history-entry");
    await history.getByText("Angelegt").waitFor();

    // Move below the other sub-project
    await page.getByRole("button", { name: "Verschieben" }).click();
    const moveDialog = page.getByRole("dialog");
    await moveDialog.getByRole("combobox", { name: /Neue übergeordnete Einheit/ }).fill(to.name);
    await page.getByRole("option", { name: to.name, exact: true }).click();
    await moveDialog.getByRole("button", { name: "Verschieben" }).click();
    await moveDialog.waitFor({ state: "detached" });
    await history.getByText("Verschoben").waitFor();
    await page.getByLabel("Pfad im Netzwerk").getByText(to.name).waitFor();

    // Close as of today, then reopen
    await page.getByRole("button", { name: "Schließen", exact: true }).click();
    const closeDialog = page.getByRole("dialog");
    await closeDialog.getByRole("button", { name: "Schließen", exact: true }).click();
    await closeDialog.waitFor({ state: "detached" });
    await history.getByText("Geschlossen", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Wiedereröffnen" }).click();
    const reopenDialog = page.getByRole("dialog");
    await reopenDialog.getByRole("button", { name: "Wiedereröffnen" }).click();
    await reopenDialog.waitFor({ state: "detached" });
    await history.getByText("Wiedereröffnet").waitFor();
    await page.getByRole("button", { name: "Schließen", exact: true }).waitFor();
    await expectAccessible(page, "unit detail after move, close and reopen");
    await screenshot(page, "unit-lifecycle");

    // The API agrees: below the new parent, open again
    const unit = await (await page.request.get(`/api/units/${page.url().split("/").pop()}`)).json();
    expect(unit).toMatchObject({ name, parentId: to.id, closedOn: null });
    await context.close();
  });
});
