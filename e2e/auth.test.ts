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

/** The network administrator also reads the reports of barriers (accessibility feedback). */
const allNav = ["Übersicht", "Verzeichnis", "Benutzer", "Audit", "Barrieren", "Mein Konto"];
/**
 * Casework roles get the client file, their follow-ups, online requests, referrals, caseload and
 * group events; on a sub-project also the appointment calendar and the availability (Sprechzeiten).
 */
const casework = [
  "Übersicht",
  "Ratsuchende",
  "Meine Wiedervorlagen",
  "Online-Anfragen",
  "Verweise",
  "Fallbestand",
  "Gruppenveranstaltungen",
  "Terminkalender",
  "Sprechzeiten",
];
const personas: { email: string; nav: string[] }[] = [
  { email: "admin@lotse.demo", nav: allNav },
  { email: "koordination.berlin@lotse.demo", nav: ["Übersicht", "Verzeichnis", "Statistik", "Sonderanfragen", "Benutzer", "Mein Konto"] },
  { email: "leitung.berlin@lotse.demo", nav: [...casework, "Verzeichnis", "Statistik", "Sonderanfragen", "Benutzer", "Mein Konto"] },
  { email: "berater.berlin@lotse.demo", nav: [...casework, "Verzeichnis", "Mein Konto"] },
  { email: "berater.bayern@lotse.demo", nav: [...casework, "Verzeichnis", "Mein Konto"] },
  { email: "monitoring@lotse.demo", nav: ["Übersicht", "Verzeichnis", "Statistik", "Sonderanfragen", "Mein Konto"] },
  { email: "bund@lotse.demo", nav: ["Übersicht", "Verzeichnis", "Statistik", "Sonderanfragen", "Mein Konto"] },
];

describe("staff sign-in", () => {
  test("login page is accessible at both widths", async () => {
    for (const width of [1280, 360]) {
      const { context, page } = await newPage(browser, width);
      await page.goto("/staff/login");
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
      expect(await page.getByLabel("E-Mail-Adresse").getAttribute("autocomplete")).toBe("username");
      await expectAccessible(page, `login ${width}`);
      await expectNoHorizontalScroll(page, `login ${width}`);
      await screenshot(page, "login");
      await context.close();
    }
  });

  test("a wrong password shows a clear error, accessibly", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/staff/login");
    await page.getByLabel("E-Mail-Adresse").fill("berater.bayern@lotse.demo");
    await page.getByLabel("Passwort", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("E-Mail-Adresse oder Passwort ist falsch");
    expect(page.url()).toContain("/staff/login");
    await expectAccessible(page, "login with error");
    await screenshot(page, "login-error");
    await context.close();
  });

  test("empty fields are reported in German before anything is sent", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/staff/login");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.getByText("Bitte füllen Sie dieses Feld aus.").first().waitFor();
    await expectAccessible(page, "login with field errors");
    await context.close();
  });

  for (const persona of personas) {
    test(`${persona.email} sees the navigation of the role`, async () => {
      const { context, page } = await newPage(browser);
      await login(page, persona.email);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
      const links = (await nav.getByRole("link").allTextContents()).map((s) => s.trim());
      expect(links).toEqual(persona.nav);
      await context.close();
    });
  }

  test("staff home: accessible, usable at 360 px with a collapsed menu, sign-out works", async () => {
    for (const width of [1280, 360]) {
      const { context, page } = await newPage(browser, width);
      await login(page, "admin@lotse.demo");
      await page.getByRole("heading", { level: 1, name: /Guten Tag/ }).waitFor();
      await expectAccessible(page, `staff home ${width}`);
      await expectNoHorizontalScroll(page, `staff home ${width}`);
      await screenshot(page, "staff-home");
      if (width === 360) {
        const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
        expect(await nav.isVisible()).toBe(false);
        const toggle = page.getByRole("button", { name: "Menü" });
        await toggle.click();
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        await nav.getByRole("link", { name: "Verzeichnis" }).waitFor({ state: "visible" });
        await expectAccessible(page, "staff menu open 360");
        await expectNoHorizontalScroll(page, "staff menu open 360");
        await screenshot(page, "staff-menu-open");
      }
      await page.getByRole("button", { name: "Abmelden" }).click();
      await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
      await context.close();
    }
  });

  test("password reset pages render and explain an invalid link", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/staff/login");
    await page.getByRole("link", { name: "Passwort vergessen?" }).click();
    await page.getByRole("heading", { level: 1, name: "Passwort zurücksetzen" }).waitFor();
    await expectAccessible(page, "forgot password");
    await page.getByLabel("E-Mail-Adresse").fill("nobody@lotse.demo");
    await page.getByRole("button", { name: "Link anfordern" }).click();
    await page.getByText(/Wenn zu dieser Adresse ein Konto besteht/).waitFor();

    await page.goto("/staff/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789");
    await page.getByLabel("Neues Passwort", { exact: true }).fill("ein langes neues Passwort");
    await page.getByLabel("Neues Passwort wiederholen").fill("ein langes neues Passwort");
    await page.getByRole("button", { name: "Passwort speichern" }).click();
    await page
      .getByRole("alert")
      .getByText(/Link ist ungültig/)
      .waitFor();
    await expectAccessible(page, "reset with invalid token");
    await context.close();
  });
});
