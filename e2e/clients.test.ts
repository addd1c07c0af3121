import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  atPhoneWidth,
  choose,
  createClientByApi,
  endpointExists,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  login,
  mainNav,
  newPage,
  pick,
  runTag,
  screenshot,
} from "./support.js";

let browser: Browser;
let hasClients = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasClients = await endpointExists("/api/clients/00000000-0000-4000-8000-000000000000");
});
afterAll(async () => {
  await browser?.close();
});

const tag = runTag();
const firstName = "José";
const lastName = `Brückner${tag}`;
/** The same person as a counselor might type it: no accents, one letter wrong. */
const misspelt = `Jose Bruckner${tag.slice(0, -1)}${tag.endsWith("a") ? "b" : "a"}`;

describe("clients (Ratsuchende)", () => {
  test("a counselor records a client, is warned of a duplicate, manages consents and finds the client by a misspelt name", async (ctx) => {
    if (!hasClients) ctx.skip("the clients API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "berater.berlin@lotse.demo");

    // Search page, reached through the navigation
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Ratsuchende" }).click();
    await page.getByRole("heading", { level: 1, name: "Ratsuchende" }).waitFor();
    await page.getByRole("searchbox", { name: "Name oder Klientennummer" }).fill("x");
    await page.getByText(/Das reicht noch nicht für eine Suche/).waitFor();
    await page.getByRole("searchbox", { name: "Name oder Klientennummer" }).fill("");
    await expectAccessible(page, "client search, empty");
    await screenshot(page, "clients-search-empty");

    // Create: the required consent is checked before anything is sent
    await page.getByRole("link", { name: "Ratsuchende erfassen" }).click();
    await page.getByRole("heading", { level: 1, name: "Ratsuchende erfassen" }).waitFor();
    await page.getByRole("textbox", { name: "Vorname" }).fill(firstName);
    await page.getByRole("textbox", { name: "Nachname" }).fill(lastName);
    await page.getByRole("textbox", { name: "E-Mail" }).fill(`jose.${tag}@example.org`);
    await page.getByRole("textbox", { name: "Telefon" }).fill("030 1234567");
    await pick(page, "Bevorzugte Sprachen", "Arab", "Arabisch");
    await pick(page, "Bevorzugte Sprachen", "Span", "Spanisch");
    await page.getByRole("textbox", { name: "Geburtsjahr" }).fill("1988");
    await choose(page, /Geschlecht/, "Männlich");
    await pick(page, "Staatsangehörigkeiten", "Syr", "Syrien");
    await page.getByRole("textbox", { name: /PLZ/ }).fill("10115");
    await page.getByRole("radiogroup", { name: "Fluchthintergrund" }).locator("label", { hasText: /^Ja$/ }).click();
    await choose(page, /Aufenthaltsstatus/, "Befristete Aufenthaltserlaubnis");
    await choose(page, /Deutschkenntnisse/, "B1");
    await choose(page, /Erwerbsstatus/, "Arbeitslos oder arbeitsuchend");
    await pick(page, "Land der Qualifikation", "Syr", "Syrien");
    await choose(page, /Art der Qualifikation/, "Akademischer Abschluss");
    await page.getByRole("textbox", { name: "Jahr der Qualifikation" }).fill("2012");
    // Chosen languages and nationalities show as removable tags
    await page.getByRole("row", { name: "Arabisch" }).waitFor();
    await page.getByRole("row", { name: "Syrien" }).waitFor();
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Ohne Einwilligung in die Verarbeitung kann die Person nicht erfasst werden.").waitFor();
    expect(page.url()).toMatch(/\/staff\/clients\/new$/);
    await page.locator("label.checkbox", { hasText: "Einwilligung in die Verarbeitung liegt vor" }).click();
    await expectAccessible(page, "client create form");
    await screenshot(page, "client-create");
    await atPhoneWidth(page, "client-create");
    await page.getByRole("button", { name: "Speichern" }).click();

    // Detail page
    await page.getByRole("heading", { level: 1, name: `${firstName} ${lastName}` }).waitFor();
    await page.getByText("Die Person ist erfasst.").waitFor();
    const clientUrl = page.url();
    const number = (await page.locator(".page-heading .muted").textContent())?.match(/K\d{7}/)?.[0];
    expect(number, "client number in the heading").toBeTruthy();
    const facts = (await page.locator(".detail-grid").textContent()) ?? "";
    for (const fact of [
      "Arabisch, Spanisch",
      "Syrien",
      "Männlich",
      "B1",
      "Befristete Aufenthaltserlaubnis",
      "Akademischer Abschluss",
      "2012",
    ]) {
      expect(facts).toContain(fact);
    }
    const consents = page.locator("table.stack-table");
    await consents.getByRole("rowheader", { name: "Verarbeitung" }).waitFor();
    await expectAccessible(page, "client detail");
    await screenshot(page, "client-detail");
    await atPhoneWidth(page, "client-detail");

    // Record a contact consent
    await page.getByRole("button", { name: "Einwilligung erfassen" }).click();
    const giveDialog = page.getByRole("dialog");
    await giveDialog.getByRole("heading", { name: "Einwilligung erfassen" }).waitFor();
    await choose(page, /Art/, "Kontaktaufnahme");
    await expectAccessible(page, "give consent dialog");
    await screenshot(page, "client-consent-dialog", true);
    await giveDialog.getByRole("button", { name: "Erfassen" }).click();
    await giveDialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Die Einwilligung „Kontaktaufnahme“ ist erfasst.").waitFor();
    const contactRow = consents.getByRole("row", { name: /Kontaktaufnahme/ });
    await contactRow.getByText("Gültig").waitFor();

    // ... and withdraw it after a confirmation
    await page.getByRole("button", { name: "Einwilligung „Kontaktaufnahme“ widerrufen" }).click();
    const withdrawDialog = page.getByRole("dialog");
    await withdrawDialog.getByRole("heading", { name: "Einwilligung „Kontaktaufnahme“ widerrufen?" }).waitFor();
    await expectAccessible(page, "withdraw consent dialog");
    await withdrawDialog.getByRole("button", { name: "Widerrufen" }).click();
    await withdrawDialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Die Einwilligung „Kontaktaufnahme“ ist widerrufen.").waitFor();
    await expect.poll(() => contactRow.getByText("Gültig").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Einwilligung „Kontaktaufnahme“ widerrufen" }).count()).toBe(0);
    await expectAccessible(page, "client detail after withdrawal");
    await screenshot(page, "client-consents");

    // A second person with the same name and birth year: the duplicate hint, without blocking
    await page.goto("/staff/clients/new");
    await page.getByRole("textbox", { name: "Vorname" }).fill(firstName);
    await page.getByRole("textbox", { name: "Nachname" }).fill(lastName);
    await page.getByRole("textbox", { name: "Geburtsjahr" }).fill("1988");
    await page.keyboard.press("Tab");
    const hint = page.getByRole("status").filter({ hasText: "Mögliche Dubletten" });
    await hint.getByRole("link", { name: `${lastName}, ${firstName}` }).waitFor();
    expect(await hint.textContent()).toContain(number);
    await expectAccessible(page, "client create form with duplicate hint");
    await screenshot(page, "client-duplicates");
    await atPhoneWidth(page, "client-duplicates");
    await page.locator("label.checkbox", { hasText: "Einwilligung in die Verarbeitung liegt vor" }).click();
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("heading", { level: 1, name: `${firstName} ${lastName}` }).waitFor();
    expect(page.url()).not.toBe(clientUrl);

    // Search by a misspelt, accent-free name; the name never enters the address bar
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Ratsuchende" }).click();
    await page.getByRole("searchbox", { name: "Name oder Klientennummer" }).fill(misspelt);
    const results = page.getByRole("grid", { name: "Suchergebnisse" });
    await page.getByRole("status").getByText("2 Treffer").waitFor();
    const rows = results.getByRole("row", { name: `${lastName}, ${firstName}` });
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: number! }).count()).toBe(1);
    expect(page.url()).not.toContain(tag);
    expect(page.url()).not.toContain("Bruckner");
    await expectAccessible(page, "client search with results");
    await screenshot(page, "clients-search");
    await atPhoneWidth(page, "clients-search");

    // The client number finds exactly one; a click opens the record
    await page.getByRole("searchbox", { name: "Name oder Klientennummer" }).fill(number!.toLowerCase());
    await page.getByRole("status").getByText("Ein Treffer").waitFor();
    await rows.filter({ hasText: number! }).click();
    await page.getByRole("heading", { level: 1, name: `${firstName} ${lastName}` }).waitFor();
    expect(page.url()).toBe(clientUrl);
    await context.close();
  });

  test("an edit sends only the changes; a stale edit offers to reload", async (ctx) => {
    if (!hasClients) ctx.skip("the clients API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "leitung.berlin@lotse.demo");
    const client = await createClientByApi(page, {
      firstName: "Olena",
      lastName: `Kovalenko${tag}`,
      birthYear: 1979,
      nationalities: ["UA"],
    });

    await page.goto(`/staff/clients/${client.id}/edit`);
    await page.getByRole("heading", { level: 1, name: `Olena Kovalenko${tag} bearbeiten` }).waitFor();
    await choose(page, /Deutschkenntnisse/, "A2");
    await expectAccessible(page, "client edit form");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Die Änderungen sind gespeichert.").waitFor();
    expect(await page.locator(".detail-grid").textContent()).toContain("A2");

    // Someone else saves in the meantime
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await page.getByRole("heading", { level: 1, name: /bearbeiten/ }).waitFor();
    const fresh = (await (await page.request.get(`/api/clients/${client.id}`)).json()) as { version: number };
    const csrf = (await (await page.request.get("/api/auth/session")).json()).csrfToken as string;
    const other = await page.request.patch(`/api/clients/${client.id}`, {
      headers: { "x-csrf-token": csrf },
      data: { version: fresh.version, phone: "0301111111" },
    });
    expect(other.status()).toBe(200);
    await page.getByRole("textbox", { name: "Telefon" }).fill("0302222222");
    await page.getByRole("button", { name: "Speichern" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText(/Jemand anderes hat diese Daten geändert/).waitFor();
    await expectAccessible(page, "client edit conflict");
    await alert.getByRole("button", { name: /Neuen Stand laden/ }).click();
    await page.getByRole("alert").waitFor({ state: "detached" });
    expect(await page.getByRole("textbox", { name: "Telefon" }).inputValue()).toBe("0301111111");
    await context.close();
  });

  test("right-to-left (Arabic): search, form and detail keep their layout", async (ctx) => {
    if (!hasClients) ctx.skip("the clients API is not on the server yet");
    const { context, page } = await newPage(browser, 360);
    await login(page, "berater.berlin@lotse.demo");
    const rtlName = `Nassar${tag}`;
    await createClientByApi(page, {
      firstName: "Layla",
      lastName: rtlName,
      birthYear: 1995,
      nationalities: ["SY", "LB"],
      preferredLanguages: ["ar"],
    });
    await page.getByRole("button", { name: /Sprache wählen/ }).click();
    await page
      .getByRole("menuitemradio", { name: "العربية" })
      .or(page.getByRole("menuitem", { name: "العربية" }))
      .click();
    await expect.poll(() => page.getAttribute("html", "dir")).toBe("rtl");

    await page.goto("/staff/clients");
    const search = page.getByRole("searchbox");
    await search.fill(rtlName);
    await page.getByRole("grid").getByRole("row").nth(1).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expectNoHorizontalScroll(page, "client search rtl 360");
    await expectAccessible(page, "client search rtl");
    await screenshot(page, "clients-search-rtl");
    await page.getByRole("grid").getByRole("row").nth(1).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(rtlName) }).waitFor();
    await expectNoHorizontalScroll(page, "client detail rtl 360");
    await screenshot(page, "client-detail-rtl");

    await page.goto("/staff/clients/new");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await pick(page, "Staatsangehörigkeiten", "سور", "سوريا");
    await expectNoHorizontalScroll(page, "client create rtl 360");
    await screenshot(page, "client-create-rtl");
    // The form's start edge is on the right: the first field starts right of the page centre.
    const box = await page.getByRole("textbox", { name: "Vorname" }).boundingBox();
    expect(box!.x + box!.width).toBeGreaterThan(300);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoHorizontalScroll(page, "client create rtl 1280");
    await screenshot(page, "client-create-rtl");
    await context.close();
  });

  test("roles without casework see no clients; another state's counselor does not find the record", async (ctx) => {
    if (!hasClients) ctx.skip("the clients API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "monitoring@lotse.demo");
    const nav = mainNav(page);
    await nav.getByRole("link", { name: "Mein Konto" }).waitFor();
    expect(await nav.getByRole("link", { name: "Ratsuchende" }).count()).toBe(0);
    await page.goto("/staff/clients");
    await page.getByText("Dafür fehlt Ihnen die Berechtigung.").waitFor();
    expect(await page.getByRole("searchbox").count()).toBe(0);
    await expectAccessible(page, "clients without casework");
    await context.close();

    // A Berlin record is not visible to Bavaria
    const berlin = await newPage(browser);
    await login(berlin.page, "berater.berlin@lotse.demo");
    const { id } = await createClientByApi(berlin.page, { firstName: "Amir", lastName: `Haddad${tag}`, birthYear: 1990 });
    await berlin.context.close();

    const bayern = await newPage(browser);
    await login(bayern.page, "berater.bayern@lotse.demo");
    await bayern.page.goto(`/staff/clients/${id}`);
    await bayern.page
      .getByRole("alert")
      .getByText(/Nicht gefunden/)
      .waitFor();
    await expectAccessible(bayern.page, "client not found");
    await bayern.page.goto("/staff/clients");
    await bayern.page.getByRole("searchbox", { name: "Name oder Klientennummer" }).fill(`Haddad${tag}`);
    await bayern.page.getByRole("status").getByText("Keine Treffer").waitFor();
    await bayern.context.close();
  });
});
