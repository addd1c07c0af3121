import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedId } from "../server/modules/directory/seed.js";
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, runTag, screenshot } from "./support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The server refuses a public form sent sooner than PUBLIC_FORM_MIN_FILL_SECONDS (3) after it opened. */
const MIN_FILL_MS = 3_500;
const waitUntilFilled = async (page: Page, openedAt: number) => page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));

const berlinSite = seedId("unit", "demo-sub-project:DE-BE:site:0");
const ar = {
  link: "اكتب طلبًا",
  form: "طلب عبر الإنترنت",
  submit: "إرسال الطلب",
  name: "اسمك",
  email: "بريدك الإلكتروني",
  description: "طلبك في بضع جمل",
  channel: "كيف تريد الحصول على الاستشارة؟",
  phone: "عبر الهاتف",
  consent: "أوافق على أن يحفظ مركز الاستشارة بياناتي للرد على طلبي.",
  nameMissing: "يرجى إدخال اسمك.",
  channelMissing: "يرجى اختيار طريقة الاستشارة.",
  consentMissing: "لا يمكننا قبول الطلب بدون موافقتك.",
  success: "شكرًا لك! وصل طلبك إلى مركز الاستشارة.",
};

describe("online request", () => {
  test("sent in Arabic on a phone (360 px), accepted by a Berlin counselor in the inbox", async () => {
    const tag = runTag();
    const name = `Amal Anfrage${tag}`;
    const { context, page } = await newPage(browser, 360);
    await page.goto(`/beratung-finden/standorte/${berlinSite}?lang=ar`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("link", { name: ar.link }).scrollIntoViewIfNeeded();
    await expectAccessible(page, "site page ar 360");
    await expectNoHorizontalScroll(page, "site page ar 360");
    await screenshot(page, "online-request-site-ar");
    await page.getByRole("link", { name: ar.link }).click();

    const form = page.getByRole("form", { name: ar.form });
    await form.waitFor();
    const openedAt = Date.now();
    await expectAccessible(page, "request form ar 360");
    await expectNoHorizontalScroll(page, "request form ar 360");
    await screenshot(page, "online-request-form-ar");

    // Sent without the required answers: the server names each field, the focus goes to the first.
    await form.getByRole("button", { name: ar.submit }).click();
    await form.getByText(ar.nameMissing).waitFor();
    await form.getByText(ar.channelMissing).waitFor();
    await form.getByText(ar.consentMissing).waitFor();
    expect(await form.getByRole("textbox", { name: ar.name }).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "request form errors ar 360");
    await expectNoHorizontalScroll(page, "request form errors ar 360");
    await screenshot(page, "online-request-errors-ar", true);

    await form.getByRole("radiogroup", { name: ar.channel }).locator("label", { hasText: ar.phone }).click();
    await form.getByRole("textbox", { name: ar.name }).fill(name);
    await form.getByRole("textbox", { name: ar.email }).fill(`amal-${tag}@example.org`);
    await form.getByRole("textbox", { name: ar.description }).fill("أنا طبيبة من سوريا وأريد الاعتراف بشهادتي.");
    await form.locator("label", { hasText: ar.consent }).click();
    expect(await form.getByRole("checkbox", { name: ar.consent }).isChecked()).toBe(true);
    await waitUntilFilled(page, openedAt);
    await form.getByRole("button", { name: ar.submit }).click();
    await page.getByRole("status").filter({ hasText: ar.success }).waitFor();
    expect(await form.getByRole("textbox", { name: ar.name }).inputValue()).toBe("");
    await expectAccessible(page, "request sent ar 360");
    await screenshot(page, "online-request-sent-ar");
    await context.close();

    // The Berlin counselor finds it in the inbox (no names in the list) and accepts it.
    const staff = await newPage(browser, 1280);
    await login(staff.page, "berater.berlin@lotse.demo");
    await staff.page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Online-Anfragen" }).click();
    await staff.page.getByRole("heading", { level: 1, name: "Online-Anfragen" }).waitFor();
    await staff.page.getByRole("table").waitFor();
    expect(await staff.page.getByRole("table").textContent()).not.toContain(name);
    await expectAccessible(staff.page, "request inbox");
    await screenshot(staff.page, "online-request-inbox");
    // Newest first: the request just sent.
    await staff.page.getByRole("table").getByRole("link").first().click();
    await staff.page.getByRole("heading", { level: 1, name: `Anfrage von ${name}` }).waitFor();
    await expectAccessible(staff.page, "request detail");
    await screenshot(staff.page, "online-request-detail");

    await staff.page.getByRole("button", { name: "Annehmen", exact: true }).click();
    const dialog = staff.page.getByRole("dialog", { name: "Anfrage annehmen" });
    await dialog.waitFor();
    expect(await dialog.getByRole("textbox", { name: "Vorname" }).inputValue()).toBe("Amal");
    expect(await dialog.getByRole("textbox", { name: "Nachname" }).inputValue()).toBe(`Anfrage${tag}`);
    await dialog.getByRole("textbox", { name: "Geburtsjahr" }).fill("1988");
    // The first appointment is booked with the acceptance: without a time chosen, the dialog asks for one.
    await dialog.getByRole("button", { name: "Annehmen und Akte anlegen" }).click();
    await dialog.getByText("Bitte wählen Sie einen Termin", { exact: false }).waitFor();
    await expectAccessible(staff.page, "accept dialog, no time chosen");
    // A select is named by its value and its label ("Auswählen Termin").
    await dialog.getByRole("button", { name: /Termin$/ }).click();
    await staff.page.getByRole("option").first().click();
    await expectAccessible(staff.page, "accept dialog");
    await screenshot(staff.page, "online-request-accept", true);
    await dialog.getByRole("button", { name: "Annehmen und Akte anlegen" }).click();
    await staff.page.waitForURL(/\/staff\/clients\/[0-9a-f-]{36}$/);
    await staff.page
      .getByRole("heading", { level: 1 })
      .filter({ hasText: `Anfrage${tag}` })
      .waitFor();
    await staff.page.waitForLoadState("networkidle");
    await staff.page
      .getByRole("heading", { level: 1 })
      .filter({ hasText: `Anfrage${tag}` })
      .waitFor();
    await screenshot(staff.page, "online-request-client");

    // Back in the inbox the request is no longer open.
    await staff.page.goto("/staff/requests?status=accepted");
    await staff.page.getByRole("table").waitFor();
    await staff.context.close();
  });
});
