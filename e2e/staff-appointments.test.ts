/**
 * Appointments for staff in the browser: the Berlin lead keeps a site's booking rules, weekly
 * hours and exceptions (server field errors at the fields, success in a live region), finds a
 * booking made through the public API in the calendar at the site's local time, and cancels it
 * after a confirmation. The test server runs on the real clock, so marking attended or not
 * attended (only after the start) is checked through the API: refused before the start.
 * A counselor sees the rules read-only and enters only their own hours. axe on both pages,
 * also with errors shown; 1280 and 360 px.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  atPhoneWidth,
  choose,
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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tag = runTag();
const BERLIN = "Europe/Berlin";
type Slot = { id: string; start: string; end: string; counselorId: string; channel: string };

/** The Berlin demo sub-project's first site, as the lead's unit list has it. */
async function firstSite(page: Page): Promise<{ id: string; name: string }> {
  const res = await page.request.get("/api/units?type=site");
  expect(res.status()).toBe(200);
  const items = (await res.json()).items as { id: string; name: string; closedOn: string | null }[];
  const site = items.find((s) => !s.closedOn);
  expect(site).toBeTruthy();
  return site!;
}

/** Books the first free slot of the site as a member of the public would (allowed as set-up). */
async function bookFirstSlot(
  page: Page,
  siteId: string,
  name: string,
  which: (slots: Slot[]) => Slot | undefined = (slots) => slots[0],
): Promise<{ id: string; slot: Slot }> {
  const slots = await page.request.get(`/api/public/sites/${siteId}/slots`);
  expect(slots.status()).toBe(200);
  const body = (await slots.json()) as { items: Slot[]; timeZone: string };
  expect(body.timeZone).toBe(BERLIN);
  const slot = which(body.items)!;
  expect(slot).toBeTruthy();
  const res = await page.request.post("/api/public/bookings", {
    data: { slotId: slot.id, name, email: `${tag}@example.org`, language: "ar", topic: "recognition", consent: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return { id: (await res.json()).id, slot };
}

/** Types digits into a date or time field, segment after segment. */
async function typeInto(scope: Locator, label: string, digits: string): Promise<void> {
  const field = scope.locator(".field").filter({ has: scope.page().getByText(label, { exact: true }) });
  await field.getByRole("spinbutton").first().click();
  await scope.page().keyboard.type(digits);
}

/** The value of one fact (dt / dd) of a booking card. */
const fact = (card: Locator, term: string) =>
  card
    .locator("dl > div")
    .filter({ has: card.page().locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd")
    .textContent();

const berlinTime = (iso: string) =>
  new Intl.DateTimeFormat("de", { timeZone: BERLIN, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
const berlinDay = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: BERLIN, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

describe("appointments (staff)", () => {
  test("a lead keeps booking rules, weekly hours and exceptions with errors at the fields", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "leitung.berlin@lotse.demo");
    const site = await firstSite(page);

    await mainNav(page).getByRole("link", { name: "Sprechzeiten" }).click();
    await page.getByRole("heading", { level: 1, name: "Sprechzeiten" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Wöchentliche Sprechzeiten" }).waitFor();
    await page.goto(`/staff/availability?site=${site.id}`);
    await page.getByRole("heading", { level: 2, name: "Buchungsregeln" }).waitFor();
    await page.getByText("Alle Zeiten in der Ortszeit des Standorts (Europe/Berlin).").waitFor();
    await expectAccessible(page, "availability page");

    // Booking rules: a length the server refuses, shown at its field; then saved
    const inPerson = page.getByRole("textbox", { name: "Dauer Vor Ort (Minuten)" });
    await inPerson.fill("5");
    await page.getByRole("button", { name: "Buchungsregeln speichern" }).click();
    await expect.poll(() => inPerson.getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("alert").getByText("Die Eingaben sind unvollständig oder ungültig.", { exact: false }).waitFor();
    await expectAccessible(page, "availability page with a settings error");
    await inPerson.fill("50");
    await page.getByRole("button", { name: "Buchungsregeln speichern" }).click();
    await page.getByRole("status").getByText("Die Buchungsregeln sind gespeichert.").waitFor();
    await expect.poll(() => page.getByRole("textbox", { name: "Dauer Vor Ort (Minuten)" }).inputValue()).toBe("50");

    // Weekly hours: the end before the start is refused at "Bis"; corrected, added to the list
    const ruleForm = page.locator('form[aria-labelledby="add-weekly-hours"]');
    await choose(page, /Beraterin \/ Berater/, "Ben Berater (Demo)");
    await choose(page, /Wochentag/, "Samstag");
    await typeInto(ruleForm, "Von", "1000");
    await typeInto(ruleForm, "Bis", "0900");
    await ruleForm.getByText("Telefon", { exact: true }).click();
    expect(await ruleForm.getByRole("checkbox", { name: "Telefon" }).isChecked()).toBe(true);
    await ruleForm.getByRole("button", { name: "Sprechzeit hinzufügen" }).click();
    const until = ruleForm.locator(".field").filter({ has: page.getByText("Bis", { exact: true }) });
    await until.getByText("Ende muss nach Beginn liegen").waitFor();
    await expectAccessible(page, "availability page with a weekly hours error");
    await screenshot(page, "appointments-availability-error");
    await typeInto(ruleForm, "Bis", "1300");
    await ruleForm.getByRole("button", { name: "Sprechzeit hinzufügen" }).click();
    await page
      .getByRole("status")
      .getByText(/^Sprechzeit hinzugefügt: Samstag, 10:00–13:00, .Ben Berater \(Demo\)./)
      .waitFor();
    const saturday = page.getByRole("row").filter({ hasText: "Samstag" }).filter({ hasText: "10:00–13:00" });
    await saturday.waitFor();
    expect(await saturday.textContent()).toContain("Vor Ort, Telefon");

    // An exception: a closure of the whole site on one day, a month ahead
    const day = new Date(Date.now() + 30 * 86_400_000);
    const [y, m, d] = berlinDay(day.toISOString()).split("-");
    const exceptionForm = page.locator('form[aria-labelledby="add-exception"]');
    await choose(page, /\bArt\b/, "Schließung");
    await typeInto(exceptionForm, "Von (Tag)", `${d}${m}${y}`);
    await exceptionForm.getByRole("textbox", { name: "Notiz" }).fill(`Betriebsausflug ${tag}`);
    await exceptionForm.getByRole("button", { name: "Ausnahme eintragen" }).click();
    await page
      .getByRole("status")
      .getByText(/^Eingetragen: Schließung, /)
      .waitFor();
    const closure = page.getByRole("row").filter({ hasText: `Betriebsausflug ${tag}` });
    await closure.waitFor();
    expect(await closure.textContent()).toContain("ganzer Standort");
    await expectAccessible(page, "availability page after adding");
    await screenshot(page, "appointments-availability");
    await atPhoneWidth(page, "appointments-availability");

    // Removing asks first; the focus then goes to the list's heading
    await saturday.getByRole("button", { name: /^Entfernen: Samstag, 10:00–13:00/ }).click();
    const dialog = page.getByRole("dialog", { name: "Sprechzeit entfernen" });
    await dialog.getByText("Bereits gebuchte Termine bleiben bestehen.", { exact: false }).waitFor();
    await expectAccessible(page, "remove weekly hours dialog");
    await dialog.getByRole("button", { name: "Entfernen" }).click();
    await page
      .getByRole("status")
      .getByText(/^Entfernt: Samstag, 10:00–13:00/)
      .waitFor();
    await saturday.waitFor({ state: "detached" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Wöchentliche Sprechzeiten");
    await context.close();
  });

  test("a lead finds a booking in the calendar at the site's local time and cancels it", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "leitung.berlin@lotse.demo");
    const site = await firstSite(page);
    const name = `Amal Haddad ${tag}`;
    const booking = await bookFirstSlot(page, site.id, name);
    const slotDay = berlinDay(booking.slot.start);
    // A second one the same day (the first slot is now taken, so it is another one)
    const other = await bookFirstSlot(page, site.id, `Omar Said ${tag}`, (slots) => slots.find((s) => berlinDay(s.start) === slotDay));

    // Marking attended or not attended waits for the start; cancelling is refused once cancelled
    const csrf = await csrfOf(page);
    const setStatus = (id: string, status: string) =>
      page.request.post(`/api/appointments/bookings/${id}/status`, { headers: { "x-csrf-token": csrf }, data: { status } });
    for (const status of ["attended", "no_show"]) {
      const res = await setStatus(booking.id, status);
      expect(res.status()).toBe(409);
      expect((await res.json()).code).toBe("invalid_transition");
    }

    await mainNav(page).getByRole("link", { name: "Terminkalender" }).click();
    await page.getByRole("heading", { level: 1, name: "Terminkalender" }).waitFor();
    await page.goto(`/staff/appointments?site=${site.id}&day=${slotDay}`);
    const card = page.getByRole("article", { name: new RegExp(name) });
    await card.waitFor();
    const time = `${berlinTime(booking.slot.start)}–${berlinTime(booking.slot.end)}`;
    expect(await card.getByRole("heading").textContent()).toBe(`${time} ${name}`);
    expect(await fact(card, "Sprache")).toBe("Arabisch");
    expect(await fact(card, "Thema")).toBe("Anerkennung und Qualifizierung");
    expect(await fact(card, "Status")).toBe("Gebucht");
    // Not begun: no attended / not attended yet
    expect(await card.getByRole("button", { name: "Wahrgenommen" }).count()).toBe(0);
    // The week is a list of days with headings, the booking under its day
    const dayHeading = page.getByRole("heading", { level: 3, name: new RegExp(`${Number(slotDay.slice(8))}\\.`) });
    expect(await dayHeading.count()).toBeGreaterThan(0);
    await page
      .getByRole("status")
      .getByText(/^Woche .*: (ein Termin|\d+ Termine)$/)
      .waitFor({ state: "attached" });
    await expectAccessible(page, "calendar week");
    await screenshot(page, "appointments-calendar-week");
    await atPhoneWidth(page, "appointments-calendar-week");

    // The day view, and back and forth
    await page.getByText("Tag", { exact: true }).click();
    await expect.poll(() => page.getByRole("radio", { name: "Tag" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Nächster Tag" }).waitFor();
    await card.waitFor();
    await expectAccessible(page, "calendar day");
    await screenshot(page, "appointments-calendar-day");
    await atPhoneWidth(page, "appointments-calendar-day");
    await page.getByRole("button", { name: "Nächster Tag" }).click();
    await card.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Vorheriger Tag" }).click();
    await card.waitFor();

    // Meanwhile the other booking was cancelled elsewhere: cancelling it here fails with a message
    expect((await setStatus(other.id, "cancelled")).status()).toBe(204);
    expect((await setStatus(other.id, "attended")).status()).toBe(409);
    const otherCard = page.getByRole("article", { name: new RegExp(`Omar Said ${tag}`) });
    await otherCard.getByRole("button", { name: "Absagen" }).click();
    const stale = page.getByRole("dialog", { name: "Termin absagen" });
    await stale.getByRole("button", { name: "Termin absagen" }).click();
    await stale.getByRole("alert").getByText("Der Termin wurde inzwischen geändert", { exact: false }).waitFor();
    await expectAccessible(page, "calendar with an error");
    await screenshot(page, "appointments-calendar-conflict");
    await stale.getByRole("button", { name: "Neu laden" }).click();
    await expect.poll(() => fact(otherCard, "Status")).toBe("Abgesagt");
    expect(await otherCard.getByRole("button").count()).toBe(0);

    // Cancel with a confirmation; the focus goes to the appointment, the result is announced
    await card.getByRole("button", { name: "Absagen" }).click();
    const dialog = page.getByRole("dialog", { name: "Termin absagen" });
    await dialog.getByText(new RegExp(`um ${berlinTime(booking.slot.start)} mit .${name}.`)).waitFor();
    await expectAccessible(page, "cancel dialog");
    await screenshot(page, "appointments-cancel-dialog");
    await dialog.getByRole("button", { name: "Termin absagen" }).click();
    await page
      .getByRole("status")
      .getByText(`${berlinTime(booking.slot.start)}, \u2068${name}\u2069: Abgesagt.`)
      .waitFor();
    await expect.poll(() => fact(card, "Status")).toBe("Abgesagt");
    expect(await card.getByRole("button").count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H3");
    await expectAccessible(page, "calendar after cancelling");
    await expectNoHorizontalScroll(page, "calendar 1280");
    await context.close();
  });

  test("a counselor reads the booking rules and keeps only their own hours", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "berater.berlin@lotse.demo");
    const site = await firstSite(page);
    await page.goto(`/staff/availability?site=${site.id}`);
    await page.getByText("Die Buchungsregeln legt die Teilprojektleitung fest.").waitFor();
    expect(await page.getByRole("button", { name: "Buchungsregeln speichern" }).count()).toBe(0);
    await page.getByText(/^Ihre eigenen Sprechzeiten/).waitFor();
    await page.getByText(/Feiertage und Schließungen trägt die Teilprojektleitung ein\./).waitFor();
    // Only their own rows can be removed
    const removable = await page.getByRole("button", { name: /^Entfernen: / }).allTextContents();
    const rows = page.getByRole("row").filter({ has: page.getByRole("button", { name: /^Entfernen: / }) });
    for (const row of await rows.all()) expect(await row.textContent()).toContain("Ben Berater");
    expect(removable.length).toBeGreaterThan(0);
    await expectAccessible(page, "availability page (counselor)");
    await screenshot(page, "appointments-availability-counselor");
    await context.close();
  });
});
