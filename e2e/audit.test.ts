import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, screenshot } from "./support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("audit", () => {
  test("the administrator finds the login events", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "admin@lotse.demo");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Audit" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit" }).waitFor();
    const table = page.getByRole("grid", { name: "Audit-Einträge" });
    await table.getByText("auth.login").first().waitFor();

    // Filter: only login events of the admin account
    await page.getByLabel("Aktion").fill("auth.login");
    await page.getByLabel("Person (E-Mail)").fill("admin@lotse.demo");
    await page.getByRole("button", { name: "Suchen" }).click();
    await expect
      .poll(async () => (await table.getByRole("row").allTextContents()).slice(1).every((r) => r.includes("auth.login")))
      .toBe(true);
    expect(await table.getByText("admin@lotse.demo").count()).toBeGreaterThan(0);
    await expectAccessible(page, "audit");
    await screenshot(page, "audit");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "audit 360");
    await screenshot(page, "audit");
    await context.close();
  });

  test("a counselor has no audit in the navigation and is refused at the address", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "berater.berlin@lotse.demo");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    expect(await nav.getByRole("link", { name: "Audit" }).count()).toBe(0);
    await page.goto("/staff/audit");
    await page.getByRole("alert").getByText("Dafür fehlt Ihnen die Berechtigung.").waitFor();
    await expectAccessible(page, "audit forbidden");
    await context.close();
  });
});
