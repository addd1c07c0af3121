/**
 * The chain of issue 3's "done when", in one walk through the browser and nothing through the
 * API: a Berlin counselor records a new client, a first consultation and a recognition procedure
 * with its checklist, and refers the client (recording the sharing consent on the way) to the
 * qualification sub-project in Bayern; the counselor there accepts, starts and completes the
 * referral; the sender sees each status. The detailed checks of each step live in
 * clients.test.ts, casework-records.test.ts and casework-referrals.test.ts.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { choose, endpointExists, expectAccessible, launchBrowser, login, mainNav, newPage, pick, runTag, screenshot } from "./support.js";

let browser: Browser;
let hasCasework = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasCasework = await endpointExists("/api/referrals/partners");
});
afterAll(async () => {
  await browser?.close();
});

const tag = runTag();

describe("casework chain", () => {
  test("create a client, first consultation, procedure with checklist, referral with consent to Bayern, accepted and completed there, each status seen by the sender", async (ctx) => {
    if (!hasCasework) ctx.skip("the referrals API is not on the server yet");
    const sender = await newPage(browser);
    const page = sender.page;
    await login(page, "berater.berlin@lotse.demo");
    const lastName = `Haddad${tag}`;

    // 1. A new client
    await mainNav(page).getByRole("link", { name: "Ratsuchende" }).click();
    await page.getByRole("link", { name: "Ratsuchende erfassen" }).click();
    await page.getByRole("heading", { level: 1, name: "Ratsuchende erfassen" }).waitFor();
    await page.getByRole("textbox", { name: "Vorname" }).fill("Lina");
    await page.getByRole("textbox", { name: "Nachname" }).fill(lastName);
    await page.getByRole("textbox", { name: "E-Mail" }).fill(`lina.${tag}@example.org`);
    await page.getByRole("textbox", { name: "Geburtsjahr" }).fill("1991");
    await pick(page, "Staatsangehörigkeiten", "Syr", "Syrien");
    await page.getByRole("textbox", { name: /PLZ/ }).fill("12043");
    await page.getByRole("radiogroup", { name: "Fluchthintergrund" }).locator("label", { hasText: /^Ja$/ }).click();
    await pick(page, "Land der Qualifikation", "Syr", "Syrien");
    await choose(page, /Art der Qualifikation/, "Berufsabschluss");
    await page.locator("label.checkbox", { hasText: "Einwilligung in die Verarbeitung liegt vor" }).click();
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("heading", { level: 1, name: `Lina ${lastName}` }).waitFor();
    await page.getByText("Die Person ist erfasst.").waitFor();
    const clientUrl = page.url();

    // 2. The first consultation (the form knows it is the first)
    await page.getByRole("link", { name: "Beratung erfassen" }).click();
    await page.getByRole("heading", { level: 1, name: "Beratung erfassen" }).waitFor();
    await page.locator(".kind-value").getByText("Erstberatung").waitFor();
    await pick(page, "Referenzberuf", "Elektroniker", /^Elektroniker\/in/);
    await page.getByRole("button", { name: "Speichern" }).click();
    await page
      .getByRole("status")
      .getByText(/^Erstberatung vom .* ist erfasst\./)
      .waitFor();

    // 3. A recognition procedure with its checklist
    await page.getByRole("link", { name: "Anerkennungsverfahren anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Anerkennungsverfahren anlegen" }).waitFor();
    await pick(page, "Referenzberuf", "Elektroniker", /^Elektroniker\/in/);
    await page.getByRole("textbox", { name: "Zuständige Stelle" }).fill("IHK FOSA");
    await page.getByRole("radiogroup", { name: "Rechtsgrundlage" }).locator("label", { hasText: "BQFG" }).click();
    await page.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Anerkennung als Elektroniker/in" }).waitFor();
    expect(await page.locator("table.checklist-table tbody tr").count()).toBeGreaterThanOrEqual(5);
    await page.locator("label.checkbox", { hasText: "Identitätsnachweis (Pass oder Ausweis): vorhanden" }).click();
    await page.locator("label.checkbox", { hasText: "Abschlusszeugnis: vorhanden" }).click();
    await page.getByRole("button", { name: "Ordner speichern" }).click();
    await page.getByRole("status").getByText("Der Ordner ist gespeichert.").waitFor();
    await page.getByText("2 von", { exact: false }).waitFor();

    // 4. Refer to the qualification sub-project in Bayern; its sharing consent is recorded on the way
    const recipient = await newPage(browser);
    await login(recipient.page, "quali.bayern@lotse.demo");
    const partner = ((await (await recipient.page.request.get("/api/auth/session")).json()).user.grants[0] as { unitName: string })
      .unitName;
    await page.goto(clientUrl);
    await page.getByRole("heading", { level: 1, name: `Lina ${lastName}` }).waitFor();
    await page.getByRole("button", { name: "Verweisen" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: `Lina ${lastName} verweisen` }).waitFor();
    await dialog.getByRole("combobox", { name: "Teilprojekt" }).fill(partner.slice(0, 14));
    await page.getByRole("option", { name: `${partner} (BY)`, exact: true }).click();
    await dialog
      .getByRole("group", { name: "Diese Angaben sieht das Teilprojekt" })
      .locator("label.checkbox", { hasText: "Qualifikation" })
      .click();
    await dialog.getByRole("button", { name: "Verweis senden" }).click();
    const missing = dialog.getByRole("alert").filter({ hasText: "Einwilligung" });
    await missing.getByRole("button", { name: "Einwilligung zur Weitergabe erfassen" }).click();
    await missing.locator("label.checkbox", { hasText: "hat eingewilligt" }).click();
    await missing.getByRole("button", { name: "Einwilligung erfassen" }).click();
    await dialog
      .getByRole("status")
      .getByText(/Sie können den Verweis jetzt senden/)
      .waitFor();
    await dialog.getByRole("button", { name: "Verweis senden" }).click();
    await dialog.waitFor({ state: "detached" });
    const sent = page.getByRole("status").filter({ hasText: `Der Verweis an „${partner}“ ist gesendet.` });
    const referralPath = (await sent.getByRole("link", { name: "Verweis ansehen" }).getAttribute("href"))!;
    const statusOf = async () => {
      await page.goto(referralPath);
      await page.getByRole("heading", { level: 1, name: `Verweis an ${partner}` }).waitFor();
      return page.locator("ol.history .history-change").allTextContents();
    };
    expect(await statusOf()).toEqual(["Gesendet"]);

    // 5. The recipient accepts, starts and completes it; after each step the sender sees the status
    const seen: string[][] = [];
    for (const [button, status] of [
      ["Annehmen", "Angenommen"],
      ["In Bearbeitung nehmen", "In Bearbeitung"],
      ["Abschließen", "Abgeschlossen"],
    ] as const) {
      await recipient.page.goto(referralPath);
      await recipient.page.getByRole("heading", { level: 1, name: /^Verweis von / }).waitFor();
      await recipient.page.getByRole("button", { name: button, exact: true }).click();
      await recipient.page.getByRole("status").getByText(`Status geändert: ${status}.`).waitFor();
      seen.push(await statusOf());
    }
    expect(seen).toEqual([
      ["Gesendet", "Angenommen"],
      ["Gesendet", "Angenommen", "In Bearbeitung"],
      ["Gesendet", "Angenommen", "In Bearbeitung", "Abgeschlossen"],
    ]);
    // The recipient read exactly what was shared: name, contact, qualification
    expect(await recipient.page.locator("dl.shared-facts dt").allTextContents()).toEqual([
      "Name",
      "Kontakt (E-Mail, Telefon)",
      "Qualifikation (Land, Art, Jahr)",
    ]);
    await expectAccessible(page, "referral detail (sender), completed");
    await screenshot(page, "chain-referral-completed");

    // The whole case on one timeline
    await page.goto(clientUrl);
    const timeline = page.locator("ol.timeline");
    await timeline.getByRole("link", { name: "Erstberatung" }).waitFor();
    await timeline.getByRole("link", { name: "Anerkennung als Elektroniker/in" }).waitFor();
    expect(await timeline.textContent()).toContain(partner);
    await recipient.context.close();
    await sender.context.close();
  });
});
