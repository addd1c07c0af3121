/**
 * The case records of a client in the browser: the case page with its one timeline, recording
 * consultations keyboard-first (first consultation rule included), a recognition procedure with
 * "Mein Ordner" and its printable checklist in Arabic, second-level support for Faire Integration,
 * and group information events. axe on every page; the case page and the procedure at 360 px.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  atPhoneWidth,
  createClientByApi,
  csrfOf,
  endpointExists,
  expectAccessible,
  launchBrowser,
  login,
  mainNav,
  newPage,
  runTag,
  screenshot,
} from "./support.js";

let browser: Browser;
let hasRecords = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasRecords =
    (await endpointExists("/api/consultations/defaults?clientId=00000000-0000-4000-8000-000000000000")) &&
    (await endpointExists("/api/procedures/00000000-0000-4000-8000-000000000000"));
});
afterAll(async () => {
  await browser?.close();
});

const tag = runTag();

/** Tab until the element with this accessible name (role and name) has the focus; fails after 40 steps. */
async function tabTo(page: Page, role: string, name: string): Promise<number> {
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { role: "", name: "" };
      const labelled = el.getAttribute("aria-labelledby");
      const fromIds = labelled
        ?.split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
      const implicitRole = el.tagName === "BUTTON" ? "button" : el.tagName === "A" ? "link" : el.tagName === "INPUT" ? "textbox" : "";
      return {
        role: el.getAttribute("role") ?? implicitRole,
        name: (fromIds || el.getAttribute("aria-label") || el.textContent || "").trim(),
      };
    });
    if (focused.role === role && focused.name.includes(name)) return presses;
  }
  throw new Error(`no ${role} "${name}" reached with Tab`);
}

/** Types into a combobox key by key (as a person does) and takes the first suggestion with the keyboard. */
async function chooseFirstSuggestion(page: Page, text: string, option: RegExp): Promise<void> {
  await page.keyboard.type(text, { delay: 20 });
  // Nothing typed is lost while the suggestions load.
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(text);
  // The list of a shorter prefix may still be open and contain the option further down: wait until
  // the suggestions for the whole text have arrived, i.e. the option is the first one.
  await expect.poll(async () => (await page.getByRole("option").first().textContent()) ?? "", { timeout: 20_000 }).toMatch(option);
  await page.keyboard.press("ArrowDown");
  // Enter once the option is highlighted (aria-activedescendant), as a person presses it after seeing
  // the highlight: on a loaded machine the list may still be re-rendering from the last response.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const id = document.activeElement?.getAttribute("aria-activedescendant");
        return (id && document.getElementById(id)?.textContent) || "";
      }),
    )
    .toMatch(option);
  await page.keyboard.press("Enter");
}

const consultationFormOf = (page: Page) => page.getByRole("heading", { level: 1, name: "Beratung erfassen" });

describe("case records (timeline, consultations, procedures)", () => {
  test("a counselor records a first consultation by keyboard, is refused a second one with a link, records a follow-up from the defaults and keeps a procedure with its checklist", async (ctx) => {
    if (!hasRecords) ctx.skip("the consultations and procedures API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "berater.berlin@lotse.demo");

    // A demo client without consultations (another test file may have recorded for it: then a fresh one)
    const [demo] = (await (await page.request.get("/api/clients?q=Bondarenko")).json()).items as { id: string }[];
    const defaults = demo ? await (await page.request.get(`/api/consultations/defaults?clientId=${demo.id}`)).json() : null;
    let searchFor = "Bondarenko";
    if (defaults?.kind !== "first_consultation") {
      searchFor = `Bondar${tag}`;
      await createClientByApi(page, { firstName: "Oleh", lastName: searchFor, birthYear: 1984, nationalities: ["UA"] });
    }

    // Search and open the case page
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Ratsuchende" }).click();
    await page.getByRole("searchbox", { name: "Name oder Klientennummer" }).fill(searchFor);
    await page
      .getByRole("grid", { name: "Suchergebnisse" })
      .getByRole("row", { name: new RegExp(searchFor) })
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: "Verlauf" }).waitFor();
    const clientUrl = page.url();
    expect(clientUrl).toMatch(/\/staff\/clients\/[0-9a-f-]{36}$/);
    const clientName = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    expect(clientName).toContain("Bondar");
    await expectAccessible(page, "case page");
    await screenshot(page, "records-case-page");

    // Meanwhile a second tab has the form open, still saying "Erstberatung"
    const other = await context.newPage();
    await other.goto(`${clientUrl}/consultations/new`);
    await consultationFormOf(other).waitFor();
    await other.locator(".kind-value").getByText("Erstberatung").waitFor();

    // Keyboard only: Enter on the action, type the profession, Tab to "Speichern", Enter
    await page.getByRole("link", { name: "Beratung erfassen" }).focus();
    await page.keyboard.press("Enter");
    await consultationFormOf(page).waitFor();
    await page.locator(".kind-value").getByText("Erstberatung").waitFor();
    // The first field (the date) has the focus
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("spinbutton");
    await expectAccessible(page, "record consultation form");
    await screenshot(page, "records-consultation-form", true);
    await tabTo(page, "combobox", "Referenzberuf");
    await chooseFirstSuggestion(page, "Pflegefachfrau", /Pflegefachfrau\/Pflegefachmann/);
    await expect.poll(() => page.getByRole("combobox", { name: "Referenzberuf" }).inputValue()).toBe("Pflegefachfrau/Pflegefachmann");
    await tabTo(page, "button", "Speichern");
    await page.keyboard.press("Enter");

    // Back on the case page: the message and the new entry on the timeline
    await page.getByRole("heading", { level: 1, name: clientName }).waitFor();
    await page
      .getByRole("status")
      .getByText(/^Erstberatung vom .* ist erfasst\./)
      .waitFor();
    const timeline = page.locator("ol.timeline");
    const firstEntry = timeline.locator("li.is-new");
    await firstEntry.getByRole("link", { name: "Erstberatung" }).waitFor();
    expect(await firstEntry.textContent()).toContain("Pflegefachfrau/Pflegefachmann");
    const firstId = (await firstEntry.getByRole("link", { name: "Erstberatung" }).getAttribute("href"))!.split("/").pop();
    await expectAccessible(page, "case page after recording");
    await screenshot(page, "records-case-page-recorded");
    await atPhoneWidth(page, "records-case-page");

    // The second tab tries a second first consultation: refused, with a link to the first
    await other.getByRole("button", { name: "Speichern" }).click();
    const refusal = other.getByRole("alert");
    await refusal.getByText(/In dieser Förderperiode gibt es bereits eine Erstberatung/).waitFor();
    // ... and the form now says what the next save records
    await other.locator(".kind-value").getByText("Folgeberatung").waitFor();
    await expectAccessible(other, "record consultation form, first consultation exists");
    await screenshot(other, "records-consultation-refused");
    await refusal.getByRole("link", { name: /Erstberatung vom .* öffnen/ }).click();
    await other.getByRole("heading", { level: 1, name: /^Erstberatung am/ }).waitFor();
    expect(other.url()).toMatch(new RegExp(`/staff/consultations/${firstId}$`));
    await expectAccessible(other, "consultation detail");
    await screenshot(other, "records-consultation-detail");
    await other.close();

    // A follow-up with the defaults: the date stays as it is, one Enter saves
    await page.getByRole("link", { name: "Beratung erfassen" }).click();
    await consultationFormOf(page).waitFor();
    await page.locator(".kind-value").getByText("Folgeberatung").waitFor();
    // Last used: the client's reference profession is there already
    expect(await page.getByRole("combobox", { name: "Referenzberuf" }).inputValue()).toBe("Pflegefachfrau/Pflegefachmann");
    const started = Date.now();
    let interactions = 0;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("spinbutton");
    await page.keyboard.press("Enter");
    interactions++;
    await page
      .getByRole("status")
      .getByText(/^Folgeberatung vom .* ist erfasst\./)
      .waitFor();
    expect(interactions, "a follow-up needs no more than one submit").toBe(1);
    expect(Date.now() - started, "recording a follow-up").toBeLessThan(30_000);
    await timeline.locator("li.is-new").getByRole("link", { name: "Folgeberatung" }).waitFor();
    expect(await timeline.getByRole("link", { name: "Erstberatung" }).count()).toBe(1);

    // A recognition procedure: the server prefills "Mein Ordner"
    await page.getByRole("link", { name: "Anerkennungsverfahren anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Anerkennungsverfahren anlegen" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    await chooseFirstSuggestion(page, "Pflegefachfrau", /Pflegefachfrau\/Pflegefachmann/);
    await page.getByRole("textbox", { name: "Zuständige Stelle" }).fill("Landesamt für Gesundheit und Soziales Berlin");
    await page.getByRole("radiogroup", { name: "Rechtsgrundlage" }).locator("label", { hasText: "Berufsgesetz" }).click();
    await expectAccessible(page, "open procedure form");
    await screenshot(page, "records-procedure-form");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Anerkennung als Pflegefachfrau/Pflegefachmann" }).waitFor();
    const procedureUrl = page.url();
    const documents = page.locator("table.checklist-table tbody tr");
    expect(await documents.count()).toBeGreaterThanOrEqual(6);
    await page.getByText("0 von", { exact: false }).waitFor();

    // Tick documents and save the checklist
    const tick = (label: string) => page.locator("label.checkbox", { hasText: label }).click();
    await tick("Identitätsnachweis (Pass oder Ausweis): vorhanden");
    await tick("Abschlusszeugnis: vorhanden");
    await tick("Abschlusszeugnis: übersetzt");
    // A translation without the document is not possible: the box waits for "vorhanden"
    expect(await page.getByRole("checkbox", { name: "Tabellarischer Lebenslauf: übersetzt" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Ordner speichern" }).click();
    await page.getByRole("status").getByText("Der Ordner ist gespeichert.").waitFor();
    await page.getByText("2 von", { exact: false }).waitFor();
    await expectAccessible(page, "procedure with checklist");
    await screenshot(page, "records-procedure");

    // Saved for real: after a reload the ticks are there
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Anerkennung als/ }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Abschlusszeugnis: übersetzt" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Fächer- und Notenübersicht: vorhanden" }).isChecked()).toBe(false);
    await atPhoneWidth(page, "records-procedure");

    // Someone else saves meanwhile: our save is refused (409) and explained, nothing is overwritten
    const procedureId = procedureUrl.split("/").pop();
    const current = (await (await page.request.get(`/api/procedures/${procedureId}`)).json()) as { version: number };
    const change = await page.request.patch(`/api/procedures/${procedureId}`, {
      headers: { "x-csrf-token": await csrfOf(page) },
      data: { version: current.version, competentAuthority: "LAGeSo Berlin" },
    });
    expect(change.status()).toBe(200);
    await tick("Tabellarischer Lebenslauf: vorhanden");
    await page.getByRole("button", { name: "Ordner speichern" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: /Jemand anderes hat dieses Verfahren geändert/ });
    await conflict.waitFor();
    await expectAccessible(page, "procedure conflict");
    await conflict.getByRole("button", { name: /Neuen Stand laden/ }).click();
    await conflict.waitFor({ state: "detached" });
    expect(await page.getByRole("textbox", { name: "Zuständige Stelle" }).inputValue()).toBe("LAGeSo Berlin");
    expect(await page.getByRole("checkbox", { name: "Tabellarischer Lebenslauf: vorhanden" }).isChecked()).toBe(false);

    // The printable checklist for the client, in Arabic: right to left
    await page.getByRole("link", { name: "Checkliste drucken" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Checkliste „Mein Ordner“ drucken" }).waitFor();
    await page.getByRole("navigation", { name: "Sprache der Checkliste" }).getByRole("link", { name: "العربية" }).click();
    const sheet = page.locator('article.print-sheet[lang="ar"]');
    await sheet.waitFor();
    expect(await sheet.getAttribute("dir")).toBe("rtl");
    expect(page.url()).toContain("lang=ar");
    expect(await sheet.getByRole("heading", { level: 2 }).textContent()).toMatch(/[\u0600-\u06FF]/);
    expect(await sheet.locator("tbody tr").count()).toBeGreaterThanOrEqual(6);
    expect(await sheet.locator(".print-box.is-checked").count()).toBe(3);
    await expectAccessible(page, "printable checklist (Arabic)");
    await screenshot(page, "records-checklist-ar");
    // On paper: no navigation, only the sheet
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".staff-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Drucken" }).isVisible()).toBe(false);
    await screenshot(page, "records-checklist-ar-print");
    await page.emulateMedia({ media: "screen" });

    // The procedure is on the case page's timeline, with its missing documents
    await page.goto(clientUrl);
    await page.locator("ol.timeline").getByRole("link", { name: "Anerkennung als Pflegefachfrau/Pflegefachmann" }).waitFor();
    await context.close();
  });

  test("Faire Integration: reasons, a question to the support team, its answer", async (ctx) => {
    if (!hasRecords) ctx.skip("the consultations and procedures API is not on the server yet");
    const fi = await newPage(browser);
    await login(fi.page, "fi.berlin@lotse.demo");
    const client = await createClientByApi(fi.page, { firstName: "Tarek", lastName: `Haddad${tag}`, birthYear: 1987 });
    await fi.page.goto(`/staff/clients/${client.id}`);
    await fi.page.getByRole("link", { name: "Beratung erfassen" }).click();
    await consultationFormOf(fi.page).waitFor();
    const reasons = fi.page.getByRole("group", { name: "Gründe für die Beratung" });
    await reasons.waitFor();
    // Recognition fields belong to other sub-projects
    expect(await fi.page.getByRole("combobox", { name: "Referenzberuf" }).count()).toBe(0);

    // At least one reason is needed
    await fi.page.getByRole("button", { name: "Speichern" }).click();
    await fi.page.getByText("Bitte wählen Sie mindestens einen Grund.").waitFor();
    await expectAccessible(fi.page, "Faire Integration consultation form with an error");
    await reasons.locator("label.checkbox", { hasText: "Lohn" }).click();
    await reasons.locator("label.checkbox", { hasText: "Sonstiges" }).click();
    await fi.page.getByRole("textbox", { name: "Sonstiger Grund" }).fill("Urlaubsanspruch");
    await fi.page.getByRole("button", { name: /Branche des Arbeitgebers/ }).click();
    await fi.page.getByRole("option", { name: "Gastgewerbe", exact: true }).click();
    await screenshot(fi.page, "records-fi-form");
    await fi.page.getByRole("button", { name: "Speichern" }).click();
    await fi.page
      .getByRole("status")
      .getByText(/^Erstberatung vom .* ist erfasst\./)
      .waitFor();

    // The question to Support Faire Integration, from the consultation's page
    await fi.page.getByRole("link", { name: "Beratung ansehen" }).click();
    await fi.page.getByRole("heading", { level: 1, name: /^Erstberatung am/ }).waitFor();
    const consultationUrl = fi.page.url();
    expect(await fi.page.locator(".facts").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("Lohn, Sonstiges: Urlaubsanspruch")]),
    );
    const question = `Lohn bleibt seit zwei Monaten aus (${tag}). Welche Ausschlussfristen gelten?`;
    await fi.page.getByRole("textbox", { name: "Ihre Frage" }).fill(question);
    await fi.page.getByRole("button", { name: "Frage senden" }).click();
    await fi.page
      .getByRole("status")
      .getByText(/Ihre Frage ist an das Support-Team gesendet/)
      .waitFor();
    await fi.page.getByText("Noch keine Antwort.").waitFor();
    await expectAccessible(fi.page, "consultation with a support question");
    await screenshot(fi.page, "records-fi-question");

    // The support team answers: it sees the legal matter, not the person
    const support = await newPage(browser);
    await login(support.page, "support.fi@lotse.demo");
    await support.page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Support-Anfragen" }).click();
    await support.page.getByRole("heading", { level: 1, name: "Fragen an Support Faire Integration" }).waitFor();
    const item = support.page.locator("li.support-item", { hasText: tag });
    await item.waitFor();
    expect(await item.textContent()).toContain("Gastgewerbe");
    expect(await item.textContent()).not.toContain(`Haddad${tag}`);
    await expectAccessible(support.page, "support queue");
    await screenshot(support.page, "records-support-queue");
    await item.getByRole("textbox", { name: "Ihre Antwort" }).fill("Prüfen Sie die Ausschlussfristen im Arbeitsvertrag, oft drei Monate.");
    await item.getByRole("button", { name: "Antwort senden" }).click();
    await support.page
      .getByRole("status")
      .getByText(/Die Antwort ist gesendet/)
      .waitFor();
    await support.page.getByRole("radiogroup", { name: "Anzeigen" }).locator("label", { hasText: "Beantwortete Fragen" }).click();
    await support.page
      .locator("li.support-item", { hasText: tag })
      .getByText(/Ausschlussfristen im Arbeitsvertrag/)
      .waitFor();
    await expectAccessible(support.page, "support queue, answered");
    await support.context.close();

    // The counselor sees the answer on the consultation
    await fi.page.goto(consultationUrl);
    await fi.page.getByText(/Ausschlussfristen im Arbeitsvertrag/).waitFor();
    await fi.page.getByText("Beantwortet", { exact: true }).waitFor();
    await expectAccessible(fi.page, "consultation with an answer");
    await screenshot(fi.page, "records-fi-answer");
    await fi.context.close();
  });

  test("group information events are recorded with counts only; only the support team sees the queue", async (ctx) => {
    if (!hasRecords) ctx.skip("the consultations and procedures API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "berater.berlin@lotse.demo");
    const nav = mainNav(page);
    expect(await nav.getByRole("link", { name: "Support-Anfragen" }).count()).toBe(0);
    await nav.getByRole("link", { name: "Gruppenveranstaltungen" }).click();
    await page.getByRole("heading", { level: 1, name: "Gruppeninformationsveranstaltungen" }).waitFor();
    await expectAccessible(page, "group events");
    const title = `Infoabend Anerkennung ${tag}`;
    await page.getByRole("textbox", { name: "Titel" }).fill(title);
    await page.getByRole("textbox", { name: "Teilnehmende" }).fill("12");
    await page.getByRole("textbox", { name: "Davon mit Fluchthintergrund" }).fill("15");
    await page.getByRole("button", { name: "Veranstaltung speichern" }).click();
    await page.getByText("Höchstens so viele wie Teilnehmende insgesamt.").waitFor();
    await expectAccessible(page, "group events with an error");
    await page.getByRole("textbox", { name: "Davon mit Fluchthintergrund" }).fill("5");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText(`„${title}“ ist erfasst.`).waitFor();
    const row = page.getByRole("row", { name: new RegExp(title) });
    expect(await row.textContent()).toContain("12");
    await expectAccessible(page, "group events after recording");
    await screenshot(page, "records-group-events");
    await context.close();
  });
});
