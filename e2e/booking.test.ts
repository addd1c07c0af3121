/**
 * Public appointment booking in a real browser: by keyboard alone from the site page to the
 * confirmation, then moving and cancelling through the manage link; in Arabic on a phone, the
 * time someone else took a moment earlier and the next free times offered instead; an e-mail address
 * with as many bookings as allowed refused at its field. axe runs on every state (calendar open,
 * errors shown, dialog open).
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, newPage, runTag, screenshot } from "./support.js";

/**
 * The booking page fetches a form token when the form appears and sends it: the server refuses it
 * sooner than PUBLIC_FORM_MIN_FILL_SECONDS (3) after that.
 */
const MIN_FILL_MS = 3_500;
const waitUntilFilled = async (page: Page, openedAt: number) => page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));

type Slot = { id: string; start: string; channel: string };
type SiteItem = { id: string; name: string; nextFreeSlot: Slot | null };

let browser: Browser;
let site: SiteItem;

beforeAll(async () => {
  browser = await launchBrowser();
  // A demo recognition site in Berlin that publishes hours (every state has one).
  const res = await fetch(`${baseUrl()}/api/public/sites?postcode=10115&language=ar&topic=recognition`);
  const { items } = (await res.json()) as { items: SiteItem[] };
  const bookable = items.find((s) => s.nextFreeSlot);
  if (!bookable) throw new Error("no bookable demo site near 10115");
  site = bookable;
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until `target` has the focus (keyboard only: no clicks). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await target.first().waitFor({ state: "attached" });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.first().evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function outboxTo(email: string): Promise<{ subject: string }[]> {
  const res = await fetch(`${baseUrl()}/api/dev/outbox`);
  const { items } = (await res.json()) as { items: { to: string; subject: string }[] };
  return items.filter((m) => m.to.includes(email));
}

describe("booking an appointment (public)", () => {
  test("by keyboard alone: choose a time, correct the errors, book, move and cancel (de, 1280 px)", async () => {
    const email = `kb.${runTag()}@example.org`;
    const { context, page } = await newPage(browser, 1280);
    await page.goto(`/beratung-finden/standorte/${site.id}?lang=de`);
    await page.getByRole("heading", { level: 1, name: site.name }).waitFor();

    await tabTo(page, page.getByRole("link", { name: "Termin buchen" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "1. Termin wählen" }).waitFor();
    const openedAt = Date.now();
    const times = page.getByRole("radiogroup", { name: /^Freie Zeiten am/ });
    await times.waitFor();
    // The calendar is open on the first free day; the day's times show next to it.
    const selectedDay = page.locator(".booking-calendar [data-selected]");
    await selectedDay.waitFor();
    await expectAccessible(page, "booking page, calendar open");
    await screenshot(page, "booking-de", true);

    // The calendar is reached by Tab and moved with the arrow keys; days without slots cannot be chosen.
    await tabTo(page, page.getByRole("grid"));
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");

    // Sending without a time: the time is asked for, focus lands on it.
    await tabTo(page, page.getByRole("button", { name: "Termin verbindlich buchen" }));
    await page.keyboard.press("Enter");
    await page.getByText("Bitte wählen Sie eine Uhrzeit.").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".slot-times") !== null)).toBe(true);
    await page.keyboard.press("Space");
    const chosen = page.locator(".slot-option[data-selected]");
    await chosen.waitFor();
    const chosenTime = (await chosen.textContent())!.trim();
    expect(chosenTime).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);

    // Sending without name and consent: the server names both fields, focus on the first.
    await tabTo(page, page.getByRole("button", { name: "Termin verbindlich buchen" }));
    await page.keyboard.press("Enter");
    await page.getByText("Bitte geben Sie Ihren Namen ein.").waitFor();
    await page.getByText("Bitte stimmen Sie zu.", { exact: false }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).toBe("name");
    await expectAccessible(page, "booking page, errors shown");
    // keepFocus: the keyboard goes on from the focused field.
    await screenshot(page, "booking-errors-de", true);

    await page.keyboard.type("Mariam Haddad");
    await page.keyboard.press("Tab");
    await page.keyboard.type(email);
    await tabTo(page, page.getByRole("checkbox", { name: /Ich bin einverstanden/ }));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "Termin verbindlich buchen" }));
    await waitUntilFilled(page, openedAt);
    await page.keyboard.press("Enter");

    // The confirmation takes the focus; the chosen time and the links are there.
    const done = page.getByRole("heading", { level: 2, name: "Ihr Termin ist gebucht." });
    await done.waitFor();
    expect(await done.evaluate((el) => el === document.activeElement)).toBe(true);
    const when = (await page.locator(".booking-facts dd").first().textContent())!;
    expect(when).toContain(chosenTime.slice(0, 5));
    expect(await page.getByRole("link", { name: "In meinen Kalender eintragen (.ics)" }).getAttribute("href")).toMatch(/\/ics\?token=/);
    await expectAccessible(page, "booking confirmation");
    await screenshot(page, "booking-done-de", true);
    await expect.poll(async () => (await outboxTo(email)).length, { timeout: 15_000 }).toBeGreaterThan(0);

    // The manage link (the same as in the mail) opens the booking.
    await tabTo(page, page.getByRole("link", { name: "Termin ansehen, verschieben oder absagen" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Ihr Termin" }).waitFor();
    expect(new URL(page.url()).searchParams.get("lang")).toBe("de");
    await page.getByText("gebucht", { exact: true }).waitFor();
    await expectAccessible(page, "manage page");

    // Move: another free time of the same day, chosen with the arrow keys.
    await tabTo(page, page.getByRole("button", { name: "Termin verschieben" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Neuen Termin wählen" }).waitFor();
    const firstTime = page.locator(".slot-option").first();
    await firstTime.waitFor();
    await tabTo(page, page.locator(".slot-options"));
    await page.keyboard.press("ArrowDown");
    const newTime = (await page.locator(".slot-option[data-selected]").textContent())!.trim();
    await tabTo(page, page.getByRole("button", { name: "Auf diesen Termin verschieben" }));
    await page.keyboard.press("Enter");
    await page.getByText("Ihr Termin ist verschoben.", { exact: false }).waitFor();
    expect(await page.locator(".booking-facts dd").first().textContent()).toContain(newTime.slice(0, 5));

    // Cancel, after a question in a dialog.
    await tabTo(page, page.getByRole("button", { name: "Termin absagen" }));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Termin absagen?" });
    await dialog.waitFor();
    await expectAccessible(page, "cancel dialog open");
    await tabTo(page, dialog.getByRole("button", { name: "Ja, Termin absagen" }));
    await page.keyboard.press("Enter");
    await page.getByText("Ihr Termin ist abgesagt.", { exact: false }).waitFor();
    await page.getByText("abgesagt", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Termin absagen" }).count()).toBe(0);
    await expect.poll(async () => (await outboxTo(email)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  for (const width of [360, 1280]) {
    test(`in Arabic: right to left, and a time taken meanwhile offers the next free ones (${width} px)`, async () => {
      const email = `ar.${width}.${runTag()}@example.org`;
      const { context, page } = await newPage(browser, width);
      await page.goto(`/beratung-finden/standorte/${site.id}/termin?lang=ar`);
      expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
      await page.getByRole("heading", { level: 2, name: "1. اختر موعدًا" }).waitFor();
      const openedAt = Date.now();
      const firstTime = page.locator(".slot-option").first();
      await firstTime.click();
      // Latin digits on the 24-hour clock, as on German letters.
      expect((await firstTime.textContent())!.trim()).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
      await expectAccessible(page, `booking ar ${width}`);
      await expectNoHorizontalScroll(page, `booking ar ${width}`);
      await screenshot(page, "booking-ar");

      await page.getByRole("textbox", { name: "اسمك" }).fill("مريم حداد");
      await page.getByRole("textbox", { name: "البريد الإلكتروني" }).fill(email);
      await page.locator("label.checkbox", { hasText: "أوافق" }).click();

      // Someone else books that very time first (through the API, as another browser would).
      const slotId = await page.locator(".slot-option[data-selected] input").getAttribute("value");
      const other = await fetch(`${baseUrl()}/api/public/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          slotId,
          name: "Jemand",
          email: `other.${runTag()}@example.org`,
          language: "de",
          topic: "recognition",
          consent: true,
        }),
      });
      expect(other.status).toBe(201);

      await waitUntilFilled(page, openedAt);
      await page.getByRole("button", { name: "تأكيد حجز الموعد" }).click();
      const alert = page.locator(".slot-taken");
      await alert.getByText("حجز شخص آخر هذا الموعد قبل قليل", { exact: false }).waitFor();
      expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
      // What was typed is still there.
      expect(await page.getByRole("textbox", { name: "اسمك" }).inputValue()).toBe("مريم حداد");
      await expectAccessible(page, `booking ar slot taken ${width}`);
      await expectNoHorizontalScroll(page, `booking ar slot taken ${width}`);
      await screenshot(page, "booking-taken-ar");

      await alert.getByRole("button").first().click();
      await page.locator(".slot-option[data-selected]").waitFor();
      await page.getByRole("button", { name: "تأكيد حجز الموعد" }).click();
      await page.getByRole("heading", { level: 2, name: "تم حجز موعدك." }).waitFor();
      await expectAccessible(page, `booking ar done ${width}`);
      await screenshot(page, "booking-done-ar");
      await context.close();
    });
  }

  test("an e-mail address with three upcoming bookings is refused at its field, with the way to move or cancel (de, 360 px)", async () => {
    const email = `cap.${runTag()}@example.org`;
    // Three bookings through the API (as a partner site would: no form token), the latest free times
    // in person (one channel: a counselor's times by phone and in person overlap).
    const slots = (await (await fetch(`${baseUrl()}/api/public/sites/${site.id}/slots?channel=in_person`)).json()) as { items: Slot[] };
    for (const slot of slots.items.slice(-3)) {
      const res = await fetch(`${baseUrl()}/api/public/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          slotId: slot.id,
          name: "Mariam Haddad",
          email,
          language: "de",
          topic: "recognition",
          consent: true,
        }),
      });
      expect(res.status, await res.text()).toBe(201);
    }

    const { context, page } = await newPage(browser, 360);
    await page.goto(`/beratung-finden/standorte/${site.id}/termin?lang=de`);
    await page.getByRole("heading", { level: 2, name: "1. Termin wählen" }).waitFor();
    const openedAt = Date.now();
    await page.locator(".slot-option").first().click();
    await page.getByRole("textbox", { name: "Ihr Name" }).fill("Mariam Haddad");
    await page.getByRole("textbox", { name: "E-Mail-Adresse" }).fill(email);
    await page.getByRole("textbox", { name: "Telefonnummer" }).fill("+49 30 1234567");
    await page.locator("label.checkbox", { hasText: "Ich bin einverstanden" }).click();
    await waitUntilFilled(page, openedAt);
    await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();

    const message = page.getByText("Für diese E-Mail-Adresse gibt es schon 3 gebuchte Termine.", { exact: false });
    await message.waitFor();
    expect(await message.textContent()).toContain("Link in Ihrer Bestätigungs-E-Mail");
    // The focus is on the field to correct, which names the message as its description.
    const field = page.getByRole("textbox", { name: "E-Mail-Adresse" });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "booking page, too many bookings");
    await expectNoHorizontalScroll(page, "booking page, too many bookings");
    await screenshot(page, "booking-too-many-de", true);
    await context.close();
  });

  test("a manage link with a wrong token shows nothing of the booking", async () => {
    const { context, page } = await newPage(browser, 360);
    await page.goto("/termin/00000000-0000-4000-8000-000000000000?token=aaaaaaaaaaaaaaaaaaaa&lang=de");
    await page.getByText("Dieser Link ist nicht gültig.", { exact: false }).waitFor();
    await expectAccessible(page, "manage page, invalid link");
    await context.close();
  });
});
