import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createClientByApi,
  csrfOf,
  endpointExists,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  login,
  mainNav,
  newPage,
  runTag,
  screenshot,
} from "./support.js";

let browser: Browser;
let hasCasework = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasCasework = (await endpointExists("/api/referrals/inbox")) && (await endpointExists("/api/tasks/mine"));
});
afterAll(async () => {
  await browser?.close();
});

const tag = runTag();

const BERLIN_UNIT = "Anerkennungsberatung Berlin (Demo)";

describe("casework: referrals, follow-ups, caseload, break-the-glass", () => {
  test("a counselor refers a client to a qualification sub-project in Bayern; the recipient answers; the sender sees each status", async (ctx) => {
    if (!hasCasework) ctx.skip("the referrals and tasks API is not on the server yet");

    // The recipient: the demo qualification sub-project in Bayern (its name from the counselor's grant)
    const bayern = await newPage(browser);
    await login(bayern.page, "quali.bayern@lotse.demo");
    const partnerGrant = (await (await bayern.page.request.get("/api/auth/session")).json()).user.grants[0] as {
      unitId: string;
      unitName: string;
    };
    const partner = partnerGrant.unitName;

    const berlin = await newPage(browser);
    const page = berlin.page;
    await login(page, "berater.berlin@lotse.demo");
    const lastName = `Rahimi${tag}`;
    const client = await createClientByApi(page, {
      firstName: "Farid",
      lastName,
      birthYear: 1987,
      nationalities: ["AF"],
      email: `farid.${tag}@example.org`,
      phone: "030 4455667",
      qualificationCountry: "AF",
      qualificationKind: "vocational",
      qualificationYear: 2010,
      germanLevel: "B1",
    });

    await page.goto(`/staff/clients/${client.id}`);
    await page.getByRole("heading", { level: 1, name: `Farid ${lastName}` }).waitFor();
    await page.getByRole("heading", { name: "Offene Wiedervorlagen" }).waitFor();
    await expectAccessible(page, "client page with case actions");

    // Refer: partner, the fields to share (need-to-know defaults plus the qualification), a message
    await page.getByRole("button", { name: "Verweisen" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: `Farid ${lastName} verweisen` }).waitFor();
    // The partner is in another state network: the picker searches every network and names the state
    const picker = dialog.getByRole("combobox", { name: "Teilprojekt" });
    await picker.fill(partner.slice(0, 12));
    await page.getByRole("option", { name: `${partner} (BY)`, exact: true }).click();
    await expect.poll(() => picker.inputValue()).toBe(`${partner} (BY)`);
    const shared = dialog.getByRole("group", { name: "Diese Angaben sieht das Teilprojekt" });
    expect(await shared.getByRole("checkbox", { name: "Name" }).isChecked()).toBe(true);
    expect(await shared.getByRole("checkbox", { name: /Kontakt/ }).isChecked()).toBe(true);
    expect(await shared.getByRole("checkbox", { name: "Geburtsjahr" }).isChecked()).toBe(false);
    await shared.locator("label.checkbox", { hasText: "Qualifikation" }).click();
    await dialog.getByRole("textbox", { name: "Nachricht an das Teilprojekt" }).fill("Bitte um Aufnahme in die Brückenmaßnahme.");
    await expectAccessible(page, "refer dialog");
    await dialog.getByRole("button", { name: "Verweis senden" }).click();

    // No sharing consent for this partner yet: explained, recorded after an explicit confirmation
    const missing = dialog.getByRole("alert").filter({ hasText: "fehlt die Einwilligung" });
    await missing.waitFor();
    expect(await missing.textContent()).toContain(partner);
    await expectAccessible(page, "refer dialog, consent missing");
    await screenshot(page, "referral-consent-missing", true);
    await missing.getByRole("button", { name: "Einwilligung zur Weitergabe erfassen" }).click();
    await missing.getByRole("button", { name: "Einwilligung erfassen" }).click();
    await missing.getByText("Bitte bestätigen Sie, dass die Person eingewilligt hat.").waitFor();
    await expectAccessible(page, "consent confirmation with error");
    await missing.locator("label.checkbox", { hasText: "hat eingewilligt" }).click();
    await missing.getByRole("button", { name: "Einwilligung erfassen" }).click();
    await dialog
      .getByRole("status")
      .getByText(/Sie können den Verweis jetzt senden/)
      .waitFor();
    await dialog.getByRole("button", { name: "Verweis senden" }).click();
    await dialog.waitFor({ state: "detached" });
    const sentNotice = page.getByRole("status").filter({ hasText: `Der Verweis an „${partner}“ ist gesendet.` });
    await sentNotice.waitFor();
    const referralPath = await sentNotice.getByRole("link", { name: "Verweis ansehen" }).getAttribute("href");
    expect(referralPath).toMatch(/^\/staff\/referrals\/[0-9a-f-]{36}$/);
    // The consent shows on the client's page
    await page
      .getByRole("row", { name: /Weitergabe/ })
      .getByRole("link", { name: partner })
      .waitFor();

    // A follow-up due today shows under "Meine Wiedervorlagen"
    const taskTitle = `Rückmeldung ${tag} prüfen`;
    await page.getByRole("button", { name: "Wiedervorlage", exact: true }).click();
    const taskDialog = page.getByRole("dialog");
    await taskDialog.getByRole("textbox", { name: "Was ist zu tun?" }).fill(taskTitle);
    await taskDialog.getByRole("button", { name: "Heute", exact: true }).click();
    // A colleague of the sub-project could take it over; this one stays with the counselor
    await taskDialog.getByRole("button", { name: /Zuständig/ }).click();
    await page.getByRole("option", { name: "Lea Leitung (Demo)" }).waitFor();
    await page.keyboard.press("Escape");
    expect(await taskDialog.getByRole("button", { name: /Zuständig/ }).textContent()).toContain("Ich (Ben Berater (Demo))");
    await expectAccessible(page, "add task dialog");
    await taskDialog.getByRole("button", { name: "Anlegen" }).click();
    await taskDialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Die Wiedervorlage „${taskTitle}“ ist angelegt.`).waitFor();
    await page.getByRole("list", { name: "Offene Wiedervorlagen" }).getByText(taskTitle).waitFor();
    await mainNav(page).getByRole("link", { name: "Meine Wiedervorlagen" }).click();
    await page.getByRole("heading", { level: 1, name: "Meine Wiedervorlagen" }).waitFor();
    const today = page.getByRole("list", { name: "Heute fällig" });
    const task = today.getByRole("listitem").filter({ hasText: taskTitle });
    await task.waitFor();
    expect(await task.getByRole("link").textContent()).toBe(`${client.number} · Farid ${lastName}`);
    await expectAccessible(page, "my tasks");
    await screenshot(page, "my-tasks");
    await task.locator("label.checkbox").click();
    await page.getByRole("status").getByText(`„${taskTitle}“ ist erledigt.`).waitFor();
    expect(await task.getByRole("checkbox").isChecked()).toBe(true);

    // Recipient: the inbox lists it (no names); the detail shows exactly the shared fields
    await mainNav(bayern.page).getByRole("link", { name: "Verweise" }).click();
    await bayern.page.getByRole("heading", { level: 1, name: "Verweise" }).waitFor();
    const inboxLink = bayern.page.locator(`a[href="${referralPath}"]`);
    await inboxLink.waitFor();
    expect(await inboxLink.textContent()).toBe(BERLIN_UNIT);
    expect(await bayern.page.locator("main").textContent()).not.toContain(lastName);
    await expectAccessible(bayern.page, "referral inbox");
    await screenshot(bayern.page, "referral-inbox");
    await inboxLink.click();
    await bayern.page.getByRole("heading", { level: 1, name: `Verweis von ${BERLIN_UNIT}` }).waitFor();
    const sharedFacts = bayern.page.locator("dl.shared-facts");
    expect(await sharedFacts.locator("dt").allTextContents()).toEqual([
      "Name",
      "Kontakt (E-Mail, Telefon)",
      "Qualifikation (Land, Art, Jahr)",
    ]);
    const sharedText = (await sharedFacts.textContent()) ?? "";
    for (const fact of [`Farid ${lastName}`, `farid.${tag}@example.org`, "030 4455667", "Afghanistan", "Berufsabschluss", "2010"]) {
      expect(sharedText).toContain(fact);
    }
    expect(sharedText).not.toContain("1987");
    expect(sharedText).not.toContain("B1");
    await bayern.page.getByText("Bitte um Aufnahme in die Brückenmaßnahme.").waitFor();
    await expectAccessible(bayern.page, "referral detail (recipient)");
    await screenshot(bayern.page, "referral-detail-recipient");

    // Declining needs a reason
    await bayern.page.getByRole("button", { name: "Ablehnen …" }).click();
    const decline = bayern.page.getByRole("dialog");
    await decline.getByRole("button", { name: "Ablehnen", exact: true }).click();
    await decline.getByText("Bitte begründen Sie die Ablehnung.").waitFor();
    await expectAccessible(bayern.page, "decline dialog with error");
    await decline.getByRole("button", { name: "Abbrechen" }).click();
    await decline.waitFor({ state: "detached" });

    // Accept, start, complete
    for (const [button, status] of [
      ["Annehmen", "Angenommen"],
      ["In Bearbeitung nehmen", "In Bearbeitung"],
      ["Abschließen", "Abgeschlossen"],
    ] as const) {
      await bayern.page.getByRole("button", { name: button, exact: true }).click();
      await bayern.page.getByRole("status").getByText(`Status geändert: ${status}.`).waitFor();
    }
    await bayern.page.getByText("Für Ihre Seite ist bei diesem Verweis nichts mehr zu tun.").waitFor();
    await expectAccessible(bayern.page, "referral detail completed");
    await bayern.context.close();

    // Sender: the outbox and the detail show each status in the history
    await mainNav(page).getByRole("link", { name: "Verweise" }).click();
    await page.getByRole("tab", { name: "Ausgang" }).click();
    const outboxLink = page.locator(`a[href="${referralPath}"]`);
    await outboxLink.waitFor();
    expect(await outboxLink.textContent()).toBe(partner);
    await expectAccessible(page, "referral outbox");
    await outboxLink.click();
    await page.getByRole("heading", { level: 1, name: `Verweis an ${partner}` }).waitFor();
    const history = page.locator("ol.history .history-change");
    // The page may show the referral as this browser sent it first, then the fresh state
    await expect.poll(() => history.allTextContents()).toEqual(["Gesendet", "Angenommen", "In Bearbeitung", "Abgeschlossen"]);
    expect(await page.locator("ol.history").textContent()).toContain(partner);
    await page.getByRole("link", { name: "Zur Akte der Person" }).waitFor();
    await expectAccessible(page, "referral detail (sender)");
    await screenshot(page, "referral-detail-sender");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "referral detail 360");
    await screenshot(page, "referral-detail-sender");
    await page.setViewportSize({ width: 1280, height: 900 });
    await berlin.context.close();
  });

  test("a stale answer to a referral is explained and reloads; an external referral needs no consent", async (ctx) => {
    if (!hasCasework) ctx.skip("the referrals and tasks API is not on the server yet");
    const berlin = await newPage(browser);
    await login(berlin.page, "berater.berlin@lotse.demo");
    const client = await createClientByApi(berlin.page, { firstName: "Lina", lastName: `Sabbagh${tag}`, birthYear: 1995 });

    // External service: no consent, no data shared; the sender records the answer
    await berlin.page.goto(`/staff/clients/${client.id}`);
    await berlin.page.getByRole("button", { name: "Verweisen" }).click();
    const dialog = berlin.page.getByRole("dialog");
    await dialog.getByRole("radiogroup", { name: "Verweis an" }).locator("label", { hasText: "Externe Stelle" }).click();
    await dialog.getByRole("button", { name: /Externe Stelle/ }).click();
    await berlin.page.getByRole("option", { name: "Andere Stelle" }).click();
    await dialog.getByRole("button", { name: "Verweis senden" }).click();
    await dialog.getByText("Bitte füllen Sie dieses Feld aus.").waitFor();
    await expectAccessible(berlin.page, "external referral with error");
    await dialog.getByRole("textbox", { name: "Name der Stelle" }).fill("Migrationsberatung Mitte");
    await dialog.getByRole("button", { name: "Verweis senden" }).click();
    await dialog.waitFor({ state: "detached" });
    const notice = berlin.page.getByRole("status").filter({ hasText: "ist gesendet" });
    await notice.getByRole("link", { name: "Verweis ansehen" }).click();
    await berlin.page.getByRole("heading", { level: 1, name: "Verweis an Migrationsberatung Mitte" }).waitFor();
    await berlin.page.getByText("Die externe Stelle arbeitet nicht mit Lotse").waitFor();

    // Someone else answers meanwhile: the page's answer is stale
    const id = berlin.page.url().split("/").pop()!;
    const changed = await berlin.page.request.post(`/api/referrals/${id}/status`, {
      headers: { "x-csrf-token": await csrfOf(berlin.page) },
      data: { status: "accepted", version: 1 },
    });
    expect(changed.status()).toBe(200);
    await berlin.page.getByRole("button", { name: "Ablehnen …" }).click();
    const decline = berlin.page.getByRole("dialog");
    await decline.getByRole("textbox", { name: "Begründung" }).fill("Kein Platz frei");
    await decline.getByRole("button", { name: "Ablehnen", exact: true }).click();
    const conflict = decline.getByRole("alert").filter({ hasText: "inzwischen von der anderen Seite geändert" });
    await conflict.waitFor();
    await expectAccessible(berlin.page, "referral conflict");
    await conflict.getByRole("button", { name: "Neu laden" }).click();
    await decline.waitFor({ state: "detached" });
    await berlin.page.getByRole("button", { name: "In Bearbeitung nehmen" }).waitFor();
    await expect.poll(() => berlin.page.locator("ol.history .history-change").allTextContents()).toEqual(["Gesendet", "Angenommen"]);
    await berlin.context.close();
  });

  test("break-the-glass: a Faire Integration counselor in Berlin opens a Berlin client with a reason; the lead sees and ends it", async (ctx) => {
    if (!hasCasework) ctx.skip("the referrals and tasks API is not on the server yet");
    const owner = await newPage(browser);
    await login(owner.page, "berater.berlin@lotse.demo");
    const lastName = `Yilmaz${tag}`;
    const client = await createClientByApi(owner.page, { firstName: "Deniz", lastName, birthYear: 1984 });
    await owner.context.close();

    const fi = await newPage(browser);
    await login(fi.page, "fi.berlin@lotse.demo");
    await fi.page.goto(`/staff/clients/${client.id}`);
    await fi.page.getByRole("heading", { level: 1, name: "Akte eines anderen Teilprojekts" }).waitFor();
    for (const term of ["zeitlich begrenzt", "protokolliert", "Leitung des Teilprojekts wird benachrichtigt"]) {
      await fi.page.getByText(term).first().waitFor();
    }
    expect(await fi.page.locator("main").textContent()).not.toContain(lastName);
    await expectAccessible(fi.page, "break-the-glass prompt");
    await fi.page.getByRole("textbox", { name: "Begründung" }).fill("kurz");
    await fi.page.getByRole("button", { name: "Akte per Notfallzugriff öffnen" }).click();
    await fi.page.getByText("Bitte begründen Sie den Zugriff in mindestens 10 Zeichen.").waitFor();
    await expectAccessible(fi.page, "break-the-glass prompt with error");
    await screenshot(fi.page, "break-glass-prompt");
    await fi.page.getByRole("textbox", { name: "Begründung" }).fill("Person steht ohne Termin bei uns, Rückfrage zum Arbeitsvertrag");
    await fi.page.getByRole("button", { name: "Akte per Notfallzugriff öffnen" }).click();
    await fi.page.getByRole("heading", { level: 1, name: `Deniz ${lastName}` }).waitFor();
    await fi.page.getByText("Sie sehen diese Akte per Notfallzugriff").waitFor();
    expect(await fi.page.getByRole("button", { name: "Verweisen" }).count()).toBe(0);
    await expectAccessible(fi.page, "client opened by break-the-glass");
    await fi.context.close();

    const lead = await newPage(browser);
    await login(lead.page, "leitung.berlin@lotse.demo");
    await lead.page.goto(`/staff/clients/${client.id}`);
    const grants = lead.page.getByRole("region", { name: "Notfallzugriffe" });
    const row = grants.getByRole("row", { name: /Fatma Faire-Integration/ });
    await row.getByText("Rückfrage zum Arbeitsvertrag").waitFor();
    await row.getByText(/aktiv bis/).waitFor();
    await expectAccessible(lead.page, "client page with access grants");
    await lead.page.getByRole("button", { name: "Notfallzugriff von Fatma Faire-Integration (Demo) beenden" }).click();
    await lead.page.getByRole("status").getByText("Der Notfallzugriff von Fatma Faire-Integration (Demo) ist beendet.").waitFor();
    await row.getByText(/beendet am/).waitFor();
    await lead.context.close();
  });

  test("the lead hands a caseload over and back; merges a duplicate; exports and erases a client", async (ctx) => {
    if (!hasCasework) ctx.skip("the referrals and tasks API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "leitung.berlin@lotse.demo");

    // Caseload: the counselor's clients go to the lead and back
    await mainNav(page).getByRole("link", { name: "Fallbestand" }).click();
    await page.getByRole("heading", { level: 1, name: "Fallbestand" }).waitFor();
    await page.getByRole("button", { name: "Fallbestand von Ben Berater (Demo) übertragen" }).click();
    const reassign = page.getByRole("dialog");
    await reassign.getByRole("button", { name: /Übertragen an/ }).click();
    await page.getByRole("option", { name: "Lea Leitung (Demo)" }).click();
    await reassign.getByText(/gehen von Ben Berater \(Demo\) an Lea Leitung \(Demo\)/).waitFor();
    await expectAccessible(page, "reassign dialog");
    await reassign.getByRole("button", { name: "An Lea Leitung (Demo) übertragen" }).click();
    await reassign.waitFor({ state: "detached" });
    const moved = page.getByRole("status").getByText(/von Ben Berater \(Demo\) an Lea Leitung \(Demo\) übertragen/);
    await moved.waitFor();
    expect(await moved.textContent()).toMatch(/^(Eine ratsuchende Person|\d+ Ratsuchende)/);
    await expectAccessible(page, "caseload after reassignment");
    await screenshot(page, "caseload");
    await page.getByRole("button", { name: "Fallbestand von Lea Leitung (Demo) übertragen" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /Übertragen an/ })
      .click();
    await page.getByRole("option", { name: "Ben Berater (Demo)" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "An Ben Berater (Demo) übertragen" }).click();
    await page
      .getByRole("status")
      .getByText(/von Lea Leitung \(Demo\) an Ben Berater \(Demo\) übertragen/)
      .waitFor();

    // Merge a duplicate record of the same person into this one
    const lastName = `Osei${tag}`;
    const kept = await createClientByApi(page, { firstName: "Kwame", lastName, birthYear: 1979, nationalities: ["GH"] });
    const duplicate = await createClientByApi(page, {
      firstName: "Kwame",
      lastName,
      birthYear: 1979,
      nationalities: ["GH"],
      phone: "0170 1234567",
    });
    await page.goto(`/staff/clients/${kept.id}`);
    await page.getByRole("heading", { level: 1, name: `Kwame ${lastName}` }).waitFor();
    await page.getByRole("button", { name: "Weitere Aktionen" }).click();
    await page.getByRole("menuitem", { name: "Dubletten zusammenführen" }).click();
    const merge = page.getByRole("dialog");
    await merge.getByRole("radiogroup", { name: "Doppelter Datensatz" }).locator("label", { hasText: duplicate.number }).click();
    await expectAccessible(page, "merge dialog");
    await merge.getByRole("button", { name: "Weiter" }).click();
    await merge.getByText(`${duplicate.number} wird in ${kept.number} übernommen:`).waitFor();
    await merge.getByRole("button", { name: "Zusammenführen" }).click();
    await merge.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`${duplicate.number} ist übernommen`, { exact: false }).waitFor();
    await page.locator(".detail-grid").getByText("0170 1234567").waitFor();

    // Access export: a JSON file with everything stored
    await page.getByRole("button", { name: "Weitere Aktionen" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Auskunft exportieren (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^auskunft-${kept.number}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(JSON.stringify(exported.client)).toContain(lastName);
    await page.getByRole("status").getByText(`Die Auskunft zu ${kept.number} ist heruntergeladen`, { exact: false }).waitFor();
    await page.getByRole("button", { name: "Weitere Aktionen" }).click();
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Auskunft als PDF für die Person" }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // Erasure: explained, confirmed, final
    await page.getByRole("button", { name: "Weitere Aktionen" }).click();
    await page.getByRole("menuitem", { name: "Personenbezogene Daten löschen" }).click();
    const erase = page.getByRole("dialog");
    await erase.getByRole("heading", { name: `Personenbezogene Daten von ${kept.number} löschen?` }).waitFor();
    await erase.getByText("Erhalten bleiben").waitFor();
    await erase.getByRole("button", { name: "Endgültig löschen" }).click();
    await erase.getByText("Bitte bestätigen Sie, dass die Löschung endgültig ist.").waitFor();
    await expectAccessible(page, "erase dialog with error");
    await screenshot(page, "client-erase-dialog", true);
    await erase.locator("label.checkbox", { hasText: "endgültig" }).click();
    await erase.getByRole("button", { name: "Endgültig löschen" }).click();
    await erase.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Die personenbezogenen Daten von ${kept.number} sind gelöscht.`).waitFor();
    await expect.poll(async () => (await page.locator("main").textContent())?.includes(lastName)).toBe(false);
    await expectAccessible(page, "client page after erasure");
    await context.close();
  });

  test("a counselor sees their own caseload; roles without casework get an explanation", async (ctx) => {
    if (!hasCasework) ctx.skip("the referrals and tasks API is not on the server yet");
    const counselor = await newPage(browser, 360);
    await login(counselor.page, "berater.berlin@lotse.demo");
    await counselor.page.goto("/staff/caseload");
    await counselor.page.getByRole("heading", { level: 1, name: "Fallbestand" }).waitFor();
    await counselor.page.getByRole("rowheader", { name: "Ben Berater (Demo)" }).waitFor();
    expect(await counselor.page.getByRole("button", { name: /Fallbestand .* übertragen/ }).count()).toBe(0);
    await expectNoHorizontalScroll(counselor.page, "caseload 360");
    await expectAccessible(counselor.page, "caseload (counselor) 360");
    await counselor.page.goto("/staff/referrals");
    await counselor.page.getByRole("heading", { level: 1, name: "Verweise" }).waitFor();
    await counselor.page.getByRole("tab", { name: "Eingang" }).waitFor();
    await expectNoHorizontalScroll(counselor.page, "referrals 360");
    await screenshot(counselor.page, "referral-inbox");
    await counselor.context.close();

    const monitoring = await newPage(browser);
    await login(monitoring.page, "monitoring@lotse.demo");
    expect(await mainNav(monitoring.page).getByRole("link", { name: "Verweise" }).count()).toBe(0);
    await monitoring.page.goto("/staff/referrals");
    await monitoring.page.getByText("Dafür fehlt Ihnen die Berechtigung.").waitFor();
    await expectAccessible(monitoring.page, "referrals without casework");
    await monitoring.context.close();
  });
});
